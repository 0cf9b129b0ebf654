import * as z from '../zod.ts';
import { HIDE_REASONS, idSchema, SHOP_STATUSES, type Page, type Product, type ProductStatus, type Shop, type ShopStatus, type ShopSummary } from '../domain/catalogue.ts';
import { LOCALES, type Localized } from '../domain/locales.ts';
import { SETTING_NAMES, SETTING_SCHEMAS, type PlatformSettingName, type Setting, type SettingName } from '../domain/settings.ts';
import { text } from '../domain/text.ts';
import type { AttentionRecord } from '../domain/attention.ts';
import type { MyProduct } from './artisan.ts';
import type { ShopDetail } from './catalogue.ts';
import { page } from './paging.ts';

/** Requests and responses of the operators' API (`/api/operator/...`). */


export const operatorShopsQuery = z.strictObject({ status: z._default(z.enum(SHOP_STATUSES), 'pending'), ...page });

export const shopIdPath = z.strictObject({ shopId: idSchema });

/** approve: pending/rejected → approved; reject: pending → rejected; suspend: approved → suspended; reinstate: suspended → approved. */
export const shopDecisionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('reinstate') }),
  z.strictObject({ action: z.literal('reject'), reason: text({ min: 3, max: 1000, multiline: true }) }),
  z.strictObject({ action: z.literal('suspend'), reason: text({ min: 3, max: 1000, multiline: true }) }),
]);
export type ShopDecision = z.infer<typeof shopDecisionBody>;

export type OperatorShop = Shop & { ownerEmail?: string };
export type OperatorShopPage = Page<OperatorShop>;

/** `GET /api/operator/attention`: the orders an operator must look at, newest first. */
export const operatorAttentionQuery = z.strictObject(page);
export type OperatorAttentionQuery = z.infer<typeof operatorAttentionQuery>;
export type OperatorAttentionPage = Page<AttentionRecord>;

// ——— Products, shops, settings and the team (operator console) ———

/** Find products: a shop's (every status) or a text search of the catalogue (at most one of the two); neither: the hidden ones, latest first. */
export const operatorProductsQuery = z
  .strictObject({ shop: z.optional(idSchema), q: z.optional(text({ min: 1, max: 200 })), ...page })
  .check(z.refine((query) => query.shop === undefined || query.q === undefined, { message: 'give shop or q, not both', path: ['q'] }));
export type OperatorProductsQuery = z.infer<typeof operatorProductsQuery>;

export const productIdPath = z.strictObject({ productId: idSchema });

/** hide: out of every list, search and its page at once, with a reason the artisan reads; restore: back as the artisan left it. */
export const productModerationBody = z.discriminatedUnion('action', [
  z
    .strictObject({ action: z.literal('hide'), reason: z.enum(HIDE_REASONS), note: z.optional(text({ min: 3, max: 1000, multiline: true })) })
    .check(z.refine((body) => body.reason !== 'other' || body.note !== undefined, { message: 'is needed when the reason is "other"', path: ['note'] })),
  z.strictObject({ action: z.literal('restore') }),
]);
export type ProductModeration = z.infer<typeof productModerationBody>;

/** One row of the console's product lists. */
export interface OperatorProductRow {
  id: string;
  shopId: string;
  title: Localized;
  price: number;
  status: ProductStatus;
  coverKey?: string;
  /** Summed over variants (not given for search results). */
  stock?: number;
  hidden?: Product['hidden'];
  shopName?: Localized;
}
export type OperatorProductPage = Page<OperatorProductRow>;

/** A product as operators see it: with its shop and the artisan's e-mail. */
export interface OperatorProduct extends MyProduct {
  shop: ShopSummary & { status: ShopStatus };
  ownerEmail?: string;
}

/** A shop's page exactly as shoppers will see it (the products it would list), and the shop as operators see it. */
export interface OperatorShopPreview {
  shop: OperatorShop;
  preview: ShopDetail;
}
export const shopPreviewQuery = z.strictObject(page);

/** An operator edits a shop's public profile with the same rules as its artisan (shared/api/artisan.ts). */
export { updateShopBody as operatorShopBody } from './artisan.ts';

/** An edit names the version it was made from: a concurrent edit of the same setting gets 409. */
const version = z.number().check(z.int(), z.gte(0));
const settingUpdate = <N extends SettingName>(name: N) => z.strictObject({ name: z.literal(name), version, value: SETTING_SCHEMAS[name] as (typeof SETTING_SCHEMAS)[N] });
/** Any setting, an information page (`page-terms`…) included. */
export const settingUpdateBody = z.discriminatedUnion('name', [
  settingUpdate('commission'),
  settingUpdate('shipping'),
  settingUpdate('display-rates'),
  settingUpdate('page-about'),
  settingUpdate('page-contact'),
  settingUpdate('page-legal'),
  settingUpdate('page-terms'),
  settingUpdate('page-returns'),
  settingUpdate('page-privacy'),
  settingUpdate('artisan-help'),
]);
export type SettingUpdate = z.infer<typeof settingUpdateBody>;
export const settingPath = z.strictObject({ name: z.enum(SETTING_NAMES) });
export const settingChangesQuery = z.strictObject(page);
export type OperatorSettings = { [N in PlatformSettingName]: Setting<N> };

/** Invite an operator by e-mail: Cognito sends the invitation with a temporary password. */
export const inviteOperatorBody = z.strictObject({
  email: z.pipe(
    z.email('must be an e-mail address').check(z.maxLength(254)),
    z.transform((email) => email.toLowerCase()),
  ),
  /** The language the invitation is written in (the inviting operator's console's): kept on the account. */
  locale: z.optional(z.enum(LOCALES)),
});
/** A member of the team, by their user-pool username (a UUID). */
export const operatorPath = z.strictObject({ username: z.string().check(z.regex(/^[0-9A-Za-z_-]{6,128}$/, 'is not a username this API gave')) });

export interface TeamMember {
  username: string;
  sub: string;
  email: string;
  /** invited: has not chosen a password yet; active: has. */
  status: 'invited' | 'active';
  /** Has set up an authenticator app (operators must before the console opens). */
  totp: boolean;
  enabled: boolean;
  createdAt?: string;
  /** The caller. */
  you: boolean;
}
export interface Team {
  items: TeamMember[];
}
export interface Invitation {
  member: TeamMember;
  /** false: the e-mail already had an account, now in the operators' group (no invitation is sent: they sign in with their own password). */
  invited: boolean;
}
