import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { catalogueEntries, productItem, variantItem } from '#shared/data/catalogue-writes.ts';
import { keys, scope } from '#shared/data/keys.ts';
import { listings } from '#shared/data/listings.ts';
import { searchVocabulary } from '#shared/data/search-vocabulary.ts';
import type { ProductSummary } from '#shared/domain/catalogue.ts';
import { SEARCH_INDEX_VERSION } from '#shared/domain/text-search.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { scoreRelevance, relevanceSet } from '../bench/search-relevance.ts';
import { demoData } from '../support/demo-expectations.ts';
import { privateTable } from '../support/private-table.ts';

/**
 * The search against the whole demo catalogue in a table of this file's own (other test files add
 * products to the store's table): relevance on the held-back set, pages that never come back empty
 * with a cursor, the shop filter, "did you mean" and suggestions, the vocabulary kept by the
 * listing refresh, and the reindex of products indexed under older rules.
 */
const tableName = await privateTable('search', demoData.shops.map((s) => s.shop.id));
const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
afterAll(() => client.destroy());

/** A catalogue as a fresh Lambda instance has it: its vocabulary read on first use. */
const freshCatalogue = () => catalogueQueries({ db, tableName });
const catalogue = freshCatalogue();
const ids = (items: ProductSummary[]) => items.map((p) => p.id);
const search = (q: string, more: { limit?: number; cursor?: string; shop?: string } = {}) => catalogue.searchProducts({ q, sort: 'newest', limit: 24, ...more });

/** The floor the held-back set's relevance must stay above (it scored 1.0 / 0.956 when written). */
const HELD_BACK_FLOOR = { 'recall@10': 0.9, mrr: 0.75 };

describe('relevance', () => {
  it(`finds what the held-back queries mean: recall@10 ≥ ${HELD_BACK_FLOOR['recall@10']}, MRR ≥ ${HELD_BACK_FLOOR.mrr}`, async () => {
    const { score, misses } = await scoreRelevance('held back', relevanceSet.heldBack, async (q) => ids((await search(q)).items));
    expect(score['recall@10'], JSON.stringify(misses)).toBeGreaterThanOrEqual(HELD_BACK_FLOOR['recall@10']);
    expect(score.mrr, JSON.stringify(misses)).toBeGreaterThanOrEqual(HELD_BACK_FLOOR.mrr);
    expect(score.zeroHits, JSON.stringify(misses)).toBe(0);
  });
});

