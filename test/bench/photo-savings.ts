import { build } from 'esbuild';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../support/browser.ts';

/**
 * The bytes a photo saves by being made smaller on the phone (issue 11 part 5): a generated
 * 12-megapixel camera-like JPEG (4000×3000, smooth light with sensor noise, quality 92) goes
 * through the seller area's own preparePhoto (web/src/seller/photos/resize.ts, bundled as is) in
 * headless Chromium; reports what was picked, what would be sent, its size and type, and the time.
 */
export async function cameraPhoto(width = 4000, height = 3000): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = (Math.random() - 0.5) * 50;
      raw[i] = 150 + 80 * Math.sin(x / 300) + noise;
      raw[i + 1] = 100 + 60 * Math.cos(y / 200) + noise;
      raw[i + 2] = 70 + 40 * Math.sin((x + y) / 500) + noise;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

export async function measurePhotoSavings() {
  const bundled = await build({
    entryPoints: [resolve(import.meta.dirname, '../../web/src/seller/photos/resize.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'resize',
    write: false,
    target: 'es2022',
  });
  const photo = await cameraPhoto();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>photo savings</title>');
    await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
    const result = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], 'IMG_4000x3000.jpg', { type: 'image/jpeg' });
      const started = performance.now();
      const prepared = await (window as unknown as { resize: typeof import('../../web/src/seller/photos/resize.ts') }).resize.preparePhoto(file);
      return { type: prepared.type, originalBytes: prepared.originalBytes, sentBytes: prepared.sentBytes, width: prepared.width, height: prepared.height, ms: Math.round(performance.now() - started) };
    }, photo.toString('base64'));
    return { ...result, savedBytes: result.originalBytes - result.sentBytes, savedPercent: Math.round((1000 * (result.originalBytes - result.sentBytes)) / result.originalBytes) / 10 };
  } finally {
    await browser.close();
  }
}
