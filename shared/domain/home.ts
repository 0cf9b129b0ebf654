import type { Shop } from './catalogue.ts';
import { ConflictError } from './errors.ts';
import type { Localized } from './locales.ts';
import type { LowStockVariant } from './sales.ts';

/**
 * An artisan's home: what needs doing first. Parcels waiting for her (to accept, then to ship),
 * oldest first with their deadlines, how many are late; her live and draft products; variants at
 * or under the low-stock threshold; whether her shop is on holiday. Pure rules, no I/O.
 */

/** The most characters of a holiday message (what shoppers read on her shop and product pages). */
export const HOLIDAY_MESSAGE_MAX = 300;

/** How many of the oldest parcels of each queue home lists (the count says the rest). */
export const HOME_OLDEST = 3;

/** The two queues home shows, in the order she should work them. */
export const HOME_QUEUES = { toAccept: 'awaiting_acceptance', toShip: 'accepted' } as const;
export type HomeQueue = keyof typeof HOME_QUEUES;

/** One waiting parcel as home lists it. */
export interface HomeParcel {
  orderId: string;
  createdAt: string;
  /** When the step she owes must be done by (the saga's `due`). */
  due?: string;
  total: number;
  /** Units in the parcel. */
  units: number;
  /** The first line's title, for recognising the parcel. */
  title?: Localized;
  late: boolean;
}

export interface HomeQueueSummary {
  count: number;
  late: number;
  oldest: HomeParcel[];
}

export interface MyHome {
  orders: Record<HomeQueue, HomeQueueSummary>;
  products: { live: number; draft: number; archived: number };
  lowStock: { threshold: number; count: number; variants: LowStockVariant[] };
  holiday?: NonNullable<Shop['holiday']>;
  /** Has live products or any order: lands on home rather than the beginners' training. */
  returning: boolean;
}

/** A parcel read from its artisan's queue (only the attributes home needs). */
export interface QueuedParcel {
  orderId: string;
  createdAt: string;
  due?: string;
  total: number;
  lines?: Array<{ title?: Localized; quantity: number }>;
}

/** A queue's count, how many are past their deadline at `at`, and its oldest few (the queue is read oldest first). */
export function summarizeQueue(parcels: QueuedParcel[], at: Date, oldest = HOME_OLDEST): HomeQueueSummary {
  const isLate = (p: QueuedParcel) => p.due !== undefined && new Date(p.due).getTime() < at.getTime();
  const sorted = [...parcels].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.orderId < b.orderId ? -1 : 1));
  return {
    count: parcels.length,
    late: parcels.filter(isLate).length,
    oldest: sorted.slice(0, oldest).map((p) => ({
      orderId: p.orderId,
      createdAt: p.createdAt,
      ...(p.due ? { due: p.due } : {}),
      total: p.total,
      units: (p.lines ?? []).reduce((n, l) => n + l.quantity, 0),
      ...(p.lines?.[0]?.title ? { title: p.lines[0].title } : {}),
      late: isLate(p),
    })),
  };
}

/** A returning artisan has live products or any order (waiting, or any week's sales); a beginner has neither. */
export function isReturning(input: { live: number; waiting: number; everSold: boolean }): boolean {
  return input.live > 0 || input.waiting > 0 || input.everSold;
}

/** Counts a shop's products by status. */
export function countProducts(statuses: string[]): MyHome['products'] {
  const counts = { live: 0, draft: 0, archived: 0 };
  for (const status of statuses) {
    if (status === 'published') counts.live += 1;
    else if (status === 'draft') counts.draft += 1;
    else if (status === 'archived') counts.archived += 1;
  }
  return counts;
}

/** Holiday mode as she sets it: on (with her message, trimmed; empty means none) or off. */
export function holidayFor(on: boolean, message: string | undefined, at: string, current?: Shop['holiday']): Shop['holiday'] {
  if (!on) return undefined;
  const text = message?.trim();
  return { since: current?.since ?? at, ...(text ? { message: text } : {}) };
}

/** A shop on holiday takes no new orders: checkout refuses its lines (409) and names the shop, in the message and on each line. */
export class ShopOnHolidayError extends ConflictError {
  constructor(shops: Array<{ shop: Shop; lines: Array<{ productId: string; sku: string }> }>) {
    const name = (shop: Shop) => Object.values(shop.name).find((n) => n) ?? shop.slug;
    super(
      'shop_on_holiday',
      `${shops.map((s) => name(s.shop)).join(', ')} ${shops.length > 1 ? 'are' : 'is'} on holiday and takes no new orders for now`,
      Object.fromEntries(shops.flatMap((s) => s.lines.map((l) => [`lines.${l.productId}.${l.sku}`, `${name(s.shop)} is on holiday`]))),
    );
  }
}

/** Throws ShopOnHolidayError when any line's shop is on holiday. */
export function refuseHolidayShops(lines: Array<{ productId: string; sku: string }>, snapshot: { products: Map<string, { shopId: string }>; shops: Map<string, Shop> }): void {
  const away = new Map<string, { shop: Shop; lines: Array<{ productId: string; sku: string }> }>();
  for (const line of lines) {
    const shop = snapshot.shops.get(snapshot.products.get(line.productId)?.shopId ?? '');
    if (!shop?.holiday) continue;
    const entry = away.get(shop.id) ?? { shop, lines: [] };
    entry.lines.push({ productId: line.productId, sku: line.sku });
    away.set(shop.id, entry);
  }
  if (away.size > 0) throw new ShopOnHolidayError([...away.values()]);
}