describe('pages', () => {
  it.each([
    ['bois sucre', 1],
    ['bois sucre', 2],
    ['cuir chevre sac', 1],
    ['huile argan', 2],
    ['coquillage dakhla', 3],
    ['cooperative', 5],
  ])('"%s", %i a page: no page with a cursor is empty, and the pages together are the whole list', async (q, limit) => {
    const whole = ids((await search(q, { limit: 48 })).items);
    expect(whole.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(q, { limit, ...(cursor ? { cursor } : {}) });
      if (page.cursor) expect(page.items.length, `a page of "${q}" with a cursor`).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...ids(page.items));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(whole);
  });

  it('words no product has together: an empty page, and no cursor', async () => {
    const page = await search('argent cuir', { limit: 1 });
    expect(page.items).toEqual([]);
    expect(page.cursor).toBeUndefined();
    expect(page.suggestions).toEqual(expect.arrayContaining(['argent', 'cuir']));
  });

  it('refuses a cursor of another list, or of a search for other words', async () => {
    const other = (await catalogue.listProducts({ sort: 'newest', limit: 2 })).cursor!;
    await expect(search('cuir', { cursor: other })).rejects.toMatchObject({ statusCode: 400 });
    const cuir = (await search('cuir', { limit: 1 })).cursor!;
    await expect(search('argent', { cursor: cuir })).rejects.toMatchObject({ statusCode: 400 });
    await expect(search('cuir', { cursor: 'bm90LWpzb24' })).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('what the answer says', () => {
  it('corrects a typo and says what it searched for', async () => {
    const page = await search('Earings');
    expect(ids(page.items)).toContain('prd-jwl-lozenge-earrings');
    expect(page.didYouMean).toBe('earrings');
  });

  it('leaves out a word no product has, and says so', async () => {
    const page = await search('tapis zzqqxxyy');
    expect(ids(page.items)).toEqual(['prd-txt-camel-hair-rug']);
    expect(page).toMatchObject({ ignored: ['zzqqxxyy'], didYouMean: 'tapis' });
  });

  it('offers words that begin like the query when nothing is found', async () => {
    const page = await search('tassouf zzqqxxyy');
    // "tassouf" is completed to "tassoufra"; with nothing left of the rest, results come from it.
    expect(ids(page.items)).toEqual(['prd-lth-tassoufra']);
    const none = await search('qqzzxx');
    expect(none).toMatchObject({ items: [], ignored: ['qqzzxx'] });
    expect(none.cursor).toBeUndefined();
  });

  it('names the shops whose names the query matches, and filters by shop', async () => {
    expect((await search('tiris')).shops?.map((s) => s.slug)).toEqual(['cooperative-tiris']);
    expect(ids((await search('coussin')).items).sort()).toEqual(['prd-lth-henna-cushion', 'prd-txt-khaima-cushion']);
    expect(ids((await search('coussin', { shop: 'shp-mina-leather' })).items)).toEqual(['prd-lth-henna-cushion']);
    expect((await search('coussin', { shop: 'shp-brahim-silver' })).items).toEqual([]);
  });
});

describe('the vocabulary', () => {
  const vocabulary = searchVocabulary({ db, tableName });
  const term = async (t: string) => (await db.send(new GetCommand({ TableName: tableName, Key: keys.vocabularyTerm(t) }))).Item;

  it('follows a product listed, then archived (refreshListing)', async () => {
    const demo = demoData.products.find((p) => p.product.id === 'prd-wd-spice-box')!;
    const product = { ...demo.product, id: `prd-srch-${Date.now().toString(36)}`, title: { fr: 'Boîte zelligeuse en thuya', en: 'Zelligeuse thuya box' } };
    await db.send(new PutCommand({ TableName: tableName, Item: productItem(product) }));
    for (const v of demo.variants) await db.send(new PutCommand({ TableName: tableName, Item: variantItem(product, v) }));
    const before = Number((await term('boit'))?.products);
    await listings({ db, tableName }).refreshListing(product.id);
    expect(await term('zelligeus')).toMatchObject({ word: 'zelligeuse', products: 1 });
    expect(Number((await term('boit'))?.products)).toBe(before + 1);
    // A new instance (fresh vocabulary) forgives a typo in the new word.
    const found = await freshCatalogue().searchProducts({ q: 'zeligeuse', sort: 'newest', limit: 24 });
    expect(ids(found.items)).toEqual([product.id]);
    // An instance whose vocabulary is older than the product still finds the word as typed.
    expect(ids((await catalogue.searchProducts({ q: 'thuya', sort: 'newest', limit: 24 })).items)).toEqual([product.id]);

    await db.send(new PutCommand({ TableName: tableName, Item: productItem({ ...product, status: 'archived' }) }));
    await listings({ db, tableName }).refreshListing(product.id);
    expect(await term('zelligeus')).toBeUndefined();
    expect(Number((await term('boit'))?.products)).toBe(before);
    expect((await vocabulary.readAll()).some((e) => e.products <= 0)).toBe(false);
  });

  it('products indexed under older rules are reindexed by `npm run reindex-search`, which counts the vocabulary afresh', async () => {
    // The sandals as the old rules indexed them ("sandales", not "sandal"), a drifted count, and an index of version 1.
    const sandals = ['prd-lth-nail-sandals', 'prd-lth-kids-sandals'];
    for (const id of sandals) {
      const demo = demoData.products.find((p) => p.product.id === id)!;
      const shop = demoData.shops.find((s) => s.shop.id === demo.product.shopId)!.shop;
      const category = demoData.categories.find((c) => c.slug === demo.product.category)!;
      const entry = catalogueEntries(demo.product, [], shop, category).find((e) => e.sk === keys.catalogueEntry(id, scope.term('sandal')).sk)!;
      await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: entry.pk, sk: entry.sk } }));
      await db.send(new PutCommand({ TableName: tableName, Item: { ...entry, ...keys.catalogueEntry(id, scope.term('sandales')), gsi1pk: scope.term('sandales'), gsi2pk: scope.term('sandales') } }));
    }
    await db.send(new DeleteCommand({ TableName: tableName, Key: keys.vocabularyTerm('sandal') }));
    await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.vocabularyTerm('cuir'), type: 'VocabularyTerm', term: 'cuir', word: 'cuir', products: 99 } }));
    await vocabulary.markIndexed(1, new Date().toISOString());
    const entry = (id: string, t: string) => db.send(new GetCommand({ TableName: tableName, Key: keys.catalogueEntry(id, scope.term(t)) })).then((r) => r.Item);

    const reindex = spawnSync(process.execPath, ['--import', 'tsx', 'infra/reindex-search.ts', '--endpoint', inject('dynamoEndpoint'), '--table', tableName], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    expect(reindex.status, reindex.stderr).toBe(0);
    expect(reindex.stdout).toMatch(new RegExp(`\\[dakhla\\] \\d+ listed products reindexed \\(search rules v${SEARCH_INDEX_VERSION}\\) in ${tableName}: \\d+ terms in the vocabulary, \\d+ stale terms removed`));

    expect(ids((await freshCatalogue().searchProducts({ q: 'sandale', sort: 'newest', limit: 24 })).items).sort()).toEqual([...sandals].sort());
    for (const id of sandals) {
      expect(await entry(id, 'sandal')).toBeDefined();
      expect(await entry(id, 'sandales')).toBeUndefined();
    }
    expect(await term('sandal')).toMatchObject({ products: 2 });
    expect(Number((await term('cuir'))?.products)).toBeLessThan(99);
    expect(await term('sandales')).toBeUndefined();
    expect(await vocabulary.indexVersion()).toBe(SEARCH_INDEX_VERSION);
  });
});
