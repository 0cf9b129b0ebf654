import { accounts, checkEntry, type JournalEntry, type ShopBalance } from './ledger.ts';

/**
 * Payouts to artisans (issue 9 part 3), pure: the Moroccan RIB and its check key, which shops a
 * batch pays (and why the others are held), the batch's ledger entries, the bank-transfer CSV and
 * the monthly statement. Written by shared/data/payouts.ts; see DATA-MODEL.md, "Payouts".
 */

// ── The RIB (shared/domain/rib.ts: no imports, the web's hand check uses the same) ────────────
export * from './rib.ts';
import { bankOf, maskRib, ribDigits, ribLast4 } from './rib.ts';

/** Where the artisan is paid. The full RIB is kept only here (and copied into each payout for its transfer). */
export interface PayoutAccount {
  shopId: string;
  rib: string;
  holder: string;
  bankCode: string;
  /** When this RIB became the shop's (confirmed): a batch holds back a RIB younger than RIB_HOLD_HOURS. */
  changedAt: string;
  /** The last 4 digits of the RIB it replaced (the notification says "from …1234 to …5678"). */
  previousLast4?: string;
}

/** What screens show of it: never the full RIB. */
export interface PayoutAccountView {
  masked: string;
  last4: string;
  holder: string;
  bank?: string;
  changedAt: string;
  /** Until when a batch holds this shop's payout back (a RIB changed less than RIB_HOLD_HOURS ago). */
  heldUntil?: string;
}

/** Fraud guard: a RIB confirmed less than 48 hours before a batch is held back from it (the artisan was told by e-mail, and has that time to object). */
export const RIB_HOLD_HOURS = 48;
/** A RIB change waits for the 6-digit code e-mailed to the shop's owner: it lasts 15 minutes and 5 tries. */
export const RIB_CODE = { minutes: 15, tries: 5 } as const;

export function accountView(account: PayoutAccount, now: Date): PayoutAccountView {
  const heldUntil = new Date(Date.parse(account.changedAt) + RIB_HOLD_HOURS * 3_600_000);
  const bank = bankOf(account.rib);
  return {
    masked: maskRib(account.rib),
    last4: ribLast4(account.rib),
    holder: account.holder,
    ...(bank ? { bank } : {}),
    changedAt: account.changedAt,
    ...(heldUntil > now ? { heldUntil: heldUntil.toISOString() } : {}),
  };
}

// ── Batches ─────────────────────────────────────────────────────────────────────────────────

/** The smallest payout a batch makes (a bank transfer costs the platform): 100 MAD. Below it the balance waits for the next batch. */
export const MIN_PAYOUT = 10_000;

export type HoldReason = 'negative' | 'below_minimum' | 'no_account' | 'account_changed';

export interface Payout {
  batchId: string;
  shopId: string;
  shopName: string;
  amount: number;
  /** The RIB and holder as they were when the batch was made: the transfer goes there, whatever changes later. */
  rib: string;
  holder: string;
  status: 'batched' | 'paid' | 'failed' | 'returned';
  createdAt: string;
  paidAt?: string;
  /** The bank's transfer reference, when paid. */
  reference?: string;
  failedAt?: string;
  returnedAt?: string;
  /** Why it failed, or why the bank returned it. */
  reason?: string;
  /** Who marked it (operator's e-mail). */
  by?: string;
}

export interface HeldShop {
  shopId: string;
  shopName: string;
  available: number;
  reason: HoldReason;
  /** For `account_changed`: when the hold ends. */
  until?: string;
}

export interface PayoutBatch {
  id: string;
  createdAt: string;
  createdBy: string;
  /** Filled when the batch's payouts are written. */
  count: number;
  total: number;
  held: HeldShop[];
}

