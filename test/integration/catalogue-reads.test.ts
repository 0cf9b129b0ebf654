import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { SEARCH_READS } from '#shared/data/catalogue-search.ts';
import { approvedShops, listedProducts } from '../support/demo-expectations.ts';
import { recordingClient } from '../support/recording-client.ts';

/**
 * What each catalogue call asks of DynamoDB: Queries bounded by the page size (never a
 * Scan), so a page costs the same whether the table holds 60 products or 10,000.
 */
const recorder = recordingClient({ endpoint: inject('dynamoEndpoint'), tableName: inject('tableName') });
const catalogue = catalogueQueries(recorder);
afterAll(() => recorder.destroy());
beforeEach(() => {
  recorder.calls.length = 0;
});

const base = { sort: 'newest', limit: 12 } as const;

describe('catalogue reads are bounded Queries', () => {
  it.each([
    ['all products, newest', () => catalogue.listProducts({ ...base })],
    ['a category by price', () => catalogue.listProducts({ ...base, category: 'jewellery', sort: 'price_desc' })],
    ['a price range by date', () => catalogue.listProducts({ ...base, minPrice: 10_000, maxPrice: 50_000 })],
    ['a price range by price', () => catalogue.listProducts({ ...base, sort: 'price_asc', minPrice: 10_000, maxPrice: 50_000 })],
    ['a shop', () => catalogue.listProducts({ ...base, shop: approvedShops[0]!.id })],
    ['shops', () => catalogue.listShops({ limit: 12 })],
  ])('%s: one Query, at most `limit` items read', async (_, call) => {
    await call();
    expect(recorder.calls.map((c) => c.command)).toEqual(['QueryCommand']);
    const [query] = recorder.calls;
    expect(query!.input.Limit).toBe(12);
    expect(query!.scannedCount).toBeLessThanOrEqual(12);
  });

  it('a search: the vocabulary once per process, then Queries of its rarest term, `limit` entries first, never more than SEARCH_READS', async () => {
    const fresh = catalogueQueries(recorder);
    await fresh.searchProducts({ ...base, q: 'argan huile' });
    const [vocabulary, ...reads] = recorder.calls;
    expect(vocabulary!.input).toMatchObject({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'VOCABULARY' } });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThanOrEqual(SEARCH_READS);
    expect(reads.every((c) => c.command === 'QueryCommand' && c.input.IndexName === 'gsi1')).toBe(true);
    expect(reads[0]!.input.Limit).toBe(12);
    expect(reads[0]!.scannedCount).toBeLessThanOrEqual(12);

    recorder.calls.length = 0;
    await fresh.searchProducts({ ...base, q: 'potery' });
    expect(recorder.calls.map((c) => c.command)).toEqual(['QueryCommand']);
    // A word the vocabulary lacks costs one more Query of one entry (the vocabulary may be minutes old).
    recorder.calls.length = 0;
    await fresh.searchProducts({ ...base, q: 'poteryy' });
    expect(recorder.calls.map((c) => c.input.Limit)).toEqual([1, 12]);
  });

  it('a product page: one Query of its own partition and one BatchGet of shop and rates', async () => {
    await catalogue.getProductDetail(listedProducts[0]!.id);
    expect(recorder.calls.map((c) => c.command)).toEqual(['QueryCommand', 'BatchGetItemCommand']);
    expect(recorder.calls[0]!.input.IndexName).toBeUndefined();
  });

  it('a shop page: slug, shop, then one bounded Query of its products', async () => {
    await catalogue.getShopBySlug(approvedShops[0]!.slug, 12);
    expect(recorder.calls.map((c) => c.command)).toEqual(['GetItemCommand', 'GetItemCommand', 'QueryCommand']);
  });
});
