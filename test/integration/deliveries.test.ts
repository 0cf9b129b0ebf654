import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, newAccount, orderLink, request, type Account } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { storeUrl } from '../support/api-client.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { executionArn, storeSfn, until } from '../support/saga.ts';

/**
 * Parcels followed and delivered through the running store: the shopper is emailed (in the
 * language they shopped in) when the order is placed, when each parcel ships (with the carrier's
 * tracking link) and when it arrives; each artisan gets the new order with its deadline. Delivery
 * may be confirmed by the shopper from the order link or by an operator (cash collected), and
 * each completes a cash-on-delivery order. Emails land in the local outbox, once each.
 */


/** Retries while the saga has not reached the step yet (409 not_now), then answers. */
const whenReady = (what: string, call: () => Promise<{ status: number; body: any }>) =>
  until(what, async () => {
    const answer = await call();
    return answer.status === 409 && answer.body?.error?.code === 'not_now' ? undefined : answer;
  });

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind?: string;
}
const outbox = async (to: string): Promise<OutboxMessage[]> => (await (await fetch(`${storeUrl()}/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages;
const kinds = (messages: OutboxMessage[]) => messages.map((m) => m.kind).sort();

let operator: Account;
let artisans: Array<{ account: Account; productId: string; sku: string; shopId: string }>;

beforeAll(async () => {
  operator = await newAccount('deliveries-operator', 'operator');
  artisans = await Promise.all(
    ['potter', 'tanner'].map(async (label, i) => {
      const account = await newAccount(label);
      const listed = await artisanWithListedProduct(account, operator, `${label}-${Date.now()}-${i}`);
      const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
      return { account, productId: listed.productId, shopId: listed.shopId, sku: detail.variants.find((v: { stock: number }) => v.stock === 3).sku };
    }),
  );
});

async function placeCod(email: string, locale: string, which = artisans) {
  const placed = await request(
    'POST',
    '/api/orders',
    {
      lines: which.map((a) => ({ productId: a.productId, sku: a.sku, quantity: 1 })),
      customer: { name: 'Lucía', email, phone: newShopperContact().phone, address: { line1: '12 av. Hassan II', city: 'Dakhla', country: 'MA' }, locale },
      payment: 'cod',
      termsAccepted: true,
      withdrawalAcknowledged: true,
    },
    undefined,
    { 'idempotency-key': `deliv-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  expect(placed.status).toBe(201);
  return { orderId: placed.body.order.id as string, token: placed.body.guestToken as string };
}

async function acceptAndShip(artisan: (typeof artisans)[number], orderId: string, carrier: string, trackingNumber: string) {
  const act = (body: object) => whenReady(`${JSON.stringify(body)} on ${orderId}`, () => artisan.account.call('POST', `/api/me/orders/${orderId}/fulfilment`, body));
  expect((await act({ action: 'accept' })).body.status).toBe('accepted');
  expect((await act({ action: 'ship', carrier, trackingNumber })).body.status).toBe('shipped');
}

async function finished(orderId: string) {
  return until('the saga to finish', async () => {
    const described = await storeSfn().send(new DescribeExecutionCommand({ executionArn: executionArn(orderId) }));
    return described.status === 'RUNNING' ? undefined : described;
  });
}

const deliveredPath = (orderId: string, shopId: string) => `/api/orders/${orderId}/parcels/${shopId}/delivered`;
const operatorDeliveredPath = (orderId: string, shopId: string) => `/api/operator/orders/${orderId}/parcels/${shopId}/delivered`;

describe('parcels followed and delivered', () => {
  it('two parcels: emails once each in the shopper’s language, tracking links, one delivered by the shopper and one by an operator', async () => {
    const shopper = `lucia-${Date.now()}@example.es`;
    const { orderId, token } = await placeCod(shopper, 'es');
    const [first, second] = artisans as [(typeof artisans)[number], (typeof artisans)[number]];

    // Not shipped yet: neither the shopper nor an operator can say it arrived.
    expect((await orderLink(token).call('POST', deliveredPath(orderId, first.shopId))).status).toBe(409);
    await acceptAndShip(first, orderId, 'dhl', 'JD014600006281');
    expect((await operator.call('POST', operatorDeliveredPath(orderId, second.shopId), {})).status).toBe(409);
    await acceptAndShip(second, orderId, 'amana', 'RR123456789MA');

    // The order page shows where each parcel is, with the carrier's tracking link.
    const view = await orderLink(token).call('GET', `/api/orders/${orderId}`);
    const byShop = new Map(view.body.subOrders.map((s: { shopId: string }) => [s.shopId, s]));
    expect(byShop.get(first.shopId)).toMatchObject({ status: 'shipped', carrier: 'dhl', trackingUrl: 'https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=JD014600006281' });
    expect(byShop.get(second.shopId)).toMatchObject({ trackingUrl: 'https://bam-tracking.barid.ma/Tracking/Search?trackingCode=RR123456789MA' });

    // A wrong token, an unknown parcel or order: not found.
    const wrongToken = 'x'.repeat(43);
    expect((await orderLink(wrongToken).call('POST', deliveredPath(orderId, first.shopId))).status).toBe(404);
    expect((await orderLink(token).call('POST', deliveredPath(orderId, 'shp-nobody-here'))).status).toBe(404);
    expect((await orderLink(token).call('POST', deliveredPath('ord-nothing-here', first.shopId))).status).toBe(404);
    expect((await anonymous.call('POST', deliveredPath(orderId, first.shopId))).status).toBe(400);
    expect((await operator.call('POST', operatorDeliveredPath(orderId, 'shp-nobody-here'), {})).status).toBe(404);
    // Only operators may confirm for others.
    expect((await first.account.call('POST', operatorDeliveredPath(orderId, first.shopId), {})).status).toBe(403);

    const byShopper = await whenReady('the shopper’s confirmation', () => orderLink(token).call('POST', deliveredPath(orderId, first.shopId)));
    expect(byShopper.status).toBe(200);
    expect(byShopper.body.status).toBe('delivered');
    expect(byShopper.body.timeline.at(-1)).toMatchObject({ status: 'delivered', by: 'shopper' });
    // Once: a second confirmation is refused.
    expect((await orderLink(token).call('POST', deliveredPath(orderId, first.shopId))).status).toBe(409);

    const byOperator = await whenReady('the operator’s confirmation', () => operator.call('POST', operatorDeliveredPath(orderId, second.shopId), { cashCollected: true }));
    expect(byOperator.status).toBe(200);
    expect(byOperator.body).toMatchObject({ status: 'delivered', cashCollected: true });
    expect(byOperator.body.timeline.at(-1)).toMatchObject({ status: 'delivered', by: 'operator', cashCollected: true });
    expect(byOperator.body.timeline.at(-1).actor).toBeTruthy();

    expect((await finished(orderId)).status).toBe('SUCCEEDED');
    const after = await orderLink(token).call('GET', `/api/orders/${orderId}`);
    expect(after.body.order).toMatchObject({ status: 'completed', payment: { status: 'captured' } });
    expect(after.body.subOrders.map((s: { timeline: { by?: string }[] }) => s.timeline.map((t) => t.by ?? '-'))).toEqual(
      expect.arrayContaining([['-', '-', 'artisan', 'artisan', 'shopper'], ['-', '-', 'artisan', 'artisan', 'operator']]),
    );

    // The shopper's emails, in Spanish: placed (with the order link and totals in MAD), two shipped, two delivered.
    const mails = await until('the shopper’s five emails', async () => {
      const m = await outbox(shopper);
      return m.length >= 5 ? m : undefined;
    });
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes
    const all = await outbox(shopper);
    expect(kinds(all)).toEqual(['order:order-placed', 'order:parcel-delivered', 'order:parcel-delivered', 'order:parcel-shipped', 'order:parcel-shipped']);
    const placedMail = mails.find((m) => m.kind === 'order:order-placed')!;
    expect(placedMail.subject).toContain('Pedido');
    expect(placedMail.text).toContain(`/orders/${orderId}#t=${token}`);
    expect(placedMail.text).not.toContain('?token=');
    expect(placedMail.text).toMatch(/MAD/);
    const shipped = all.filter((m) => m.kind === 'order:parcel-shipped').map((m) => m.text).join('\n');
    expect(shipped).toContain('https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=JD014600006281');
    expect(shipped).toContain('https://bam-tracking.barid.ma/Tracking/Search?trackingCode=RR123456789MA');

    // Each artisan: the new order with its deadline, in their first language (Arabic for these shops), once.
    for (const artisan of artisans) {
      const theirs = (await outbox(artisan.account.email)).filter((m) => m.text.includes(orderId) || m.subject.includes(orderId));
      expect(kinds(theirs)).toEqual(['order:new-order']);
      expect(theirs[0]!.subject).toContain('طلب جديد');
      expect(theirs[0]!.html).toContain('dir="rtl"');
    }
  });

  it('a cash-on-delivery order completed by the shopper’s confirmation', async () => {
    const { orderId, token } = await placeCod(`solo-shopper-${Date.now()}@example.ma`, 'fr', [artisans[0]!]);
    await acceptAndShip(artisans[0]!, orderId, 'ctm', 'CTM-778899');
    expect((await whenReady('delivered', () => orderLink(token).call('POST', deliveredPath(orderId, artisans[0]!.shopId)))).status).toBe(200);
    expect((await finished(orderId)).status).toBe('SUCCEEDED');
    expect((await orderLink(token).call('GET', `/api/orders/${orderId}`)).body.order.status).toBe('completed');
  });

  it('a cash-on-delivery order completed by an operator who collected the cash; operators list orders by status', async () => {
    const { orderId, token } = await placeCod(`solo-operator-${Date.now()}@example.ma`, 'en', [artisans[1]!]);
    const confirmed = await until('the order among confirmed ones', async () => {
      const list = await operator.call('GET', '/api/operator/orders?status=confirmed&limit=48');
      return list.body.items?.some((o: { id: string }) => o.id === orderId) ? list : undefined;
    });
    expect(confirmed.body.items.every((o: { status: string; guestTokenHash?: string }) => o.status === 'confirmed' && o.guestTokenHash === undefined)).toBe(true);
    await acceptAndShip(artisans[1]!, orderId, 'other', 'PARCEL-42');
    expect((await orderLink(token).call('GET', `/api/orders/${orderId}`)).body.subOrders[0].trackingUrl).toBeUndefined();
    expect((await whenReady('delivered', () => operator.call('POST', operatorDeliveredPath(orderId, artisans[1]!.shopId), { cashCollected: true, note: 'paid to the courier' }))).status).toBe(200);
    expect((await finished(orderId)).status).toBe('SUCCEEDED');

    const completed = await operator.call('GET', '/api/operator/orders?status=completed&limit=48');
    expect(completed.status).toBe(200);
    const ids = completed.body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(orderId);
    const created = completed.body.items.map((o: { createdAt: string }) => o.createdAt);
    expect(created).toEqual([...created].sort().reverse()); // newest first

    const firstPage = await operator.call('GET', '/api/operator/orders?status=completed&limit=1');
    expect(firstPage.body.items).toHaveLength(1);
    if (firstPage.body.cursor) {
      const next = await operator.call('GET', `/api/operator/orders?status=completed&limit=1&cursor=${firstPage.body.cursor}`);
      expect(next.body.items[0]?.id).not.toBe(firstPage.body.items[0].id);
    }
    expect((await operator.call('GET', '/api/operator/orders?status=lost')).status).toBe(400);
    expect((await operator.call('GET', '/api/operator/orders?cursor=not-a-cursor-we-gave')).status).toBe(400);
    expect((await artisans[0]!.account.call('GET', '/api/operator/orders')).status).toBe(403);
    expect((await anonymous.call('GET', '/api/operator/orders')).status).toBe(401);
    // Cash is only collected on cash-on-delivery orders: checked before anything moves.
    expect((await operator.call('POST', operatorDeliveredPath(orderId, artisans[1]!.shopId), { cashCollected: 'yes' })).status).toBe(400);
  });
});
