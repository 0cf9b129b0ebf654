import type { Order, SubOrder } from './order.ts';
import { commissionOn, DEFAULT_COMMISSION_BPS } from './settings.ts';

/**
 * The ledger: every movement of money is one journal entry of balanced lines (double entry) over
 * named accounts, in integer centimes of MAD. Pure: entries are built and checked here, written
 * once by shared/data/ledger.ts (the entry id is derived from what caused it; a conditional put).
 * An entry is never changed or deleted: a correction is a new entry (a reversal).
 *
 * Signs: a line's `amount` is a DEBIT when positive, a CREDIT when negative; an entry's lines sum
 * to zero. Asset accounts (where the platform's money is: `provider:*`, `carrier:*`, `bank`) and
 * the expense account (`platform:fees`) grow with debits; what the platform owes (`shoppers`,
 * `shop:*`) and earns (`platform:commission`) grows with credits, so those are shown negated
 * ("owed": `-balance`). See shared/data/DATA-MODEL.md, "Ledger".
 */

/** After delivery the shopper may send a parcel back for 14 days (EU shoppers are owed a 14-day withdrawal): its earnings stay pending until then. */
export const RETURN_WINDOW_DAYS = 14;

/**
 * The release of earnings runs with each reconciler run (shared/schedules.ts: every 5 minutes in
 * AWS, every minute with `npm start`): at most 200 earnings per run in pages of 25.
 */
export const RELEASE_RUN = { pageSize: 25, maxPerRun: 200 } as const;

export type ShopBucket = 'pending' | 'available' | 'payout';
export const SHOP_BUCKETS: readonly ShopBucket[] = ['pending', 'available', 'payout'];

/** The accounts. Names are `<kind>[:<id>][:<bucket>]`, stable: they are stored in every line. */
export const accounts = {
  /** What shoppers paid for parcels not yet delivered (and not given back): owed to them until delivery or a refund. */
  shoppers: 'shoppers',
  /** Card money held at a payment gateway for the platform (asset). */
  provider: (name: string) => `provider:${name}`,
  /** Cash a carrier collected on delivery and still owes the platform (asset). */
  carrier: (carrier: string) => `carrier:${carrier}`,
  /** The platform's bank account (asset): providers settle and carriers remit into it; payouts leave it (part 3–4). */
  bank: 'bank',
  /** A shop's earnings: pending (delivered, inside the return window), available (payable), payout (in a payout batch, part 3). */
  shop: (shopId: string, bucket: ShopBucket) => `shop:${shopId}:${bucket}`,
  /** The platform's commission earned (revenue). */
  commission: 'platform:commission',
  /** What the platform pays others to move money: carriers' and gateways' fees (expense; parts 4–5). */
  fees: 'platform:fees',
} as const;

/** Which shop and bucket an account is, if it is a shop's. */
export function shopAccount(account: string): { shopId: string; bucket: ShopBucket } | undefined {
  const match = /^shop:(.+):(pending|available|payout)$/.exec(account);
  return match ? { shopId: match[1]!, bucket: match[2] as ShopBucket } : undefined;
}

/** Assets: where the platform's money physically is. */
export const isAsset = (account: string) => account === accounts.bank || account.startsWith('provider:') || account.startsWith('carrier:');

/**
 * Entry kinds. Built today: payment.card, payment.cash, payment.back, sale, sale.returned,
 * release, reversal; part 3's payouts (shared/domain/payouts.ts): payout.batched, payout.paid,
 * payout.failed, payout.returned (a paid transfer the bank sent back). Reserved for part 4:
 * carrier.remitted, provider.settled.
 */
