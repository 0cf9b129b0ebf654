import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/data/keys.ts';
import { payouts as payoutsData } from '#shared/data/payouts.ts';
import { payoutBatched, type Payout } from '#shared/domain/payouts.ts';
import { newAccount, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { ageRib, deliveredParcel, outboxEmail, releaseNow, rib, setRib, storeLedger, storeTable, variantOf } from '../support/payouts.ts';
import { until } from '../support/saga.ts';

/**
 * Payouts on the running store (real DynamoDB Local, cognito-local, the order saga, the outbox):
 * a RIB set and changed only with the e-mailed code, and notified; batches made by operators —
 * two at once pay each shop once —, the bank file, paid / failed / returned by the bank each its
 * own ledger entry and e-mail; a refund after a payout carried forward as a negative balance that
 * the next batch nets; a month's statement whose closing equals the ledger's balance.
 */

let operator: Account;
let operator2: Account;
type Seller = { account: Account; shopId: string; product: { productId: string; sku: string } };
const seller = async (label: string): Promise<Seller> => {
  const account = await newAccount(label);
  const listed = await artisanWithListedProduct(account, operator, `${label}-${Date.now()}`);
  return { account, shopId: listed.shopId, product: await variantOf(listed.productId) };
};
/** An earning made available (delivered, its return window ended) for the seller; answers its net. */
const earn = async (s: Seller, quantity = 1) => {
  const { orderId } = await deliveredParcel(s.account, s.shopId, s.product, quantity);
  return { orderId, net: (await releaseNow(s.shopId, orderId)).net };
};
/** Makes a batch, again while another operator's is being made (409 batch_in_progress). */
const createBatch = (who: Account) =>
  until('a batch', async () => {
    const made = await who.call('POST', '/api/operator/payouts', { action: 'create' });
    return made.status === 409 && made.body.error.code === 'batch_in_progress' ? undefined : made;
  }, 20_000);
const payoutOf = (batch: { payouts: Array<{ shopId: string }> }, shopId: string) => batch.payouts.find((p) => p.shopId === shopId) as (Omit<Payout, 'rib'> & { ribMasked: string }) | undefined;

beforeAll(async () => {
  [operator, operator2] = await Promise.all([newAccount('payout-op', 'operator'), newAccount('payout-op2', 'operator')]);
});

describe('the artisan’s bank account (RIB)', () => {
  it('is refused with the field named when its check key is wrong, and set only with the e-mailed code; a change is e-mailed with the last 4 digits only', async () => {
    const s = await seller('rib-artisan');
    const bad = await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { rib: '011519000001205000534922', holder: 'Mina Alaoui' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'payoutAccount.rib': expect.stringContaining('check key') });
    expect((await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { rib: '0115', holder: 'Mina' } })).body.error.fields['payoutAccount.rib']).toMatch(/24 digits/);

    const first = rib('007', 1111);
    const asked = await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { rib: `${first.slice(0, 3)} ${first.slice(3, 6)} ${first.slice(6, 22)} ${first.slice(22)}`, holder: 'Mina Alaoui' } });
    expect(asked).toMatchObject({ status: 200, body: { status: 'code_sent', last4: first.slice(-4) } });
    const codeMail = await outboxEmail(s.account.email, 'payout:rib-code');
    expect(codeMail.text).not.toContain(first);
    // Nothing changes before the code, and a wrong code is refused by name.
    expect((await s.account.call('GET', '/api/me/earnings')).body.payoutAccount).toBeUndefined();
    const code = /\b(\d{6})\b/.exec(codeMail.subject)![1]!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { code: wrong } })).body.error.fields).toEqual({ 'payoutAccount.code': 'is not the code we e-mailed' });
    const confirmed = await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { code } });
    expect(confirmed.body).toMatchObject({ status: 'changed', account: { masked: `•••• ${first.slice(-4)}`, holder: 'Mina Alaoui', bank: 'Attijariwafa bank', heldUntil: expect.any(String) } });
    expect(JSON.stringify(confirmed.body)).not.toContain(first);
    expect((await s.account.call('PATCH', '/api/me/shop', { payoutAccount: { code } })).status).toBe(400);

    const second = rib('230', 2222);
    await setRib(s.account, second, 'Mina Alaoui');
    const changed = await outboxEmail(s.account.email, 'payout:rib-changed');
    expect(changed.text).toContain(`…${first.slice(-4)}`);
    expect(changed.text).toContain(`…${second.slice(-4)}`);
    expect(changed.text).not.toContain(second.slice(0, 20));
    const earnings = (await s.account.call('GET', '/api/me/earnings')).body;
    expect(earnings.payoutAccount).toMatchObject({ last4: second.slice(-4), bank: 'CIH Bank' });
  });
});

