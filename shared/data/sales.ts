import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Product } from '../domain/catalogue.ts';
import type { Localized } from '../domain/locales.ts';
import type { ProductCard, ProductSales, SalesDelta, SalesWeek } from '../domain/sales.ts';
import { batchGetAll, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { wholePartition } from './collection-page.ts';
import { INDEX, keys, partitions, scope, shopSk } from './keys.ts';

/**
 * A shop's sales, kept as one small item per week (`SHOP#<shopId>` / `SALES#<Monday>`): the
 * week's orders (parcels), units and revenue, and each product's units and revenue as attributes
 * of their own (`units#<productId>`, `revenue#<productId>`), so one UpdateItem ADDs a parcel's
 * figures whatever the week held. The checkout transaction adds each parcel once; the parcel's
 * cancellation transaction takes it out once (shared/data/orders.ts, order-saga-store.ts).
 */

const UNITS = 'units#';
const REVENUE = 'revenue#';

/** The Update (for a TransactWrite) that adds a delta to its shop's week, creating the week if new. */
export function salesWeekUpdate(tableName: string, delta: SalesDelta) {
  const names: Record<string, string> = { '#type': 'type', '#shop': 'shopId', '#week': 'week', '#orders': 'orders', '#units': 'units', '#revenue': 'revenue' };
  const values: Record<string, unknown> = { ':type': 'SalesWeek', ':shop': delta.shopId, ':week': delta.week, ':orders': delta.orders, ':units': delta.units, ':revenue': delta.revenue };
  const adds = ['#orders :orders', '#units :units', '#revenue :revenue'];
  Object.entries(delta.products).forEach(([productId, sold], i) => {
    names[`#pu${i}`] = `${UNITS}${productId}`;
    names[`#pr${i}`] = `${REVENUE}${productId}`;
    values[`:pu${i}`] = sold.units;
    values[`:pr${i}`] = sold.revenue;
    adds.push(`#pu${i} :pu${i}`, `#pr${i} :pr${i}`);
  });
  return {
    TableName: tableName,
    Key: keys.salesWeek(delta.shopId, delta.week),
    UpdateExpression: `SET #type = :type, #shop = :shop, #week = :week ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function toSalesWeek(item: Record<string, unknown>): SalesWeek {
  const products: Record<string, ProductSales> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(UNITS)) (products[name.slice(UNITS.length)] ??= { units: 0, revenue: 0 }).units = value as number;
    if (name.startsWith(REVENUE)) (products[name.slice(REVENUE.length)] ??= { units: 0, revenue: 0 }).revenue = value as number;
  }
  return { week: item.week as string, orders: item.orders as number, units: item.units as number, revenue: item.revenue as number, products };
}

export function sales({ db, tableName }: CatalogueWritesDeps) {
  return {
    /** The shop's weeks from `first` to `last` (Mondays, inclusive): one Query, at most one item per week. */
    async weeks(shopId: string, first: string, last: string): Promise<SalesWeek[]> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.salesWeek(shopId, first).pk, ':from': `${shopSk.salesPrefix}${first}`, ':to': `${shopSk.salesPrefix}${last}` },
        }),
      );
      return (result.Items ?? []).map(toSalesWeek);
    },

    /**
     * The shop's variants with `threshold` or fewer left (any product status: the caller keeps the
     * published): a Query of the shop's variants (gsi1), filtered on stock, every page.
     */
    async variantsAtOrBelow(shopId: string, threshold: number): Promise<Array<{ productId: string; sku: string; label: Localized; stock: number }>> {
      // The filter names the attributes by their place in `attributes`: #a3 is stock.
      const items = await wholePartition({ db, tableName }, { partition: partitions.shopVariants(shopId), index: INDEX.byTime, attributes: ['productId', 'sku', 'label', 'stock'], filter: { expression: '#a3 <= :threshold', values: { ':threshold': threshold } } });
      return items.map((item) => ({ productId: item.productId as string, sku: item.sku as string, label: item.label as Localized, stock: item.stock as number }));
    },

    /** Products' titles, statuses and cover photos (the listed ones' catalogue entry holds it): one BatchGet per 50 products. */
    async productCards(productIds: string[]): Promise<Map<string, ProductCard>> {
      const ids = [...new Set(productIds)];
      const items = await batchGetAll({ db, tableName }, ids.flatMap((id) => [keys.product(id), keys.catalogueEntry(id, scope.all())]));
      const covers = new Map(items.filter((i) => i.type === 'CatalogueEntry' && i.coverKey).map((i) => [i.id as string, i.coverKey as string]));
      const cards = new Map<string, ProductCard>();
      for (const item of items) {
        if (item.type !== 'Product') continue;
        const product = item as unknown as Product;
        const cover = covers.get(product.id);
        cards.set(product.id, { id: product.id, title: product.title, status: product.status, ...(cover ? { coverKey: cover } : {}) });
      }
      return cards;
    },
  };
}

export type Sales = ReturnType<typeof sales>;
