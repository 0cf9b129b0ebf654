import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ListProductsQuery, ProductDetail, SearchProductsQuery, ShopDetail } from '../api/catalogue.ts';
import type { Category, Page, Product, ProductImage, ProductSummary, Shop, ShopSummary, Variant } from '../domain/catalogue.ts';
import { toPublicShop, toShopSummary } from '../domain/catalogue.ts';
import { isListed, isShowable } from '../domain/catalogue-index.ts';
import { NotFoundError } from '../domain/errors.ts';
import { approximate, DEFAULT_DISPLAY_RATES, type DisplayRates } from '../domain/money.ts';
import { searchTerms } from '../domain/text-search.ts';
import { collectionPage } from './collection-page.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import { fromItem } from './items.ts';
import { INDEX, keys, partitions, priceBounds, productSk, scope } from './keys.ts';

/**
 * The public catalogue's access patterns, one named function each. Every list is a Query
 * with `Limit` = page size on a key or index: no Scan, and a page reads the same number of
 * items however large the table grows.
 */
export interface CatalogueQueriesDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

type Sort = ListProductsQuery['sort'];
interface ScopeQuery {
  scopeKey: string;
  sort: Sort;
  limit: number;
  cursor?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Extra conditions on the entries read (never widens what is read). */
  filter?: { expression: string; values: Record<string, unknown> };
}

export function catalogueQueries({ db, tableName }: CatalogueQueriesDeps) {
  async function query(input: Omit<QueryCommandInput, 'TableName'>, cursorGiven: boolean) {
    try {
      return await db.send(new QueryCommand({ TableName: tableName, ...input }));
    } catch (error) {
      // A cursor can be well-formed yet outside the range being read (another price range).
      if (cursorGiven && (error as Error).name === 'ValidationException') throw invalidCursor();
      throw error;
    }
  }

  /** Published products in one catalogue scope, newest first or by price, optionally within a price range. */
  async function productsInScope(q: ScopeQuery): Promise<Page<ProductSummary>> {
    const hasRange = q.minPrice !== undefined || q.maxPrice !== undefined;
    const byPrice = q.sort !== 'newest';
    const index = byPrice ? INDEX.byPrice : INDEX.byTime;
    const names: Record<string, string> = { '#pk': `${index}pk` };
    const values: Record<string, unknown> = { ':pk': q.scopeKey };
    let keyCondition = '#pk = :pk';
    const filters: string[] = [];
    if (byPrice && hasRange) {
      const { from, to } = priceBounds(q.minPrice, q.maxPrice);
      names['#sk'] = `${index}sk`;
      Object.assign(values, { ':from': from, ':to': to });
      keyCondition += ' AND #sk BETWEEN :from AND :to';
    } else if (hasRange) {
      // Newest first within a price range: a filter on the entries read; the page still reads `limit` items.
      names['#price'] = 'price';
      Object.assign(values, { ':min': q.minPrice ?? 0, ':max': q.maxPrice ?? Number.MAX_SAFE_INTEGER });
      filters.push('#price BETWEEN :min AND :max');
    }
    if (q.filter) {
      filters.push(q.filter.expression);
      Object.assign(values, q.filter.values);
    }
    const startKey = decodeCursor(q.cursor, {
      attributes: ['pk', 'sk', `${index}pk`, `${index}sk`],
      partition: [`${index}pk`, q.scopeKey],
      prefixes: keys.catalogueEntry('', q.scopeKey),
    });
    const result = await query(
      {
        IndexName: index,
        KeyConditionExpression: keyCondition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: q.sort === 'price_asc',
        Limit: q.limit,
        ExclusiveStartKey: startKey,
      },
      startKey !== undefined,
    );
    return pageOf<ProductSummary>(result.Items, result.LastEvaluatedKey, toSummary);
  }

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

    /**
     * Search reads the index of the query's longest term (the likeliest to be rare); the
     * other terms and the category narrow what that read returns.
     */
    async searchProducts(q: SearchProductsQuery): Promise<Page<ProductSummary>> {
      const terms = searchTerms(q.q).sort((a, b) => b.length - a.length);
      const [first, ...rest] = terms;
      if (!first) return { items: [] };
      const conditions = rest.map((_, i) => `contains(terms, :t${i})`);
      const values: Record<string, unknown> = Object.fromEntries(rest.map((t, i) => [`:t${i}`, t]));
      if (q.category) {
        conditions.push('category = :category');
        values[':category'] = q.category;
      }
      return productsInScope({
        ...q,
        scopeKey: scope.term(first),
        ...(conditions.length ? { filter: { expression: conditions.join(' AND '), values } } : {}),
      });
    },

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
      const slugItem = await db.send(new GetCommand({ TableName: tableName, Key: keys.shopSlug(slug) }));
      const shopId = slugItem.Item?.shopId as string | undefined;
      if (!shopId) throw new NotFoundError('Shop');
      const shopItem = await db.send(new GetCommand({ TableName: tableName, Key: keys.shop(shopId) }));
      const shop = shopItem.Item ? fromItem<Shop>(shopItem.Item) : undefined;
      if (!shop || shop.status !== 'approved') throw new NotFoundError('Shop');
      const products = await productsInScope({ scopeKey: scope.shop(shopId), sort: 'newest', limit: productLimit });
      return { shop: toPublicShop(shop), products };
    },
  };

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

function pageOf<T>(items: Record<string, unknown>[] | undefined, lastKey: Record<string, unknown> | undefined, map: (item: Record<string, unknown>) => T): Page<T> {
  const cursor = encodeCursor(lastKey);
  return { items: (items ?? []).map(map), ...(cursor ? { cursor } : {}) };
}

function toSummary(item: Record<string, unknown>): ProductSummary {
  const { terms: _, ...summary } = fromItem<ProductSummary & { terms?: string[] }>(item);
  return summary;
}

export type CatalogueQueries = ReturnType<typeof catalogueQueries>;
