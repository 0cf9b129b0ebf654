import * as z from 'zod';
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
import { page } from './paging.ts';

/**
 * Requests and responses of the artisan API (`/api/me/...`). Bodies are strict: a field a
 * client must not set (owner, status set by operators, timestamps, ids) is refused by name.
 */

export const shopProfileBody = z
  .object({
    name: shopNameSchema,
    craft: categorySlugSchema,
    story: storySchema,
    town: townSchema,
    kind: z.enum(['individual', 'cooperative', 'eig']),
    languages: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length),
    /** For WhatsApp contact; international format. */
    phone: z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +212612345678').optional(),
  })
  .strict();

export const applyForShopBody = shopProfileBody.extend({ slug: slugSchema.min(3) }).strict();
export type ApplyForShopBody = z.infer<typeof applyForShopBody>;

/**
 * How the artisan is told about her shop and orders: e-mail, WhatsApp or both; WhatsApp needs a
 * mobile number, written as she likes (06…, +212 6…) and kept in E.164.
 */
export const notifyChoiceBody = z
  .object({
    channels: z.array(z.enum(NOTIFY_CHANNELS)).min(1, 'choose e-mail, WhatsApp or both').max(NOTIFY_CHANNELS.length),
    whatsapp: z
      .string()
      .max(30)
      .transform((raw, ctx) => {
        const e164 = normaliseWhatsAppNumber(raw);
        if (!e164) ctx.addIssue({ code: 'custom', message: WHATSAPP_NUMBER_RULE });
        return e164 ?? raw;
      })
      .optional(),
  })
  .strict()
  .superRefine((choice, ctx) => {
    if (new Set(choice.channels).size !== choice.channels.length) ctx.addIssue({ code: 'custom', path: ['channels'], message: 'names a channel twice' });
    if (choice.channels.includes('whatsapp') && !choice.whatsapp) ctx.addIssue({ code: 'custom', path: ['whatsapp'], message: `is needed for WhatsApp: ${WHATSAPP_NUMBER_RULE}` });
  });

export const updateShopBody = shopProfileBody.extend({ notify: notifyChoiceBody }).partial().strict();
export type UpdateShopBody = z.infer<typeof updateShopBody>;

export const ONBOARDING_STEPS = ['profile', 'product', 'photos', 'publish'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export const onboardingBody = z
  .object({
    step: z.enum(ONBOARDING_STEPS),
    /** The draft the wizard is working on, so the artisan comes back to it. */
    productId: idSchema.optional(),
    finished: z.boolean().optional(),
  })
  .strict();
export type Onboarding = z.infer<typeof onboardingBody> & { updatedAt: string };

const variantBody = z
  .object({
    sku: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9-]{3,40}$/, 'must be 3-40 letters, digits or -')),
    label: variantLabelSchema,
    price: minorUnitsSchema.min(100, 'must be at least 1.00 MAD (100 centimes)'),
    stock: z.number().int().min(0).max(100_000),
  })
  .strict();

export const productBody = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    category: categorySlugSchema,
    materials: materialsSchema.optional(),
    variants: z
      .array(variantBody)
      .min(1)
      .max(30)
      .refine((vs) => new Set(vs.map((v) => v.sku)).size === vs.length, 'each variant needs its own SKU'),
    weightGrams: z.number().int().positive().max(100_000).optional(),
    dimensionsCm: z
      .object({ length: z.number().positive().max(1000), width: z.number().positive().max(1000), height: z.number().positive().max(1000) })
      .strict()
      .optional(),
    /** Made to order: days before it can ship. */
    leadTimeDays: z.number().int().min(0).max(120).optional(),
  })
  .strict();
export type ProductBody = z.infer<typeof productBody>;

export const productStatusBody = z.object({ status: z.enum(['draft', 'published', 'archived']) }).strict();

export const myProductsQuery = z
  .object({
    status: z.enum(['draft', 'published', 'archived']).optional(),
    limit: z.coerce.number().int().min(1).max(48).default(24),
    cursor: z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave').optional(),
  })
  .strict();

export const myProductPath = z.object({ productId: idSchema }).strict();
export const myImagePath = z.object({ productId: idSchema, imageId: idSchema }).strict();

export const startImageUploadBody = z
  .object({
    contentType: z.enum(ACCEPTED_IMAGE_TYPES, { error: `must be one of ${ACCEPTED_IMAGE_TYPES.join(', ')}` }),
    size: z.number().int().positive().max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
    /** Retrying an upload whose signature expired or whose send was cut: the same photo, a fresh signature, the same key (no duplicate). */
    imageId: idSchema.optional(),
  })
  .strict();

/** `POST /api/me/shop/images`: a presigned POST for the shop's logo or cover (imageId: the same picture again, after a cut send). */
export const startShopImageUploadBody = startImageUploadBody.extend({ kind: z.enum(SHOP_IMAGE_KINDS, { error: `must be one of ${SHOP_IMAGE_KINDS.join(', ')}` }) }).strict();
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
  .object({ imageIds: z.array(idSchema).max(20) })
  .strict()
  .refine((b) => new Set(b.imageIds).size === b.imageIds.length, { message: 'lists an image twice', path: ['imageIds'] });

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
export const myEarningsQuery = z.object(page).strict();

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