export const ENTRY_KINDS = ['payment.card', 'payment.cash', 'payment.back', 'sale', 'sale.returned', 'release', 'reversal', 'payout.batched', 'payout.paid', 'payout.failed', 'payout.returned', 'carrier.remitted', 'provider.settled'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Line {
  account: string;
  /** Centimes: positive = debit, negative = credit. */
  amount: number;
}

export interface JournalEntry {
  /** Derived from what caused it (e.g. `sale:<orderId>:<shopId>:1`): the same cause can only write it once. */
  id: string;
  kind: EntryKind;
  /** When it happened (ISO). */
  at: string;
  lines: Line[];
  /** What caused it. */
  orderId?: string;
  /** The one shop whose accounts it touches, if any (an entry touches at most one shop). */
  shopId?: string;
  /** The money movement of the order (`PAYMENT#<movementId>`), the webhook event, or the entry it reverses. */
  movementId?: string;
  eventId?: string;
  reverses?: string;
  /** In a person's words: why. */
  memo?: string;
}

export class UnbalancedEntry extends Error {
  constructor(entry: Pick<JournalEntry, 'id' | 'lines'>, why: string) {
    super(`ledger entry ${entry.id} ${why}: ${JSON.stringify(entry.lines)}`);
    this.name = 'UnbalancedEntry';
  }
}

/** Throws unless every line is a whole, non-zero number of centimes on a named account, the lines sum to zero and touch at most one shop. */
export function checkEntry<E extends Pick<JournalEntry, 'id' | 'lines' | 'shopId'>>(entry: E): E {
  if (entry.lines.length < 2) throw new UnbalancedEntry(entry, 'has fewer than two lines');
  for (const line of entry.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0) throw new UnbalancedEntry(entry, 'has a line that is not a whole, non-zero number of centimes');
    if (!line.account) throw new UnbalancedEntry(entry, 'has a line with no account');
  }
  if (entry.lines.reduce((sum, l) => sum + l.amount, 0) !== 0) throw new UnbalancedEntry(entry, 'does not balance');
  const shops = new Set(entry.lines.map((l) => shopAccount(l.account)?.shopId).filter(Boolean));
  if (shops.size > 1 || (shops.size === 1 && !shops.has(entry.shopId))) throw new UnbalancedEntry(entry, 'touches another shop than the one it names');
  return entry;
}

/** Drops zero lines and merges lines of the same account (a zero-commission sale has no commission line). */
function lines(...raw: Line[]): Line[] {
  const merged = new Map<string, number>();
  for (const l of raw) merged.set(l.account, (merged.get(l.account) ?? 0) + l.amount);
  return [...merged].filter(([, amount]) => amount !== 0).map(([account, amount]) => ({ account, amount }));
}

const entry = (e: JournalEntry): JournalEntry => checkEntry({ ...e, lines: lines(...e.lines) });

/** A shop's balances: what the platform owes it in each bucket (credit-positive), and what it was paid in all. */
export interface ShopBalance {
  shopId: string;
  pending: number;
  available: number;
  payout: number;
  /** Everything paid out to the artisan so far (part 3's payout.paid entries). */
  paid: number;
  /** Bumped by every entry that touches the shop: part 3's payout claims `available` only if the version is the one it read. */
  version: number;
  updatedAt?: string;
}

export const emptyBalance = (shopId: string): ShopBalance => ({ shopId, pending: 0, available: 0, payout: 0, paid: 0, version: 0 });

/** How an entry changes its shop's balance (owed, so credits count positive); undefined if it touches no shop. */
export function shopDelta(e: Pick<JournalEntry, 'lines' | 'kind' | 'shopId'>): Omit<ShopBalance, 'shopId' | 'version' | 'updatedAt'> | undefined {
  if (!e.shopId) return undefined;
  const delta = { pending: 0, available: 0, payout: 0, paid: 0 };
  for (const line of e.lines) {
    const shop = shopAccount(line.account);
    if (shop) delta[shop.bucket] -= line.amount;
  }
  if (e.kind === 'payout.paid') delta.paid = delta.payout === 0 ? 0 : -delta.payout;
  // A paid transfer the bank sent back: owed again (available), no longer paid.
  if (e.kind === 'payout.returned') delta.paid = -delta.available;
  return delta;
}

/** The balances of every account after these entries (debit-positive). */
export function balances(entries: Iterable<Pick<JournalEntry, 'lines'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) for (const l of e.lines) out.set(l.account, (out.get(l.account) ?? 0) + l.amount);
  return out;
}

/** A shop's balance as its entries sum (what the stored balance item must equal). */
export function shopBalanceOf(shopId: string, entries: Iterable<JournalEntry>): ShopBalance {
  const balance = emptyBalance(shopId);
  for (const e of entries) {
    if (e.shopId !== shopId) continue;
    const delta = shopDelta(e)!;
    balance.pending += delta.pending;
    balance.available += delta.available;
    balance.payout += delta.payout;
    balance.paid += delta.paid;
    balance.version += 1;
  }
  return balance;
}

/** The money the platform holds: the sum of the asset accounts (= taken − given back − paid out − fees, once parts 3–4 move it out). */
export function held(entries: Iterable<Pick<JournalEntry, 'lines'>>): number {
  let sum = 0;
  for (const [account, amount] of balances(entries)) if (isAsset(account)) sum += amount;
  return sum;
}

// ── What causes entries ─────────────────────────────────────────────────────────────────────

/**
 * A card payment the gateway took (its webhook applied): held at the provider, owed to the shopper
 * until delivery. `unaccepted`: one the store did not accept and gives back in full — `late` (after
 * the order ended), `refused` (a wrong amount, a second payment); `eventId` then tells them apart.
 */
