import { notify, type NotifyDeps } from '../notifications/port.ts';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { ArtisanPayout, BatchCreated, BatchView, OperatorPayoutsBody, PayoutAccountAnswer, PayoutAccountBody, PayoutView } from '../api/payouts.ts';
import type { Shop } from '../domain/catalogue.ts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { pickLocalized, type Locale } from '../domain/locales.ts';
import {
  accountView,
  bankOf,
  batchIdAt,
  maskRib,
  monthOf,
  monthStart,
  nextMonth,
  payoutBatched,
  payoutCsv,
  payoutFailed,
  payoutPaid,
  payoutReturned,
  ribLast4,
  RIB_CODE,
  RIB_HOLD_HOURS,
  selectPayouts,
  statementOf,
  type Payout,
  type PayoutAccountView,
  type Statement,
} from '../domain/payouts.ts';
import type { Ledger } from '../data/ledger.ts';
import type { Payouts } from '../data/payouts.ts';
import type { ArtisanContact } from '../data/order-emails.ts';
import { renderPayoutEmail, type PayoutEmailInputs, type PayoutEmailKind } from '../notifications/payouts.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import type { Log, Mailer, Store } from './ports.ts';

/**
 * Payouts (issue 9 part 3): the artisan's bank account, changed only with a code e-mailed to the
 * shop's owner and notified; the operators' batches of every payable balance (each shop's amount
 * claimed once, however many operators press at once), the bank file, each payout paid, failed or
 * returned by the bank (each its own ledger entry, e-mailed to the artisan); monthly statements.
 * Nothing here logs a RIB: only its last 4 digits.
 */
export interface PayoutDeps {
  store: Store;
  ledger: Ledger;
  payouts: Payouts;
  mailer: Mailer;
  /** A payout sent is told on the channels the artisan chose (shared/notifications/port.ts). */
  notifier: NotifyDeps;
  /** The shop owner's e-mail and first language (shared/data/order-emails.ts). */
  contact: (shopId: string) => Promise<ArtisanContact | undefined>;
  siteUrl: string;
  log: Pick<Log, 'info' | 'warn'>;
  now?: () => Date;
}

const nowOf = (deps: Pick<PayoutDeps, 'now'>) => deps.now?.() ?? new Date();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const earningsUrl = (deps: Pick<PayoutDeps, 'siteUrl'>) => `${deps.siteUrl.replace(/\/$/, '')}/dashboard/earnings`;
const shopNameIn = (name: Shop['name'], locale: Locale) => pickLocalized(name, locale).text;

/** E-mails the artisan; a failure is logged, never undoes what was done (the console shows the state). */
async function tellArtisan<K extends PayoutEmailKind>(deps: PayoutDeps, shopId: string, kind: K, input: (shopName: string) => PayoutEmailInputs[K]): Promise<boolean> {
  const contact = await deps.contact(shopId);
  if (!contact) return false;
  try {
    const rendered = renderPayoutEmail(kind, contact.locale, input(shopNameIn(contact.shopName, contact.locale)));
    await deps.mailer.send({ to: contact.email, ...rendered, kind: `payout:${kind}` });
    return true;
  } catch (error) {
    deps.log.warn('payout e-mail not sent', { shopId, kind, error: (error as Error).message });
    return false;
  }
}

/** A payout sent: its e-mail (`payout-paid`), or WhatsApp's `payout-sent`, as the artisan chose; once per payout. */
async function tellPayoutSent(deps: PayoutDeps, payout: Payout, reference: string, earningsUrl: string): Promise<void> {
  try {
    const contact = await deps.contact(payout.shopId);
    if (!contact) return;
    const shopName = shopNameIn(contact.shopName, contact.locale);
    const email = renderPayoutEmail('payout-paid', contact.locale, { shopName, amount: payout.amount, batchId: payout.batchId, earningsUrl, reference, last4: ribLast4(payout.rib) });
    await notify(deps.notifier, { email: contact.email, locale: contact.locale, ...(contact.notify ? { notify: contact.notify } : {}) }, {
      kind: 'payout-sent',
      ref: { shopId: payout.shopId, record: `payout-paid#${payout.batchId}` },
      input: { shopName, amount: payout.amount, reference, earningsUrl },
      email: { ...email, kind: 'payout:payout-paid' },
    });
  } catch (error) {
    deps.log.warn('payout notice not sent', { shopId: payout.shopId, batchId: payout.batchId, error: (error as Error).message });
  }
}

