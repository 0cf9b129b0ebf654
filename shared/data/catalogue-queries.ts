import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ListProductsQuery, ProductDetail, ShopDetail } from '../api/catalogue.ts';
import type { Category, Page, Product, ProductImage, ProductSummary, Shop, ShopSummary, Variant } from '../domain/catalogue.ts';
import { toPublicShop, toShopSummary } from '../domain/catalogue.ts';
import { isListed, isShowable } from '../domain/catalogue-index.ts';
import { NotFoundError } from '../domain/errors.ts';
import { approximate, DEFAULT_DISPLAY_RATES, type DisplayRates } from '../domain/money.ts';
import { catalogueSearch } from './catalogue-search.ts';
import { scopeReads } from './catalogue-scope.ts';
import { collectionPage } from './collection-page.ts';
import { fromItem } from './items.ts';
import { keys, partitions, productSk, scope } from './keys.ts';

/**
 * The public catalogue's access patterns, one named function each. Every list is a Query
 * with `Limit` = page size on a key or index: no Scan, and a page reads the same number of
 * items however large the table grows.
 */
export interface CatalogueQueriesDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** How long a process keeps the search's vocabulary (default 5 minutes). */
  vocabularyTtlMs?: number;
}

export function catalogueQueries(deps: CatalogueQueriesDeps) {
  const { db, tableName } = deps;
  const { query, productsInScope } = scopeReads(deps);
  const search = catalogueSearch(deps);

  return {
    async listCategories(): Promise<Category[]> {
      const result = await query(
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partitions.categories() } },
        false,
      );
      return (result.Items ?? []).map((item) => fromItem<Category>(item)).sort((a, b) => a.position - b.position);
    },

    listProducts(q: ListProductsQuery): Promise<Page<ProductSummary>> {
      const scopeKey =
        q.shop && q.category
          ? scope.shopCategory(q.shop, q.category)
          : q.shop
            ? scope.shop(q.shop)
            : q.category
              ? scope.category(q.category)
              : scope.all();
      return productsInScope({ ...q, scopeKey });
    },

    /** Text search: shared/data/catalogue-search.ts. */
    searchProducts: search.searchProducts,

    /** A listed product with its variants, images and shop: one Query and one BatchGet. */
    async getProductDetail(productId: string): Promise<ProductDetail> {
      const result = await query(
        {
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': partitions.productItems(productId), ':from': productSk.detailFrom },
        },
        false,
      );
      const items = result.Items ?? [];
      const productItem = items.find((item) => item.type === 'Product');
      if (!productItem) throw new NotFoundError('Product');
      const product = fromItem<Product>(productItem);
      const [shop, rates] = await getShopAndRates(product.shopId);
      if (!shop || !isListed(product, shop)) throw new NotFoundError('Product');
      const variants = items.filter((item) => item.type === 'Variant').map((item) => fromItem<Variant & { productId?: string }>(item));
      const images = items
        .filter((item) => item.type === 'ProductImage')
        .map((item) => fromItem<ProductImage>(item))
        .filter(isShowable)
        .sort((a, b) => a.position - b.position);
      return {
        product,
        variants: variants.map(({ productId: _, ...variant }) => variant),
        images,
        shop: toShopSummary(shop),
        approx: approximate(product.price, rates),
        rates,
      };
    },

    /** Approved shops, newest first. */
    async listShops(q: { limit: number; cursor?: string }): Promise<Page<ShopSummary>> {
      const page = await collectionPage<Shop>({ db, tableName }, { collection: partitions.shopsByStatus('approved'), limit: q.limit, cursor: q.cursor, entity: keys.shop(''), newestFirst: true });
      return { ...page, items: page.items.map(toShopSummary) };
    },

    /** An approved shop by its slug, with the first page of its products. */
    async getShopBySlug(slug: string, productLimit: number): Promise<ShopDetail> {
      const shop = await getApprovedShop(slug);
      const products = await productsInScope({ scopeKey: scope.shop(shop.id), sort: 'newest', limit: productLimit });
      return { shop, products };
    },

    getApprovedShop,
  };

  /** An approved shop by its slug, as shoppers may see it: two GetItems (the slug, then the shop). */
  async function getApprovedShop(slug: string): Promise<Shop> {
    const slugItem = await db.send(new GetCommand({ TableName: tableName, Key: keys.shopSlug(slug) }));
    const shopId = slugItem.Item?.shopId as string | undefined;
    if (!shopId) throw new NotFoundError('Shop');
    const shopItem = await db.send(new GetCommand({ TableName: tableName, Key: keys.shop(shopId) }));
    const shop = shopItem.Item ? fromItem<Shop>(shopItem.Item) : undefined;
    if (!shop || shop.status !== 'approved') throw new NotFoundError('Shop');
    return toPublicShop(shop);
  }

  async function getShopAndRates(shopId: string): Promise<[Shop | undefined, DisplayRates]> {
    const shopKey = keys.shop(shopId);
    const ratesKey = keys.settings('display-rates');
    const result = await db.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [shopKey, ratesKey] } } }),
    );
    const items = result.Responses?.[tableName] ?? [];
    const shopItem = items.find((item) => item.pk === shopKey.pk);
    const ratesItem = items.find((item) => item.pk === ratesKey.pk);
    // Until an operator saves them (a new stage has no demo data), the defaults the settings page shows.
    return [shopItem ? fromItem<Shop>(shopItem) : undefined, ratesItem ? fromItem<{ rates: DisplayRates }>(ratesItem).rates : DEFAULT_DISPLAY_RATES];
  }
}

export type CatalogueQueries = ReturnType<typeof catalogueQueries>;
