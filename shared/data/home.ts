import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { QueuedParcel } from '../domain/home.ts';
import type { Localized } from '../domain/locales.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { wholePartition } from './collection-page.ts';
import { INDEX, keys, partitions, shopSk } from './keys.ts';

/**
 * What an artisan's home reads, all from index rows that exist already: her parcels in one
 * status (gsi1 `SHOP#<shopId>#SUBORDERS#<status>`, the work queue the orders tab pages through)
 * and her products' statuses (gsi1 `SHOPPRODUCTS#<shopId>`). Only the attributes home shows are
 * returned; the read costs what the queue's items weigh (DATA-MODEL.md, patterns 80–81).
 */
export function home(deps: CatalogueWritesDeps) {
  return {
    /** Every parcel of the shop in `status` (a work queue: bounded by what she has to do, not by her history). */
    async queue(shopId: string, status: string): Promise<QueuedParcel[]> {
      const items = await wholePartition(deps, { partition: partitions.shopSubOrders(shopId, status), index: INDEX.byTime, attributes: ['orderId', 'createdAt', 'due', 'total', 'lines'] });
      return items.map((i) => ({
        orderId: i.orderId as string,
        createdAt: i.createdAt as string,
        ...(typeof i.due === 'string' ? { due: i.due } : {}),
        total: i.total as number,
        lines: ((i.lines as Array<Record<string, unknown>> | undefined) ?? []).map((l) => ({ title: l.title as Localized, quantity: l.quantity as number })),
      }));
    },

    /** Whether the shop ever sold anything: one of its weekly sales items exists (a Query of `Limit 1`, keys only). */
    async everSold(shopId: string): Promise<boolean> {
      const result = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.shop(shopId).pk, ':prefix': shopSk.salesPrefix },
          ProjectionExpression: 'pk',
          Limit: 1,
        }),
      );
      return (result.Items ?? []).length > 0;
    },

    /** Every variant of the shop's products with its stock and price (gsi1 `SHOPVARIANTS#<shopId>`, by product): the stock sheet. */
    async variants(shopId: string): Promise<Array<{ productId: string; sku: string; label: Localized; stock: number; price: number }>> {
      const items = await wholePartition(deps, { partition: partitions.shopVariants(shopId), index: INDEX.byTime, attributes: ['productId', 'sku', 'label', 'stock', 'price'] });
      return items.map((i) => ({ productId: i.productId as string, sku: i.sku as string, label: i.label as Localized, stock: i.stock as number, price: i.price as number }));
    },

    /** The status of each of the shop's products, drafts and archived included. */
    async productStatuses(shopId: string): Promise<string[]> {
      const items = await wholePartition(deps, { partition: partitions.shopProducts(shopId), index: INDEX.byTime, attributes: ['status'] });
      return items.map((i) => i.status as string);
    },
  };
}

export type HomeData = ReturnType<typeof home>;
