import { CARRIERS, type Carrier } from './carriers.ts';
import { shopAccount, type JournalEntry } from './ledger.ts';

/**
 * The operator's money view (issue 9, part 5). Pure.
 *
 * Every journal entry adds its lines to its month's totals, in the entry's own transaction
 * (shared/data/ledger.ts): `flows[kind][account class]` = Σ the lines of entries of that kind on
 * that class (debit-positive), where a shop's account counts as its bucket (`shop:pending`…) and
 * any other account as itself (`carrier:amana`, `bank`, `platform:commission`…). A month's totals
 * are split over `MONEY_SHARDS` items (by the entry's id) so that concurrent entries rarely meet on
 * one item. The figures of a period are these flows summed over its months; balances at its end
 * (owed to artisans, cash with carriers) are the flows of every month up to its end.
 */

export const MONEY_SHARDS = 4;

/** A month of Morocco's calendar in the journal's own terms: the UTC month of the entry's `at` (the journal's gsi1 partition). */
export const monthOf = (at: string) => at.slice(0, 7);

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The kind an entry of this id prefix has (the ledger's ids: DATA-MODEL.md, "Ledger"): a reversal is counted under its original's kind. */
const KIND_OF_ID_PREFIX: Record<string, string> = {
  sale: 'sale',
  cash: 'payment.cash',
  payment: 'payment.card',
  back: 'payment.back',
  release: 'release',
  return: 'sale.returned',
  remit: 'carrier.remitted',
  payout: 'payout.batched',
  'payout-paid': 'payout.paid',
  'payout-failed': 'payout.failed',
  settle: 'provider.settled',
};

/** The key an entry's lines are totalled under: its kind; a reversal's is `reversal.<original kind>`; a remittance's names its carrier (`carrier.remitted:amana`). */
export function flowKind(entry: Pick<JournalEntry, 'kind' | 'reverses' | 'lines'>): string {
  if (entry.kind === 'reversal') return `reversal.${KIND_OF_ID_PREFIX[(entry.reverses ?? '').split(':')[0]!] ?? 'other'}`;
  if (entry.kind === 'carrier.remitted') {
    const carrier = entry.lines.find((l) => l.account.startsWith('carrier:'))?.account.slice('carrier:'.length);
    return `carrier.remitted:${carrier ?? 'other'}`;
  }
  return entry.kind;
}

export const accountClass = (account: string) => {
  const shop = shopAccount(account);
  return shop ? `shop:${shop.bucket}` : account;
};

/** kind → account class → centimes (debit-positive). */
export type Flows = Record<string, Record<string, number>>;

/** The attribute an entry's line is ADDed to on its month's totals item. */
export const flowAttribute = (kind: string, cls: string) => `f#${kind}#${cls}`;

/** What one entry adds to its month's totals: attribute → centimes. */
export function entryFlows(entry: Pick<JournalEntry, 'kind' | 'reverses' | 'lines'>): Record<string, number> {
  const kind = flowKind(entry);
  const out: Record<string, number> = {};
  for (const line of entry.lines) {
    const attribute = flowAttribute(kind, accountClass(line.account));
    out[attribute] = (out[attribute] ?? 0) + line.amount;
  }
  return out;
}

/** The shard of a month's totals an entry adds to (stable: by its id). */
export function shardOf(entryId: string): number {
  let h = 0;
  for (let i = 0; i < entryId.length; i++) h = (h * 31 + entryId.charCodeAt(i)) >>> 0;
  return h % MONEY_SHARDS;
}

/** Totals items (or entries' flows) added up: kind → class → centimes. */
export function addFlows(into: Flows, attributes: Record<string, unknown>): Flows {
  for (const [name, value] of Object.entries(attributes)) {
    if (!name.startsWith('f#') || typeof value !== 'number') continue;
    const [, kind, cls] = name.split('#') as [string, string, string];
    (into[kind] ??= {})[cls] = (into[kind][cls] ?? 0) + value;
  }
  return into;
}

/** The flows of these entries, summed as the stored totals are (what a test compares with the stored totals). */
export const flowsOf = (entries: Iterable<Pick<JournalEntry, 'kind' | 'reverses' | 'lines'>>): Flows => {
  const flows: Flows = {};
  for (const e of entries) addFlows(flows, entryFlows(e));
  return flows;
};

const get = (flows: Flows, kind: string, cls: string) => flows[kind]?.[cls] ?? 0;
/** Negated, without a -0. */
const neg = (n: number) => (n === 0 ? 0 : -n);
const sumClass = (flows: Flows, cls: string) => Object.values(flows).reduce((s, byClass) => s + (byClass[cls] ?? 0), 0);

/** What happened in a period, in centimes (positive figures). */
export interface PeriodFigures {
  /** What shoppers paid for the parcels delivered in the period (lines + shipping), less deliveries undone. */
  grossSales: number;
  /** Commission earned, net of the commission given back with returned sales. */
  commission: number;
  /** Delivered parcels given back (their sales taken back: what the shoppers had paid for them). */
  returnedSales: number;
  /** Money given back to shoppers through the gateway (refunds, voids of held payments, payments refused). */
  refunds: number;
  /** Cash collected at the door by carriers. */
  cashCollected: number;
  /** Cash carriers remitted (gross: what they had collected for the parcels they settled). */
  cashRemitted: number;
  /** What carriers kept as their fees. */
  carrierFees: number;
  /** Paid out to artisans (payouts marked paid). */
  paidOut: number;
  /** Card money taken by gateways. */
  cardTaken: number;
}

/** Where things stand at the period's end (centimes; owed figures positive). */
export interface Standing {
  owedToArtisans: { pending: number; available: number; payout: number; total: number };
  cashWithCarriers: Record<Carrier, number> & { total: number };
  atGateways: number;
  bank: number;
}

export interface CarrierFigures {
  carrier: Carrier;
  /** Still owed at the period's end: collected − remitted. */
  owed: number;
  collected: number;
  remitted: number;
  fees: number;
}

export function periodFigures(flows: Flows): PeriodFigures {
  const remitKinds = Object.keys(flows).filter((k) => k.startsWith('carrier.remitted:'));
  const carrierFlows = (kind: string) => Object.entries(flows[kind] ?? {}).reduce((s, [cls, v]) => s + (cls.startsWith('carrier:') ? v : 0), 0);
  const providerFlows = (kind: string) => Object.entries(flows[kind] ?? {}).reduce((s, [cls, v]) => s + (cls.startsWith('provider:') ? v : 0), 0);
  return {
    grossSales: get(flows, 'sale', 'shoppers') + get(flows, 'reversal.sale', 'shoppers'),
    commission: neg(sumClass(flows, 'platform:commission')),
    returnedSales: neg(get(flows, 'sale.returned', 'shoppers')),
    refunds: neg(providerFlows('payment.back')),
    cashCollected: carrierFlows('payment.cash') + carrierFlows('reversal.payment.cash'),
    cashRemitted: neg(remitKinds.reduce((s, k) => s + carrierFlows(k), 0)),
    carrierFees: remitKinds.reduce((s, k) => s + get(flows, k, 'platform:fees'), 0),
    paidOut: neg(get(flows, 'payout.paid', 'bank')),
    cardTaken: providerFlows('payment.card'),
  };
}

export function standing(flows: Flows): Standing {
  const pending = neg(sumClass(flows, 'shop:pending'));
  const available = neg(sumClass(flows, 'shop:available'));
  const payout = neg(sumClass(flows, 'shop:payout'));
  const cash = Object.fromEntries(CARRIERS.map((c) => [c, sumClass(flows, `carrier:${c}`)])) as Record<Carrier, number>;
  let atGateways = 0;
  for (const byClass of Object.values(flows)) for (const [cls, v] of Object.entries(byClass)) if (cls.startsWith('provider:')) atGateways += v;
  return {
    owedToArtisans: { pending, available, payout, total: pending + available + payout },
    cashWithCarriers: { ...cash, total: Object.values(cash).reduce((s, v) => s + v, 0) },
    atGateways,
    bank: sumClass(flows, 'bank'),
  };
}

/** Per carrier: collected and remitted in the period, fees, and what it still owes at the period's end (`upToEnd`: every month up to the period's end). */
export function carrierFigures(period: Flows, upToEnd: Flows): CarrierFigures[] {
  return CARRIERS.map((carrier) => {
    const cls = `carrier:${carrier}`;
    return {
      carrier,
      owed: sumClass(upToEnd, cls),
      collected: get(period, 'payment.cash', cls) + get(period, 'reversal.payment.cash', cls),
      remitted: neg(get(period, `carrier.remitted:${carrier}`, cls)),
      fees: get(period, `carrier.remitted:${carrier}`, 'platform:fees'),
    };
  });
}

/** The months from `from` to `to` (inclusive, `yyyy-mm`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Centimes as MAD with 2 decimals, a dot, a minus sign when negative: `-1234.50`. */
export function madDecimal(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A CSV cell: a text a spreadsheet would run as a formula (`=`, `+`, `@`, a `-` that is not a number) is prefixed with `'`; quoted when it holds a comma, quote or line break. */
function csvField(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || (value.startsWith('-') && !/^-\d+(\.\d+)?$/.test(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['date', 'entry', 'kind', 'order', 'shop', 'account', 'amount_mad', 'memo'] as const;

/** The period's entries as CSV, one row per ledger line: UTF-8 with a BOM (so spreadsheet programs read Arabic memos right), CRLF line ends. */
export function journalCsv(entries: Iterable<JournalEntry>): string {
  const rows = [CSV_HEADER.join(',')];
  for (const e of entries) {
    for (const line of e.lines) {
      rows.push([e.at, e.id, e.kind, e.orderId ?? '', e.shopId ?? '', line.account, madDecimal(line.amount), e.memo ?? ''].map((v) => csvField(v)).join(','));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