/** A batch's id: its time in UTC to the second, readable and sortable (`pb-20261202-061507`). */
export const batchIdAt = (at: Date) => `pb-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;

/**
 * Which shops a batch pays now, and why each other shop with money is held: a balance at or above
 * the minimum with a RIB confirmed at least 48 h ago is paid in full; a negative balance is carried
 * forward (nothing paid until it is positive again).
 */
export function selectPayouts(
  shops: readonly { shopId: string; shopName: string; balance: Pick<ShopBalance, 'available' | 'version'>; account?: Pick<PayoutAccount, 'changedAt'> }[],
  now: Date,
  minimum = MIN_PAYOUT,
): { pay: { shopId: string; shopName: string; amount: number; version: number }[]; held: HeldShop[] } {
  const pay: { shopId: string; shopName: string; amount: number; version: number }[] = [];
  const held: HeldShop[] = [];
  for (const { shopId, shopName, balance, account } of shops) {
    const available = balance.available;
    if (available === 0) continue;
    const hold = (reason: HoldReason, until?: string) => held.push({ shopId, shopName, available, reason, ...(until ? { until } : {}) });
    if (available < 0) hold('negative');
    else if (available < minimum) hold('below_minimum');
    else if (!account) hold('no_account');
    else {
      const until = Date.parse(account.changedAt) + RIB_HOLD_HOURS * 3_600_000;
      if (until > now.getTime()) hold('account_changed', new Date(until).toISOString());
      else pay.push({ shopId, shopName, amount: available, version: balance.version });
    }
  }
  return { pay, held };
}

const payoutEntry = (e: JournalEntry) => checkEntry(e);

/** The shop's available balance moves into the batch (held there until the bank says paid or failed). */
export const payoutBatched = (p: Pick<Payout, 'batchId' | 'shopId' | 'amount'>, at: string): JournalEntry =>
  payoutEntry({
    id: `payout:${p.batchId}:${p.shopId}`,
    kind: 'payout.batched',
    at,
    shopId: p.shopId,
    memo: `payout batch ${p.batchId}`,
    lines: [
      { account: accounts.shop(p.shopId, 'available'), amount: p.amount },
      { account: accounts.shop(p.shopId, 'payout'), amount: -p.amount },
    ],
  });

/** The transfer left the platform's bank account. */
export const payoutPaid = (p: Pick<Payout, 'batchId' | 'shopId' | 'amount'>, at: string, reference: string): JournalEntry =>
  payoutEntry({
    id: `payout-paid:${p.batchId}:${p.shopId}`,
    kind: 'payout.paid',
    at,
    shopId: p.shopId,
    memo: `transfer ${reference}`,
    lines: [
      { account: accounts.shop(p.shopId, 'payout'), amount: p.amount },
      { account: accounts.bank, amount: -p.amount },
    ],
  });

/** The transfer could not be made: the amount goes back to the shop's available balance. */
export const payoutFailed = (p: Pick<Payout, 'batchId' | 'shopId' | 'amount'>, at: string, reason: string): JournalEntry =>
  payoutEntry({
    id: `payout-failed:${p.batchId}:${p.shopId}`,
    kind: 'payout.failed',
    at,
    shopId: p.shopId,
    memo: reason,
    lines: [
      { account: accounts.shop(p.shopId, 'payout'), amount: p.amount },
      { account: accounts.shop(p.shopId, 'available'), amount: -p.amount },
    ],
  });

/**
 * A paid transfer the bank sent back (a closed account, a wrong holder): the money is in the
 * platform's bank again and owed to the shop again — its own entry after `payout.paid`, which
 * stays; the shop's `paid` total goes down by it.
 */
export const payoutReturned = (p: Pick<Payout, 'batchId' | 'shopId' | 'amount'>, at: string, reason: string): JournalEntry =>
  payoutEntry({
    id: `payout-returned:${p.batchId}:${p.shopId}`,
    kind: 'payout.returned',
    at,
    shopId: p.shopId,
    memo: reason,
    lines: [
      { account: accounts.bank, amount: p.amount },
      { account: accounts.shop(p.shopId, 'available'), amount: -p.amount },
    ],
  });

/**
 * The label on the transfer (what the artisan's bank statement shows): `DAKHLA <batch> <shop>` in
 * capitals, digits, spaces and dashes only — never cut, so that it names the payout whole (at most
 * 66 characters: a bank portal that keeps fewer still has the row's reference and shop_id columns).
 */
export const transferLabel = (batchId: string, shopId: string) => `DAKHLA ${batchId} ${shopId}`.toUpperCase().replace(/[^A-Z0-9 -]/g, '-');

/** Centimes as MAD with two decimals and a dot, no grouping: what bank files take (`1234.50`). */
export function madDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error('an amount is a whole number of centimes');
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const csvField = (value: string) => {
  // A cell starting with = + - @ is a formula to Excel: prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const CSV_HEADER = ['beneficiary', 'rib', 'amount_mad', 'currency', 'reference', 'shop_id'] as const;

/**
 * The bank-transfer file of a batch: UTF-8 with a byte-order mark (Excel then reads Arabic names),
 * comma-separated, CRLF line ends, one row per payout still to pay (status `batched`).
 */
export function payoutCsv(batchId: string, payouts: readonly Pick<Payout, 'shopId' | 'holder' | 'rib' | 'amount' | 'status'>[]): string {
  const rows = payouts
    .filter((p) => p.status === 'batched')
    .map((p) => [p.holder, ribDigits(p.rib), madDecimal(p.amount), 'MAD', transferLabel(batchId, p.shopId), p.shopId].map(csvField).join(','));
  return `\uFEFF${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}

