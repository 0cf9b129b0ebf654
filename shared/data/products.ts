import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MyProduct } from '../api/artisan.ts';
import type { Page, Product, ProductImage, Variant } from '../domain/catalogue.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { batchGetAll, productItem, variantItem, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem, toItem } from './items.ts';
import { hiddenProductIndexes, keys, partitions, productSk } from './keys.ts';

/** Products as their artisans create and change them (the catalogue entries follow via listings.ts). */
export function products({ db, tableName }: CatalogueWritesDeps) {
  async function getProduct(productId: string): Promise<MyProduct | undefined> {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        ExpressionAttributeValues: { ':pk': partitions.productItems(productId), ':from': productSk.detailFrom },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const productItemFound = items.find((i) => i.type === 'Product');
    if (!productItemFound) return undefined;
    return {
      product: fromItem<Product>(productItemFound),
      variants: items.filter((i) => i.type === 'Variant').map((i) => {
        const { productId: _, ...variant } = fromItem<Variant & { productId: string }>(i);
        return variant;
      }),
      images: items
        .filter((i) => i.type === 'ProductImage')
        .map((i) => fromItem<ProductImage>(i))
        .sort((a, b) => a.position - b.position),
    };
  }

  return {
    /** A product with its variants and photos, whoever owns it (operators); undefined if there is none. */
    getProduct,

    /** A product of `shopId` with its variants and photos; another shop's product is "not found". */
    async getOwnedProduct(shopId: string, productId: string): Promise<MyProduct> {
      const found = await getProduct(productId);
      if (!found || found.product.shopId !== shopId) throw new NotFoundError('Product');
      return found;
    },

    /** Creates a draft and its variants in one transaction. */
    createProduct: (product: Product, variants: Variant[]) =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: productItem(product), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...variants.map((v) => ({ Put: { TableName: tableName, Item: variantItem(product, v), ConditionExpression: 'attribute_not_exists(pk)' } })),
          ],
        }),
      ),

    /**
     * Saves a product and its variants in one transaction, deleting variants no longer
     * there; fails with 409 when someone saved it, or an order moved a variant's stock, since
     * `previous` was read.
     */
    async saveProduct(previous: MyProduct, product: Product, variants: Variant[]): Promise<void> {
      const kept = new Set(variants.map((v) => v.sku));
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: productItem(product),
                  ConditionExpression: 'shopId = :shop AND updatedAt = :seen',
                  ExpressionAttributeValues: { ':shop': previous.product.shopId, ':seen': previous.product.updatedAt },
                },
              },
              // Stock moves with orders too: a variant is only overwritten if its stock is still what was read.
              ...variants.map((v) => {
                const seen = previous.variants.find((p) => p.sku === v.sku);
                return {
                  Put: {
                    TableName: tableName,
                    Item: variantItem(product, v),
                    ...(seen
                      ? { ConditionExpression: 'stock = :seen', ExpressionAttributeValues: { ':seen': seen.stock } }
                      : { ConditionExpression: 'attribute_not_exists(pk)' }),
                  },
                };
              }),
              ...previous.variants
                .filter((v) => !kept.has(v.sku))
                .map((v) => ({
                  Delete: { TableName: tableName, Key: keys.variant(product.id, v.sku), ConditionExpression: 'stock = :seen', ExpressionAttributeValues: { ':seen': v.stock } },
                })),
            ],
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException') {
          throw new ConflictError('changed', 'This product changed meanwhile; reload and try again');
        }
        throw error;
      }
    },

    /**
     * An operator hides or restores a product: the product (only if its `updatedAt` is the one
     * read: an artisan's concurrent save gets 409, and so does this) and its marker in the
     * operators' list of hidden products, in one transaction.
     */
    async saveModeration(previous: Product, product: Product): Promise<void> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: productItem(product),
                  ConditionExpression: 'updatedAt = :seen',
                  ExpressionAttributeValues: { ':seen': previous.updatedAt },
                },
              },
              product.hidden
                ? { Put: { TableName: tableName, Item: toItem('HiddenProduct', keys.hiddenProduct(product.id), { productId: product.id, shopId: product.shopId, ...product.hidden }, hiddenProductIndexes(product.id, product.hidden.at)) } }
                : { Delete: { TableName: tableName, Key: keys.hiddenProduct(product.id) } },
            ],
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException') throw new ConflictError('changed', 'This product changed meanwhile; reload and try again');
        throw error;
      }
    },

    /** The products operators hid, latest first (gsi1 `HIDDEN_PRODUCTS`), read with their product items (one BatchGet). */
    async listHiddenProducts(limit: number, cursor?: string): Promise<Page<Product>> {
      const page = await collectionPage<{ productId: string }>({ db, tableName }, { collection: partitions.hiddenProducts(), limit, cursor, entity: keys.hiddenProduct(''), newestFirst: true });
      if (page.items.length === 0) return { items: [], ...(page.cursor ? { cursor: page.cursor } : {}) };
      const got = await batchGetAll({ db, tableName }, page.items.map((m) => keys.product(m.productId)));
      const byId = new Map(got.map((i) => [i.id as string, fromItem<Product>(i)]));
      const items = page.items.map((m) => byId.get(m.productId)).filter((p): p is Product => p !== undefined);
      return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
    },

    /** All of a shop's products, drafts and archived included, latest change first. */
    listShopProducts: (shopId: string, q: { status?: Product['status']; limit: number; cursor?: string }): Promise<Page<Product>> =>
      collectionPage<Product>({ db, tableName }, { collection: partitions.shopProducts(shopId), limit: q.limit, cursor: q.cursor, entity: keys.product(''), newestFirst: true, status: q.status }),
  };
}

export type Products = ReturnType<typeof products>;
