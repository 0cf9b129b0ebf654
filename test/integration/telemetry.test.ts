import { describe, expect, it } from 'vitest';
import { CLIENT_LIMITS } from '#shared/domain/client-limits.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';
import type { MetricPoint } from '../../infra/local/telemetry.ts';
import { storeUrl } from '../support/api-client.ts';
import { newConnection, newShopperContact, sendFrom } from '../support/connections.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';
import { until } from '../support/saga.ts';

/**
 * The business metrics through the running store: the handlers count with Powertools Metrics
 * (EMF on stdout, as in Lambda), the local store reads those documents as CloudWatch does and
 * shows them at /dev/metrics. Each count carries the invocation's correlation ids as metadata:
 * API Gateway's request id (the `apigw-requestid` every answer names) and the order's id.
 */
const metrics = async (name: string): Promise<MetricPoint[]> => (await (await fetch(`${storeUrl()}/dev/metrics?name=${name}`)).json()).metrics;
const stocked = demoData.products.find((p) => listedProducts.includes(p.product) && p.variants.some((v) => v.stock >= 10))!;
const line = { productId: stocked.product.id, sku: stocked.variants.find((v) => v.stock >= 10)!.sku, quantity: 1 };
const shopper = (contact = newShopperContact('metrics')) => ({ name: 'Khadija Ait', ...contact, address: { line1: '3 avenue Mohammed V', city: 'Dakhla', country: 'MA' } });
const key = () => `metrics-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const checkout = async (idempotencyKey: string, body: object, from = newConnection()) => {
  const answer = await sendFrom(from, 'POST', `${storeUrl()}/api/orders`, {
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  return { status: answer.status, requestId: answer.headers['apigw-requestid'] as string, body: JSON.parse(answer.text) };
};

describe('business metrics', () => {
  it('counts a placed order once, by payment method, with its order id and request id; a replay counts nothing', async () => {
    const idempotencyKey = key();
    const body = { lines: [line], customer: shopper(), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true };
    const placed = await checkout(idempotencyKey, body);
    expect(placed.status).toBe(201);
    expect(placed.requestId).toMatch(/\S{8,}/);
    const orderId = placed.body.order.id as string;
    const ours = async () => (await metrics('OrdersPlaced')).filter((p) => p.properties.orderId === orderId);
    const [point] = await until('the OrdersPlaced count', async () => ((await ours()).length ? ours() : undefined));
    expect(point).toMatchObject({
      namespace: METRICS_NAMESPACE,
      unit: 'Count',
      value: 1,
      dimensions: { service: SERVICE_NAME, paymentMethod: 'cod' },
      properties: { correlation_id: placed.requestId, route: 'POST /api/orders' },
    });
    const replay = await checkout(idempotencyKey, body);
    expect(replay.status).toBe(200);
    expect(replay.body.order.id).toBe(orderId);
    expect(await ours()).toHaveLength(1);
  });

  it('counts each 429 (ClientLimitRefused) with the request id of the refused request', async () => {
    const contact = newShopperContact('metrics-limit');
    // A line the store does not sell: each checkout is counted against the e-mail, then answered 409.
    const unknown = { productId: 'prd-not-for-sale', sku: 'NONE-1', quantity: 1 };
    let refused: Awaited<ReturnType<typeof checkout>> | undefined;
    for (let i = 0; i <= CLIENT_LIMITS.checkout.email.max && !refused; i++) {
      const answer = await checkout(key(), { lines: [unknown], customer: shopper(contact), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.status).toBe(429);
    const ours = async () => (await metrics('ClientLimitRefused')).filter((p) => p.properties.correlation_id === refused!.requestId);
    const [point] = await until('the ClientLimitRefused count', async () => ((await ours()).length ? ours() : undefined));
    expect(point).toMatchObject({ value: 1, dimensions: { service: SERVICE_NAME }, properties: { route: 'POST /api/orders' } });
  });
});
