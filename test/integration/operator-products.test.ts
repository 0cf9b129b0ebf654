import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { orders } from '#shared/data/orders.ts';
import { anonymous, demoOperator, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, productBody } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';

/**
 * The operator console's products: find one (a shop's, a search, the hidden ones, by id), hide it
 * with a reason — it leaves every catalogue list, search and its product page at once, cannot be
 * bought or re-published by its artisan, who sees the reason — and restore it.
 */
let operator: Account;
let artisan: Account;
let listed: { shopId: string; productId: string };
const slug = `moderated-${Date.now()}`;
const listIds = async (path: string) => ((await anonymous.call('GET', path)).body.items as { id: string }[]).map((p) => p.id);
const titleWord = slug.replace(/-/g, ' ');
const table = () => DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));

beforeAll(async () => {
  operator = await demoOperator();
  artisan = await newAccount('moderated-artisan');
  listed = await artisanWithListedProduct(artisan, operator, slug);
});

describe('who may use the product routes', () => {
  it('operators signed in with TOTP only', async () => {
    await expectOperatorsOnly('GET', `/api/operator/products?shop=${listed.shopId}`);
    await expectOperatorsOnly('GET', `/api/operator/products/${listed.productId}`);
    await expectOperatorsOnly('POST', `/api/operator/products/${listed.productId}/moderation`, { action: 'hide', reason: 'photos' });
    // None of them hid it.
    expect(await listIds(`/api/products?shop=${listed.shopId}`)).toEqual([listed.productId]);
  });
});

describe('finding a product', () => {
  it("by shop (every status, with cover and stock), by a search of the catalogue, by id (with its shop and the artisan's e-mail)", async () => {
    const draft = (await artisan.call('POST', '/api/me/products', productBody('Brouillon modéré'))).body.product;
    const byShop = await operator.call('GET', `/api/operator/products?shop=${listed.shopId}`);
    expect(byShop.status).toBe(200);
    expect(byShop.body.items.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [draft.id, 'draft'],
      [listed.productId, 'published'],
    ]);
    expect(byShop.body.items[1]).toMatchObject({ shopId: listed.shopId, stock: 4, coverKey: expect.stringContaining(listed.productId), shopName: { fr: `Atelier ${slug}` } });

    const found = await operator.call('GET', `/api/operator/products?q=${encodeURIComponent(`jarre ${titleWord}`)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([listed.productId]);

    const one = await operator.call('GET', `/api/operator/products/${draft.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ product: { id: draft.id, status: 'draft' }, shop: { id: listed.shopId, status: 'approved' }, ownerEmail: artisan.email });
    expect(one.body.variants).toHaveLength(2);
  });

  it('answers 400 naming the field, 404 for an unknown product', async () => {
    for (const [query, field] of [
      [`shop=${listed.shopId}&q=jarre`, 'q'],
      ['shop=x', 'shop'],
      ['q=', 'q'],
      ['limit=49', 'limit'],
      ['cursor=%21', 'cursor'],
      ['status=draft', 'status'],
    ] as const) {
      const answer = await operator.call('GET', `/api/operator/products?${query}`);
      expect(answer.status, query).toBe(400);
      expect(Object.keys(answer.body.error.fields), query).toContain(field);
    }
    expect(Object.keys((await operator.call('GET', '/api/operator/products/x')).body.error.fields)).toEqual(['productId']);
    expect(Object.keys((await operator.call('POST', '/api/operator/products/x/moderation', { action: 'restore' })).body.error.fields)).toEqual(['productId']);
    expect((await operator.call('GET', '/api/operator/products/prd-does-not-exist')).status).toBe(404);
    expect((await operator.call('POST', '/api/operator/products/prd-does-not-exist/moderation', { action: 'restore' })).status).toBe(404);
  });
});

