import { describe, expect, it, vi } from 'vitest';
import { CATEGORY_SLUGS, categorySchema, productSchema, shopSchema, variantSchema } from '../../../shared/domain/catalogue.ts';
import { LOCALES } from '../../../shared/domain/locales.ts';
import { demoData } from './index.ts';

const { categories, shops, products, rates } = demoData;
const shopById = new Map(shops.map(({ shop }) => [shop.id, shop]));
const approvedIds = new Set(shops.filter(({ shop }) => shop.status === 'approved').map(({ shop }) => shop.id));
const listed = products.filter(({ product }) => product.status === 'published' && approvedIds.has(product.shopId));

/** Checks that tags nest and close, attributes are quoted, and no bare < or & is left over. */
function wellFormed(svg: string): string | undefined {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(text)) return `bare & near ${i}`;
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) return `bad tag at ${lt}: ${svg.slice(lt, lt + 40)}`;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes the wrong element`;
    } else if (!selfClosing) stack.push(name!);
    i = tag.lastIndex;
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : undefined;
}

describe('demo data', () => {
  it('parses with the catalogue schemas', () => {
    for (const category of categories) categorySchema.parse(category);
    for (const { shop } of shops) shopSchema.parse(shop);
    for (const { product, variants, images } of products) {
      productSchema.parse(product);
      for (const variant of variants) variantSchema.parse(variant);
      expect(variants.length, product.id).toBeGreaterThan(0);
      expect(images.length, product.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has the eight categories, named in every language, in order', () => {
    expect(categories.map((c) => c.slug)).toEqual([...CATEGORY_SLUGS]);
    expect(categories.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const category of categories) for (const l of LOCALES) expect(category.name[l], `${category.slug} ${l}`).toBeTruthy();
  });

  it('has artisans, cooperatives and an economic-interest group, approved, plus shops the store must hide', () => {
    expect(approvedIds.size).toBeGreaterThanOrEqual(8);
    const approved = shops.map((s) => s.shop).filter((s) => s.status === 'approved');
    expect(new Set(approved.map((s) => s.kind))).toEqual(new Set(['individual', 'cooperative', 'eig']));
    expect(new Set(approved.map((s) => s.craft))).toEqual(new Set(CATEGORY_SLUGS));
    expect(shops.some(({ shop }) => shop.status === 'pending')).toBe(true);
    expect(shops.some(({ shop }) => shop.status === 'suspended')).toBe(true);
    for (const { shop } of shops) {
      for (const l of LOCALES) expect(shop.story[l], `${shop.id} story ${l}`).toBeTruthy();
      expect(shop.name.fr && shop.name.ar, shop.id).toBeTruthy();
      expect(shop.portraitKey).toBe(`shops/${shop.id}/portrait.svg`);
      expect(shop.approvedAt === undefined, shop.id).toBe(shop.status === 'pending');
    }
  });

  it('gives every product a shop that exists, and hides some behind their status or their shop', () => {
    for (const { product } of products) expect(shopById.get(product.shopId), product.id).toBeDefined();
    const hidden = products.filter((p) => !listed.includes(p));
    const statuses = hidden.map(({ product }) => product.status);
    expect(statuses.filter((s) => s === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === 'archived').length).toBeGreaterThanOrEqual(2);
    const hiddenByShop = hidden.filter(({ product }) => product.status === 'published').map(({ product }) => shopById.get(product.shopId)!.status);
    expect(new Set(hiddenByShop)).toEqual(new Set(['pending', 'suspended']));
  });

  it('lists at least 60 products, at least 6 per category, written in all four languages', () => {
    expect(listed.length).toBeGreaterThanOrEqual(60);
    for (const slug of CATEGORY_SLUGS) {
      expect(listed.filter(({ product }) => product.category === slug).length, slug).toBeGreaterThanOrEqual(6);
    }
    for (const { product } of listed) {
      for (const l of LOCALES) {
        expect(product.title[l], `${product.id} title ${l}`).toBeTruthy();
        expect(product.description[l], `${product.id} description ${l}`).toBeTruthy();
      }
      expect(product.title.ar, product.id).toMatch(/^[\u0600-\u06FF\s\d،()-]+$/);
      expect(product.publishedAt, product.id).toBeDefined();
    }
  });

  it('prices each product at its cheapest variant, in plausible MAD centimes', () => {
    for (const { product, variants } of products) {
      expect(product.price, product.id).toBe(Math.min(...variants.map((v) => v.price)));
      for (const v of variants) {
        expect(v.price, v.sku).toBeGreaterThanOrEqual(4_000);
        expect(v.price, v.sku).toBeLessThanOrEqual(400_000);
      }
    }
  });

  it('has out-of-stock variants and a product with a single last unit', () => {
    const all = products.flatMap((p) => p.variants);
    expect(all.filter((v) => v.stock === 0).length).toBeGreaterThanOrEqual(2);
    expect(listed.some(({ variants }) => variants.length === 1 && variants[0]!.stock === 1)).toBe(true);
  });

  it('keeps ids, slugs, skus and image keys unique', () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(shops.map(({ shop }) => shop.id));
    unique(shops.map(({ shop }) => shop.slug));
    unique(products.map(({ product }) => product.id));
    unique(products.flatMap(({ variants }) => variants.map((v) => v.sku)));
    unique(products.flatMap(({ images }) => images.map((i) => i.id)));
    unique([...products.flatMap(({ images }) => images.map((i) => i.key)), ...shops.map((s) => s.portrait.key)]);
  });

  it('dates everything in 2025-2026, products after their shop, with distinct publication times', () => {
    const inRange = (iso: string) => iso >= '2025-01-01' && iso < '2027-01-01';
    for (const { shop } of shops) {
      expect(inRange(shop.createdAt), shop.id).toBe(true);
      if (shop.approvedAt) expect(shop.approvedAt > shop.createdAt, shop.id).toBe(true);
    }
    for (const { product } of products) {
      const shop = shopById.get(product.shopId)!;
      expect(product.createdAt > (shop.approvedAt ?? shop.createdAt), product.id).toBe(true);
      expect(product.updatedAt >= product.createdAt, product.id).toBe(true);
      for (const d of [product.createdAt, product.updatedAt, product.publishedAt]) if (d) expect(inRange(d), product.id).toBe(true);
    }
    const published = listed.map(({ product }) => product.publishedAt!);
    expect(new Set(published).size).toBe(published.length);
  });

  it('gives each image a key under its product, positions from 0, and well-formed SVG under 8 KB', () => {
    const svgs = [...products.flatMap(({ images }) => images.map((i) => i.svg)), ...shops.map((s) => s.portrait.svg)];
    for (const { product, images } of products) {
      expect(images.map((i) => i.position)).toEqual(images.map((_, n) => n));
      for (const image of images) {
        expect(image.key).toBe(`products/${product.id}/${image.id}.svg`);
        expect(image.alt.fr && image.alt.ar && image.alt.en && image.alt.es).toBeTruthy();
        expect(image.svg).toContain(`width="${image.width}" height="${image.height}"`);
      }
    }
    for (const svg of svgs) {
      expect(svg.startsWith('<svg ')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(Buffer.byteLength(svg)).toBeLessThan(8 * 1024);
      expect(wellFormed(svg)).toBeUndefined();
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    expect(new Set(svgs).size).toBe(svgs.length);
  });

  it('is the same on every run', async () => {
    vi.resetModules();
    const again = await import('./index.ts');
    expect(again.demoData).not.toBe(demoData);
    expect(JSON.stringify(again.demoData)).toBe(JSON.stringify(demoData));
  });

  it('has display rates for EUR and USD', () => {
    expect(rates.EUR).toBeGreaterThan(0.05);
    expect(rates.EUR).toBeLessThan(0.15);
    expect(rates.USD).toBeGreaterThan(0.05);
    expect(rates.USD).toBeLessThan(0.15);
  });
});
