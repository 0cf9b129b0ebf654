import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Customer, FulfilmentAction } from '#shared/api/orders.ts';
import type { Earning, JournalEntry } from '#shared/domain/ledger.ts';
import { createWorkflowRuntime, localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { demoProductOf, inProcessSaga, ownSagaStore } from '../support/in-process-saga.ts';
import { recordingClient } from '../support/recording-client.ts';
import { until } from '../support/saga.ts';

/**
 * Cash on delivery reconciled per carrier, and the operators' money view, through the real use
 * cases and the saga in this process, in a table of this file's own (its money totals are this
 * file's alone): two cash orders delivered through Amana and one through CTM; the carriers owe
 * their cash; one Amana parcel remitted with a fee; the same remittance again changes nothing;
 * wrong ones are refused naming the field; cash earnings wait for the carrier's cash before they
 * are released; the view's figures equal the sums of the period's journal entries.
 */
const SHOPS = ['shp-mina-leather', 'shp-al-waha-pottery'] as const;
let runtime: WorkflowRuntime;
const { tableName, sfn } = await ownSagaStore('codmoney', SHOPS, () => runtime);

const { orderSaga: sagaWorkflow } = await import('#shared/workflows/order-saga.ts');
const { placeOrder } = await import('#shared/use-cases/checkout.ts');
const { cancelOrder } = await import('#shared/use-cases/order-saga.ts');
const { releaseEarnings } = await import('#shared/use-cases/ledger.ts');
const { moneyCsv, moneyView, recordRemittance } = await import('#shared/use-cases/money.ts');
const { keys } = await import('#shared/data/keys.ts');
const { money: moneyData } = await import('#shared/data/money.ts');
const { ledger } = await import('#functions/commons/ledger.ts');
const { money } = await import('#functions/commons/money.ts');
const people = await inProcessSaga();
const { sagaDeps, orders, store, db, orderSaga, checkoutPayments, telemetry } = people.modules;

const SAGA = localStateMachineArn('order-saga');
const DAY = 24 * 60 * 60 * 1000;
const operator = { sub: 'operator-codmoney', email: 'operator.codmoney@test.dakhla.market', groups: ['operator'] };
const customer: Customer = { name: 'Salma', email: 'salma.cod@example.ma', phone: '+212661234568', address: { line1: '12 av. Mohammed V', city: 'Dakhla', country: 'MA' } };
const artisan = (shopId: string) => ({ sub: `artisan-${shopId}-cod`, email: `${shopId}.cod@test.dakhla.market`, groups: ['artisan'] });

const products = Object.fromEntries(SHOPS.map((shopId) => [shopId, demoProductOf(shopId)]));
const act = (orderId: string, shopId: string, action: FulfilmentAction) => people.act(artisan(shopId), orderId, shopId, action);
const sagaEnded = (orderId: string) => until(`the saga of ${orderId} to end`, async () => (runtime.listExecutions(SAGA).find((e) => e.name === orderId)?.status !== 'RUNNING' ? true : undefined), 20_000);

/** A cash order of one shop's product, delivered through `carrier`. */
async function deliveredCod(shopId: string, carrier: 'amana' | 'ctm', n: number) {
  const { placed } = await placeOrder(
    { orders, control: orderSaga, telemetry, compensate: (orderId) => cancelOrder(sagaDeps, { orderId, failure: { Error: 'SagaNotStarted' } }), payments: checkoutPayments },
    { body: { lines: [{ ...products[shopId]!, quantity: 1 }], customer, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true }, idempotencyKey: `cod-${n}-${Date.now()}` },
  );
  const orderId = placed.order.id;
  await act(orderId, shopId, { action: 'accept' });
  await act(orderId, shopId, { action: 'ship', carrier, trackingNumber: `${carrier.toUpperCase()}${n}${Date.now()}MA` });
  await act(orderId, shopId, { action: 'deliver' });
  await sagaEnded(orderId);
  const sub = (await orders.getOrder(orderId))!.subOrders[0]!;
  return { orderId, shopId, paid: sub.subtotal + sub.shipping, trackingNumber: sub.trackingNumber! };
}

let parcels: Awaited<ReturnType<typeof deliveredCod>>[];

beforeAll(async () => {
  for (const shopId of SHOPS) {
    await store.users.linkShopOwner(artisan(shopId).sub, artisan(shopId).email, shopId);
    await db.send(new UpdateCommand({ TableName: tableName, Key: keys.variant(products[shopId]!.productId, products[shopId]!.sku), UpdateExpression: 'SET stock = :s', ExpressionAttributeValues: { ':s': 50 } }));
  }
  runtime = await createWorkflowRuntime({ workflows: [sagaWorkflow], functionsDir: join(import.meta.dirname, '../order-saga/functions') });
  parcels = [await deliveredCod(SHOPS[0], 'amana', 1), await deliveredCod(SHOPS[1], 'amana', 2), await deliveredCod(SHOPS[0], 'ctm', 3)];
}, 90_000);
afterAll(async () => {
  await runtime?.stop();
  await sfn.close();
});

const monthNow = () => new Date().toISOString().slice(0, 7);
const view = () => moneyView({ money }, { month: monthNow(), format: 'json' });
const carrierOf = async (carrier: string) => (await view()).carriers.find((c) => c.carrier === carrier)!;
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    const e = error as { statusCode: number; code: string; fields?: Record<string, string> };
    return { status: e.statusCode, code: e.code, fields: e.fields };
  }
  throw new Error('was not refused');
};

