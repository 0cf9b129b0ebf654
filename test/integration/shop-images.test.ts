import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { variantsOf } from '#shared/domain/images.ts';
import { newAccount, type Account } from '../support/accounts.ts';
import { shopApplication } from '../support/artisan-fixtures.ts';

/**
 * A shop's logo and cover (issue 11 part 4), against the running local store: signed like a product
 * photo under the shop's own upload prefix, sent to the S3 front, made into the same WebP sizes by the
 * image function (s3rver's event), and the shop then points at them.
 */
let artisan: Account;
let shopId: string;

beforeAll(async () => {
  artisan = await newAccount('shop-images');
  const shop = await artisan.call('POST', '/api/me/shop', shopApplication(`shop-images-${Date.now()}`));
  if (shop.status !== 201) throw new Error(`apply failed: ${JSON.stringify(shop.body)}`);
  shopId = shop.body.id;
});

async function send(upload: { url: string; fields: Record<string, string> }, body: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(body)], { type }));
  return fetch(upload.url, { method: 'POST', body: form });
}

describe('shop logo and cover', () => {
  for (const [kind, field, size] of [['logo', 'portraitKey', [600, 600]], ['cover', 'coverKey', [1800, 600]]] as const) {
    it(`a ${kind} goes up like a product photo and the shop shows its 640 px size (${field})`, async () => {
      const jpeg = await sharp({ create: { width: size[0], height: size[1], channels: 3, background: '#2f4b7c' } }).jpeg().toBuffer();
      const started = await artisan.call('POST', '/api/me/shop/images', { kind, contentType: 'image/jpeg', size: jpeg.length });
      expect(started.status).toBe(201);
      expect(started.body.upload.fields.key).toBe(`uploads/${shopId}/shop/${kind}-${started.body.imageId}`);
      expect((await send(started.body.upload, jpeg, 'image/jpeg')).status).toBeLessThan(300);
      await expect.poll(async () => (await artisan.call('GET', '/api/me')).body.shop?.[field], { timeout: 20_000, interval: 300 }).toBe(`shops/${shopId}/${kind}-${started.body.imageId}-640.webp`);
      const key = (await artisan.call('GET', '/api/me')).body.shop[field] as string;
      const variants = variantsOf(key);
      expect(variants).toHaveLength(3);
      for (const v of variants) {
        const served = await fetch(`${inject('storeUrl')}/images/${v.key}`);
        expect(served.status, v.key).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/webp');
      }
    });
  }

  it('a resumed send signs the same key again', async () => {
    const first = await artisan.call('POST', '/api/me/shop/images', { kind: 'logo', contentType: 'image/jpeg', size: 1000 });
    const again = await artisan.call('POST', '/api/me/shop/images', { kind: 'logo', contentType: 'image/webp', size: 900, imageId: first.body.imageId });
    expect(again.status).toBe(201);
    expect(again.body.upload.fields.key).toBe(first.body.upload.fields.key);
  });

  it('names the field it refuses, and needs a shop', async () => {
    const bad = await artisan.call('POST', '/api/me/shop/images', { kind: 'banner', contentType: 'image/jpeg', size: 1000 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
    const tooBig = await artisan.call('POST', '/api/me/shop/images', { kind: 'cover', contentType: 'image/jpeg', size: 50 * 1024 * 1024 });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('size');
    const noShop = await newAccount('no-shop');
    expect((await noShop.call('POST', '/api/me/shop/images', { kind: 'logo', contentType: 'image/jpeg', size: 1000 })).status).toBe(404);
  });
});
