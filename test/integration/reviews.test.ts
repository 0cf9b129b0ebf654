import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, newAccount, orderLink, request, type Account } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { until } from '../support/saga.ts';

/**
 * Verified-purchase reviews through the running store: only a delivered line, once, rating 1–5;
 * pending until an operator approves it; the product's and the shop's ratings follow each
 * decision; only the shop's own artisan answers it.
 */

const whenReady = (what: string, call: () => Promise<{ status: number; body: any }>) =>
  until(what, async () => {
    const answer = await call();
    return answer.status === 409 && answer.body?.error?.code === 'not_now' ? undefined : answer;
  });

let operator: Account;
let artisan: Account;
let rival: Account;
let listed: { productId: string; shopId: string; slug: string; sku: string; secondSku: string };

beforeAll(async () => {
  [operator, artisan, rival] = await Promise.all([newAccount('reviews-operator', 'operator'), newAccount('reviews-artisan'), newAccount('reviews-rival')]);
  const slug = `reviews-${Date.now()}`;
  const made = await artisanWithListedProduct(artisan, operator, slug);
  await artisanWithListedProduct(rival, operator, `rival-${slug}`);
  const detail = (await anonymous.call('GET', `/api/products/${made.productId}`)).body;
  const skus = detail.variants.filter((v: { stock: number }) => v.stock > 0).map((v: { sku: string }) => v.sku);
  listed = { ...made, slug: detail.shop.slug, sku: skus[0], secondSku: skus[1] ?? skus[0] };
});