export function cardPayment(input: { orderId: string; provider: string; amount: number; at: string; eventId: string; unaccepted?: 'late' | 'refused' }): JournalEntry {
  return entry({
    id: input.unaccepted ? `payment:${input.orderId}:${input.unaccepted}:${input.eventId}` : `payment:${input.orderId}`,
    kind: 'payment.card',
    at: input.at,
    orderId: input.orderId,
    eventId: input.eventId,
    lines: [
      { account: accounts.provider(input.provider), amount: input.amount },
      { account: accounts.shoppers, amount: -input.amount },
    ],
    ...(input.unaccepted ? { memo: input.unaccepted === 'late' ? 'paid after the order had ended (given back in full)' : 'a payment the store refused (given back in full)' } : {}),
  });
}

/** Money given back to the shopper through the gateway: a refund, or a void of a held authorization. */
export function moneyBack(input: { orderId: string; provider: string; movementId: string; amount: number; at: string; reason: string; shopId?: string }): JournalEntry {
  return entry({
    id: `back:${input.orderId}:${input.movementId}`,
    kind: 'payment.back',
    at: input.at,
    orderId: input.orderId,
    movementId: input.movementId,
    memo: input.reason,
    lines: [
      { account: accounts.provider(input.provider), amount: -input.amount },
      { account: accounts.shoppers, amount: input.amount },
    ],
  });
}

/** A parcel's delivery number: the first delivery is 1 (a delivery undone and made again is 2). */
export const deliveryNumber = (sub: Pick<SubOrder, 'timeline'>) => Math.max(1, sub.timeline.filter((t) => t.status === 'delivered').length);