// ── The artisan's bank account ──────────────────────────────────────────────────────────────

/**
 * A RIB change, in two steps: the RIB and holder (a 6-digit code is e-mailed to the shop's owner;
 * only its hash is kept), then the code (the account is replaced, the owner is told: old and new
 * last 4 digits). A wrong code counts; after 5 the change is dropped.
 */
export async function changePayoutAccount(deps: PayoutDeps, caller: Caller, body: PayoutAccountBody): Promise<PayoutAccountAnswer> {
  const shop = await requireOwnShop(deps.store, caller);
  const now = nowOf(deps);
  const request = body.payoutAccount;
  if ('rib' in request) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + RIB_CODE.minutes * 60_000).toISOString();
    await deps.payouts.putChange({ shopId: shop.id, rib: request.rib, holder: request.holder, codeHash: sha256(`${shop.id}:${code}`), tries: 0, expiresAt });
    const sent = await tellArtisan(deps, shop.id, 'rib-code', (shopName) => ({ shopName, code, minutes: RIB_CODE.minutes, last4: ribLast4(request.rib) }));
    if (!sent) throw new DomainError(503, 'email_unavailable', 'We could not e-mail your confirmation code: try again in a moment');
    deps.log.info('payout account change asked', { shopId: shop.id, last4: ribLast4(request.rib) });
    return { status: 'code_sent', expiresAt, last4: ribLast4(request.rib) };
  }
  const change = await deps.payouts.pendingChange(shop.id);
  if (!change || Date.parse(change.expiresAt) <= now.getTime()) throw new InvalidInputError({ 'payoutAccount.code': 'has expired: enter your RIB again for a new code' });
  const given = Buffer.from(sha256(`${shop.id}:${request.code}`));
  if (!timingSafeEqual(given, Buffer.from(change.codeHash))) {
    const more = await deps.payouts.wrongCode(change);
    throw new InvalidInputError({ 'payoutAccount.code': more ? 'is not the code we e-mailed' : 'was wrong too many times: enter your RIB again for a new code' });
  }
  const previous = await deps.payouts.account(shop.id);
  const account = {
    shopId: shop.id,
    rib: change.rib,
    holder: change.holder,
    bankCode: change.rib.slice(0, 3),
    changedAt: now.toISOString(),
    ...(previous ? { previousLast4: ribLast4(previous.rib) } : {}),
  };
  if (!(await deps.payouts.confirm(change, account))) throw new ConflictError('code_used', 'This code was used already');
  deps.log.info('payout account changed', { shopId: shop.id, from: previous ? ribLast4(previous.rib) : null, to: ribLast4(account.rib) });
  await tellArtisan(deps, shop.id, 'rib-changed', (shopName) => ({
    shopName,
    ...(previous ? { oldLast4: ribLast4(previous.rib) } : {}),
    newLast4: ribLast4(account.rib),
    holdHours: RIB_HOLD_HOURS,
    earningsUrl: earningsUrl(deps),
  }));
  return { status: 'changed', account: accountView(account, now) };
}

/** What the earnings page shows of the account (masked) and of a change waiting for its code. */
export async function payoutAccountOf(deps: Pick<PayoutDeps, 'payouts' | 'now'>, shopId: string): Promise<{ payoutAccount?: PayoutAccountView; payoutAccountChange?: { expiresAt: string; last4: string } }> {
  const now = nowOf(deps);
  const [account, change] = await Promise.all([deps.payouts.account(shopId), deps.payouts.pendingChange(shopId)]);
  return {
    ...(account ? { payoutAccount: accountView(account, now) } : {}),
    ...(change && Date.parse(change.expiresAt) > now.getTime() ? { payoutAccountChange: { expiresAt: change.expiresAt, last4: ribLast4(change.rib) } } : {}),
  };
}

/** How many of a shop's payouts its earnings page lists (newest first; older ones are in the monthly statements). */
export const RECENT_PAYOUTS = 5;

/**
 * The shop's latest payouts as its artisan sees them (one Query of gsi1 `SHOPPAYOUTS#<shopId>`): the
 * amount, where it went (masked RIB), and its state — on its way, paid on a date with the bank's
 * transfer reference, failed or returned by the bank with the reason. Never the full RIB or which
 * operator marked it.
 */
