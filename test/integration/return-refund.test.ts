import { beforeAll, describe, expect, it } from 'vitest';
import { balances } from '#shared/domain/ledger.ts';
import { newAccount, orderLink, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { ageRib, deliveredParcel, outboxEmail, releaseNow, rib, setRib, storeLedger, variantOf } from '../support/payouts.ts';
import { until } from '../support/saga.ts';

/**
 * A delivered parcel the shopper sends back, refunded by an operator from the console, on the
 * running store (DynamoDB Local, the saga, the sandbox card provider, the outbox):
 * `POST /api/operator/orders/{orderId}/parcels/{shopId}/refund`. By card the gateway pays it
 * back; by cash on delivery it is owed. Either way the sale is returned in the refund's own
 * transaction (artisan's earning and commission taken back, in proportion for a part), the order's
 * timeline and the shopper are told, and a second refund, an undelivered parcel, or more than
 * the parcel cost are refused.
 */
let operator: Account;
type Seller = { account: Account; shopId: string; product: { productId: string; sku: string } };
const seller = async (label: string): Promise<Seller> => {
  const account = await newAccount(label);
  const listed = await artisanWithListedProduct(account, operator, `${label}-${Date.now()}`);
  return { account, shopId: listed.shopId, product: await variantOf(listed.productId) };
};
/** A payout batch, made again while another test file's is being made (409 batch_in_progress). */
const createBatch = () =>
  until('a batch', async () => {
    const made = await operator.call('POST', '/api/operator/payouts', { action: 'create' });
    return made.status === 409 && made.body.error.code === 'batch_in_progress' ? undefined : made;
  }, 20_000);
const refund = (orderId: string, shopId: string, body: object) => operator.call('POST', `/api/operator/orders/${orderId}/parcels/${shopId}/refund`, body);

beforeAll(async () => {
  operator = await newAccount('return-op', 'operator');
});

describe('a returned parcel refunded by an operator', () => {
  it('by card: refunded at the gateway, the sale returned from pending, the timeline and the shopper (in her language) told; twice is 409', async () => {
    const s = await seller('return-card');
    const sold = await deliveredParcel(s.account, s.shopId, s.product, 1, 'card', 'es');
    const { earning } = sold;
    expect(earning).toMatchObject({ paymentMethod: 'card', status: 'pending' });
    const before = await storeLedger().balance(s.shopId);

    const done = await refund(sold.orderId, s.shopId, { reason: 'Llegó roto' });
    expect(done).toMatchObject({ status: 200, body: { orderId: sold.orderId, shopId: s.shopId, amount: earning.paid, money: 'refunded' } });
    expect(await storeLedger().earning(s.shopId, sold.orderId)).toMatchObject({ status: 'returned', returnedFrom: 'pending', refunded: earning.paid });
    expect(await storeLedger().balance(s.shopId)).toMatchObject({ pending: before.pending - earning.net });
    const returned = (await storeLedger().entry(`return:${earning.saleEntryId}`))!;
    const back = (await storeLedger().entry(`back:${sold.orderId}:return-${s.shopId}`))!;
    expect(returned.lines).toEqual([
      { account: `shop:${s.shopId}:pending`, amount: earning.net },
      { account: 'platform:commission', amount: earning.commission },
      { account: 'shoppers', amount: -earning.paid },
    ]);
    expect(back.lines).toEqual([
      { account: 'provider:sandbox', amount: -earning.paid },
      { account: 'shoppers', amount: earning.paid },
    ]);
    // The order's entries together: the shopper is owed nothing, the gateway holds nothing, the shop and the platform nothing.
    const all = [(await storeLedger().entry(`payment:${sold.orderId}`))!, (await storeLedger().entry(earning.saleEntryId))!, returned, back];
    for (const [account, sum] of balances(all)) expect(sum, account).toBe(0);

    const view = (await operator.call('GET', `/api/operator/orders/${sold.orderId}`)).body;
    expect(view.order.payment).toMatchObject({ givenBack: earning.paid });
    expect(view.order.payment.history.at(-1)).toMatchObject({ kind: 'refunded', amount: earning.paid, shopId: s.shopId, returned: true, reason: 'Llegó roto' });
    expect(JSON.stringify(view.events)).toContain('refund-return');
    const mail = await outboxEmail(sold.email, 'order:parcel-refunded');
    expect(mail.subject).toMatch(/Devolución/);
    expect(mail.text).toContain('Llegó roto');

    const twice = await refund(sold.orderId, s.shopId, { reason: 'otra vez' });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'already_refunded' } } });
    // The shopper's order page shows the parcel's money given back.
    expect((await orderLink(sold.guestToken).call('GET', `/api/orders/${sold.orderId}`)).status).toBe(200);
  });

  it('by cash on delivery, a part of the parcel: owed to the shopper, commission taken back in proportion, the earning smaller and still pending', async () => {
    const s = await seller('return-cod');
    const sold = await deliveredParcel(s.account, s.shopId, s.product, 2, 'cod', 'ar');
    const { earning } = sold;
    const part = Math.floor(earning.paid / 2);
    const tooMuch = await refund(sold.orderId, s.shopId, { reason: 'Too much', amount: earning.paid + 1 });
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { fields: { amount: expect.stringContaining(String(earning.paid)) } } } });
    expect((await refund(sold.orderId, s.shopId, { amount: part })).body.error.fields).toHaveProperty('reason');
    expect((await refund(sold.orderId, s.shopId, { reason: 'half', amount: 12.5 })).body.error.fields).toHaveProperty('amount');

    const done = await refund(sold.orderId, s.shopId, { reason: 'Un bol cassé sur deux', amount: part });
    expect(done).toMatchObject({ status: 200, body: { amount: part, money: 'owed' } });
    const commissionBack = Math.round((earning.commission * part) / earning.paid);
    const after = (await storeLedger().earning(s.shopId, sold.orderId))!;
    expect(after).toMatchObject({ status: 'pending', refunded: part, paid: earning.paid - part, commission: earning.commission - commissionBack, net: earning.net - (part - commissionBack) });
    const returned = (await storeLedger().entry(`return:${earning.saleEntryId}`))!;
    expect(returned.lines).toEqual([
      { account: `shop:${s.shopId}:pending`, amount: part - commissionBack },
      { account: 'platform:commission', amount: commissionBack },
      { account: 'shoppers', amount: -part },
    ]);
    // No gateway: nothing leaves; the shopper's claim stays in `shoppers` until the team pays it back.
    expect(await storeLedger().entry(`back:${sold.orderId}:return-${s.shopId}`)).toBeUndefined();
    const view = (await operator.call('GET', `/api/operator/orders/${sold.orderId}`)).body;
    expect(view.order.payment.history.at(-1)).toMatchObject({ kind: 'refunded', amount: part, ref: 'owed', returned: true });
    expect((await outboxEmail(sold.email, 'order:parcel-refunded')).text).toMatch(/عند الاستلام/);
    expect((await refund(sold.orderId, s.shopId, { reason: 'the rest' })).status).toBe(409);
    // The release later moves what remains, no more.
    const released = await releaseNow(s.shopId, sold.orderId);
    expect(released.net).toBe(after.net);
  });

  it('refuses a parcel not delivered (409) and an unknown parcel (404)', async () => {
    const s = await seller('return-early');
    const { request } = await import('../support/accounts.ts');
    const { newShopperContact } = await import('../support/connections.ts');
    const placed = await request('POST', '/api/orders', { lines: [{ ...s.product, quantity: 1 }], customer: { name: 'Salma', ...newShopperContact('early'), address: { line1: '3 av. Mohammed V', city: 'Dakhla', country: 'MA' } }, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, undefined, { 'idempotency-key': `early-${Date.now()}` });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderId = placed.body.order.id as string;
    expect(await refund(orderId, s.shopId, { reason: 'not yet' })).toMatchObject({ status: 409, body: { error: { code: 'not_delivered' } } });
    expect((await refund(orderId, 'shp-nobody-here', { reason: 'who' })).status).toBe(404);
  });

  it('after the artisan was paid out: the shop’s balance goes negative, and the next batch nets it', async () => {
    const s = await seller('return-paid');
    const sold = await deliveredParcel(s.account, s.shopId, s.product, 1, 'card');
    const { net } = await releaseNow(s.shopId, sold.orderId);
    await setRib(s.account, rib('013', 6001), 'Brahim');
    await ageRib(s.shopId);
    const batch = await createBatch();
    expect(batch.status).toBe(201);
    expect((await operator.call('POST', '/api/operator/payouts', { action: 'paid', batchId: batch.body.batch.id, shopId: s.shopId, reference: 'VIR-RET-1' })).body).toMatchObject({ status: 'paid' });

    expect((await refund(sold.orderId, s.shopId, { reason: 'returned after the payout' })).status).toBe(200);
    expect(await storeLedger().balance(s.shopId)).toMatchObject({ available: -net, paid: net });
    expect(await storeLedger().earning(s.shopId, sold.orderId)).toMatchObject({ status: 'returned', returnedFrom: 'available' });
    expect((await s.account.call('GET', '/api/me/earnings')).body.balance.available).toBe(-net);
    // A new sale: the next batch pays it less what the return took back.
    const next = await deliveredParcel(s.account, s.shopId, s.product, 2, 'cod');
    const more = await releaseNow(s.shopId, next.orderId);
    const second = await createBatch();
    expect(second.body.payouts.find((p: { shopId: string }) => p.shopId === s.shopId)).toMatchObject({ amount: more.net - net });
  });
});