describe('hiding a product', () => {
  it('refuses a bad request by field, and changes nothing', async () => {
    for (const [body, field] of [
      [{ action: 'hide' }, 'reason'],
      [{ action: 'hide', reason: 'ugly' }, 'reason'],
      [{ action: 'hide', reason: 'other' }, 'note'],
      [{ action: 'hide', reason: 'photos', note: 'no' }, 'note'],
      [{ action: 'hide', reason: 'photos', note: 'Bad\u0000note' }, 'note'],
      [{ action: 'hide', reason: 'photos', note: 'x'.repeat(1001) }, 'note'],
      [{ action: 'hide', reason: 'photos', by: 'someone' }, 'by'],
      [{ action: 'delete' }, 'action'],
    ] as const) {
      const answer = await operator.call('POST', `/api/operator/products/${listed.productId}/moderation`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect(await listIds(`/api/products?shop=${listed.shopId}`)).toEqual([listed.productId]);
  });

  it('takes it out of every list, search and its page at once; the artisan sees why and cannot publish it; restoring brings it back', async () => {
    const id = listed.productId;
    const search = `/api/search?q=${encodeURIComponent(`jarre ${titleWord}`)}`;
    expect(await listIds(search)).toEqual([id]);
    expect((await anonymous.call('GET', `/api/products/${id}`)).status).toBe(200);

    const note = 'La photo montre un autre objet que celui vendu.';
    const hidden = await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'hide', reason: 'misleading', note });
    expect(hidden.status).toBe(200);
    expect(hidden.body.product.hidden).toMatchObject({ reason: 'misleading', note, at: expect.any(String) });
    expect(hidden.body.product.status).toBe('published');

    // Gone from every list, search and its page, at once.
    expect(await listIds(`/api/products?shop=${listed.shopId}`)).toEqual([]);
    expect(await listIds('/api/products?category=pottery&limit=48')).not.toContain(id);
    expect(await listIds('/api/products?category=pottery&sort=price_asc&limit=48')).not.toContain(id);
    expect(await listIds(search)).not.toContain(id); // the search never answers empty (it offers near matches): the hidden product is not among them
    expect((await anonymous.call('GET', `/api/products/${id}`)).status).toBe(404);
    // …and from checkout: a quote calls it unavailable, an order is refused.
    const variant = (await artisan.call('GET', `/api/me/products/${id}`)).body.variants[0];
    const lines = [{ productId: id, sku: variant.sku, quantity: 1 }];
    expect((await anonymous.call('POST', '/api/cart/quote', { lines, destination: { country: 'MA' } })).body.problems).toEqual([{ productId: id, sku: variant.sku, issue: 'unavailable' }]);
    const order = await request(
      'POST',
      '/api/orders',
      { lines, customer: { name: 'Nadia', ...newShopperContact('nadia'), address: { line1: '4 rue Tan-Tan', city: 'Rabat', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true },
      undefined,
      { 'idempotency-key': `hidden-${Date.now()}` },
    );
    expect(order.status).toBe(409);
    // Even a checkout that priced the cart before the operator hid it: its transaction refuses the product.
    const stale = orders({ db: table(), tableName: inject('tableName') });
    const at = new Date().toISOString();
    const orderId = `ord-stale-${Date.now()}`;
    await expect(
      stale.placeOrder({
        order: { id: orderId, status: 'placed', payment: { method: 'cod', status: 'pending' }, customer: { name: 'N', email: 'n@example.ma', phone: '+212600000000', address: { line1: 'x', city: 'Rabat', country: 'MA' } }, guestTokenHash: 'x', zone: 'morocco', totals: { items: 1, shipping: 0, total: 1 }, currency: 'MAD', createdAt: at, updatedAt: at },
        subOrders: [],
        reservations: [{ productId: id, sku: variant.sku, quantity: 1 }],
        idempotency: { keyHash: orderId, requestHash: 'x', orderId, sealedToken: 'x', ttl: Math.floor(Date.now() / 1000) + 60 },
      }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'unavailable' });

    // In the operators' list of hidden products, latest first.
    const hiddenList = await operator.call('GET', '/api/operator/products');
    expect(hiddenList.status).toBe(200);
    expect(hiddenList.body.items[0]).toMatchObject({ id, hidden: { reason: 'misleading', note } });
    // Hiding twice is a conflict.
    expect((await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'hide', reason: 'photos' })).status).toBe(409);

    // The artisan sees the reason, in their list and in the editor.
    const mine = await artisan.call('GET', '/api/me/products');
    expect(mine.body.items.find((p: { id: string }) => p.id === id).hidden).toMatchObject({ reason: 'misleading', note });
    expect((await artisan.call('GET', `/api/me/products/${id}`)).body.product.hidden).toMatchObject({ reason: 'misleading', note });
    // They may edit it (the hold stays) and unpublish it, but not publish it again.
    const edited = await artisan.call('PUT', `/api/me/products/${id}`, { ...productBody(`Jarre ${slug}`), variants: (await artisan.call('GET', `/api/me/products/${id}`)).body.variants });
    expect(edited.status).toBe(200);
    expect(edited.body.product.hidden).toMatchObject({ reason: 'misleading' });
    expect((await artisan.call('POST', `/api/me/products/${id}/status`, { status: 'draft' })).status).toBe(200);
    const republish = await artisan.call('POST', `/api/me/products/${id}/status`, { status: 'published' });
    expect(republish.status).toBe(409);
    expect(republish.body.error).toMatchObject({ code: 'hidden_by_operator', fields: { status: expect.any(String) } });
    expect(await listIds(search)).not.toContain(id);

    // Restored: back as the artisan left it (a draft), which they may now publish.
    const restored = await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'restore' });
    expect(restored.status).toBe(200);
    expect(restored.body.product.hidden).toBeUndefined();
    expect(restored.body.product.status).toBe('draft');
    expect((await operator.call('GET', '/api/operator/products')).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'restore' })).status).toBe(409);
    expect((await artisan.call('POST', `/api/me/products/${id}/status`, { status: 'published' })).status).toBe(200);
    expect(await listIds(search)).toEqual([id]);
    expect((await anonymous.call('GET', `/api/products/${id}`)).status).toBe(200);
  });

  it('restores a published product straight into the catalogue', async () => {
    const id = listed.productId;
    expect((await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'hide', reason: 'price' })).status).toBe(200);
    expect(await listIds(`/api/products?shop=${listed.shopId}`)).toEqual([]);
    expect((await operator.call('POST', `/api/operator/products/${id}/moderation`, { action: 'restore' })).status).toBe(200);
    expect(await listIds(`/api/products?shop=${listed.shopId}`)).toEqual([id]);
  });
});
