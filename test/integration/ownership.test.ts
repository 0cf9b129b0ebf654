import { beforeAll, describe, expect, it } from 'vitest';
import { routes, routeKey, type Route } from '#shared/routes.ts';
import { anonymous, newAccount, request, type Account } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { artisanWithListedProduct, productBody, shopApplication } from '../support/artisan-fixtures.ts';

/**
 * The ownership matrix: every protected route, called by each party that is not the owner,
 * with the owner's ids. Each call is refused (401 without a token, 403 or 404 with one), its
 * answer names nothing of the owner's, and afterwards the owner's data is exactly as before.
 */
const protectedRoutes = routes.filter((r) => r.auth !== 'public');

let owner: Account;
let rival: Account;
let shopper: Account;
let operator: Account;
let victim: { shopId: string; productId: string; imageId: string; orderId: string; sku: string };
let secrets: string[];

beforeAll(async () => {
  [owner, rival, shopper, operator] = await Promise.all([newAccount('owner'), newAccount('rival'), newAccount('shopper'), newAccount('operator', 'operator')]);
  const listed = await artisanWithListedProduct(owner, operator, `owner-${Date.now()}`);
  // A shopper's order from the owner's shop, so that order routes have an owner too.
  const product = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  const order = await request('POST', '/api/orders', {
    lines: [{ productId: listed.productId, sku: product.variants[0].sku, quantity: 1 }],
    customer: { name: 'Aicha', ...newShopperContact('aicha'), address: { line1: '3 avenue Hassan II', city: 'Rabat', country: 'MA' } },
    payment: 'cod',
    termsAccepted: true,
    withdrawalAcknowledged: true,
  }, undefined, { 'idempotency-key': `own-${Date.now()}` });
  if (order.status !== 201) throw new Error(`order failed: ${JSON.stringify(order.body)}`);
  victim = { ...listed, orderId: order.body.order.id, sku: product.variants[0].sku };
  // The rival runs a shop of their own, with a draft of their own.
  await rival.call('POST', '/api/me/shop', shopApplication(`rival-${Date.now()}`));
  await rival.call('POST', '/api/me/products', productBody('Rival draft'));
  // A draft of the owner's that nobody else may see.
  const draft = (await owner.call('POST', '/api/me/products', productBody('Secret draft of the owner'))).body;
  secrets = [draft.product.id, 'Secret draft of the owner', owner.email];
});

const PARAMS: Record<string, () => string> = {
  productId: () => victim.productId,
  imageId: () => victim.imageId,
  shopId: () => victim.shopId,
  orderId: () => victim.orderId,
  name: () => 'commission',
  username: () => '00000000-0000-0000-0000-000000000000',
  reviewId: () => `${victim.orderId}.${victim.sku}`,
};

const BODIES: Partial<Record<string, () => unknown>> = {
  'POST /api/me/shop': () => shopApplication(`steal-${Date.now()}`),
  'PATCH /api/me/shop': () => ({ story: { fr: 'Réécrit par un autre' } }),
  'POST /api/me/shop/images': () => ({ kind: 'logo', contentType: 'image/jpeg', size: 1000 }),
  'PUT /api/me/onboarding': () => ({ step: 'product' }),
  'POST /api/me/products': () => productBody('Intrus'),
  'PUT /api/me/products/{productId}': () => productBody('Volé'),
  'POST /api/me/products/{productId}/status': () => ({ status: 'archived' }),
  'POST /api/me/products/{productId}/images': () => ({ contentType: 'image/jpeg', size: 1000 }),
  'PUT /api/me/products/{productId}/images': () => ({ imageIds: [victim.imageId] }),
  'POST /api/operator/shops/{shopId}/decision': () => ({ action: 'suspend', reason: 'Taken over' }),
  'PATCH /api/operator/shops/{shopId}': () => ({ story: { fr: 'Réécrit par un autre' } }),
  'POST /api/operator/products/{productId}/moderation': () => ({ action: 'hide', reason: 'other', note: 'Taken over' }),
  'PUT /api/operator/settings': () => ({ name: 'commission', version: 0, value: { basisPoints: 3000 } }),
  'POST /api/operator/team': () => ({ email: `intruder-${Date.now()}@example.ma` }),
  'POST /api/me/orders/{orderId}/fulfilment': () => ({ action: 'decline', reason: 'Not mine to decline' }),
  'POST /api/me/purchases/{orderId}/reviews': () => ({ productId: victim.productId, sku: victim.sku, rating: 1, lang: 'fr' }),
  'PUT /api/me/reviews/{reviewId}/reply': () => ({ text: 'Pas mon avis' }),
  'POST /api/operator/reviews/{reviewId}/decision': () => ({ action: 'reject' }),
};

const pathOf = (route: Route) => route.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name]!());
const targetsOthers = (route: Route) => /\{\w+\}/.test(route.path);

async function ownerState() {
  const product = await owner.call('GET', `/api/me/products/${victim.productId}`);
  const me = await owner.call('GET', '/api/me');
  const pub = await anonymous.call('GET', `/api/products/${victim.productId}`);
  return JSON.stringify([product.body, me.body.shop, pub.status, pub.body.product?.title]);
}

describe('ownership matrix', () => {
  it('refuses every protected route to everyone but its owner, leaking and writing nothing', async () => {
    const before = await ownerState();
    const callers: Array<[string, { call: Account['call'] }]> = [
      ['anonymous', anonymous],
      ['rival artisan', rival],
      ['shopper', shopper],
      ['operator', operator],
    ];
    const failures: string[] = [];
    let calls = 0;
    for (const route of protectedRoutes) {
      const key = routeKey(route);
      for (const [who, caller] of callers) {
        // Own-account routes (no ids) are only forbidden to the anonymous; operators may act on shops.
        if (who !== 'anonymous' && !targetsOthers(route) && route.auth !== 'operator') continue;
        if (who === 'operator' && route.auth === 'operator') continue;
        const body = BODIES[key]?.();
        const { status, body: answer } = await caller.call(route.method, pathOf(route), body);
        calls++;
        const allowed = who === 'anonymous' ? [401] : [403, 404];
        if (!allowed.includes(status)) failures.push(`${who} ${key} → ${status} ${JSON.stringify(answer).slice(0, 200)}`);
        const text = JSON.stringify(answer);
        for (const secret of secrets) if (text.includes(secret)) failures.push(`${who} ${key} leaked ${secret}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(protectedRoutes.length + 10);
    expect(await ownerState()).toBe(before);
  });

  it("keeps each artisan's lists to their own products", async () => {
    const rivals = await rival.call('GET', '/api/me/products');
    expect(rivals.status).toBe(200);
    expect(rivals.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(rivals.body)).not.toContain(victim.productId);
    for (const secret of secrets) expect(JSON.stringify(rivals.body)).not.toContain(secret);
    expect((await shopper.call('GET', '/api/me/products')).status).toBe(404);
  });

  it('lets the owner do what the others could not', async () => {
    expect((await owner.call('GET', `/api/me/products/${victim.productId}`)).status).toBe(200);
    expect((await owner.call('PUT', `/api/me/products/${victim.productId}/images`, { imageIds: [victim.imageId] })).status).toBe(200);
  });
});
