import * as z from '../zod.ts';
import { LOCALES } from '../domain/locales.ts';
import { NOTIFY_CHANNELS, normaliseWhatsAppNumber, WHATSAPP_NUMBER_RULE } from '../domain/phone.ts';
import {
  categorySlugSchema,
  descriptionSchema,
  idSchema,
  materialsSchema,
  minorUnitsSchema,
  shopNameSchema,
  slugSchema,
  storySchema,
  titleSchema,
  townSchema,
  variantLabelSchema,
  type Page,
  type Product,
  type ProductImage,
  type Shop,
  type Variant,
} from '../domain/catalogue.ts';
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES, SHOP_IMAGE_KINDS, type ShopImageKind } from '../domain/images.ts';
import type { Earning, ShopBalance } from '../domain/ledger.ts';
import type { PayoutAccountView } from '../domain/payouts.ts';
import type { ArtisanPayout } from './payouts.ts';
import { page, pageCursor, pageLimit } from './paging.ts';

/**
 * Requests and responses of the artisan API (`/api/me/...`). Bodies are strict: a field a
 * client must not set (owner, status set by operators, timestamps, ids) is refused by name.
 */

export const shopProfileBody = z.strictObject({
  name: shopNameSchema,
  craft: categorySlugSchema,
  story: storySchema,
  town: townSchema,
  kind: z.enum(['individual', 'cooperative', 'eig']),
  languages: z.array(z.enum(LOCALES)).check(z.minLength(1), z.maxLength(LOCALES.length)),
  /** For WhatsApp contact; international format. */
  phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +212612345678'))),
});

/** Strict, as the profile it extends. */
export const applyForShopBody = z.extend(shopProfileBody, { slug: slugSchema.check(z.minLength(3)) });
export type ApplyForShopBody = z.infer<typeof applyForShopBody>;

/**
 * How the artisan is told about her shop and orders: e-mail, WhatsApp or both; WhatsApp needs a
 * mobile number, written as she likes (06…, +212 6…) and kept in E.164.
 */
export const notifyChoiceBody = z
  .strictObject({
    channels: z.array(z.enum(NOTIFY_CHANNELS)).check(z.minLength(1, 'choose e-mail, WhatsApp or both'), z.maxLength(NOTIFY_CHANNELS.length)),
    whatsapp: z.optional(
      z.pipe(
        z.string().check(z.maxLength(30)),
        z.transform((raw: string, ctx) => {
          const e164 = normaliseWhatsAppNumber(raw);
          if (!e164) z.transformIssue(ctx, { message: WHATSAPP_NUMBER_RULE });
          return e164 ?? raw;
        }),
      ),
    ),
  })
  .check(
    z.superRefine((choice, ctx) => {
      if (new Set(choice.channels).size !== choice.channels.length) ctx.addIssue({ code: 'custom', path: ['channels'], message: 'names a channel twice' });
      if (choice.channels.includes('whatsapp') && !choice.whatsapp) ctx.addIssue({ code: 'custom', path: ['whatsapp'], message: `is needed for WhatsApp: ${WHATSAPP_NUMBER_RULE}` });
    }),
  );

/** Every field optional; strict, as the profile it extends. */
export const updateShopBody = z.partial(z.extend(shopProfileBody, { notify: notifyChoiceBody }));
export type UpdateShopBody = z.infer<typeof updateShopBody>;

export const ONBOARDING_STEPS = ['profile', 'product', 'photos', 'publish'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export const onboardingBody = z.strictObject({
  step: z.enum(ONBOARDING_STEPS),
  /** The draft the wizard is working on, so the artisan comes back to it. */
  productId: z.optional(idSchema),
  finished: z.optional(z.boolean()),
});
export type Onboarding = z.infer<typeof onboardingBody> & { updatedAt: string };

const variantBody = z.strictObject({
  sku: z.pipe(z.string().check(z.trim(), z.toUpperCase()), z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'must be 3-40 letters, digits or -'))),
  label: variantLabelSchema,
  price: minorUnitsSchema.check(z.gte(100, 'must be at least 1.00 MAD (100 centimes)')),
  stock: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
});

