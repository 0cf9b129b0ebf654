import type { HolidayBody, StockSheet, StockSheetBody } from '../api/home.ts';
import type { Shop } from '../domain/catalogue.ts';
import { countProducts, holidayFor, HOME_QUEUES, isReturning, summarizeQueue, type MyHome } from '../domain/home.ts';
import { LOW_STOCK_THRESHOLD, lowStockList } from '../domain/sales.ts';
import { applyStockSheet, type SheetProduct } from '../domain/stock-sheet.ts';
import type { HomeData } from '../data/home.ts';
import type { Sales } from '../data/sales.ts';
import type { StockSheetData } from '../data/stock-sheet.ts';
import { NotFoundError } from '../domain/errors.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { now, type Store } from './ports.ts';

export interface HomeDeps {
  store: Store;
  sales: Sales;
  home: HomeData;
  stockSheet: StockSheetData;
}

/** How many low-stock variants home lists (the count says the rest). */
const HOME_LOW_STOCK = 5;

/**
 * The signed-in artisan's home: her two work queues (to accept, to ship), her products by status,
 * her low-stock variants and her holiday. Reads only index rows: profile and shop (2 GetItem), the
 * two queues, her products' statuses, her variants at or under the threshold, whether she ever
 * sold (5 Query), and the low variants' products (1 BatchGet, only when some are low).
 */
export async function getMyHome(deps: Pick<HomeDeps, 'store' | 'sales' | 'home'>, caller: Caller, at = new Date(now())): Promise<MyHome> {
  const shop = await requireOwnShop(deps.store, caller);
  const [toAccept, toShip, statuses, low, everSold] = await Promise.all([
    deps.home.queue(shop.id, HOME_QUEUES.toAccept),
    deps.home.queue(shop.id, HOME_QUEUES.toShip),
    deps.home.productStatuses(shop.id),
    deps.sales.variantsAtOrBelow(shop.id, LOW_STOCK_THRESHOLD),
    deps.home.everSold(shop.id),
  ]);
  const cards = low.length > 0 ? await deps.sales.productCards(low.map((v) => v.productId)) : new Map();
  const lowStock = lowStockList(low, cards);
  const products = countProducts(statuses);
  return {
    orders: { toAccept: summarizeQueue(toAccept, at), toShip: summarizeQueue(toShip, at) },
    products,
    lowStock: { threshold: LOW_STOCK_THRESHOLD, count: lowStock.length, variants: lowStock.slice(0, HOME_LOW_STOCK) },
    ...(shop.holiday ? { holiday: shop.holiday } : {}),
    returning: isReturning({ live: products.live, waiting: toAccept.length + toShip.length, everSold }),
  };
}

/** Holiday mode on (with her message) or off; orders already placed are not touched. */
export async function setMyHoliday(store: Store, caller: Caller, body: HolidayBody): Promise<Shop> {
  const shop = await requireOwnShop(store, caller);
  const at = now();
  const holiday = holidayFor(body.on, body.message, at, shop.holiday);
  const { holiday: _was, ...rest } = shop;
  const revised: Shop = { ...rest, ...(holiday ? { holiday } : {}), updatedAt: at };
  await store.shops.saveShop(revised, shop.status);
  return revised;
}

/** Every variant of her products with its stock and price, by product (drafts and archived too). */
export async function getMyStockSheet(deps: Pick<HomeDeps, 'store' | 'sales' | 'home'>, caller: Caller): Promise<StockSheet> {
  const shop = await requireOwnShop(deps.store, caller);
  const variants = await deps.home.variants(shop.id);
  const cards = variants.length > 0 ? await deps.sales.productCards(variants.map((v) => v.productId)) : new Map();
  return {
    rows: variants
      .filter((v) => cards.has(v.productId))
      .map((v) => ({ ...v, title: cards.get(v.productId)!.title, status: cards.get(v.productId)!.status })),
  };
}

/**
 * Saves her sheet in one transaction (shared/data/stock-sheet.ts): a row naming anything but a
 * variant of hers is a 400 naming the row, and nothing is written. The changed products' catalogue
 * entries follow (their price), as after a product edit.
 */
export async function saveMyStockSheet(deps: Pick<HomeDeps, 'store' | 'stockSheet'>, caller: Caller, body: StockSheetBody): Promise<StockSheet & { saved: number }> {
  const shop = await requireOwnShop(deps.store, caller);
  const ids = [...new Set(body.rows.map((r) => r.productId))];
  const found = new Map<string, SheetProduct>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { product, variants } = await deps.store.products.getOwnedProduct(shop.id, id);
        found.set(id, { product, variants });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }),
  );
  const changes = applyStockSheet(body.rows, found, now());
  await deps.stockSheet.save(changes);
  for (const change of changes) await deps.store.listings.refreshListing(change.product.id);
  return {
    saved: changes.reduce((n, c) => n + c.variants.length, 0),
    rows: changes.flatMap((c) => c.variants.map(({ variant }) => ({ productId: c.product.id, sku: variant.sku, label: variant.label, stock: variant.stock, price: variant.price, title: c.product.title, status: c.product.status }))),
  };
}
