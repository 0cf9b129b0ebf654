import type { Sales } from '../data/sales.ts';
import { LOW_STOCK_THRESHOLD, lowStockList, recentWeeks, summarizeSales, TOP_PRODUCTS, type SalesSummary } from '../domain/sales.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { now, type Store } from './ports.ts';

/**
 * The signed-in artisan's sales at a glance (shared/domain/sales.ts says what counts): the last
 * 12 weeks' aggregates of their own shop (one Query), the shop's variants at or below the
 * low-stock threshold (one Query of its variants), and the cards of the products named (one
 * BatchGet). Another artisan's figures are never in reach: the shop comes from the caller.
 */
export async function getMySales(deps: { store: Store; sales: Sales }, caller: Caller, at = new Date(now())): Promise<SalesSummary> {
  const shop = await requireOwnShop(deps.store, caller);
  const weeks = recentWeeks(at);
  const [stored, low] = await Promise.all([deps.sales.weeks(shop.id, weeks[0]!, weeks.at(-1)!), deps.sales.variantsAtOrBelow(shop.id, LOW_STOCK_THRESHOLD)]);
  const draft = summarizeSales({ weeks, stored, cards: new Map(), lowStock: [] });
  const named = [...draft.top.byUnits, ...draft.top.byRevenue].map((p) => p.productId);
  const cards = await deps.sales.productCards([...named, ...low.map((v) => v.productId)]);
  return summarizeSales({ weeks, stored, cards, lowStock: lowStockList(low, cards), top: TOP_PRODUCTS });
}