/** Every entry of the months the view covers, straight from the journal's month partitions (gsi1). */
async function journal(): Promise<JournalEntry[]> {
  const months = new Set([monthNow(), new Date(Date.now() + 20 * DAY).toISOString().slice(0, 7)]);
  return (await Promise.all([...months].map((m) => money.journalOfMonth(m)))).flat();
}

describe('cash on delivery, reconciled per carrier', () => {
  let amanaRemittance: { received: number; fee: number; reference: string };

  it('puts each parcel’s cash on its carrier at delivery: Amana owes two, CTM one, oldest first', async () => {
    const amana = await carrierOf('amana');
    const ctm = await carrierOf('ctm');
    expect(amana.owedNow).toBe(parcels[0]!.paid + parcels[1]!.paid);
    expect(amana.parcels.map((p) => p.orderId)).toEqual([parcels[0]!.orderId, parcels[1]!.orderId]);
    expect(amana.parcels[0]).toMatchObject({ shopId: SHOPS[0], amount: parcels[0]!.paid, trackingNumber: parcels[0]!.trackingNumber, daysOut: 0 });
    expect(ctm).toMatchObject({ owedNow: parcels[2]!.paid, collected: parcels[2]!.paid, remitted: 0 });
    // Cash earnings wait for the carrier: a release after the return window releases none of them.
    expect(await releaseEarnings({ ledger, telemetry }, new Date(Date.now() + 15 * DAY).toISOString())).toEqual({ released: 0, skipped: 0 });
    expect((await ledger.earning(SHOPS[0], parcels[0]!.orderId))).toMatchObject({ status: 'pending', awaitingCash: true });
  });

  it('records an Amana remittance of one parcel less its fee, once: bank + net, fees + fee, Amana − gross', async () => {
    const p = parcels[0]!;
    amanaRemittance = { reference: `AMN-VF-${Date.now()}`, fee: 1_500, received: p.paid - 1_500 };
    const body = { carrier: 'amana' as const, ...amanaRemittance, parcels: [{ orderId: p.orderId, shopId: p.shopId }] };
    const first = await recordRemittance({ money }, operator, body);
    expect(first.status).toBe(201);
    expect(first.answer).toMatchObject({ replay: false, remittance: { carrier: 'amana', gross: p.paid, fee: 1_500, received: p.paid - 1_500 } });
    const entry = await ledger.entry(first.answer.remittance.entryId);
    expect(entry).toMatchObject({ kind: 'carrier.remitted', lines: [{ account: 'bank', amount: p.paid - 1_500 }, { account: 'platform:fees', amount: 1_500 }, { account: 'carrier:amana', amount: -p.paid }] });

    const amana = await carrierOf('amana');
    expect(amana).toMatchObject({ owedNow: parcels[1]!.paid, remitted: p.paid, fees: 1_500 });
    expect(amana.parcels.map((x) => x.orderId)).toEqual([parcels[1]!.orderId]);

    // The same statement again (a double press, a retry): nothing changes.
    const before = { entries: (await journal()).length, view: await view() };
    const again = await recordRemittance({ money }, operator, { ...body, reference: ` ${body.reference.toLowerCase()} ` });
    expect(again).toMatchObject({ status: 200, answer: { replay: true, remittance: { id: first.answer.remittance.id } } });
    const both = await Promise.all([recordRemittance({ money }, operator, body), recordRemittance({ money }, operator, body)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect((await journal()).length).toBe(before.entries);
    expect(await view()).toEqual(before.view);
  });

  it('refuses, naming the field, a remittance that does not add up, covers a parcel not collected, by another carrier, or remitted already', async () => {
    const [a, b, c] = parcels as [(typeof parcels)[0], (typeof parcels)[0], (typeof parcels)[0]];
    const ref = (p: { orderId: string; shopId: string }) => ({ orderId: p.orderId, shopId: p.shopId });
    const base = { carrier: 'amana' as const, reference: `AMN-X-${Date.now()}`, fee: 0 };
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: b.paid + 1, parcels: [ref(b)] }))).toMatchObject({ status: 400, fields: { received: expect.stringContaining('does not equal') } });
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: c.paid, parcels: [ref(c)] }))).toMatchObject({ status: 400, fields: { 'parcels.0': 'was collected by ctm, not amana' } });
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: 2 * b.paid, parcels: [ref(b), ref(b)] }))).toMatchObject({ status: 400, fields: { 'parcels.1': 'is listed twice' } });
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: 100, parcels: [{ orderId: 'ord-not-a-parcel', shopId: SHOPS[0] }] }))).toMatchObject({ status: 400, fields: { 'parcels.0': expect.stringContaining('no cash collected') } });
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: a.paid, parcels: [ref(a)] }))).toMatchObject({ status: 409, code: 'already_remitted', fields: { 'parcels.0': expect.stringContaining('remitted already') } });
    expect(await refusal(recordRemittance({ money }, operator, { carrier: 'amana', ...amanaRemittance, fee: 0, received: a.paid, parcels: [ref(a)] }))).toMatchObject({ status: 409, code: 'reference_used', fields: { reference: expect.any(String) } });
    expect(await refusal(recordRemittance({ money }, operator, { ...base, received: b.paid, receivedAt: new Date(Date.now() + DAY).toISOString(), parcels: [ref(b)] }))).toMatchObject({ status: 400, fields: { receivedAt: 'is in the future' } });
    // Nothing of these was written: Amana still owes the second parcel, CTM the third.
    expect((await carrierOf('amana')).owedNow).toBe(b.paid);
    expect((await carrierOf('ctm')).owedNow).toBe(c.paid);
  });

  it('makes a cash parcel’s earnings payable only once its carrier remitted the cash and the return window ended', async () => {
    const remitted = (await ledger.earning(SHOPS[0], parcels[0]!.orderId)) as Earning;
    expect(remitted.awaitingCash).toBeUndefined();
    expect(remitted.cashRemittedAt).toBeDefined();
    expect(await releaseEarnings({ ledger, telemetry }, new Date(Date.now() + 15 * DAY).toISOString())).toEqual({ released: 1, skipped: 0 });
    expect(await ledger.earning(SHOPS[0], parcels[0]!.orderId)).toMatchObject({ status: 'available' });
    expect(await ledger.earning(SHOPS[1], parcels[1]!.orderId)).toMatchObject({ status: 'pending', awaitingCash: true });
    expect(await ledger.earning(SHOPS[0], parcels[2]!.orderId)).toMatchObject({ status: 'pending', awaitingCash: true });
  });
});

