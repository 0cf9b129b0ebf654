import sharp from 'sharp';
import { IMAGE_WIDTHS } from '#shared/domain/images.ts';

/**
 * Turns an uploaded photo into its web-sized WebP variants, or says why it cannot. The photo is
 * decoded only if it really is a JPEG, PNG or WebP of sane dimensions (by its bytes, not by the
 * content type the browser claimed); it is turned upright from its EXIF orientation, scaled
 * down (never up) to each width, and written as WebP without any metadata — the camera's
 * EXIF, GPS position included, stays behind in the original, which is deleted.
 */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'] as const;
/** Longest side we accept: bigger than any phone camera, far smaller than a decompression bomb. */
export const MAX_SIDE_PX = 12_000;
/** Total pixels libvips may decode (a 108-MP phone photo fits; the default is 268 MP). */
export const MAX_INPUT_PIXELS = 120_000_000;
export const WEBP_QUALITY = 80;

export interface Variant {
  /** The nominal width (IMAGE_WIDTHS): names the key. */
  nominalWidth: number;
  /** The pixels actually written: smaller than nominal when the photo was smaller. */
  width: number;
  height: number;
  body: Buffer;
}

export type VariantsResult = { ok: true; variants: Variant[] } | { ok: false; reason: string; detail: string };

/** What an artisan reads next to a refused photo. */
export const REJECTION = {
  notAPhoto: 'This file is not a photo (JPEG, PNG or WebP).',
  tooLarge: `This photo is too large (more than ${MAX_SIDE_PX.toLocaleString('en')} pixels on a side). Please choose a smaller one.`,
  unreadable: 'This photo could not be read; it may be damaged. Please take it again or choose another one.',
} as const;

const inputOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;

export async function makeVariants(input: Buffer): Promise<VariantsResult> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(input, inputOptions).metadata();
  } catch (error) {
    return { ok: false, reason: REJECTION.notAPhoto, detail: `metadata: ${(error as Error).message}` };
  }
  const { format, width, height } = metadata;
  if (!format || !(ACCEPTED_FORMATS as readonly string[]).includes(format) || !width || !height) {
    return { ok: false, reason: REJECTION.notAPhoto, detail: `format ${format ?? 'unknown'}` };
  }
  if (width > MAX_SIDE_PX || height > MAX_SIDE_PX || width * height > MAX_INPUT_PIXELS) {
    return { ok: false, reason: REJECTION.tooLarge, detail: `${width}x${height}` };
  }

  try {
    // Decoded once; each variant is a clone of the upright image, resized and encoded in parallel.
    const upright = sharp(input, inputOptions).rotate();
    const variants = await Promise.all(
      IMAGE_WIDTHS.map(async (nominalWidth) => {
        const { data, info } = await upright
          .clone()
          .resize({ width: nominalWidth, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer({ resolveWithObject: true });
        return { nominalWidth, width: info.width, height: info.height, body: data };
      }),
    );
    return { ok: true, variants };
  } catch (error) {
    return { ok: false, reason: REJECTION.unreadable, detail: `decode: ${(error as Error).message}` };
  }
}
