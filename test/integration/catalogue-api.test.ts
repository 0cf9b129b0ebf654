import { describe, expect, it } from 'vitest';
import type { CategoryList, ProductDetail, SearchPage, ShopDetail } from '#shared/api/catalogue.ts';
import type { ProductSummary, ShopSummary } from '#shared/domain/catalogue.ts';
import { get, getAll } from '../support/api-client.ts';
import { approvedShops, demoData, fromDemo, hiddenProducts, listedProducts, newestFirst, unapprovedShops } from '../support/demo-expectations.ts';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('GET /api/categories', () => {
  it('lists the categories in their order, with names in four languages', async () => {
    const { status, body } = await get<CategoryList>('/api/categories');
    expect(status).toBe(200);
    expect(body.items.map((c) => c.slug)).toEqual([...demoData.categories].sort((a, b) => a.position - b.position).map((c) => c.slug));
    for (const c of body.items) expect(Object.keys(c.name).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    // With what selling here costs: the commission setting (new orders), on the items only, the return window.
    expect(body.sellingTerms).toEqual({ commissionBasisPoints: expect.any(Number), commissionOn: 'items', returnWindowDays: 14 });
  });
});

describe('GET /api/products', () => {
  it('pages through every listed product, newest first, each once', async () => {
    const all = (await getAll<ProductSummary>('/api/products?limit=7')).filter(fromDemo);
    expect(ids(all)).toEqual(ids([...listedProducts].sort(newestFirst)));
  });

  it('never lists drafts, archived products or products of shops that are not approved', async () => {
    const all = new Set(ids((await getAll<ProductSummary>('/api/products?limit=48')).filter(fromDemo)));
    expect(hiddenProducts.length).toBeGreaterThan(0);
    for (const p of hiddenProducts) expect(all.has(p.id)).toBe(false);
  });

  it('filters by category and sorts by price both ways', async () => {
    const category = 'pottery';
    const expected = listedProducts.filter((p) => p.category === category);
    const asc = (await getAll<ProductSummary>(`/api/products?category=${category}&sort=price_asc&limit=5`)).filter(fromDemo);
    const desc = (await getAll<ProductSummary>(`/api/products?category=${category}&sort=price_desc&limit=5`)).filter(fromDemo);
    expect(asc.map((p) => p.price)).toEqual(expected.map((p) => p.price).sort((a, b) => a - b));
    expect(desc.map((p) => p.price)).toEqual(expected.map((p) => p.price).sort((a, b) => b - a));
    expect(new Set(ids(asc))).toEqual(new Set(ids(expected)));
  });

  it('keeps to a price range, sorted by price or by date', async () => {
    const prices = listedProducts.map((p) => p.price).sort((a, b) => a - b);
    const min = prices[Math.floor(prices.length / 4)]!;
    const max = prices[Math.floor((prices.length * 3) / 4)]!;
    const expected = listedProducts.filter((p) => p.price >= min && p.price <= max);
    const byPrice = (await getAll<ProductSummary>(`/api/products?minPrice=${min}&maxPrice=${max}&sort=price_asc&limit=10`)).filter(fromDemo);
    const byDate = (await getAll<ProductSummary>(`/api/products?minPrice=${min}&maxPrice=${max}&limit=10`)).filter(fromDemo);
    expect(byPrice.map((p) => p.price)).toEqual(expected.map((p) => p.price).sort((a, b) => a - b));
    expect(ids(byDate)).toEqual(ids([...expected].sort(newestFirst)));
  });

  it("filters by shop, and by a shop's category", async () => {
    const shop = approvedShops[0]!;
    const own = listedProducts.filter((p) => p.shopId === shop.id);
    expect(new Set(ids((await getAll<ProductSummary>(`/api/products?shop=${shop.id}`)).filter(fromDemo)))).toEqual(new Set(ids(own)));
    const category = own[0]!.category;
    const mine = (await getAll<ProductSummary>(`/api/products?shop=${shop.id}&category=${category}`)).filter(fromDemo);
    expect(new Set(ids(mine))).toEqual(new Set(ids(own.filter((p) => p.category === category))));
  });

  it('returns summaries with the shop and a cover image that the image route serves', async () => {
    const { body } = await get<{ items: ProductSummary[] }>('/api/products?limit=48');
    const first = body.items.find(fromDemo);
    expect(first?.shopSlug).toBeTruthy();
    expect(first?.coverKey).toBeTruthy();
    const image = await fetch(`${(await import('../support/api-client.ts')).storeUrl()}/images/${first!.coverKey}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
  });
});

describe('GET /api/products/{productId}', () => {
  it('gives a product with its variants, ordered images, shop and approximate EUR/USD prices', async () => {
    const demo = demoData.products.find((p) => listedProducts.includes(p.product) && p.variants.length > 1)!;
    const { status, body, headers } = await get<ProductDetail>(`/api/products/${demo.product.id}`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(body.product.title).toEqual(demo.product.title);
    expect(body.variants.map((v) => v.sku).sort()).toEqual(demo.variants.map((v) => v.sku).sort());
    expect(body.images.map((i) => i.position)).toEqual([...demo.images].map((i) => i.position).sort((a, b) => a - b));
    expect(body.shop.id).toBe(demo.product.shopId);
    expect(body.approx.EUR).toBe(Math.round(demo.product.price * demoData.rates.EUR));
    expect(body.approx.USD).toBe(Math.round(demo.product.price * demoData.rates.USD));
  });

  it('answers 404 for unknown, draft, archived and unapproved-shop products', async () => {
    for (const id of ['prd-does-not-exist', ...ids(hiddenProducts)]) {
      const { status, body } = await get<{ error: { code: string } }>(`/api/products/${id}`);
      expect(status, id).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });

  it('answers 400 naming the field for a malformed id', async () => {
    const { status, body } = await get<{ error: { fields: Record<string, string> } }>('/api/products/%3Cscript%3E');
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields)).toEqual(['productId']);
  });
});

describe('GET /api/shops and /api/shops/{slug}', () => {
  it('lists approved shops only, newest first', async () => {
    const shops = (await getAll<ShopSummary>('/api/shops?limit=4')).filter(fromDemo);
    expect(ids(shops)).toEqual(ids([...approvedShops].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))));
  });

  it('gives a shop by slug with its story and its products', async () => {
    const shop = approvedShops[0]!;
    const { status, body } = await get<ShopDetail>(`/api/shops/${shop.slug}`);
    expect(status).toBe(200);
    expect(body.shop.story).toEqual(shop.story);
    expect(body.products.items.length).toBeGreaterThan(0);
    expect(body.products.items.every((p) => p.shopId === shop.id)).toBe(true);
  });

  it('hides pending and suspended shops', async () => {
    expect(unapprovedShops.length).toBeGreaterThan(0);
    for (const shop of unapprovedShops) expect((await get(`/api/shops/${shop.slug}`)).status).toBe(404);
  });
});

describe('GET /api/search', () => {
  const arabicTitled = listedProducts.filter((p) => /فخار/.test(p.title.ar ?? ''));

  it.each([
    ['فخار', 'bare Arabic'],
    ['فَخَّار', 'with diacritics'],
    ['الفخار', 'with the article'],
  ])('finds Arabic "%s" (%s)', async (q) => {
    expect(arabicTitled.length).toBeGreaterThan(0);
    const found = new Set(ids(await getAll<ProductSummary>(`/api/search?q=${encodeURIComponent(q)}`)));
    for (const p of arabicTitled) expect(found.has(p.id), p.title.ar).toBe(true);
  });

  it('finds any form of alef and hamza', async () => {
    const withHamza = listedProducts.find((p) => /[أإآ]/.test(p.title.ar ?? ''));
    expect(withHamza, 'the demo data has an Arabic title with a hamza on an alef').toBeDefined();
    const word = withHamza!.title.ar!.split(/\s+/).find((w) => /[أإآ]/.test(w))!;
    const bare = word.replace(/[أإآ]/g, 'ا');
    const found = ids(await getAll<ProductSummary>(`/api/search?q=${encodeURIComponent(bare)}`));
    expect(found).toContain(withHamza!.id);
  });

  it('finds French words without accents, in any case', async () => {
    const accentedWord = (p: (typeof listedProducts)[number]) => p.title.fr?.split(/\s+/).find((w) => w.length > 3 && /[éèêàç]/.test(w));
    const accented = listedProducts.find(accentedWord)!;
    const word = accentedWord(accented)!;
    const plain = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    const found = ids(await getAll<ProductSummary>(`/api/search?q=${encodeURIComponent(plain)}`));
    expect(found).toContain(accented.id);
  });

  it('needs every word of a multi-word query, and can narrow to a category', async () => {
    const product = listedProducts[0]!;
    const words = product.title.fr!.split(/\s+/).filter((w) => w.length > 3).slice(0, 2).join(' ');
    const found = await getAll<ProductSummary>(`/api/search?q=${encodeURIComponent(words)}&category=${product.category}`);
    expect(ids(found)).toContain(product.id);
    expect(found.every((p) => p.category === product.category)).toBe(true);
    expect((await get<{ items: unknown[] }>('/api/search?q=zzqqxxyy')).body.items).toEqual([]);
  });

  it('forgives plurals, typos and the Arabic article, says what it searched for, and filters by shop', async () => {
    const pottery = listedProducts.filter((p) => p.category === 'pottery').map((p) => p.id);
    const typo = await get<SearchPage>('/api/search?q=POTTERYY&limit=48');
    expect(ids(typo.body.items)).toEqual(expect.arrayContaining(pottery));
    expect(typo.body.didYouMean).toBe('pottery');
    const mirrors = listedProducts.filter((p) => /مرآة/.test(p.title.ar ?? '')).map((p) => p.id);
    expect(ids((await get<SearchPage>(`/api/search?q=${encodeURIComponent('المرآة')}`)).body.items)).toEqual(expect.arrayContaining(mirrors));
    const shop = listedProducts.find((p) => p.category === 'leather')!.shopId;
    const inShop = await get<SearchPage>(`/api/search?q=sandales&shop=${shop}`);
    expect(inShop.body.items.length).toBeGreaterThan(0);
    expect(inShop.body.items.every((p) => p.shopId === shop)).toBe(true);
  });
});

describe('bad input gets a 400 naming the field', () => {
  it.each([
    ['/api/products?limit=0', 'limit'],
    ['/api/products?limit=1000', 'limit'],
    ['/api/products?limit=abc', 'limit'],
    ['/api/products?sort=cheapest', 'sort'],
    ['/api/products?category=cars', 'category'],
    ['/api/products?minPrice=-5', 'minPrice'],
    ['/api/products?minPrice=1.5', 'minPrice'],
    ['/api/products?minPrice=900&maxPrice=100', 'minPrice'],
    ['/api/products?colour=red', 'colour'],
    ['/api/products?cursor=not-a-cursor', 'cursor'],
    ['/api/products?shop=..%2F..', 'shop'],
    ['/api/products?limit=1&limit=2', 'limit'],
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/search?q=tapis&shop=..%2F..', 'shop'],
    ['/api/shops?cursor=%F0%9F%98%80', 'cursor'],
    ['/api/shops/Not_A_Slug', 'slug'],
    ['/api/categories?x=1', 'x'],
  ])('%s → %s', async (path, field) => {
    const { status, body } = await get<{ error: { fields: Record<string, string> } }>(path);
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields)).toContain(field);
  });

  it('refuses a cursor taken from another list', async () => {
    const { body } = await get<{ cursor: string }>('/api/products?limit=2');
    const other = await get<{ error: { fields: Record<string, string> } }>(`/api/products?category=pottery&limit=2&cursor=${body.cursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toHaveProperty('cursor');
    const priced = await get<{ cursor: string }>('/api/products?sort=price_asc&limit=2');
    const outside = await get(`/api/products?sort=price_asc&minPrice=99999999&limit=2&cursor=${priced.body.cursor}`);
    expect(outside.status).toBe(400);
  });
});
