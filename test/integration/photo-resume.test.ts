import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { newAccount, type Account } from '../support/accounts.ts';
import { productBody, shopApplication } from '../support/artisan-fixtures.ts';

/**
 * A photo's send is cut (or its signature expires) and the phone tries again: it asks for a
 * fresh signature for the SAME photo (imageId), so whatever arrived — once or twice — ends as
 * one photo. Against the running local store: the API, the S3 front and the image function.
 */
let artisan: Account;
let productId: string;

beforeAll(async () => {
  artisan = await newAccount('resume');
  const shop = await artisan.call('POST', '/api/me/shop', shopApplication(`resume-${Date.now()}`));
  if (shop.status !== 201) throw new Error(`apply failed: ${JSON.stringify(shop.body)}`);
  productId = (await artisan.call('POST', '/api/me/products', productBody('Photo reprise'))).body.product.id;
});

async function send(upload: { url: string; fields: Record<string, string> }, body: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(body)], { type }));
  return fetch(upload.url, { method: 'POST', body: form });
}

const photo = () => sharp({ create: { width: 400, height: 300, channels: 3, background: '#b5653a' } }).jpeg().toBuffer();

describe('resuming a photo upload', () => {
  it('gives a fresh signature for the same photo and key; sending twice still makes one photo', async () => {
    const first = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 5000 });
    expect(first.status).toBe(201);
    const again = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/webp', size: 4000, imageId: first.body.image.id });
    expect(again.status).toBe(201);
    expect(again.body.image.id).toBe(first.body.image.id);
    expect(again.body.upload.fields.key).toBe(first.body.upload.fields.key);
    expect(again.body.upload.fields['Content-Type']).toBe('image/webp');

    const jpeg = await photo();
    // The first send arrived after all (its answer was lost), then the retry sends again.
    expect((await send(first.body.upload, jpeg, 'image/jpeg')).status).toBeLessThan(300);
    const fresh = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: jpeg.length, imageId: first.body.image.id });
    if (fresh.status === 201) expect((await send(fresh.body.upload, jpeg, 'image/jpeg')).status).toBeLessThan(300);
    else expect(fresh.body.error?.code ?? fresh.body.code).toBe('image_received');

    await expect
      .poll(async () => (await artisan.call('GET', `/api/me/products/${productId}`)).body.images.map((i: { status?: string }) => i.status), { timeout: 20_000, interval: 300 })
      .toEqual(['ready']);
    const done = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 5000, imageId: first.body.image.id });
    expect(done.status).toBe(409);
    expect(JSON.stringify(done.body)).toContain('image_received');
  });

  it('a photo id that is not this product\'s: 404, and a malformed one names the field', async () => {
    const unknown = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 5000, imageId: 'img-doesnotexist' });
    expect(unknown.status).toBe(404);
    const bad = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 5000, imageId: '../../x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('imageId');
  });
});
