import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#shared/data/keys.ts';
import { sha256 } from '#shared/domain/ids.ts';
import { ORDER_LINK_HEADER, ORDER_LINK_LIFETIME_DAYS } from '#shared/domain/order-link.ts';
import { anonymous, orderLink, request } from '../support/accounts.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';

/**
 * The guest's order link against the running store: its secret travels in the
 * Dakhla-Order-Token header only (a `?token=` is refused, never read), it stops working after
 * 90 days (410), and the checkout's idempotency record keeps it only sealed under the client's
 * Idempotency-Key — read here as raw DynamoDB items, as someone with the table would.
 */
let db: DynamoDBDocumentClient;
const raw = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: inject('tableName'), Key: key, ConsistentRead: true }))).Item;

const product = demoData.products.filter((p) => listedProducts.includes(p.product)).flatMap((p) => p.variants.filter((v) => v.stock >= 20).map((v) => ({ productId: p.product.id, sku: v.sku })))[0]!;
const body = (name = 'Nadia Alaoui') => ({
  lines: [{ ...product, quantity: 1 }],
  customer: { name, email: 'nadia@example.ma', phone: '+212612345678', address: { line1: '8 rue de la Plage', city: 'Dakhla', country: 'MA' } },
  payment: 'cod',
  termsAccepted: true,
  withdrawalAcknowledged: true,
});
const newKey = () => crypto.randomUUID();
const place = async (key = newKey(), payload: object = body()) => {
  const placed = await request('POST', '/api/orders', payload, undefined, { 'idempotency-key': key });
  if (placed.status !== 201) throw new Error(`checkout answered ${placed.status}: ${JSON.stringify(placed.body)}`);
  return { key, orderId: placed.body.order.id as string, token: placed.body.guestToken as string, body: placed.body };
};

beforeAll(() => {
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
});

describe('the order link secret', () => {
  it('is read from its header; in the query string it is refused with a 400 naming it, even when right', async () => {
    const { orderId, token } = await place();
    const page = await orderLink(token).call('GET', `/api/orders/${orderId}`);
    expect(page.status).toBe(200);
    expect(page.body.order.id).toBe(orderId);
    expect(page.body.link.expiresAt).toBe(new Date(Date.parse(page.body.order.createdAt) + ORDER_LINK_LIFETIME_DAYS * 86_400_000).toISOString());

    for (const path of [`/api/orders/${orderId}?token=${token}`, `/api/orders/${orderId}/parcels/${page.body.subOrders[0].shopId}/delivered?token=${token}`]) {
      for (const caller of [anonymous, orderLink(token)]) {
        const answer = await caller.call(path.endsWith(`delivered?token=${token}`) ? 'POST' : 'GET', path);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error.fields.token).toMatch(new RegExp(ORDER_LINK_HEADER));
      }
    }
    const none = await anonymous.call('GET', `/api/orders/${orderId}`);
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields)).toEqual([ORDER_LINK_HEADER]);
    const malformed = await orderLink('not a secret!').call('GET', `/api/orders/${orderId}`);
    expect(malformed.status).toBe(400);
    expect((await orderLink('x'.repeat(43)).call('GET', `/api/orders/${orderId}`)).status).toBe(404);
  });

  it('stops working 90 days after the order: 410 link_expired for its holder, still 404 for anyone else', async () => {
    const { orderId, token, body: placed } = await place();
    const shopId = placed.subOrders[0].shopId as string;
    const createdAt = new Date(Date.now() - (ORDER_LINK_LIFETIME_DAYS * 86_400_000 + 60_000)).toISOString();
    await db.send(new UpdateCommand({ TableName: inject('tableName'), Key: keys.order(orderId), UpdateExpression: 'SET createdAt = :at', ExpressionAttributeValues: { ':at': createdAt } }));

    const page = await orderLink(token).call('GET', `/api/orders/${orderId}`);
    expect(page.status).toBe(410);
    expect(page.body.error.code).toBe('link_expired');
    const delivered = await orderLink(token).call('POST', `/api/orders/${orderId}/parcels/${shopId}/delivered`);
    expect(delivered.status).toBe(410);
    expect(delivered.body.error.code).toBe('link_expired');
    expect((await orderLink('y'.repeat(43)).call('GET', `/api/orders/${orderId}`)).status).toBe(404);
  });
});

describe('the checkout idempotency record', () => {
  it('holds neither the secret nor the Idempotency-Key in plain text, stays small, and a replay still answers the same order and secret', async () => {
    const key = newKey();
    // A long name and address: none of it belongs in the record.
    const payload = body('N'.repeat(120));
    const { orderId, token, body: first } = await place(key, payload);

    expect(await raw(keys.idempotency(key))).toBeUndefined();
    const record = await raw(keys.idempotency(await sha256(key)));
    expect(record).toMatchObject({ type: 'Idempotency', orderId });
    const text = JSON.stringify(record);
    expect(text).not.toContain(token);
    expect(text).not.toContain(key);
    expect(text).not.toContain('N'.repeat(120));
    expect(Buffer.byteLength(text)).toBeLessThan(1024);
    expect(Object.keys(record!).sort()).toEqual(['keyHash', 'orderId', 'pk', 'requestHash', 'sealedToken', 'sk', 'ttl', 'type'].sort());

    const again = await request('POST', '/api/orders', payload, undefined, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(orderId);
    expect(again.body.guestToken).toBe(token);
    expect(again.body.order.totals).toEqual(first.order.totals);
    expect((await orderLink(again.body.guestToken).call('GET', `/api/orders/${orderId}`)).status).toBe(200);
  });
});