describe('the operators’ money view', () => {
  it('has figures equal to the sums of the period’s journal entries', async () => {
    const entries = (await journal()).filter((e) => e.at.slice(0, 7) === monthNow());
    const v = await view();
    const sum = (pick: (e: JournalEntry, account: string) => boolean) => entries.reduce((s, e) => s + e.lines.filter((l) => pick(e, l.account)).reduce((t, l) => t + l.amount, 0), 0);
    const paid = parcels.reduce((s, p) => s + p.paid, 0);
    expect(v.entries).toBe(entries.length);
    expect(v.figures.grossSales).toBe(sum((e, a) => e.kind === 'sale' && a === 'shoppers'));
    expect(v.figures.grossSales).toBe(paid);
    expect(v.figures.commission).toBe(-sum((_, a) => a === 'platform:commission'));
    expect(v.figures.carrierFees).toBe(sum((_, a) => a === 'platform:fees'));
    expect(v.figures.carrierFees).toBe(1_500);
    expect(v.figures.cashCollected).toBe(sum((e, a) => e.kind === 'payment.cash' && a.startsWith('carrier:')));
    expect(v.figures.cashRemitted).toBe(parcels[0]!.paid);
    // At the period's end.
    expect(v.standing.cashWithCarriers.total).toBe(sum((_, a) => a.startsWith('carrier:')));
    expect(v.standing.cashWithCarriers).toMatchObject({ amana: parcels[1]!.paid, ctm: parcels[2]!.paid });
    const owed = (bucket: string) => -entries.reduce((s, e) => s + e.lines.filter((l) => l.account.endsWith(`:${bucket}`) && l.account.startsWith('shop:')).reduce((t, l) => t + l.amount, 0), 0);
    expect(v.standing.owedToArtisans).toMatchObject({ pending: owed('pending'), available: owed('available') });
    expect(v.standing.bank).toBe(parcels[0]!.paid - 1_500);
    // By the release's month, pending → available, the total owed the same.
    const next = await moneyView({ money }, { month: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 7), format: 'json' });
    expect(next.standing.owedToArtisans.total).toBe(v.standing.owedToArtisans.total);
    expect(next.standing.owedToArtisans.available).toBeGreaterThan(0);
  });

  it('reads in a bounded number of requests, measured', async () => {
    const recorder = recordingClient({ endpoint: inject('dynamoEndpoint'), tableName });
    try {
      await moneyView({ money: moneyData({ db: recorder.db, tableName }) }, { month: monthNow(), format: 'json' });
      const units = recorder.calls.reduce((s, c) => s + (c.consumedCapacity ?? 0), 0);
      console.log(`money view: ${recorder.calls.length} requests (${recorder.calls.map((c) => c.command).join(', ')}), ${units} read units`);
      // The months' totals, the latest remittances, and one Query per carrier still owing (Amana, CTM).
      expect(recorder.calls.map((c) => c.command).sort()).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
      expect(recorder.calls.every((c) => !('Select' in c.input) && !String(c.command).includes('Scan'))).toBe(true);
    } finally {
      recorder.destroy();
    }
  });

  it('exports the period’s entries as CSV: one row per ledger line, MAD with 2 decimals, UTF-8 with a BOM', async () => {
    const csv = await moneyCsv({ money }, { month: monthNow(), format: 'csv' });
    const entries = (await money.journalOfMonth(monthNow()));
    expect(csv.filename).toBe(`dakhla-money-${monthNow()}.csv`);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.body.slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('date,entry,kind,order,shop,account,amount_mad,memo');
    expect(rows.length - 1).toBe(entries.reduce((s, e) => s + e.lines.length, 0));
    const fee = rows.find((r) => r.includes(',carrier.remitted,') && r.includes(',platform:fees,'))!;
    expect(fee.split(',')[6]).toBe('15.00');
    const amounts = rows.slice(1).map((r) => Math.round(Number(r.split(',')[6]) * 100));
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(0);
  });
});