export async function recentPayouts(deps: Pick<PayoutDeps, 'payouts'>, shopId: string, limit = RECENT_PAYOUTS): Promise<ArtisanPayout[]> {
  const { items } = await deps.payouts.shopPayouts(shopId, limit);
  return items.map((p) => {
    const { by: _by, shopId: _s, shopName: _n, ...seen } = view(p);
    return seen;
  });
}

// ── Batches ─────────────────────────────────────────────────────────────────────────────────

const view = (p: Payout): PayoutView => {
  const { rib, ...rest } = p;
  const bank = bankOf(rib);
  return { ...rest, ribMasked: maskRib(rib), ...(bank ? { bank } : {}) };
};

function batchView(found: NonNullable<Awaited<ReturnType<Payouts['batch']>>>): BatchView {
  const totals = { batched: { count: 0, amount: 0 }, paid: { count: 0, amount: 0 }, failed: { count: 0, amount: 0 }, returned: { count: 0, amount: 0 } };
  for (const p of found.payouts) {
    totals[p.status].count += 1;
    totals[p.status].amount += p.amount;
  }
  return { batch: found.batch, payouts: found.payouts.map(view).sort((a, b) => a.shopId.localeCompare(b.shopId)), totals };
}

/**
 * A batch of every payable balance: each shop's available balance (at or above the minimum, with a
 * RIB confirmed 48 h ago) moved into the batch by its `payout.batched` entry, written only if the
 * balance is still the one read. One batch is made at a time (a lock: a second press gets 409); even
 * without it, a balance can only be claimed once (its version).
 */
export async function createBatch(deps: PayoutDeps, caller: Caller): Promise<BatchCreated> {
  const now = nowOf(deps);
  const lockId = `${caller.sub}:${now.getTime()}:${randomInt(1e9)}`;
  if (!(await deps.payouts.lock(lockId, now))) throw new ConflictError('batch_in_progress', 'Another operator is making a batch right now: open the batches in a moment');
  try {
    const balances = (await deps.payouts.allBalances()).filter((b) => b.available !== 0);
    const found = await deps.payouts.shopsAndAccounts(balances.map((b) => b.shopId));
    const name = (shopId: string) => {
      const shop = found.get(shopId)?.shop;
      return shop ? shopNameIn(shop.name, shop.languages?.[0] ?? 'fr') : shopId;
    };
    const { pay, held } = selectPayouts(
      balances.map((balance) => {
        const account = found.get(balance.shopId)?.account;
        return { shopId: balance.shopId, shopName: name(balance.shopId), balance, ...(account ? { account } : {}) };
      }),
      now,
    );
    if (pay.length === 0) throw new ConflictError('nothing_to_pay', 'No shop has a balance to pay now', held.length ? { held: held.map((h) => `${h.shopId}: ${h.reason}`).join('; ') } : undefined);
    const batch = { id: batchIdAt(now), createdAt: now.toISOString(), createdBy: caller.email, count: 0, total: 0, held };
    try {
      await deps.payouts.putBatch(batch);
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('batch_in_progress', 'A batch was made this very second: open the batches');
      throw error;
    }
    let count = 0;
    let total = 0;
    for (const p of pay) {
      const account = found.get(p.shopId)!.account!;
      const payout: Payout = { batchId: batch.id, shopId: p.shopId, shopName: p.shopName, amount: p.amount, rib: account.rib, holder: account.holder, status: 'batched', createdAt: batch.createdAt };
      if (await deps.payouts.addPayout(payout, payoutBatched(payout, batch.createdAt), { version: p.version, available: p.amount })) {
        count += 1;
        total += p.amount;
      } else deps.log.info('payout skipped: the balance moved while the batch was made (next batch)', { batchId: batch.id, shopId: p.shopId });
    }
    await deps.payouts.finishBatch(batch.id, count, total);
    deps.log.info('payout batch made', { batchId: batch.id, count, total, held: held.length });
    const made = (await deps.payouts.batch(batch.id))!;
    return { ...batchView(made), held };
  } finally {
    await deps.payouts.unlock(lockId);
  }
}

export async function getBatch(deps: Pick<PayoutDeps, 'payouts'>, batchId: string): Promise<BatchView> {
  const found = await deps.payouts.batch(batchId);
  if (!found) throw new NotFoundError('Payout batch');
  return batchView(found);
}

