import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { imageItem } from '#shared/data/catalogue-writes.ts';
import { keys } from '#shared/data/keys.ts';
import type { ProductImage } from '#shared/domain/catalogue.ts';
import { IMAGE_WIDTHS, MAX_UPLOAD_BYTES, uploadKey } from '#shared/domain/images.ts';
import type { presignImageUpload as PresignImageUpload } from '../../functions/commons/uploads.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_IMAGE_BUCKET, LOCAL_TABLE } from '../../infra/local/stack.ts';

/**
 * Photos from the artisan's browser to web-sized WebP, against the running local store: the
 * presigned POST made by the functions' own adapter (functions/commons/uploads.ts), sent to
 * the gateway's S3 front, which refuses what S3 refuses; accepted uploads run the image
 * function through s3rver's event, as the bucket notification does in AWS.
 */
const storeUrl = inject('storeUrl');
const SHOP = 'shop-image-tests';

let presign: typeof PresignImageUpload;
let s3: S3Client;
let dynamo: DynamoDBClient;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  // The adapter reads its settings as a function does, from the environment the local stack sets.
  Object.assign(process.env, {
    TABLE_NAME: LOCAL_TABLE,
    IMAGE_BUCKET: LOCAL_IMAGE_BUCKET,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: `${storeUrl}/s3`,
    S3_FORCE_PATH_STYLE: 'true',
  });
  ({ presignImageUpload: presign } = await import('../../functions/commons/uploads.ts'));
  s3 = new S3Client({ endpoint: `${storeUrl}/s3`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  dynamo = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  db = DynamoDBDocumentClient.from(dynamo);
});
afterAll(() => {
  s3?.destroy();
  dynamo?.destroy();
});

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** An image record waiting for its upload, as the start-upload use case leaves it. */
async function pendingImage() {
  const productId = newId('prd');
  const image: ProductImage = { id: newId('img'), key: '', position: 0, status: 'uploading' };
  image.key = uploadKey(SHOP, productId, image.id);
  await db.send(new PutCommand({ TableName: LOCAL_TABLE, Item: imageItem(productId, image) }));
  return { productId, imageId: image.id, key: image.key };
}

async function imageRecord(productId: string, imageId: string) {
  const { Item } = await db.send(new GetCommand({ TableName: LOCAL_TABLE, Key: keys.productImage(productId, imageId), ConsistentRead: true }));
  return Item as (ProductImage & Record<string, unknown>) | undefined;
}

