/**
 * Product photos: where uploads land, what they may be, and the web-sized variants made of
 * them. The API (presigning), the local S3 front (enforcing) and the image function
 * (processing) all read these.
 */
export const UPLOAD_PREFIX = 'uploads/';
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_EXPIRY_SECONDS = 5 * 60;
/** Widths of the WebP variants made of each upload (srcset). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** Photos per product. */
export const MAX_IMAGES_PER_PRODUCT = 8;

/** Where the browser uploads a photo: under the shop's own prefix, which the upload policy pins. */
export const uploadKeyPrefix = (shopId: string, productId: string) => `${UPLOAD_PREFIX}${shopId}/${productId}/`;
export const uploadKey = (shopId: string, productId: string, imageId: string) => `${uploadKeyPrefix(shopId, productId)}${imageId}`;

/** Parses an upload key back into its parts; undefined for any other key. */
export function parseUploadKey(key: string): { shopId: string; productId: string; imageId: string } | undefined {
  if (parseShopUploadKey(key)) return undefined;
  const match = /^uploads\/([\w-]+)\/([\w-]+)\/([\w-]+)$/.exec(key);
  return match ? { shopId: match[1]!, productId: match[2]!, imageId: match[3]! } : undefined;
}

/** Public, cacheable key of one web-sized variant (served under /images/). */
export const variantKey = (productId: string, imageId: string, width: number) => `products/${productId}/${imageId}-${width}.webp`;

/**
 * A shop's own pictures (issue 11 part 4): its logo (or the artisan's portrait; `portraitKey`) and
 * its cover banner (`coverKey`), through the same presigned POST and the same variants as product
 * photos, under the shop's own upload prefix. No record waits for them: the key says whose and which.
 */
export const SHOP_IMAGE_KINDS = ['logo', 'cover'] as const;
export type ShopImageKind = (typeof SHOP_IMAGE_KINDS)[number];
export const shopUploadKey = (shopId: string, kind: ShopImageKind, imageId: string) => `${UPLOAD_PREFIX}${shopId}/shop/${kind}-${imageId}`;
export function parseShopUploadKey(key: string): { shopId: string; kind: ShopImageKind; imageId: string } | undefined {
  const match = /^uploads\/([\w-]+)\/shop\/(logo|cover)-([\w-]+)$/.exec(key);
  return match ? { shopId: match[1]!, kind: match[2] as ShopImageKind, imageId: match[3]! } : undefined;
}
export const shopVariantKey = (shopId: string, kind: ShopImageKind, imageId: string, width: number) => `shops/${shopId}/${kind}-${imageId}-${width}.webp`;

/** The variant a product card shows. */
export const CARD_WIDTH = 640;

/**
 * The only key prefixes served publicly under /images/ (CloudFront in AWS, the local gateway):
 * processed variants and shop portraits. Raw uploads (with their EXIF, GPS included) never are.
 */
export const PUBLIC_IMAGE_PREFIXES = ['products/', 'shops/'] as const;
export const isPublicImageKey = (key: string) => PUBLIC_IMAGE_PREFIXES.some((prefix) => key.startsWith(prefix));

/**
 * Every web-sized variant of the photo one of whose variant keys is given (the card's 640 px, say),
 * narrowest first, for a srcset; none for any other key (the demo's SVG drawings, shop portraits).
 * Each nominal width has its key even when the original was narrower (process-upload.ts).
 */
export function variantsOf(key: string): { width: number; key: string }[] {
  // A product photo's (products/{product}/{image}-{w}.webp) or a shop logo's or cover's (shops/{shop}/{kind}-{image}-{w}.webp).
  const match = /^((?:products\/[\w-]+\/[\w-]+)|(?:shops\/[\w-]+\/(?:logo|cover)-[\w-]+))-(\d+)\.webp$/.exec(key);
  if (!match || !(IMAGE_WIDTHS as readonly number[]).includes(Number(match[2]))) return [];
  return IMAGE_WIDTHS.map((width) => ({ width, key: `${match[1]}-${width}.webp` }));
}
