import type { Localized } from './locales.ts';
import { storeDay } from './store-day.ts';

/**
 * An artisan's sales at a glance: orders (parcels) and revenue per week, top products, low stock.
 * Pure: the data layer keeps one small aggregate per shop and week (`SalesWeek`), changed by the
 * deltas built here in the same transaction as the write that causes them; the use case reads
 * the last weeks and summarises them with `summarizeSales`.
 *
 * What counts: every parcel (sub-order) placed, in the week it was placed (Morocco's week,
 * Monday first); a parcel cancelled or declined later is taken out again (of the week it was
 * placed in). Revenue is what shoppers pay for the artisan's lines (unit price × quantity, MAD
 * centimes) — shipping is not included — before commission.
 */

/** Weeks the chart shows, the current one last. */
export const SALES_WEEKS = 12;
/** Published variants with this many left or fewer are "low stock" (0: sold out). */
export const LOW_STOCK_THRESHOLD = 3;
/** How many products each top list holds. */
export const TOP_PRODUCTS = 5;

const DAY_MS = 24 * 3600 * 1000;

/** The Monday (`YYYY-MM-DD`) of the week an instant falls in, as Morocco's clocks show it. */
export function storeWeek(at: Date): string {
  return mondayOf(storeDay(at));
}

/** The Monday of a calendar date's week. */
export function mondayOf(day: string): string {
  const date = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(date - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The `count` weeks (their Mondays) that end with the one `now` is in, oldest first. */
export function recentWeeks(now: Date, count = SALES_WEEKS): string[] {
  const current = Date.parse(`${storeWeek(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** What one product sold in a week. */
export interface ProductSales {
  units: number;
  revenue: number;
}

/** A change to a shop's week: one parcel placed (+) or taken out again (−). */
export interface SalesDelta {
  shopId: string;
  week: string;
  orders: number;
  units: number;
  revenue: number;
  products: Record<string, ProductSales>;
}

/** A shop's week as stored: the sum of its deltas. */
export type SalesWeek = Omit<SalesDelta, 'shopId'>;

/** The parcel as a sale: lines summed per product (two sizes of one product are one product). */
export function parcelSale(parcel: { shopId: string; createdAt: string; lines: { productId: string; unitPrice: number; quantity: number }[] }): SalesDelta {
  const products: Record<string, ProductSales> = {};
  for (const line of parcel.lines) {
    const sold = (products[line.productId] ??= { units: 0, revenue: 0 });
    sold.units += line.quantity;
    sold.revenue += line.unitPrice * line.quantity;
  }
  const sum = (pick: (p: ProductSales) => number) => Object.values(products).reduce((total, p) => total + pick(p), 0);
  return { shopId: parcel.shopId, week: storeWeek(new Date(parcel.createdAt)), orders: 1, units: sum((p) => p.units), revenue: sum((p) => p.revenue), products };
}

/** The same sale taken out again (a cancelled or declined parcel), from the week it was placed in. */
export function withdrawn(sale: SalesDelta, week = sale.week): SalesDelta {
  const products = Object.fromEntries(Object.entries(sale.products).map(([id, p]) => [id, { units: -p.units, revenue: -p.revenue }]));
  return { shopId: sale.shopId, week, orders: -sale.orders, units: -sale.units, revenue: -sale.revenue, products };
}

/** A product as the summary names it: its current title and cover photo, when it still has them. */
export interface ProductCard {
  id: string;
  title: Localized;
  status: string;
  coverKey?: string;
}

export interface TopProduct extends ProductSales {
  productId: string;
  title?: Localized;
  coverKey?: string;
}

export interface LowStockVariant {
  productId: string;
  sku: string;
  title: Localized;
  label: Localized;
  stock: number;
}

export interface SalesSummary {
  /** The weeks shown, oldest first; a week with no sale is there with zeros. */
  weeks: Array<{ week: string; orders: number; units: number; revenue: number }>;
  totals: { orders: number; units: number; revenue: number };
  top: { byUnits: TopProduct[]; byRevenue: TopProduct[] };
  lowStock: { threshold: number; variants: LowStockVariant[] };
}

/**
 * The summary of the weeks read (any order, any subset of `weeks`), with each product's card
 * where known. Top lists: most units (then most revenue), most revenue (then most units), then by
 * product id, so equal figures always come in the same order; products whose sales were all taken
 * out again are not listed.
 */
export function summarizeSales(input: { weeks: string[]; stored: SalesWeek[]; cards: Map<string, ProductCard>; lowStock: LowStockVariant[]; top?: number }): SalesSummary {
  const byWeek = new Map(input.stored.map((w) => [w.week, w]));
  const weeks = input.weeks.map((week) => {
    const w = byWeek.get(week);
    return { week, orders: w?.orders ?? 0, units: w?.units ?? 0, revenue: w?.revenue ?? 0 };
  });
  const totals = weeks.reduce((t, w) => ({ orders: t.orders + w.orders, units: t.units + w.units, revenue: t.revenue + w.revenue }), { orders: 0, units: 0, revenue: 0 });
  const shown = new Set(input.weeks);
  const perProduct = new Map<string, ProductSales>();
  for (const w of input.stored) {
    if (!shown.has(w.week)) continue;
    for (const [id, p] of Object.entries(w.products)) {
      const sum = perProduct.get(id) ?? { units: 0, revenue: 0 };
      perProduct.set(id, { units: sum.units + p.units, revenue: sum.revenue + p.revenue });
    }
  }
  const sold: TopProduct[] = [...perProduct]
    .filter(([, p]) => p.units > 0)
    .map(([productId, p]) => {
      const card = input.cards.get(productId);
      return { productId, ...p, ...(card ? { title: card.title } : {}), ...(card?.coverKey ? { coverKey: card.coverKey } : {}) };
    });
  const n = input.top ?? TOP_PRODUCTS;
  const byId = (a: TopProduct, b: TopProduct) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);
  const byUnits = [...sold].sort((a, b) => b.units - a.units || b.revenue - a.revenue || byId(a, b)).slice(0, n);
  const byRevenue = [...sold].sort((a, b) => b.revenue - a.revenue || b.units - a.units || byId(a, b)).slice(0, n);
  return { weeks, totals, top: { byUnits, byRevenue }, lowStock: { threshold: LOW_STOCK_THRESHOLD, variants: input.lowStock } };
}

/** The low-stock list: published products' variants at or below the threshold, sold out first, then fewest left. */
export function lowStockList(variants: Array<{ productId: string; sku: string; label: Localized; stock: number }>, cards: Map<string, ProductCard>, threshold = LOW_STOCK_THRESHOLD): LowStockVariant[] {
  return variants
    .filter((v) => v.stock <= threshold && cards.get(v.productId)?.status === 'published')
    .map((v) => ({ productId: v.productId, sku: v.sku, title: cards.get(v.productId)!.title, label: v.label, stock: v.stock }))
    .sort((a, b) => a.stock - b.stock || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.sku < b.sku ? -1 : 1));
}
