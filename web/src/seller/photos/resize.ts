/**
 * Photos are made smaller on the phone before they go up: a 12-megapixel camera photo (4–12 MB)
 * becomes a ≤ 2048 px JPEG or WebP of a few hundred kB, which a slow mobile link sends in
 * seconds. The server still makes its own web sizes (functions/images); this only saves the
 * artisan's data and time. Decoding goes through createImageBitmap, which turns the photo
 * upright from its EXIF orientation (imageOrientation 'from-image'); drawing happens on an
 * OffscreenCanvas where the browser has one, else on a detached <canvas>.
 */

/** Longest side sent; the largest web variant (1280 px) is made from it with room to spare. */
export const MAX_SENT_SIDE = 2048;
export const SENT_QUALITY = 0.82;
/** What a photo should weigh when it leaves the phone; a busy photo over it is encoded again, lighter. */
export const TARGET_SENT_BYTES = 1024 * 1024;
/** Tries, in order, until the photo is under TARGET_SENT_BYTES (the last one is sent whatever it weighs). */
export const ENCODE_TRIES = [
  { maxSide: MAX_SENT_SIDE, quality: SENT_QUALITY },
  { maxSide: MAX_SENT_SIDE, quality: 0.7 },
  { maxSide: MAX_SENT_SIDE, quality: 0.55 },
  { maxSide: 1600, quality: 0.6 },
] as const;
/** Largest file the phone tries to make smaller (the server's own limit applies to what is sent). */
export const MAX_PICKED_BYTES = 40 * 1024 * 1024;

/** The size a photo is drawn at: its own when it fits, else scaled down to fit MAX_SENT_SIDE, never up. */
export function targetSize(width: number, height: number, maxSide = MAX_SENT_SIDE): { width: number; height: number; scaled: boolean } {
  if (!(width > 0) || !(height > 0)) throw new RangeError(`bad photo size ${width}x${height}`);
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height, scaled: false };
  const ratio = maxSide / longest;
  return {
    width: width >= height ? maxSide : Math.max(1, Math.round(width * ratio)),
    height: height > width ? maxSide : Math.max(1, Math.round(height * ratio)),
    scaled: true,
  };
}

/** Which of the two files goes up: the smaller one, unless the original is too big to be accepted as it is. */
export function pickSent(originalBytes: number, compressedBytes: number | undefined, scaled: boolean): 'original' | 'compressed' {
  if (compressedBytes === undefined) return 'original';
  return scaled || compressedBytes < originalBytes ? 'compressed' : 'original';
}

export interface Prepared {
  blob: Blob;
  /** The content type that goes up (the original's, or the compressed one's). */
  type: string;
  originalBytes: number;
  sentBytes: number;
  width?: number;
  height?: number;
}

type Canvas2D = { canvas: OffscreenCanvas | HTMLCanvasElement; context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D };

function canvasOf(width: number, height: number): Canvas2D | undefined {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context) return { canvas, context };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  return context ? { canvas, context } : undefined;
}

function encode(canvas: OffscreenCanvas | HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality }).catch(() => null);
  return new Promise((resolve) => (canvas as HTMLCanvasElement).toBlob(resolve, type, quality));
}

/** WebP where the browser can write it (a canvas that cannot answers PNG), else JPEG. */
async function encodeBest(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob | undefined> {
  const webp = await encode(canvas, 'image/webp', quality);
  if (webp?.type === 'image/webp') return webp;
  const jpeg = await encode(canvas, 'image/jpeg', quality);
  return jpeg?.type === 'image/jpeg' ? jpeg : undefined;
}

/** Draws and encodes at one try's size and quality. */
async function drawAndEncode(bitmap: ImageBitmap, maxSide: number, quality: number): Promise<{ blob?: Blob; width: number; height: number; scaled: boolean }> {
  const size = targetSize(bitmap.width, bitmap.height, maxSide);
  const drawn = canvasOf(size.width, size.height);
  if (!drawn) return { ...size };
  drawn.context.imageSmoothingQuality = 'high';
  drawn.context.drawImage(bitmap, 0, 0, size.width, size.height);
  const blob = await encodeBest(drawn.canvas, quality);
  return { ...size, ...(blob ? { blob } : {}) };
}

/**
 * The photo to send: scaled and re-encoded when that makes it smaller (or when it must be scaled),
 * else the original as it is. A photo the browser cannot decode goes as it is (the server says why
 * it refuses it, in the artisan's language).
 */
export async function preparePhoto(file: File): Promise<Prepared> {
  const original: Prepared = { blob: file, type: file.type, originalBytes: file.size, sentBytes: file.size };
  if (typeof createImageBitmap !== 'function') return original;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return original;
  }
  try {
    // A small photo that is already light goes as it is, without a second lossy encoding.
    if (file.size <= TARGET_SENT_BYTES && targetSize(bitmap.width, bitmap.height).scaled === false) return { ...original, width: bitmap.width, height: bitmap.height };
    let made: Awaited<ReturnType<typeof drawAndEncode>> | undefined;
    for (const { maxSide, quality } of ENCODE_TRIES) {
      made = await drawAndEncode(bitmap, maxSide, quality);
      if (!made.blob || made.blob.size <= TARGET_SENT_BYTES) break;
    }
    const blob = made?.blob;
    if (!made || !blob || pickSent(file.size, blob.size, made.scaled) === 'original') return { ...original, width: bitmap.width, height: bitmap.height };
    return { blob, type: blob.type, originalBytes: file.size, sentBytes: blob.size, width: made.width, height: made.height };
  } finally {
    bitmap.close();
  }
}
