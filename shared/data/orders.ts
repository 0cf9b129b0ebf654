import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, Product, Shop, Variant } from '../domain/catalogue.ts';
import type { ProductSummary } from '../domain/catalogue.ts';
import { ConflictError } from '../domain/errors.ts';
import type { DisplayRates } from '../domain/money.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import type { CatalogueSnapshot } from '../domain/quote.ts';
import { parcelSale } from '../domain/sales.ts';
import type { ShippingRates } from '../domain/shipping.ts';
import { batchGetAll, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { HoldsChanged, type HoldsWrite } from './client-limits.ts';
import { fromItem, toItem } from './items.ts';
import { collectionPage } from './collection-page.ts';
import { orderContactItems } from './order-contacts.ts';
import { INDEX, keys, orderIndexes, partitions, scope, subOrderIndexes, type TableKey } from './keys.ts';
import { salesWeekUpdate } from './sales.ts';
import { settings } from './settings.ts';
import { cancellationCodes } from './conditions.ts';

/** Orders: the catalogue read a checkout prices from, and the one transaction that places an order. */

/**
 * One checkout attempt. Small and fixed in size (not the whole answer): a replay rebuilds the
 * answer from the order. Nothing here reveals the order link's secret: the record is keyed by a
 * hash of the client's Idempotency-Key (the key itself is not kept) and holds the secret only
 * sealed under that key (shared/domain/sealed-secret.ts).
 */
export interface IdempotencyRecord {
  /** SHA-256 of the client's Idempotency-Key. */
  keyHash: string;
  requestHash: string;
  orderId: string;
  /** The order link's secret, sealed under the client's Idempotency-Key (context: the order id). */
  sealedToken: string;
  /** Card orders: where the shopper pays (the provider's page; no secret in it). */
  redirectUrl?: string;
  ttl: number;
}

export interface Reservation {
  productId: string;
  sku: string;
  quantity: number;
}

/** A line's stock ran out between pricing and placing: names the item. */
export class SoldOutError extends ConflictError {
  constructor(readonly item: Reservation) {
    super('sold_out', 'Sold out: someone bought the last one first', { [`lines.${item.productId}.${item.sku}`]: 'is sold out' });
  }
}

export class IdempotencyKeyTaken extends Error {}

/** The sort-key range of an order's own item and its sub-orders (`ORDER`, then `PAYMENT#…`, then `SUB#…`; '$' sorts after '#'). */
const ORDER_AND_PARCELS = { ':first': keys.order('').sk, ':last': `${keys.subOrder('', '').sk.replace(/#$/, '')}$` };

export function orders({ db, tableName }: CatalogueWritesDeps) {
  const settingsStore = settings({ db, tableName });
  const batchGet = (keyList: TableKey[]) => batchGetAll({ db, tableName }, keyList);

  return {
    /** Products, variants (with stock), cover images and shops a cart names, read consistently. */
    /** The products, shops and (for lines that name one) variants a cart names. */
    async loadSnapshot(lines: { productId: string; sku?: string }[]): Promise<CatalogueSnapshot> {
      const productIds = [...new Set(lines.map((l) => l.productId))];
      const items = await batchGet([
        ...productIds.map((id) => keys.product(id)),
        ...productIds.map((id) => keys.catalogueEntry(id, scope.all())),
        ...lines.flatMap((l) => (l.sku ? [keys.variant(l.productId, l.sku)] : [])),
      ]);
      const products = new Map<string, Product & { coverKey?: string }>();
      const covers = new Map<string, string>();
      const variants = new Map<string, Variant>();
      for (const item of items) {
        if (item.type === 'Product') products.set(item.id as string, fromItem<Product>(item));
        if (item.type === 'CatalogueEntry' && item.coverKey) covers.set((item as unknown as ProductSummary).id, item.coverKey as string);
        if (item.type === 'Variant') {
          const { productId, ...variant } = fromItem<Variant & { productId: string }>(item);
          variants.set(`${productId}/${variant.sku}`, variant);
        }
      }
      for (const [id, cover] of covers) {
        const product = products.get(id);
        if (product) products.set(id, { ...product, coverKey: cover });
      }
      const shopIds = [...new Set([...products.values()].map((p) => p.shopId))];
      const shops = new Map((await batchGet(shopIds.map((id) => keys.shop(id)))).map((i) => [i.id as string, fromItem<Shop>(i)]));
      return { products, variants, shops };
    },

    /** What pricing and checkout read of the settings: shipping and display rates, and the commission an order will keep. */
    async loadSettings(): Promise<{ shipping: ShippingRates; rates: DisplayRates; commissionBasisPoints: number }> {
      const current = await settingsStore.getAll();
      return { shipping: current.shipping.value.rates, rates: current['display-rates'].value.rates, commissionBasisPoints: current.commission.value.basisPoints };
    },

    /** The versions of the terms of sale and the privacy notice in force now (what a shopper accepts at checkout). */
    async loadConsentVersions(): Promise<{ termsVersion: number; privacyVersion: number }> {
      const found = await settingsStore.versions(['page-terms', 'page-privacy']);
      return { termsVersion: found['page-terms'], privacyVersion: found['page-privacy'] };
    },

    async getIdempotency(keyHash: string): Promise<IdempotencyRecord | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.idempotency(keyHash), ConsistentRead: true }));
      return Item ? fromItem<IdempotencyRecord>(Item) : undefined;
    },

    /**
     * One transaction: every line's stock goes down (only where enough is left), every product
     * is still published, the order and its sub-orders are written, each parcel is added to its
     * artisan's sales week (shared/data/sales.ts), and the idempotency key is
     * claimed (only if new), with the shopper's open-order holds (`holds`, each only if unchanged
     * since read: HoldsChanged otherwise). Any refusal writes nothing. Conflicting concurrent
     * transactions are retried a few times.
     */
    async placeOrder(input: { order: Order; subOrders: SubOrder[]; reservations: Reservation[]; idempotency: IdempotencyRecord; holds?: HoldsWrite[] }): Promise<void> {
      const { order, subOrders, reservations, idempotency, holds = [] } = input;
      const { provider, sessionId } = order.payment;
      const productIds = [...new Set(reservations.map((r) => r.productId))];
      const sales = subOrders.map(parcelSale);
      const transactItems = [
        ...reservations.map((r) => ({
          Update: {
            TableName: tableName,
            Key: keys.variant(r.productId, r.sku),
            UpdateExpression: 'SET stock = stock - :q',
            ConditionExpression: 'attribute_exists(pk) AND stock >= :q',
            ExpressionAttributeValues: { ':q': r.quantity },
          },
        })),
        ...productIds.map((id) => ({
          ConditionCheck: {
            TableName: tableName,
            Key: keys.product(id),
            // Published, and not hidden by an operator (shared/domain/product-moderation.ts).
            ConditionExpression: '#status = :published AND attribute_not_exists(#hidden)',
            ExpressionAttributeNames: { '#status': 'status', '#hidden': 'hidden' },
            ExpressionAttributeValues: { ':published': 'published' },
          },
        })),
        { Put: { TableName: tableName, Item: toItem('Order', keys.order(order.id), order, orderIndexes(order)), ConditionExpression: 'attribute_not_exists(pk)' } },
        // Each parcel counted once in its artisan's week (the week it is counted in kept on it, for a cancellation to take it out).
        ...sales.map((sale, i) => ({
          Put: { TableName: tableName, Item: toItem('SubOrder', keys.subOrder(subOrders[i]!.orderId, subOrders[i]!.shopId), { ...subOrders[i]!, salesWeek: sale.week }, subOrderIndexes(subOrders[i]!)) },
        })),
        ...sales.map((sale) => ({ Update: salesWeekUpdate(tableName, sale) })),
        // The order filed under its shopper's e-mail and phone: what the operators' search reads.
        ...(await orderContactItems(order)).map((Item) => ({ Put: { TableName: tableName, Item } })),
        // A card order's payment session → the order: what the provider's webhook is looked up by.
        ...(provider && sessionId
          ? [{ Put: { TableName: tableName, Item: toItem('PaymentRef', keys.paymentRef(provider, sessionId), { provider, sessionId, orderId: order.id }), ConditionExpression: 'attribute_not_exists(pk)' } }]
          : []),
        ...holds,
        {
          Put: {
            TableName: tableName,
            Item: toItem('Idempotency', keys.idempotency(idempotency.keyHash), idempotency),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
      const idempotencyIndex = transactItems.length - 1;
      const holdsFrom = idempotencyIndex - holds.length;
      for (let attempt = 1; ; attempt++) {
        try {
          await db.send(new TransactWriteCommand({ TransactItems: transactItems }));
          return;
        } catch (error) {
          const reasons = cancellationCodes(error);
          if (reasons.length === 0) throw error;
          if (reasons[idempotencyIndex] === 'ConditionalCheckFailed') throw new IdempotencyKeyTaken();
          const soldOut = reasons.findIndex((code, i) => i < reservations.length && code === 'ConditionalCheckFailed');
          if (soldOut >= 0) throw new SoldOutError(reservations[soldOut]!);
          if (reasons.some((code, i) => i >= reservations.length && i < reservations.length + productIds.length && code === 'ConditionalCheckFailed')) {
            throw new ConflictError('unavailable', 'An item of the cart is no longer for sale');
          }
          if (reasons.some((code, i) => i >= holdsFrom && i < idempotencyIndex && code === 'ConditionalCheckFailed')) throw new HoldsChanged();
          if (reasons.includes('TransactionConflict') && attempt < 5) {
            await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
            continue;
          }
          if (reasons.includes('TransactionConflict')) {
            throw new ConflictError('busy', 'Many people are buying this right now; please try again');
          }
          throw error;
        }
      }
    },

    /** An artisan's sub-orders in one status, oldest first (a work queue). */
    listShopSubOrders: (shopId: string, status: string, limit: number, cursor?: string): Promise<Page<SubOrder>> =>
      collectionPage<SubOrder>({ db, tableName }, { collection: partitions.shopSubOrders(shopId, status), limit, cursor, entity: { pk: 'ORDER#', sk: keys.subOrder('', shopId).sk }, newestFirst: false }),

    /** Orders in one status, newest first (operators): gsi1 `ORDERS#<status>`, optionally placed within [from, to). */
    listOrdersByStatus: (status: string, limit: number, cursor?: string, placed?: { from: string; to: string }): Promise<Page<Order>> =>
      collectionPage<Order>({ db, tableName }, { collection: partitions.ordersByStatus(status), limit, cursor, entity: { pk: 'ORDER#', sk: keys.order('').sk }, newestFirst: true, sortRange: placed }),

    /** A signed-in shopper's orders, newest first (gsi3). */
    listShopperOrders: (sub: string, limit: number, cursor?: string): Promise<Page<Order>> =>
      collectionPage<Order>({ db, tableName }, { collection: partitions.shopperOrders(sub), limit, cursor, entity: keys.order(''), newestFirst: true, index: INDEX.byAltId }),

    /** Orders' own items by id (no sub-orders), in the order of `ids`; missing ones left out: one BatchGet per 100. */
    async ordersById(ids: string[]): Promise<Order[]> {
      const found = new Map((await batchGet(ids.map((id) => keys.order(id)))).map((item) => [item.id as string, fromItem<Order>(item)]));
      return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
    },

    /**
     * An order with its sub-orders (and their lines): one Query over the sort keys from `ORDER` to
     * the last `SUB#` only, so the order's e-mail and notice records, saga tasks, events and
     * attention records (which sort before or after) are not read and paid for with it.
     */
    async getOrder(orderId: string): Promise<{ order: Order; subOrders: SubOrder[] } | undefined> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: { ':pk': partitions.orderItems(orderId), ...ORDER_AND_PARCELS },
          ConsistentRead: true,
        }),
      );
      const items = result.Items ?? [];
      const orderItem = items.find((i) => i.type === 'Order');
      if (!orderItem) return undefined;
      return { order: fromItem<Order>(orderItem), subOrders: items.filter((i) => i.type === 'SubOrder').map((i) => fromItem<SubOrder>(i)) };
    },
  };
}

export type Orders = ReturnType<typeof orders>;
