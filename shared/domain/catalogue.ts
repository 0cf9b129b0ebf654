import * as z from '../zod.ts';
import { NOTIFY_CHANNELS } from './phone.ts';
import { LOCALES } from './locales.ts';
import { localizedText, text } from './text.ts';

/**
 * The catalogue's entities, as zod schemas: the single source for both validation and types.
 * Money is integer minor units of MAD (centimes).
 */

export const idSchema = z.string().check(z.regex(/^[0-9A-Za-z_-]{6,40}$/, 'must be 6-40 letters, digits, - or _'));
export const slugSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by -'), z.maxLength(60));
export const minorUnitsSchema = z.number().check(z.int(), z.nonnegative(), z.lte(100_000_000_00));

/**
 * How long each catalogue text may be, in characters per language (the web's forms stop at the
 * same lengths). Titles, names and labels are one line of plain text: lists, carts, orders and
 * emails show them, and every order line copies its product's title and label (so these bound an
 * order's size: see shared/data/order-size.test.ts). Descriptions and stories are multi-line.
 */
export const TEXT_LIMITS = {
  title: 120,
  shopName: 120,
  variantLabel: 120,
  materials: 300,
  description: 5000,
  story: 5000,
  town: 80,
  categoryName: 60,
  imageAlt: 300,
} as const;

/** A product title or a shop name. */
export const titleSchema = localizedText({ max: TEXT_LIMITS.title, plain: true });
export const shopNameSchema = localizedText({ max: TEXT_LIMITS.shopName, plain: true });
export const variantLabelSchema = localizedText({ max: TEXT_LIMITS.variantLabel, plain: true });
export const materialsSchema = localizedText({ max: TEXT_LIMITS.materials });
export const descriptionSchema = localizedText({ max: TEXT_LIMITS.description, multiline: true });
export const storySchema = localizedText({ max: TEXT_LIMITS.story, multiline: true });
export const townSchema = text({ min: 2, max: TEXT_LIMITS.town, plain: true });

export const CATEGORY_SLUGS = [
  'leather',
  'pottery',
  'jewellery',
  'textiles',
  'basketry',
  'woodwork',
  'shellcraft',
  'cosmetics',
] as const;
export const categorySlugSchema = z.enum(CATEGORY_SLUGS);
export type CategorySlug = z.infer<typeof categorySlugSchema>;

export const categorySchema = z.object({
  slug: categorySlugSchema,
  name: localizedText({ max: TEXT_LIMITS.categoryName, plain: true }),
  position: z.number().check(z.int(), z.nonnegative()),
});
export type Category = z.infer<typeof categorySchema>;

export const SHOP_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export const shopStatusSchema = z.enum(SHOP_STATUSES);
export type ShopStatus = z.infer<typeof shopStatusSchema>;

export const shopSchema = z.object({
  id: idSchema,
  slug: slugSchema,
  name: shopNameSchema,
  craft: categorySlugSchema,
  story: storySchema,
  town: townSchema,
  kind: z.enum(['individual', 'cooperative', 'eig']),
  languages: z.array(z.enum(LOCALES)).check(z.minLength(1)),
  status: shopStatusSchema,
  /** The shop's logo or its artisan's portrait: image key in the image bucket (served under /images/). */
  portraitKey: z.optional(z.string()),
  /** The shop page's cover banner (a 640 px variant's key: its srcset comes from variantsOf). */
  coverKey: z.optional(z.string()),
  foundedYear: z.optional(z.number().check(z.int(), z.gte(1900), z.lte(2100))),
  /** Cognito `sub` of the artisan who runs the shop (absent on demo shops without an account). */
  ownerSub: z.optional(z.string()),
  /** For WhatsApp contact. */
  phone: z.optional(z.string()),
  /** How its artisan is told about the shop and its orders (absent: e-mail only); private, like `phone`. */
  notify: z.optional(z.object({ channels: z.array(z.enum(NOTIFY_CHANNELS)).check(z.minLength(1), z.maxLength(NOTIFY_CHANNELS.length)), whatsapp: z.optional(z.string()) })),
  rejectionReason: z.optional(z.string()),
  suspensionReason: z.optional(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.optional(z.iso.datetime()),
  approvedAt: z.optional(z.iso.datetime()),
  /** Holiday mode (shared/domain/home.ts): while set, the shop takes no new orders and shows her message. */
  holiday: z.optional(z.object({ since: z.iso.datetime(), message: z.optional(z.string()) })),
});
export type Shop = z.infer<typeof shopSchema>;

export const PRODUCT_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const variantSchema = z.object({
  sku: z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'must be 3-40 capital letters, digits or -')),
  label: variantLabelSchema,
  price: minorUnitsSchema,
  stock: z.number().check(z.int(), z.nonnegative()),
});
export type Variant = z.infer<typeof variantSchema>;