/** The date a delivered parcel's earnings become available: the end of the return window. */
export const availableAt = (deliveredAt: string) => new Date(Date.parse(deliveredAt) + RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString();

/** Where a parcel's earnings stand. `paid` is set by part 3's payouts. */
export type EarningStatus = 'pending' | 'available' | 'paid' | 'returned';

/** One parcel's earnings as the artisan reads them: what the shopper paid, the commission, shipping, what the artisan receives. */
export interface Earning {
  orderId: string;
  shopId: string;
  /** The sale's entry (`sale:<orderId>:<shopId>:<n>`). */
  saleEntryId: string;
  paymentMethod: 'card' | 'cod';
  /** What the shopper paid for this parcel: its lines plus shipping. */
  paid: number;
  items: number;
  shipping: number;
  /** The order's own rate (its terms at checkout), in basis points. */
  commissionBasisPoints: number;
  /** Taken on the lines only, not on shipping (the artisan pays the carrier). */
  commission: number;
  /** What the artisan receives: paid − commission. */
  net: number;
  status: EarningStatus;
  deliveredAt: string;
  availableAt: string;
  releasedAt?: string;
  returnedAt?: string;
  /** The bucket the return took the earnings back from (pending inside the window, available after). */
  returnedFrom?: 'pending' | 'available';
  /**
   * Cash on delivery: true until the carrier remitted the parcel's cash (shared/domain/cod.ts). Such an
   * earning is not in the release queue: the remittance puts it there, at the later of the end of its
   * return window and the remittance (`availableAt` moves then), and sets `cashRemittedAt`.
   */
  awaitingCash?: boolean;
  cashRemittedAt?: string;
  /** A returned parcel refunded by an operator: what was given back (`paid`, `commission`, `net` are then what remains). */
  refunded?: number;
}

/**
 * A delivered parcel: the shopper's money becomes the shop's pending earnings (net of commission,
 * at the ORDER's own rate, on the lines only) and the platform's commission; for cash on delivery,
 * first the cash the carrier collected. Both entries are written with the delivery itself.
 */
export function parcelDelivered(order: Pick<Order, 'id' | 'terms' | 'payment'>, sub: Pick<SubOrder, 'shopId' | 'subtotal' | 'shipping' | 'timeline' | 'carrier' | 'paymentMethod'>, deliveredAt: string, n = deliveryNumber(sub)) {
  const paid = sub.subtotal + sub.shipping;
  const commission = commissionOn(sub.subtotal, order);
  const net = paid - commission;
  const saleId = `sale:${order.id}:${sub.shopId}:${n}`;
  const entries: JournalEntry[] = [];
  if (sub.paymentMethod === 'cod') {
    entries.push(
      entry({
        id: `cash:${order.id}:${sub.shopId}:${n}`,
        kind: 'payment.cash',
        at: deliveredAt,
        orderId: order.id,
        memo: `cash collected on delivery by ${sub.carrier ?? 'other'}`,
        lines: [
          { account: accounts.carrier(sub.carrier ?? 'other'), amount: paid },
          { account: accounts.shoppers, amount: -paid },
        ],
      }),
    );
  }
  entries.push(
    entry({
      id: saleId,
      kind: 'sale',
      at: deliveredAt,
      orderId: order.id,
      shopId: sub.shopId,
      lines: [
        { account: accounts.shoppers, amount: paid },
        { account: accounts.shop(sub.shopId, 'pending'), amount: -net },
        { account: accounts.commission, amount: -commission },
      ],
    }),
  );
  const earning: Earning = {
    orderId: order.id,
    shopId: sub.shopId,
    saleEntryId: saleId,
    paymentMethod: sub.paymentMethod,
    paid,
    items: sub.subtotal,
    shipping: sub.shipping,
    commissionBasisPoints: order.terms?.commissionBasisPoints ?? DEFAULT_COMMISSION_BPS,
    commission,
    net,
    status: 'pending',
    deliveredAt,
    availableAt: availableAt(deliveredAt),
    ...(sub.paymentMethod === 'cod' ? { awaitingCash: true } : {}),
  };
  return { entries, earning };
}

/** The exact opposite of an entry (a delivery recorded and then undone): a new entry, the original is kept. */
export function reversal(original: JournalEntry, at: string, memo: string): JournalEntry {
  return entry({
    id: `reversal:${original.id}`,
    kind: 'reversal',
    at,
    reverses: original.id,
    memo,
    lines: original.lines.map((l) => ({ account: l.account, amount: -l.amount })),
    ...(original.orderId ? { orderId: original.orderId } : {}),
    ...(original.shopId ? { shopId: original.shopId } : {}),
  });
}

/** The end of a parcel's return window: its earnings move from pending to available. */
export function release(earning: Pick<Earning, 'orderId' | 'shopId' | 'saleEntryId' | 'net'>, at: string): JournalEntry {
  return entry({
    id: `release:${earning.saleEntryId}`,
    kind: 'release',
    at,
    orderId: earning.orderId,
    shopId: earning.shopId,
    lines: [
      { account: accounts.shop(earning.shopId, 'pending'), amount: earning.net },
      { account: accounts.shop(earning.shopId, 'available'), amount: -earning.net },
    ],
  });
}

/**
 * A delivered parcel given back (a return, or a refund of the whole order after delivery): its
 * earnings and the commission are taken back — from pending inside the return window, from
 * available after it (which may go below zero: the negative is carried forward and the next
 * payout pays less) — and the shopper is owed the parcel again, until the refund pays it.
 */
export function saleReturned(earning: Pick<Earning, 'orderId' | 'shopId' | 'saleEntryId' | 'net' | 'commission' | 'paid' | 'status'>, at: string, reason: string, amount = earning.paid): JournalEntry {
  if (earning.status === 'returned') throw new Error(`sale ${earning.saleEntryId} was returned already`);
  const from: 'pending' | 'available' = earning.status === 'pending' ? 'pending' : 'available';
  const part = returnedPart(earning, amount);
  return entry({
    id: `return:${earning.saleEntryId}`,
    kind: 'sale.returned',
    at,
    orderId: earning.orderId,
    shopId: earning.shopId,
    reverses: earning.saleEntryId,
    memo: reason,
    lines: [
      { account: accounts.shop(earning.shopId, from), amount: part.net },
      { account: accounts.commission, amount: part.commission },
      { account: accounts.shoppers, amount: -amount },
    ],
  });
}

/**
 * What a refund of `amount` (at most what the shopper paid for the parcel) takes back: the
 * commission in proportion (rounded), the rest from the artisan's earnings. The whole parcel
 * gives back exactly its commission and its net.
 */
export function returnedPart(earning: Pick<Earning, 'paid' | 'commission'>, amount: number): { commission: number; net: number } {
  if (!Number.isInteger(amount) || amount <= 0 || amount > earning.paid) throw new Error(`a return of ${amount} for a parcel paid ${earning.paid}`);
  const commission = amount === earning.paid ? earning.commission : Math.round((earning.commission * amount) / earning.paid);
  return { commission, net: amount - commission };
}

/** The earning after its release / return. */
export const released = (earning: Earning, at: string): Earning => ({ ...earning, status: 'available', releasedAt: at });
export const returned = (earning: Earning, at: string): Earning => ({ ...earning, status: 'returned', returnedAt: at, returnedFrom: earning.status === 'pending' ? 'pending' : 'available' });
/**
 * Part of a parcel given back (a returned parcel refunded for less than it cost): the earning stays
 * where it is (pending or available), smaller by what the return took back; `refunded` says how much.
 */
export function partlyReturned(earning: Earning, amount: number, at: string): Earning {
  if (amount >= earning.paid) return { ...returned(earning, at), refunded: amount };
  const part = returnedPart(earning, amount);
  return { ...earning, paid: earning.paid - amount, commission: earning.commission - part.commission, net: earning.net - part.net, refunded: amount, returnedAt: at };
}
