import type { MyEarnings, SellingTerms } from '../api/artisan.ts';
import type { CodCash } from '../domain/cod.ts';
import { deliveryNumber, parcelDelivered, RELEASE_RUN, RETURN_WINDOW_DAYS, partlyReturned, release, released, returned, reversal, saleReturned, type Earning, type JournalEntry } from '../domain/ledger.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import type { Ledger, LedgerWrite } from '../data/ledger.ts';
import type { Payouts } from '../data/payouts.ts';
import { payoutAccountOf, recentPayouts } from './payouts.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import type { Store, Telemetry } from './ports.ts';

/**
 * The ledger's use cases: what a delivery, a delivery undone and a return write (each in the
 * transaction of the change that causes it), the release of earnings at the end of the return
 * window (run with the scheduled reconciler, shared/schedules.ts), and the artisan's earnings page.
 */

type LedgerOrder = Pick<Order, 'id' | 'terms' | 'payment'>;
type LedgerParcel = Pick<SubOrder, 'shopId' | 'subtotal' | 'shipping' | 'timeline' | 'carrier' | 'paymentMethod'> & Partial<Pick<SubOrder, 'trackingNumber'>>;

/** The parcel's cash its carrier now holds (cash on delivery: the delivery's `payment.cash` entry), kept until the carrier remits it. */
function collected(orderId: string, sub: LedgerParcel, entries: readonly JournalEntry[]): LedgerWrite['cash'] {
  const cash = entries.find((e) => e.kind === 'payment.cash');
  const line = cash?.lines.find((l) => l.account.startsWith('carrier:'));
  if (!cash || !line) return [];
  const item: CodCash = { orderId, shopId: sub.shopId, carrier: sub.carrier ?? 'other', amount: line.amount, collectedAt: cash.at, cashEntryId: cash.id, status: 'collected', ...(sub.trackingNumber ? { trackingNumber: sub.trackingNumber } : {}) };
  return [{ collected: item }];
}

/** A parcel delivered now (`sub` as read before the move): its cash (cash on delivery) and sale, and its earning. */
export function deliveryWrite(order: LedgerOrder, sub: LedgerParcel, at: string): LedgerWrite {
  const { entries, earning } = parcelDelivered(order, sub, at, sub.timeline.filter((t) => t.status === 'delivered').length + 1);
  return { entries, earnings: [{ put: earning }], cash: collected(order.id, sub, entries) };
}

/** The same delivery undone (the saga no longer waited for it): the exact reversal of each of its entries; the earning goes. */
export function undeliveryWrite(order: LedgerOrder, sub: LedgerParcel, deliveredAt: string, at: string): LedgerWrite {
  const delivered = deliveryWrite(order, sub, deliveredAt);
  const earning = (delivered.earnings![0] as { put: Earning }).put;
  const cash = (delivered.cash ?? []).map((c) => ({ undone: (c as { collected: CodCash }).collected }));
  return { entries: delivered.entries.map((e) => reversal(e, at, 'delivery undone: the saga no longer waited for it')).reverse(), earnings: [{ remove: earning }], cash };
}

/**
 * A delivered parcel whose sale is not in the journal (delivered before the journal existed, and
 * completing after): written now, once (its ids are the delivery's own; false if already there).
 */
export async function postDeliveryIfMissing(ledger: Ledger, order: LedgerOrder, sub: LedgerParcel): Promise<boolean> {
  const deliveredAt = sub.timeline.findLast((t) => t.status === 'delivered')?.at;
  if (!deliveredAt) return false;
  const { entries, earning } = parcelDelivered(order, sub, deliveredAt, deliveryNumber(sub));
  if (await ledger.entry(earning.saleEntryId)) return false;
  return ledger.post({ entries, earnings: [{ put: earning }], cash: collected(order.id, sub, entries) }, deliveredAt);
}

/**
 * Delivered parcels given back with a refund: each one's sale returned (from pending or available), in the refund's
 * transaction. `amount` (one parcel: a returned parcel refunded for less than it cost) returns that part of it only.
 */
export function returnsWrite(earnings: readonly Earning[], at: string, reason: string, amount?: number): LedgerWrite {
  const open = earnings.filter((e) => e.status !== 'returned');
  const one = amount !== undefined && open.length === 1;
  const part = (e: Earning) => (one ? Math.min(amount, e.paid) : e.paid);
  return { entries: open.map((e) => saleReturned(e, at, reason, part(e))), earnings: open.map((e) => ({ from: e, to: one ? partlyReturned(e, part(e), at) : returned(e, at) })) };
}

/**
 * The release, run with the reconciler (shared/schedules.ts): every earning whose return window has ended moves
 * from pending to available, exactly once however many runs overlap (the release entry's id is the
 * sale's; the earning moves only from pending; a return that came first wins).
 */
export async function releaseEarnings(deps: { ledger: Ledger; telemetry: Pick<Telemetry, 'log'> }, at: string): Promise<{ released: number; skipped: number }> {
  let releasedCount = 0;
  let skipped = 0;
  for (let seen = 0; seen < RELEASE_RUN.maxPerRun; ) {
    const due = await deps.ledger.dueReleases(at, RELEASE_RUN.pageSize);
    if (due.length === 0) break;
    let progressed = false;
    for (const item of due) {
      seen++;
      const earning = await deps.ledger.earning(item.shopId, item.orderId);
      if (!earning || earning.status !== 'pending') {
        skipped++;
        continue;
      }
      if (await deps.ledger.post({ entries: [release(earning, at)], earnings: [{ from: earning, to: released(earning, at) }] }, at)) {
        releasedCount++;
        progressed = true;
      } else skipped++;
    }
    if (!progressed || due.length < RELEASE_RUN.pageSize) break;
  }
  if (releasedCount > 0) deps.telemetry.log.info('earnings released', { released: releasedCount, skipped, at });
  return { released: releasedCount, skipped };
}

/** The artisan's earnings page: their shop's balances (one GetItem), one page of its parcels, latest delivery first (one Query), and on the first page the latest payouts (one Query). */
export async function myEarnings(deps: { store: Store; ledger: Ledger; payouts?: Payouts }, caller: Caller, q: { limit: number; cursor?: string | undefined }): Promise<MyEarnings> {
  const shop = await requireOwnShop(deps.store, caller);
  const [{ version: _v, updatedAt: _u, ...balance }, earnings, account, payouts] = await Promise.all([
    deps.ledger.balance(shop.id),
    deps.ledger.earnings(shop.id, q.limit, q.cursor),
    // The bank account, masked, and a change waiting for its code (2 GetItems).
    deps.payouts ? payoutAccountOf({ payouts: deps.payouts }, shop.id) : {},
    // The latest payouts, on the first page (one Query).
    deps.payouts && !q.cursor ? recentPayouts({ payouts: deps.payouts }, shop.id) : undefined,
  ]);
  return { balance, earnings, ...account, ...(payouts ? { payouts } : {}) };
}

/** What selling here costs, for the sell page and the onboarding: the commission new orders are charged (one BatchGet of the settings). */
export async function sellingTerms(store: Pick<Store, 'settings'>): Promise<SellingTerms> {
  const { commission } = await store.settings.getAll();
  return { commissionBasisPoints: commission.value.basisPoints, commissionOn: 'items', returnWindowDays: RETURN_WINDOW_DAYS };
}
