import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { CARD_WIDTH, MAX_UPLOAD_BYTES, parseShopUploadKey, parseUploadKey, shopVariantKey, variantKey } from '#shared/domain/images.ts';
import { setShopImage } from '#shared/use-cases/artisan-shop.ts';
import { config } from '../commons/config.ts';
import { s3 } from '../commons/s3.ts';
import { store } from '../commons/store.ts';
import { invocation, log, metrics } from '../commons/telemetry.ts';
import { makeVariants, REJECTION } from './image-variants.ts';

/**
 * S3 event handler (ObjectCreated under uploads/ — in AWS the bucket notification, locally
 * s3rver's event through infra/local/stack.ts): turns each uploaded photo into web-sized WebP
 * variants under products/, marks the photo ready (or rejected, with a reason the artisan
 * reads), refreshes the product's catalogue entries so a new cover shows, and deletes the
 * original. S3 delivers at least once: a record whose original is already gone was processed.
 * Counts ImagesProcessed / ImagesRejected; its log lines carry the S3 request id and the key. A
 * failure is thrown after every record had its chance: Lambda retries the asynchronous event
 * twice, then sends it to the on-failure queue (infra/constructs/images.ts), which is alarmed.
 */
export const VARIANT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export const handler = invocation<S3Event, void>(
  'images/process-upload',
  (event) => ({ request: event.Records[0]?.responseElements?.['x-amz-request-id'], key: event.Records[0] ? objectKey(event.Records[0]) : undefined }),
  async (event) => {
    let failed = 0;
    for (const record of event.Records) {
      const key = objectKey(record);
      try {
        await processUpload(key);
      } catch (error) {
        failed++;
        log.error('upload processing failed', { key, error });
      }
    }
    // Thrown after every record had its chance: the retry redoes only what is left (the rest is gone).
    if (failed > 0) throw new Error(`${failed} of ${event.Records.length} uploads failed`);
  },
);

export async function processUpload(key: string): Promise<'ready' | 'rejected' | 'skipped'> {
  if (parseShopUploadKey(key)) return processShopUpload(key);
  const upload = parseUploadKey(key);
  if (!upload) {
    log.warn('not an upload key; ignored', { key });
    return 'skipped';
  }
  const { productId, imageId } = upload;
  const bucket = config.imageBucket;
  const original = await read(bucket, key);
  if (!original) {
    log.info('upload already processed (original gone)', { key });
    return 'skipped';
  }

  const started = Date.now();
  const result = original.length > MAX_UPLOAD_BYTES ? ({ ok: false, reason: REJECTION.tooLarge, detail: `${original.length} bytes` } as const) : await makeVariants(original);
  if (!result.ok) {
    const recorded = await store.images.markImageRejected(productId, imageId, result.reason);
    metrics.count('ImagesRejected');
    log.info('upload rejected', { key, reason: result.reason, detail: result.detail, recorded });
    await remove(bucket, key);
    return 'rejected';
  }

  const variants = result.variants.map((v) => ({ ...v, key: variantKey(productId, imageId, v.nominalWidth) }));
  await Promise.all(
    variants.map((v) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: v.key, Body: v.body, ContentType: 'image/webp', CacheControl: VARIANT_CACHE_CONTROL })),
    ),
  );
  const largest = variants.at(-1)!;
  const recorded = await store.images.markImageReady(productId, imageId, {
    key: variantKey(productId, imageId, CARD_WIDTH),
    variants: variants.map((v) => ({ width: v.width, key: v.key })),
    width: largest.width,
    height: largest.height,
  });
  if (recorded) {
    // The new photo may be the product's cover: its catalogue entries show it (when listed).
    await store.listings.refreshListing(productId);
  } else {
    // The artisan removed the photo while it was being processed: leave nothing behind.
    await Promise.all(variants.map((v) => remove(bucket, v.key)));
  }
  metrics.count('ImagesProcessed');
  log.info('upload processed', {
    key,
    recorded,
    ms: Date.now() - started,
    bytesIn: original.length,
    variants: variants.map((v) => `${v.width}x${v.height}:${v.body.length}`),
  });
  await remove(bucket, key);
  return 'ready';
}

/**
 * A shop's logo or cover: the same checks and sizes as a product photo, under shops/; the shop then
 * points at its 640 px size. A refused picture leaves the shop as it was (the artisan's page, still
 * waiting, says it was not accepted after a while). Earlier pictures' sizes are kept (cached pages
 * may still show them); the bucket is not cleaned of them here.
 */
async function processShopUpload(key: string): Promise<'ready' | 'rejected' | 'skipped'> {
  const { shopId, kind, imageId } = parseShopUploadKey(key)!;
  const bucket = config.imageBucket;
  const original = await read(bucket, key);
  if (!original) {
    log.info('shop upload already processed (original gone)', { key });
    return 'skipped';
  }
  const result = original.length > MAX_UPLOAD_BYTES ? ({ ok: false, reason: REJECTION.tooLarge, detail: `${original.length} bytes` } as const) : await makeVariants(original);
  if (!result.ok) {
    metrics.count('ImagesRejected');
    log.info('shop upload rejected', { key, reason: result.reason, detail: result.detail });
    await remove(bucket, key);
    return 'rejected';
  }
  await Promise.all(
    result.variants.map((v) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: shopVariantKey(shopId, kind, imageId, v.nominalWidth), Body: v.body, ContentType: 'image/webp', CacheControl: VARIANT_CACHE_CONTROL })),
    ),
  );
  const recorded = await setShopImage(store, shopId, kind, shopVariantKey(shopId, kind, imageId, CARD_WIDTH));
  metrics.count('ImagesProcessed');
  log.info('shop upload processed', { key, kind, recorded, bytesIn: original.length });
  await remove(bucket, key);
  return 'ready';
}

/** Event keys are URL-encoded, spaces as '+'. */
function objectKey(record: S3EventRecord): string {
  return decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
}

async function read(bucket: string, key: string): Promise<Buffer | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}

const remove = (bucket: string, key: string) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