// ── Statements ──────────────────────────────────────────────────────────────────────────────

/** A month as `YYYY-MM`. Statements are by calendar month in UTC, the journal's own months (gsi1 `JOURNAL#<yyyy-mm>`). */
export const monthOf = (iso: string) => iso.slice(0, 7);
export const monthStart = (month: string) => `${month}-01T00:00:00.000Z`;
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export type StatementLineKind = 'sale' | 'commission' | 'return' | 'payout' | 'payout_back' | 'adjustment';

export interface StatementLine {
  at: string;
  entryId: string;
  kind: StatementLineKind;
  /** What the shop is owed more (+) or less (−), in centimes: its pending + available + in-payout balance. */
  amount: number;
  orderId?: string;
  memo?: string;
}

export interface Statement {
  shopId: string;
  month: string;
  /** What the platform owed the shop when the month began (all buckets but paid), and when it ended. */
  opening: number;
  closing: number;
  /** Of the closing balance: still pending (return window), available, in a payout. */
  closingBuckets: { pending: number; available: number; payout: number };
  lines: StatementLine[];
  /** Paid out in the month (transfers sent, less transfers returned). */
  paidOut: number;
  /** A negative balance at the month's end, carried into the next month (the next payout pays less). */
  carriedForward: number;
}

/** What an entry changes in the shop's total owed (pending + available + payout), and how a statement names it. */
function statementLines(e: JournalEntry): StatementLine[] {
  const owed = (account: (b: 'pending' | 'available' | 'payout') => string) =>
    -e.lines.filter((l) => [account('pending'), account('available'), account('payout')].includes(l.account)).reduce((s, l) => s + l.amount, 0);
  const amount = owed((b) => accounts.shop(e.shopId!, b));
  const base = { at: e.at, entryId: e.id, ...(e.orderId ? { orderId: e.orderId } : {}), ...(e.memo ? { memo: e.memo } : {}) };
  switch (e.kind) {
    case 'sale': {
      // The sale as two lines: what the shopper paid, and the commission taken from it.
      const commission = -(e.lines.find((l) => l.account === accounts.commission)?.amount ?? 0);
      const lines: StatementLine[] = [{ ...base, kind: 'sale', amount: amount + commission }];
      if (commission !== 0) lines.push({ ...base, kind: 'commission', amount: -commission });
      return lines;
    }
    case 'sale.returned':
      return [{ ...base, kind: 'return', amount }];
    case 'payout.paid':
      return [{ ...base, kind: 'payout', amount: e.lines.find((l) => l.account === accounts.bank)!.amount }];
    case 'payout.returned':
      return [{ ...base, kind: 'payout_back', amount: e.lines.find((l) => l.account === accounts.bank)!.amount }];
    default:
      // Moves between the shop's own buckets (release, batched, failed) change nothing it is owed.
      return amount === 0 ? [] : [{ ...base, kind: 'adjustment', amount }];
  }
}

/**
 * A shop's statement for a month, from the balance at the month's start and the month's entries
 * (oldest first). The closing balance is opening + the lines, and equals the ledger's balance at the
 * month's end: owed = pending + available + payout (paid money has left).
 */
export function statementOf(shopId: string, month: string, opening: { pending: number; available: number; payout: number }, entries: readonly JournalEntry[]): Statement {
  const buckets = { ...opening };
  const lines: StatementLine[] = [];
  let paidOut = 0;
  for (const e of entries) {
    if (e.shopId !== shopId || monthOf(e.at) !== month) continue;
    for (const l of e.lines) {
      const match = /^shop:.+:(pending|available|payout)$/.exec(l.account);
      if (match) buckets[match[1] as 'pending' | 'available' | 'payout'] -= l.amount;
    }
    for (const line of statementLines(e)) {
      lines.push(line);
      if (line.kind === 'payout' || line.kind === 'payout_back') paidOut -= line.amount;
    }
  }
  const open = opening.pending + opening.available + opening.payout;
  const closing = buckets.pending + buckets.available + buckets.payout;
  return { shopId, month, opening: open, closing, closingBuckets: buckets, lines, paidOut, carriedForward: Math.min(0, buckets.available) };
}