const centimetres = z.number().check(z.positive(), z.lte(1000));
export const productBody = z.strictObject({
  title: titleSchema,
  description: descriptionSchema,
  category: categorySlugSchema,
  materials: z.optional(materialsSchema),
  variants: z
    .array(variantBody)
    .check(z.minLength(1), z.maxLength(30), z.refine((vs) => new Set(vs.map((v) => v.sku)).size === vs.length, 'each variant needs its own SKU')),
  weightGrams: z.optional(z.number().check(z.int(), z.positive(), z.lte(100_000))),
  dimensionsCm: z.optional(z.strictObject({ length: centimetres, width: centimetres, height: centimetres })),
  /** Made to order: days before it can ship. */
  leadTimeDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(120))),
});
export type ProductBody = z.infer<typeof productBody>;

export const productStatusBody = z.strictObject({ status: z.enum(['draft', 'published', 'archived']) });

export const myProductsQuery = z.strictObject({
  status: z.optional(z.enum(['draft', 'published', 'archived'])),
  limit: pageLimit,
  cursor: pageCursor,
});

export const myProductPath = z.strictObject({ productId: idSchema });
export const myImagePath = z.strictObject({ productId: idSchema, imageId: idSchema });

export const startImageUploadBody = z.strictObject({
  contentType: z.enum(ACCEPTED_IMAGE_TYPES, { error: `must be one of ${ACCEPTED_IMAGE_TYPES.join(', ')}` }),
  size: z.number().check(z.int(), z.positive(), z.lte(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)),
  /** Retrying an upload whose signature expired or whose send was cut: the same photo, a fresh signature, the same key (no duplicate). */
  imageId: z.optional(idSchema),
});

/** `POST /api/me/shop/images`: a presigned POST for the shop's logo or cover (imageId: the same picture again, after a cut send). */
export const startShopImageUploadBody = z.extend(startImageUploadBody, { kind: z.enum(SHOP_IMAGE_KINDS, { error: `must be one of ${SHOP_IMAGE_KINDS.join(', ')}` }) });
export type StartShopImageUploadBody = z.infer<typeof startShopImageUploadBody>;

/** The answer: where to send the picture; the shop shows it once the image function has made its sizes. */
export interface ShopImageUpload {
  kind: ShopImageKind;
  imageId: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
  maxBytes: number;
}

export const arrangeImagesBody = z
  .strictObject({ imageIds: z.array(idSchema).check(z.maxLength(20)) })
  .check(z.refine((b) => new Set(b.imageIds).size === b.imageIds.length, { message: 'lists an image twice', path: ['imageIds'] }));

export interface MyProduct {
  product: Product;
  variants: Variant[];
  /** In display order; the first ready one is the cover. */
  images: ProductImage[];
}

/** The shop's products, each with its cover photo and its stock summed over variants. */
export interface MyProductPage extends Page<Product & { coverKey?: string; stock: number }> {}

export interface Me {
  user: { sub: string; email: string; groups: string[] };
  /** Absent until the caller applies for a shop. */
  shop?: Shop;
  onboarding?: Onboarding;
}

/** A presigned POST: the browser sends `fields` then the file, as multipart/form-data, to `url`. */
export interface ImageUpload {
  image: ProductImage;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
  maxBytes: number;
}

/** `GET /api/me/earnings`: one page of the shop's parcels' earnings (latest delivery first), with its balances. */
export const myEarningsQuery = z.strictObject(page);

/** What selling here costs, as the sell page and the onboarding state it (with the categories: `GET /api/categories`). */
export interface SellingTerms {
  /** The commission new orders are charged, in basis points (1000 = 10 %); each order keeps the rate it was placed with. */
  commissionBasisPoints: number;
  /** The commission is taken on the items only; shipping goes to the artisan whole. */
  commissionOn: 'items';
  /** Days after delivery before earnings become available (the shopper's return window). */
  returnWindowDays: number;
}

/** `GET /api/me/earnings`: the shop's balances (pending, available, in a payout, paid) and one page of its parcels' earnings. */
export interface MyEarnings {
  balance: Omit<ShopBalance, 'version' | 'updatedAt'>;
  earnings: Page<Earning>;
  /** Where payouts go (masked: last 4 digits), once set; a change waiting for its e-mailed code. */
  payoutAccount?: PayoutAccountView;
  payoutAccountChange?: { expiresAt: string; last4: string };
  /** The latest payouts, newest first (on the first page only: the earnings' `cursor` pages the parcels). */
  payouts?: ArtisanPayout[];
}