async function placeOrder(name: string, skus: string[]) {
  const placed = await request(
    'POST',
    '/api/orders',
    {
      lines: skus.map((sku) => ({ productId: listed.productId, sku, quantity: 1 })),
      customer: { name, ...newShopperContact('reviewer'), address: { line1: '12 av. Hassan II', city: 'Dakhla', country: 'MA' }, locale: 'fr' },
      payment: 'cod',
      termsAccepted: true,
    },
    undefined,
    { 'idempotency-key': `rev-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  expect(placed.status).toBe(201);
  return { orderId: placed.body.order.id as string, link: orderLink(placed.body.guestToken as string) };
}

async function deliver(orderId: string) {
  for (const body of [{ action: 'accept' }, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' }, { action: 'deliver' }]) {
    const answer = await whenReady(`${body.action} ${orderId}`, () => artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body));
    expect(answer.status).toBe(200);
  }
}

const reviewsOf = async () => (await anonymous.call('GET', `/api/products/${listed.productId}/reviews`)).body;

describe('reviews', () => {
  it('a delivered line is reviewed once, moderated, counted, answered by its own artisan only', async () => {
    const { orderId, link } = await placeOrder('Khadija Benali', [listed.sku]);
    const path = `/api/orders/${orderId}/reviews`;
    const body = { productId: listed.productId, sku: listed.sku, rating: 4, text: '  Très beau travail, merci !  ', lang: 'fr' };

    // Not delivered yet: refused, nothing written.
    const early = await link.call('POST', path, body);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_delivered');
    expect((await link.call('GET', path)).body.items).toEqual([]);

    await deliver(orderId);

    // Bad input: 400 naming the field.
    for (const rating of [0, 6, 3.5, '5']) {
      const bad = await link.call('POST', path, { ...body, rating });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toHaveProperty('rating');
    }
    const long = await link.call('POST', path, { ...body, text: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toHaveProperty('text');
    // Without the link's secret, or with another's: refused.
    expect((await anonymous.call('POST', path, body)).status).toBe(400);
    expect((await orderLink('y'.repeat(43)).call('POST', path, body)).status).toBe(404);
    // A line the order does not have.
    expect((await link.call('POST', path, { ...body, sku: 'NOT-IN-ORDER' })).status).toBe(404);
    // Someone signed in who does not own the order.
    expect((await rival.call('POST', `/api/me/purchases/${orderId}/reviews`, body)).status).toBe(404);

    const created = await link.call('POST', path, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: `${orderId}.${listed.sku}`, status: 'pending', rating: 4, text: 'Très beau travail, merci !', lang: 'fr', author: 'Khadija' });
    const reviewId = created.body.id as string;
    // Twice: refused.
    const twice = await link.call('POST', path, { ...body, rating: 5 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_reviewed');
    expect((await link.call('GET', path)).body.items).toMatchObject([{ id: reviewId, rating: 4, status: 'pending' }]);

    // Pending: not shown, not counted.
    expect(await reviewsOf()).toEqual({ rating: { count: 0 }, items: [] });
    const queue = await operator.call('GET', '/api/operator/reviews?status=pending&limit=48');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(reviewId);
    // Shoppers and artisans cannot moderate.
    expect((await artisan.call('POST', `/api/operator/reviews/${reviewId}/decision`, { action: 'approve' })).status).toBe(403);
    expect((await operator.call('POST', `/api/operator/reviews/${reviewId}/decision`, { action: 'publish' })).status).toBe(400);

    // Approved: shown and counted on the product and its shop.
    const approved = await operator.call('POST', `/api/operator/reviews/${reviewId}/decision`, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await operator.call('POST', `/api/operator/reviews/${reviewId}/decision`, { action: 'approve' })).status).toBe(409);
    const shown = await reviewsOf();
    expect(shown.rating).toEqual({ count: 1, average: 4 });
    expect(shown.items).toMatchObject([{ id: reviewId, rating: 4, text: 'Très beau travail, merci !', author: 'Khadija', lang: 'fr' }]);
    expect(JSON.stringify(shown)).not.toContain(orderId.replace(/^ord-/, '') + '"'); // the id names the order, but no order fields leak
    expect(shown.items[0]).not.toHaveProperty('orderId');
    expect((await anonymous.call('GET', `/api/shops/${listed.slug}`)).body.rating).toEqual({ count: 1, average: 4 });

    // A second shopper, rating 1, rejected: the totals do not move.
    const other = await placeOrder('Sara', [listed.secondSku]);
    await deliver(other.orderId);
    const second = await other.link.call('POST', `/api/orders/${other.orderId}/reviews`, { productId: listed.productId, sku: listed.secondSku, rating: 1, lang: 'ar' });
    expect(second.status).toBe(201);
    expect((await operator.call('POST', `/api/operator/reviews/${second.body.id}/decision`, { action: 'reject' })).body.status).toBe('rejected');
    expect((await reviewsOf()).rating).toEqual({ count: 1, average: 4 });
    // Approved after all: counted; the newest first.
    await operator.call('POST', `/api/operator/reviews/${second.body.id}/decision`, { action: 'approve' });
    const both = await reviewsOf();
    expect(both.rating).toEqual({ count: 2, average: 2.5 });
    expect(both.items.map((r: { id: string }) => r.id)).toEqual([second.body.id, reviewId]);
    // Paged with the cursor the other lists use.
    const first = (await anonymous.call('GET', `/api/products/${listed.productId}/reviews?limit=1`)).body;
    expect(first.items).toHaveLength(1);
    const next = (await anonymous.call('GET', `/api/products/${listed.productId}/reviews?limit=1&cursor=${first.cursor}`)).body;
    expect(next.items.map((r: { id: string }) => r.id)).toEqual([reviewId]);
    expect((await anonymous.call('GET', `/api/products/${listed.productId}/reviews?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
    // An approved review taken down: out of the totals.
    await operator.call('POST', `/api/operator/reviews/${second.body.id}/decision`, { action: 'reject' });
    expect((await reviewsOf()).rating).toEqual({ count: 1, average: 4 });
    expect((await anonymous.call('GET', `/api/shops/${listed.slug}`)).body.rating).toEqual({ count: 1, average: 4 });

    // The reply: only the shop's artisan (another artisan: not found), once, editable.
    const replyPath = `/api/me/reviews/${reviewId}/reply`;
    expect((await rival.call('PUT', replyPath, { text: 'Pas mon produit' })).status).toBe(404);
    expect((await operator.call('PUT', replyPath, { text: 'Opérateur' })).status).toBe(404);
    expect((await anonymous.call('PUT', replyPath, { text: 'Anonyme' })).status).toBe(401);
    expect((await artisan.call('PUT', replyPath, { text: '   ' })).status).toBe(400);
    const replied = await artisan.call('PUT', replyPath, { text: 'Merci Khadija !' });
    expect(replied.status).toBe(200);
    expect(replied.body.reply).toMatchObject({ text: 'Merci Khadija !' });
    const edited = await artisan.call('PUT', replyPath, { text: 'Merci beaucoup Khadija !' });
    expect(edited.body.reply).toMatchObject({ text: 'Merci beaucoup Khadija !', at: replied.body.reply.at });
    expect(edited.body.reply.editedAt).toBeTruthy();
    expect((await reviewsOf()).items[0].reply.text).toBe('Merci beaucoup Khadija !');
    // A rejected review is not answered.
    expect((await artisan.call('PUT', `/api/me/reviews/${second.body.id}/reply`, { text: 'Désolé' })).status).toBe(409);

    // The artisan's list: their shop's reviews only, with the shop's rating.
    const mine = await artisan.call('GET', '/api/me/reviews');
    expect(mine.body.rating).toEqual({ count: 1, average: 4 });
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id, reviewId]);
    const theirs = await rival.call('GET', '/api/me/reviews');
    expect(theirs.body).toMatchObject({ items: [], rating: { count: 0 } });
  });
});
