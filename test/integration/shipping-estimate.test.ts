import { describe, expect, it } from 'vitest';
import type { Quote, ShippingEstimate } from '#shared/api/orders.ts';
import { anonymous } from '../support/accounts.ts';
import { storeUrl } from '../support/api-client.ts';
import { newConnection, sendFrom } from '../support/connections.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';

/** The product page's shipping estimate is the checkout's shipping for the same parcel, read from the real store. */
const stocked = demoData.products.filter((p) => listedProducts.includes(p.product) && p.variants.some((v) => v.stock >= 3));
const first = stocked[0]!;
const sku = first.variants.find((v) => v.stock >= 3)!.sku;

const estimate = (query: string) => anonymous.call<ShippingEstimate>('GET', `/api/shipping/estimate?${query}`);

describe('GET /api/shipping/estimate', () => {
  it('equals the quote of a cart holding the same parcel, for each zone', async () => {
    for (const [destination, zone] of [
      [{ country: 'ES', city: 'Madrid' }, 'international'],
      [{ country: 'MA', city: 'Casablanca' }, 'morocco'],
      [{ country: 'MA', city: 'Dakhla' }, 'dakhla'],
    ] as const) {
      for (const quantity of [1, 3]) {
        const answer = await estimate(`productId=${first.product.id}&quantity=${quantity}&country=${destination.country}&city=${encodeURIComponent(destination.city)}`);
        expect(answer.status).toBe(200);
        const quote = (await anonymous.call<Quote>('POST', '/api/cart/quote', { lines: [{ productId: first.product.id, sku, quantity }], destination })).body;
        expect(quote.problems).toEqual([]);
        expect(answer.body.zone).toBe(zone);
        expect(answer.body.shopId).toBe(first.product.shopId);
        expect(answer.body.shipping).toBe(quote.shops[0]!.shipping);
        expect(answer.body.days).toEqual(quote.shops[0]!.days);
        expect(answer.body.approx.EUR).toBe(Math.round(answer.body.shipping * demoData.rates.EUR));
      }
    }
  });

  it('is cacheable (the same answer for everyone)', async () => {
    const answer = await sendFrom(newConnection(), 'GET', `${storeUrl()}/api/shipping/estimate?productId=${first.product.id}&country=FR`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toMatch(/^public, max-age=\d+/);
  });

  it('without a country: the edge’s viewer country (the local edge knows none: ZZ), else the browser’s guess, else Morocco; a viewer cannot forge the edge’s header', async () => {
    const guessed = await estimate(`productId=${first.product.id}&guess=es`);
    expect(guessed.body).toMatchObject({ country: 'ES', countryFrom: 'guess', zone: 'international' });
    const forged = await sendFrom(newConnection(), 'GET', `${storeUrl()}/api/shipping/estimate?productId=${first.product.id}&guess=ES`, { headers: { 'cloudfront-viewer-country': 'DE' } });
    expect(JSON.parse(forged.text)).toMatchObject({ country: 'ES', countryFrom: 'guess' });
    expect((await estimate(`productId=${first.product.id}`)).body).toMatchObject({ country: 'MA', countryFrom: 'default', zone: 'morocco' });
    expect((await estimate(`productId=${first.product.id}&country=FR&guess=ES`)).body).toMatchObject({ country: 'FR', countryFrom: 'asked' });
  });

  it('answers 400 naming the field, 404 for a product not on sale', async () => {
    for (const [query, field] of [
      [`country=ES`, 'productId'],
      [`productId=${first.product.id}&guess=Spain`, 'guess'],
      [`productId=${first.product.id}&country=Spain`, 'country'],
      [`productId=${first.product.id}&country=ES&quantity=0`, 'quantity'],
      [`productId=${first.product.id}&country=ES&colour=red`, ''],
    ] as const) {
      const answer = await anonymous.call('GET', `/api/shipping/estimate?${query}`);
      expect(answer.status).toBe(400);
      if (field) expect(Object.keys(answer.body.error.fields)).toContain(field);
    }
    expect((await estimate('productId=prd-nope-nope&country=ES')).status).toBe(404);
  });
});