export const IMAGE_STATUSES = ['uploading', 'processing', 'ready', 'rejected'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export const productImageSchema = z.object({
  id: idSchema,
  /** Key of the image shown by default, in the image bucket (served under /images/). */
  key: z.string().check(z.minLength(1)),
  position: z.number().check(z.int(), z.nonnegative()),
  alt: z.optional(localizedText({ max: TEXT_LIMITS.imageAlt, plain: true })),
  width: z.optional(z.number().check(z.int(), z.positive())),
  height: z.optional(z.number().check(z.int(), z.positive())),
  /** Absent on images that were never uploaded (demo data): those are ready. */
  status: z.optional(z.enum(IMAGE_STATUSES)),
  /** Web-sized WebP variants, narrowest first (for srcset). */
  variants: z.optional(z.array(z.object({ width: z.number().check(z.int(), z.positive()), key: z.string().check(z.minLength(1)) }))),
  /** Why a rejected upload was refused, for the artisan. */
  rejectedReason: z.optional(z.string()),
});
export type ProductImage = z.infer<typeof productImageSchema>;

/** Why an operator hides a listing: a reason the artisan reads in their own language, with the operator's note. */
export const HIDE_REASONS = ['prohibited', 'counterfeit', 'misleading', 'photos', 'price', 'other'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

export const productSchema = z.object({
  id: idSchema,
  shopId: idSchema,
  category: categorySlugSchema,
  title: titleSchema,
  description: descriptionSchema,
  materials: z.optional(materialsSchema),
  status: z.enum(PRODUCT_STATUSES),
  /** Price of the cheapest variant: what lists show as "from". */
  price: minorUnitsSchema,
  weightGrams: z.optional(z.number().check(z.int(), z.positive(), z.lte(100_000))),
  dimensionsCm: z.optional(z.object({ length: z.number().check(z.positive()), width: z.number().check(z.positive()), height: z.number().check(z.positive()) })),
  leadTimeDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(120))),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.optional(z.iso.datetime()),
  /** Set while an operator keeps the listing out of the store (shared/domain/product-moderation.ts). */
  hidden: z.optional(
    z.object({
      reason: z.enum(HIDE_REASONS),
      /** The operator's words to the artisan, as typed. */
      note: z.optional(z.string()),
      at: z.iso.datetime(),
      /** The operator's Cognito sub. */
      by: z.string(),
    }),
  ),
});
export type Product = z.infer<typeof productSchema>;


/** What a list or search result shows of a product: denormalised onto each catalogue index entry. */
export interface ProductSummary {
  id: string;
  shopId: string;
  shopSlug: string;
  shopName: Product['title'];
  category: CategorySlug;
  title: Product['title'];
  price: number;
  coverKey?: string;
  publishedAt: string;
}

export interface ShopSummary {
  id: string;
  slug: string;
  name: Shop['name'];
  craft: CategorySlug;
  town: string;
  kind: Shop['kind'];
  portraitKey?: string;
  holiday?: Shop['holiday'];
}

export function toShopSummary(shop: Shop): ShopSummary {
  const { id, slug, name, craft, town, kind, portraitKey, holiday } = shop;
  return { id, slug, name, craft, town, kind, ...(portraitKey ? { portraitKey } : {}), ...(holiday ? { holiday } : {}) };
}

/** What shoppers may see of a shop: no owner, contact or moderation details. */
export function toPublicShop(shop: Shop): Shop {
  const { ownerSub: _o, phone: _p, notify: _n, rejectionReason: _r, suspensionReason: _s, ...visible } = shop;
  return visible;
}

/** A page of results with an opaque cursor for the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}