async function settled(productId: string, imageId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await imageRecord(productId, imageId);
    if (record?.status === 'ready' || record?.status === 'rejected') return record;
    if (Date.now() > deadline) throw new Error(`image ${imageId} still ${record?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stored(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: LOCAL_IMAGE_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

type Upload = Awaited<ReturnType<typeof PresignImageUpload>>;

/** POSTs the form as a browser does: the presigned fields, then the file last. */
async function post(upload: Upload, file: Buffer | undefined, change: { set?: Record<string, string>; drop?: string[] } = {}) {
  const form = new FormData();
  const fields = { ...upload.fields, ...change.set };
  for (const [name, value] of Object.entries(fields)) if (!change.drop?.includes(name)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file)]), 'photo');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  const body = await response.text();
  return { status: response.status, body, code: /<Code>([^<]+)<\/Code>/.exec(body)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(body)?.[1] };
}

const photo = (width: number, height: number, format: 'jpeg' | 'png') =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 160 } } })
    .composite([{ input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: 'white' } }, top: 0, left: 0 }])
    .toFormat(format)
    .toBuffer();

describe('the presigned POST', () => {
  it('points at the store\'s own origin (the S3 front), path-style, with the fields S3 needs', async () => {
    const { key } = await pendingImage();
    const upload = await presign({ key, contentType: 'image/jpeg', maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: 300 });
    expect(upload.url).toBe(`${storeUrl}/s3/${LOCAL_IMAGE_BUCKET}`);
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'image/jpeg', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([{ bucket: LOCAL_IMAGE_BUCKET }, { key }, { 'Content-Type': 'image/jpeg' }, ['content-length-range', 1, MAX_UPLOAD_BYTES]]),
    );
  });

  it('refuses to sign a key outside uploads/', async () => {
    await expect(presign({ key: 'products/p/x-640.webp', contentType: 'image/jpeg', maxBytes: 10, expiresSeconds: 60 })).rejects.toThrow(/not under uploads\//);
  });
});

describe('the S3 front refuses what S3 refuses, and stores nothing', () => {
  let jpeg: Buffer;
  beforeAll(async () => {
    jpeg = await photo(400, 300, 'jpeg');
  });

  /** Presigns an upload for a fresh pending image; after the refusal, checks that nothing happened. */
  async function refused(
    options: { maxBytes?: number; expiresSeconds?: number; file?: Buffer | null; set?: (upload: Upload) => Record<string, string>; drop?: string[] },
    expected: { status: number; code: string; message?: string | RegExp },
  ) {
    const { productId, imageId, key } = await pendingImage();
    const upload = await presign({ key, contentType: 'image/jpeg', maxBytes: options.maxBytes ?? MAX_UPLOAD_BYTES, expiresSeconds: options.expiresSeconds ?? 300 });
    const answer = await post(upload, options.file === null ? undefined : (options.file ?? jpeg), { set: options.set?.(upload) ?? {}, drop: options.drop ?? [] });
    expect(answer.status, answer.body).toBe(expected.status);
    expect(answer.code).toBe(expected.code);
    if (expected.message) expect(answer.message).toMatch(expected.message);
    await new Promise((r) => setTimeout(r, 150)); // an (unexpected) event would have run by now
    for (const candidate of [key, ...Object.values(options.set?.(upload) ?? {}).filter((v) => v.includes('/'))]) expect(await stored(candidate)).toBe(false);
    expect((await imageRecord(productId, imageId))?.status).toBe('uploading');
  }

  it('a file larger than the policy allows: 400 EntityTooLarge', async () => {
    await refused({ maxBytes: 1000 }, { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' });
  });

  it('a body beyond the 10 MB limit: 400 EntityTooLarge, without keeping it', async () => {
    await refused({ file: Buffer.alloc(MAX_UPLOAD_BYTES + 1_500_000, 7) }, { status: 400, code: 'EntityTooLarge' });
  });

  it('another content type than the signed one: 403', async () => {
    await refused(
      { set: () => ({ 'Content-Type': 'image/png' }) },
      { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy Condition failed: [&#34;eq&#34;, &#34;$Content-Type&#34;, &#34;image/jpeg&#34;]' },
    );
  });

  it('a key outside the signed one (another shop, or the public products/ prefix): 403', async () => {
    await refused({ set: () => ({ key: `uploads/another-shop/prd-x/img-x` }) }, { status: 403, code: 'AccessDenied', message: /Policy Condition failed: \[&#34;eq&#34;, &#34;\$key&#34;/ });
    await refused({ set: () => ({ key: 'products/prd-x/img-x-640.webp' }) }, { status: 403, code: 'AccessDenied', message: /Policy Condition failed/ });
  });

  it('an expired policy: 403', async () => {
    await refused({ expiresSeconds: -60 }, { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
  });

  it('a tampered policy (a bigger size range, same signature): 403 SignatureDoesNotMatch', async () => {
    const tamper = (upload: Upload) => {
      const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
      policy.conditions = policy.conditions.map((c) => (Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 10 ** 10] : c));
      return { Policy: Buffer.from(JSON.stringify(policy)).toString('base64') };
    };
    await refused({ maxBytes: 1000, set: tamper }, { status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('a wrong signature: 403 SignatureDoesNotMatch', async () => {
    await refused({ set: (upload) => ({ 'X-Amz-Signature': upload.fields['X-Amz-Signature']!.replace(/^./, (c) => (c === '0' ? '1' : '0')) }) }, { status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('no file: 400 InvalidArgument', async () => {
    await refused({ file: null }, { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' });
  });

  it('a field the policy does not name: 403', async () => {
    await refused({ set: () => ({ 'x-amz-meta-note': 'hi' }) }, { status: 403, code: 'AccessDenied', message: /Extra input fields: x-amz-meta-note/ });
  });
});

describe('accepted uploads become web-sized WebP variants', () => {
  async function upload(file: Buffer, contentType: string) {
    const pending = await pendingImage();
    const presigned = await presign({ key: pending.key, contentType, maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: 300 });
    const answer = await post(presigned, file);
    expect(answer.status, answer.body).toBe(204);
    return { ...pending, record: await settled(pending.productId, pending.imageId) };
  }

  it('a JPEG with an EXIF orientation: three upright WebP variants without metadata, served immutable; the original is gone', async () => {
    // Stored 1600x1200 with orientation 6 ("rotate 90° clockwise"), as a phone held upright writes it.
    const jpeg = await sharp(await photo(1600, 1200, 'jpeg'))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Camera 12' } })
      .jpeg({ quality: 90 })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const { productId, imageId, key, record } = await upload(jpeg, 'image/jpeg');

    expect(record.status).toBe('ready');
    expect(record.variants!.map((v) => v.key)).toEqual(IMAGE_WIDTHS.map((w) => `products/${productId}/${imageId}-${w}.webp`));
    expect(record.variants!.map((v) => v.width)).toEqual([320, 640, 1200]); // upright: 1200 wide, never enlarged
    expect(record.key).toBe(`products/${productId}/${imageId}-640.webp`);
    expect([record.width, record.height]).toEqual([1200, 1600]);

    for (const variant of record.variants!) {
      const response = await fetch(`${storeUrl}/images/${variant.key}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: variant.width });
      expect(meta.height).toBeGreaterThan(meta.width!); // portrait: the orientation was applied
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    // The white block was top-left in the stored pixels; rotated 90° clockwise it is top-right.
    const upright = await sharp(Buffer.from(await (await fetch(`${storeUrl}/images/${record.variants![0]!.key}`)).arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => upright.data[(y * upright.info.width + x) * upright.info.channels]!;
    expect(pixel(upright.info.width - 5, 5)).toBeGreaterThan(200);
    expect(pixel(5, 5)).toBeLessThan(100);

    expect(await stored(key)).toBe(false);
    expect((await fetch(`${storeUrl}/images/${key}`)).status).toBe(404);
  });

  it('a PNG works too', async () => {
    const { record } = await upload(await photo(800, 600, 'png'), 'image/png');
    expect(record.status).toBe('ready');
    expect(record.variants!.map((v) => v.width)).toEqual([320, 640, 800]);
  });

  it('a text file sent as image/jpeg: rejected with a reason the artisan understands, nothing kept', async () => {
    const { productId, imageId, key, record } = await upload(Buffer.from('This is not a photo, just some text.\n'), 'image/jpeg');
    expect(record).toMatchObject({ status: 'rejected', rejectedReason: 'This file is not a photo (JPEG, PNG or WebP).' });
    expect(record.variants).toBeUndefined();
    expect(await stored(key)).toBe(false);
    expect(await stored(`products/${productId}/${imageId}-640.webp`)).toBe(false);
  });

  it('the public /images/ path never serves raw uploads', async () => {
    const { key } = await pendingImage();
    const presigned = await presign({ key, contentType: 'image/jpeg', maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: 300 });
    // A stray object under uploads/ (as if processing had not run yet) is still private.
    const answer = await post(presigned, await photo(64, 64, 'jpeg'));
    expect(answer.status).toBe(204);
    expect((await fetch(`${storeUrl}/images/${key}`)).status).toBe(404);
  });
});
