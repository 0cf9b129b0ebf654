import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_WIDTHS } from '#shared/domain/images.ts';
import { makeVariants, REJECTION } from './image-variants.ts';

/** Test photos are drawn here with sharp: no binary fixtures. */
const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer();

describe('makeVariants', () => {
  it('makes one WebP per width, scaled down, without metadata', async () => {
    const input = await sharp(await photo(2000, 1500)).withExif({ IFD0: { Make: 'PhoneCo', Copyright: 'me' } }).jpeg().toBuffer();
    const result = await makeVariants(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variants.map((v) => [v.nominalWidth, v.width, v.height])).toEqual(IMAGE_WIDTHS.map((w) => [w, w, (w * 3) / 4]));
    for (const variant of result.variants) {
      const meta = await sharp(variant.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
    }
  });

  it('turns the photo upright from its EXIF orientation', async () => {
    // Stored landscape 1600x1200 with orientation 6 (rotate 90° clockwise to view): upright it is portrait.
    const input = await sharp(await photo(1600, 1200)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await makeVariants(input);
    if (!result.ok) throw new Error(result.detail);
    const largest = result.variants.at(-1)!;
    expect([largest.width, largest.height]).toEqual([1200, 1600]);
    expect(result.variants[0]).toMatchObject({ width: 320, height: 427 });
    expect((await sharp(largest.body).metadata()).orientation).toBeUndefined();
  });

  it('never enlarges a small photo', async () => {
    const result = await makeVariants(await photo(500, 400, 'png'));
    if (!result.ok) throw new Error(result.detail);
    expect(result.variants.map((v) => v.width)).toEqual([320, 500, 500]);
  });

  it('accepts PNG and WebP, refuses other image formats and non-images', async () => {
    expect((await makeVariants(await photo(400, 300, 'png'))).ok).toBe(true);
    expect((await makeVariants(await photo(400, 300, 'webp'))).ok).toBe(true);
    for (const input of [await photo(400, 300, 'gif'), await photo(400, 300, 'tiff'), Buffer.from('hello, I am text'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')]) {
      expect(await makeVariants(input)).toMatchObject({ ok: false, reason: REJECTION.notAPhoto });
    }
  });

  it('refuses absurd dimensions before decoding them', async () => {
    // A tiny PNG that claims 20000x100 px: refused from its header.
    const wide = await sharp({ create: { width: 20_000, height: 100, channels: 3, background: 'white' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(await makeVariants(wide)).toMatchObject({ ok: false, reason: REJECTION.tooLarge });
  });

  it('refuses a truncated JPEG as unreadable', async () => {
    const whole = await photo(1200, 900);
    const result = await makeVariants(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(result.ok).toBe(false);
  });
});