describe('payout batches', () => {
  it('two operators pressing create at once pay each shop’s earnings exactly once', async () => {
    const shops = await Promise.all([seller('race-a'), seller('race-b')]);
    const nets = await Promise.all(shops.map((s) => earn(s, 2)));
    for (const [i, s] of shops.entries()) {
      await setRib(s.account, rib('011', 3000 + i), `Race ${i}`);
      await ageRib(s.shopId);
    }
    const answers = await Promise.all([operator.call('POST', '/api/operator/payouts', { action: 'create' }), operator2.call('POST', '/api/operator/payouts', { action: 'create' })]);
    const made = answers.filter((a) => a.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 201)) expect(refused).toMatchObject({ status: 409, body: { error: { code: expect.stringMatching(/^(batch_in_progress|nothing_to_pay)$/) } } });
    for (const [i, s] of shops.entries()) {
      const holding = made.map((m) => payoutOf(m.body, s.shopId)).filter(Boolean);
      expect(holding).toHaveLength(1);
      expect(holding[0]).toMatchObject({ amount: nets[i]!.net, status: 'batched', ribMasked: expect.stringMatching(/^•••• \d{4}$/) });
      expect(await storeLedger().balance(s.shopId)).toMatchObject({ available: 0, payout: nets[i]!.net, paid: 0 });
    }
  });

  it('claims a balance only at the version read: two claims of one shop at once, one written', async () => {
    const s = await seller('race-data');
    const { net } = await earn(s);
    const data = payoutsData(storeTable());
    const read = await storeLedger().balance(s.shopId);
    const claim = (batchId: string) => {
      const payout: Payout = { batchId, shopId: s.shopId, shopName: 'x', amount: read.available, rib: rib('007', 1), holder: 'x', status: 'batched', createdAt: new Date().toISOString() };
      return data.addPayout(payout, payoutBatched(payout, payout.createdAt), { version: read.version, available: read.available });
    };
    const results = await Promise.all([claim(`pb-race-${Date.now()}-1`), claim(`pb-race-${Date.now()}-2`)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await storeLedger().balance(s.shopId)).toMatchObject({ available: 0, payout: net });
  });

  it('exports the bank file, marks paid (e-mailed), failed (back to available, e-mailed) and returned after paid (its own entry); never failed after paid', async () => {
    const [paidShop, failedShop] = await Promise.all([seller('pay-ok'), seller('pay-ko')]);
    const nets = await Promise.all([earn(paidShop), earn(failedShop)]);
    await setRib(paidShop.account, rib('350', 4001), 'محمد الصحراوي');
    await setRib(failedShop.account, rib('190', 4002), 'Fatima Zahra');
    await Promise.all([ageRib(paidShop.shopId), ageRib(failedShop.shopId)]);
    const batch = (await createBatch(operator)).body;
    const batchId = batch.batch.id as string;
    expect(payoutOf(batch, paidShop.shopId)).toMatchObject({ amount: nets[0]!.net });
    // The artisan's earnings page: the money on its way (its own bucket), the payout listed as batched.
    const onItsWay = (await paidShop.account.call('GET', '/api/me/earnings')).body;
    expect(onItsWay.balance).toMatchObject({ available: 0, payout: nets[0]!.net, paid: 0 });
    expect(onItsWay.payouts).toEqual([expect.objectContaining({ batchId, amount: nets[0]!.net, status: 'batched', ribMasked: `•••• ${rib('350', 4001).slice(-4)}` })]);

    const file = await operator.call('GET', `/api/operator/payouts?batchId=${batchId}&format=csv`);
    expect(file.status).toBe(200);
    const text = file.body as unknown as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const row = text.split('\r\n').find((l) => l.includes(paidShop.shopId))!;
    expect(row).toBe(`محمد الصحراوي,${rib('350', 4001)},${(nets[0]!.net / 100).toFixed(2)},MAD,DAKHLA ${batchId.toUpperCase()} ${paidShop.shopId.toUpperCase()},${paidShop.shopId}`);
    // The console's JSON never holds a full RIB.
    expect(JSON.stringify((await operator.call('GET', `/api/operator/payouts?batchId=${batchId}`)).body)).not.toContain(rib('350', 4001));
    expect((await operator.call('GET', '/api/operator/payouts?format=csv')).body.error.fields).toEqual({ batchId: 'a CSV is of one batch: name it' });

    const paid = await operator.call('POST', '/api/operator/payouts', { action: 'paid', batchId, shopId: paidShop.shopId, reference: 'VIR-2026-0001' });
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'VIR-2026-0001' });
    expect(await storeLedger().balance(paidShop.shopId)).toMatchObject({ available: 0, payout: 0, paid: nets[0]!.net });
    const paidMail = await outboxEmail(paidShop.account.email, 'payout:payout-paid');
    expect(paidMail.text).toContain('VIR-2026-0001');
    // Its link opens the earnings tab (the page that lists the payout), not a page that does not exist.
    expect(paidMail.text).toMatch(/https?:\/\/[^\s]+\/dashboard\/earnings\b/);
    // The artisan sees it paid, with the date and the bank's reference; never the full RIB nor who marked it.
    const seen = (await paidShop.account.call('GET', '/api/me/earnings')).body;
    expect(seen.payouts[0]).toMatchObject({ batchId, status: 'paid', reference: 'VIR-2026-0001', paidAt: expect.any(String) });
    expect(seen.payouts[0]).not.toHaveProperty('by');
    expect(JSON.stringify(seen)).not.toContain(rib('350', 4001));
    expect(await storeLedger().entry(`payout-paid:${batchId}:${paidShop.shopId}`)).toMatchObject({ kind: 'payout.paid', lines: [{ account: `shop:${paidShop.shopId}:payout`, amount: nets[0]!.net }, { account: 'bank', amount: -nets[0]!.net }] });
    // Paid twice: refused, nothing written twice.
    expect((await operator2.call('POST', '/api/operator/payouts', { action: 'paid', batchId, shopId: paidShop.shopId, reference: 'VIR-2026-0002' })).status).toBe(409);
    // A paid payout cannot be marked failed: a bank return is its own action.
    const notFailed = await operator.call('POST', '/api/operator/payouts', { action: 'failed', batchId, shopId: paidShop.shopId, reason: 'compte clôturé' });
    expect(notFailed).toMatchObject({ status: 409, body: { error: { code: 'payout_paid' } } });
    const returned = await operator.call('POST', '/api/operator/payouts', { action: 'returned', batchId, shopId: paidShop.shopId, reason: 'compte clôturé' });
    expect(returned.body).toMatchObject({ status: 'returned', reason: 'compte clôturé' });
    expect(await storeLedger().balance(paidShop.shopId)).toMatchObject({ available: nets[0]!.net, payout: 0, paid: 0 });
    expect(await storeLedger().entry(`payout-paid:${batchId}:${paidShop.shopId}`)).toBeDefined();
    expect((await outboxEmail(paidShop.account.email, 'payout:payout-returned')).text).toContain('compte clôturé');
    expect((await paidShop.account.call('GET', '/api/me/earnings')).body.payouts[0]).toMatchObject({ status: 'returned', reason: 'compte clôturé' });

    const failed = await operator.call('POST', '/api/operator/payouts', { action: 'failed', batchId, shopId: failedShop.shopId, reason: 'RIB inconnu de la banque' });
    expect(failed.body).toMatchObject({ status: 'failed' });
    expect(await storeLedger().balance(failedShop.shopId)).toMatchObject({ available: nets[1]!.net, payout: 0, paid: 0 });
    expect((await outboxEmail(failedShop.account.email, 'payout:payout-failed')).subject).toMatch(/non effectué|not made|لم يتم|no realizada/);
    const view = (await operator.call('GET', `/api/operator/payouts?batchId=${batchId}`)).body;
    expect(payoutOf(view, failedShop.shopId)).toMatchObject({ status: 'failed', reason: 'RIB inconnu de la banque' });
    expect((await operator.call('GET', '/api/operator/payouts')).body.items.some((b: { id: string }) => b.id === batchId)).toBe(true);
  });

  it('a refund after a payout leaves the balance negative: the next batch holds it (carried forward), and nets it once positive', async () => {
    const s = await seller('negative');
    const first = await earn(s);
    await setRib(s.account, rib('013', 5001), 'Brahim');
    await ageRib(s.shopId);
    const batch = (await createBatch(operator)).body;
    await operator.call('POST', '/api/operator/payouts', { action: 'paid', batchId: batch.batch.id, shopId: s.shopId, reference: 'VIR-NEG-1' });
    // The parcel comes back after the payout: the operator cancels the delivered order's parcel → refund → sale returned from available.
    const earning = (await storeLedger().earning(s.shopId, first.orderId))!;
    const { saleReturned, returned } = await import('#shared/domain/ledger.ts');
    const at = new Date().toISOString();
    expect(await storeLedger().post({ entries: [saleReturned(earning, at, 'returned by the shopper')], earnings: [{ from: earning, to: returned(earning, at) }] }, at)).toBe(true);
    expect(await storeLedger().balance(s.shopId)).toMatchObject({ available: -first.net, paid: first.net });
    const next = await createBatch(operator);
    const heldHere = next.status === 201 ? next.body.held : next.body.error.fields?.held;
    expect(JSON.stringify(heldHere)).toContain(s.shopId);
    if (next.status === 201) expect(payoutOf(next.body, s.shopId)).toBeUndefined();
    expect((await s.account.call('GET', '/api/me/earnings')).body.balance.available).toBe(-first.net);
    // Two more sales: the next batch pays their sum less the negative carried.
    const a = await earn(s);
    const b = await earn(s);
    const third = (await createBatch(operator)).body;
    expect(payoutOf(third, s.shopId)).toMatchObject({ amount: a.net + b.net - first.net });
  });
});