/** The bank file of a batch (only its payouts still to send); the full RIBs are in it and nowhere else on screen. */
export async function batchCsv(deps: Pick<PayoutDeps, 'payouts' | 'log'>, caller: Caller, batchId: string): Promise<{ filename: string; csv: string }> {
  const found = await deps.payouts.batch(batchId);
  if (!found) throw new NotFoundError('Payout batch');
  deps.log.info('payout file exported', { batchId, by: caller.email, rows: found.payouts.filter((p) => p.status === 'batched').length });
  return { filename: `dakhla-payouts-${batchId}.csv`, csv: payoutCsv(batchId, found.payouts) };
}

export const listBatches = (deps: Pick<PayoutDeps, 'payouts'>, q: { limit: number; cursor?: string | undefined }) => deps.payouts.batches(q.limit, q.cursor);

type Settle = Exclude<OperatorPayoutsBody, { action: 'create' }>;

/**
 * One payout's outcome: paid (the transfer reference) or failed (a reason; the amount back to the
 * shop's available balance) — only from `batched`; returned by the bank (a reason; back to
 * available, and no longer counted paid) — only from `paid`. Each is its own ledger entry, written
 * with the status move; the artisan is e-mailed by the one request that made the move.
 */
export async function settlePayout(deps: PayoutDeps, caller: Caller, body: Settle): Promise<PayoutView> {
  const payout = await deps.payouts.payout(body.batchId, body.shopId);
  if (!payout) throw new NotFoundError('Payout');
  const at = nowOf(deps).toISOString();
  const from: Payout['status'] = body.action === 'returned' ? 'paid' : 'batched';
  if (payout.status !== from) {
    if (body.action === 'failed' && payout.status === 'paid') throw new ConflictError('payout_paid', 'This payout was paid: if the bank sent it back, record a bank return (returned), which puts the money back');
    throw new ConflictError('payout_moved', `This payout is ${payout.status}: it cannot be marked ${body.action}`);
  }
  const to: Payout =
    body.action === 'paid'
      ? { ...payout, status: 'paid', paidAt: at, reference: body.reference, by: caller.email }
      : body.action === 'failed'
        ? { ...payout, status: 'failed', failedAt: at, reason: body.reason, by: caller.email }
        : { ...payout, status: 'returned', returnedAt: at, reason: body.reason, by: caller.email };
  const entry = body.action === 'paid' ? payoutPaid(payout, at, body.reference) : body.action === 'failed' ? payoutFailed(payout, at, body.reason) : payoutReturned(payout, at, body.reason);
  if (!(await deps.payouts.settle(payout, from, to, entry))) throw new ConflictError('payout_moved', 'This payout changed meanwhile: open the batch again');
  deps.log.info('payout settled', { batchId: payout.batchId, shopId: payout.shopId, status: to.status, amount: payout.amount });
  const common = { amount: payout.amount, batchId: payout.batchId, earningsUrl: earningsUrl(deps) };
  if (body.action === 'paid') await tellPayoutSent(deps, payout, body.reference, common.earningsUrl);
  else await tellArtisan(deps, payout.shopId, body.action === 'failed' ? 'payout-failed' : 'payout-returned', (shopName) => ({ shopName, ...common, reason: body.reason }));
  return view(to);
}

// ── Statements ──────────────────────────────────────────────────────────────────────────────

/**
 * A shop's statement for a month: the balance now less every entry since the month began gives the
 * opening; the month's entries, each a line; the closing is the ledger's balance at the month's end.
 */
export async function shopStatement(deps: Pick<PayoutDeps, 'ledger' | 'payouts' | 'now'>, shopId: string, month: string): Promise<Statement> {
  if (month > monthOf(nowOf(deps).toISOString())) throw new InvalidInputError({ statement: 'is a month still to come' });
  const [balance, since] = await Promise.all([deps.ledger.balance(shopId), deps.payouts.shopEntriesSince(shopId, monthStart(month))]);
  const opening = { pending: balance.pending, available: balance.available, payout: balance.payout };
  for (const e of since)
    for (const l of e.lines) {
      const match = /^shop:.+:(pending|available|payout)$/.exec(l.account);
      if (match && e.shopId === shopId) opening[match[1] as keyof typeof opening] += l.amount;
    }
  const end = monthStart(nextMonth(month));
  return statementOf(shopId, month, opening, since.filter((e) => e.at < end));
}

export async function myStatement(deps: Pick<PayoutDeps, 'ledger' | 'payouts' | 'now' | 'store'>, caller: Caller, month: string): Promise<Statement & { shopName: Shop['name'] }> {
  const shop = await requireOwnShop(deps.store, caller);
  return { ...(await shopStatement(deps, shop.id, month)), shopName: shop.name };
}
