import * as z from 'zod';
import { HIDE_REASONS, idSchema, SHOP_STATUSES, type Page, type Product, type ProductStatus, type Shop, type ShopStatus, type ShopSummary } from '../domain/catalogue.ts';
import { LOCALES, type Localized } from '../domain/locales.ts';
import { SETTING_NAMES, SETTING_SCHEMAS, type PlatformSettingName, type Setting, type SettingName } from '../domain/settings.ts';
import { text } from '../domain/text.ts';
import type { AttentionRecord } from '../domain/attention.ts';
import type { MyProduct } from './artisan.ts';
import type { ShopDetail } from './catalogue.ts';
import { page } from './paging.ts';

/** Requests and responses of the operators' API (`/api/operator/...`). */


export const operatorShopsQuery = z.object({ status: z.enum(SHOP_STATUSES).default('pending'), ...page }).strict();

export const shopIdPath = z.object({ shopId: idSchema }).strict();

/** approve: pending/rejected → approved; reject: pending → rejected; suspend: approved → suspended; reinstate: suspended → approved. */
export const shopDecisionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }).strict(),
  z.object({ action: z.literal('reinstate') }).strict(),
  z.object({ action: z.literal('reject'), reason: text({ min: 3, max: 1000, multiline: true }) }).strict(),
  z.object({ action: z.literal('suspend'), reason: text({ min: 3, max: 1000, multiline: true }) }).strict(),
]);
export type ShopDecision = z.infer<typeof shopDecisionBody>;

export type OperatorShop = Shop & { ownerEmail?: string };
export type OperatorShopPage = Page<OperatorShop>;

/** `GET /api/operator/attention`: the orders an operator must look at, newest first. */
export const operatorAttentionQuery = z.object(page).strict();
export type OperatorAttentionQuery = z.infer<typeof operatorAttentionQuery>;
export type OperatorAttentionPage = Page<AttentionRecord>;

// ——— Products, shops, settings and the team (operator console) ———

/** Find products: a shop's (every status) or a text search of the catalogue (at most one of the two); neither: the hidden ones, latest first. */
export const operatorProductsQuery = z
  .object({ shop: idSchema.optional(), q: text({ min: 1, max: 200 }).optional(), ...page })
  .strict()
  .refine((query) => query.shop === undefined || query.q === undefined, { message: 'give shop or q, not both', path: ['q'] });
export type OperatorProductsQuery = z.infer<typeof operatorProductsQuery>;

export const productIdPath = z.object({ productId: idSchema }).strict();

/** hide: out of every list, search and its page at once, with a reason the artisan reads; restore: back as the artisan left it. */
export const productModerationBody = z.discriminatedUnion('action', [
  z
    .object({ action: z.literal('hide'), reason: z.enum(HIDE_REASONS), note: text({ min: 3, max: 1000, multiline: true }).optional() })
    .strict()
    .refine((body) => body.reason !== 'other' || body.note !== undefined, { message: 'is needed when the reason is "other"', path: ['note'] }),
  z.object({ action: z.literal('restore') }).strict(),
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
export const shopPreviewQuery = z.object(page).strict();

/** An operator edits a shop's public profile with the same rules as its artisan (shared/api/artisan.ts). */
export { updateShopBody as operatorShopBody } from './artisan.ts';

/** An edit names the version it was made from: a concurrent edit of the same setting gets 409. */
const version = z.number().int().min(0);
const settingUpdate = <N extends SettingName>(name: N) => z.object({ name: z.literal(name), version, value: SETTING_SCHEMAS[name] as (typeof SETTING_SCHEMAS)[N] }).strict();
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
export const settingPath = z.object({ name: z.enum(SETTING_NAMES) }).strict();
export const settingChangesQuery = z.object(page).strict();
export type OperatorSettings = { [N in PlatformSettingName]: Setting<N> };

/** Invite an operator by e-mail: Cognito sends the invitation with a temporary password. */
export const inviteOperatorBody = z
  .object({
    email: z.email('must be an e-mail address').max(254).transform((email) => email.toLowerCase()),
    /** The language the invitation is written in (the inviting operator's console's): kept on the account. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
/** A member of the team, by their user-pool username (a UUID). */
export const operatorPath = z.object({ username: z.string().regex(/^[0-9A-Za-z_-]{6,128}$/, 'is not a username this API gave') }).strict();

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