describe('statements', () => {
  it('lists the month’s entries and closes at the ledger’s balance', async () => {
    const s = await seller('statement');
    await earn(s);
    const pending = await deliveredParcel(s.account, s.shopId, s.product);
    const month = new Date().toISOString().slice(0, 7);
    const statement = (await s.account.call('GET', `/api/me/earnings?statement=${month}`)).body;
    const balance = await storeLedger().balance(s.shopId);
    expect(statement.closing).toBe(balance.pending + balance.available + balance.payout);
    expect(statement.closingBuckets).toEqual({ pending: balance.pending, available: balance.available, payout: balance.payout });
    expect(statement.opening).toBe(0);
    expect(statement.lines.map((l: { kind: string }) => l.kind)).toEqual(['sale', 'commission', 'sale', 'commission']);
    expect(statement.lines.some((l: { orderId?: string }) => l.orderId === pending.orderId)).toBe(true);
    // The operator reads any shop's; a month to come and a bad month are 400 naming the field.
    expect((await operator.call('GET', `/api/operator/shops/${s.shopId}?statement=${month}`)).body.closing).toBe(statement.closing);
    expect((await s.account.call('GET', '/api/me/earnings?statement=2099-01')).body.error.fields).toEqual({ statement: 'is a month still to come' });
    expect((await s.account.call('GET', '/api/me/earnings?statement=2026-13')).body.error.fields).toEqual({ statement: 'must be a month as YYYY-MM' });
    // The month before: nothing yet, opening = closing = 0.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    expect((await s.account.call('GET', `/api/me/earnings?statement=${previous}`)).body).toMatchObject({ opening: 0, closing: 0, lines: [] });
    const item = (await storeTable().db.send(new GetCommand({ TableName: storeTable().tableName, Key: keys.shopBalance(s.shopId) }))).Item;
    expect(item?.gsi1pk).toBe('SHOPBALANCES');
  });
});
