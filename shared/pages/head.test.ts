import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProductDetail } from '../api/catalogue.ts';
import { escapeHtml, fillShell, jsonLdText, renderHead, summary, type PageHead } from './head.ts';
import { previewImage, productHead, shopHead } from './store-pages.ts';

const BASE = 'https://dakhla.example';
/** The web store's own source index.html (what Vite builds web/dist/index.html from). */
const SHELL = readFileSync(resolve(import.meta.dirname, '../../web/index.html'), 'utf8');

const nasty = 'Tapis "Sahara" <b>&</b> l\'oasis $& $1';
const head: PageHead = { locale: 'fr', title: nasty, description: `${nasty} </script><script>alert(1)</script>`, path: '/p/prd-1', type: 'product', image: { url: `${BASE}/images/a.webp`, alt: nasty }, jsonLd: [{ name: `</script><script>alert(1)</script>`, line: 'a\u2028b' }] };

const detail = (over: Partial<ProductDetail['product']> = {}): ProductDetail => ({
  product: { id: 'prd-1', shopId: 'shp-1', category: 'textiles', title: { fr: 'Tapis "Sahara" <rouge>', ar: 'زربية الصحراء' }, description: { fr: 'Un tapis\n\ntissé   à la main.', ar: 'زربية منسوجة يدويا.' }, status: 'published', price: 18000, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...over },
  variants: [
    { sku: 'TAP-S', label: { fr: 'Petit' }, price: 18000, stock: 0 },
    { sku: 'TAP-L', label: { fr: 'Grand' }, price: 32050, stock: 2 },
  ],
  images: [{ id: 'img-1', key: 'products/prd-1/img-1-640.webp', position: 0, width: 4000, height: 3000, variants: [{ width: 320, key: 'products/prd-1/img-1-320.webp' }, { width: 1280, key: 'products/prd-1/img-1-1280.webp' }, { width: 640, key: 'products/prd-1/img-1-640.webp' }] }],
  shop: { id: 'shp-1', slug: 'atelier-mina', name: { fr: 'Atelier Mina', ar: 'مشغل مينة' }, craft: 'leather', town: 'Dakhla', kind: 'individual' },
  approx: { EUR: 1650, USD: 1800 },
  rates: { EUR: 0.0917, USD: 0.1 },
});

describe('the server-rendered head', () => {
  it('escapes titles, descriptions and alt text with quotes, < and &, and never reads $ patterns', () => {
    const html = fillShell(SHELL, head, BASE);
    expect(html).toContain(`<title>${escapeHtml(nasty)}</title>`);
    expect(html).toContain('Tapis &quot;Sahara&quot; &lt;b&gt;&amp;&lt;/b&gt; l&#39;oasis $&amp; $1');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script>alert(1)');
    // One title and one description: the shell's generic ones are replaced.
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html).not.toContain('Dakhla Market — l’artisanat');
  });

  it('writes JSON-LD that cannot close its script element and still parses to the same data', () => {
    const text = jsonLdText(head.jsonLd![0]);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(head.jsonLd![0]);
    const html = renderHead(head, BASE);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('sets the language and direction on <html>: Arabic right to left', () => {
    expect(fillShell(SHELL, { ...head, locale: 'ar' }, BASE)).toMatch(/<html lang="ar" dir="rtl">/);
    expect(fillShell(SHELL, { ...head, locale: 'es' }, BASE)).toMatch(/<html lang="es" dir="ltr">/);
    // The body is left as built: the app's mount point and its script.
    const filled = fillShell(SHELL, head, BASE);
    expect(filled.slice(filled.indexOf('<body>'))).toBe(SHELL.slice(SHELL.indexOf('<body>')));
  });

  it('makes every URL absolute: canonical, alternates (x-default too), og:url and the image', () => {
    const html = renderHead({ ...head, locale: 'ar' }, `${BASE}/`);
    expect(html).toContain(`<link rel="canonical" href="${BASE}/ar/p/prd-1"`);
    for (const lang of ['ar', 'fr', 'en', 'es']) expect(html).toContain(`hreflang="${lang}" href="${BASE}/${lang}/p/prd-1"`);
    expect(html).toContain(`hreflang="x-default" href="${BASE}/p/prd-1"`);
    expect(html).toContain(`property="og:url" content="${BASE}/ar/p/prd-1"`);
    expect(html).toContain(`property="og:image" content="${BASE}/images/a.webp"`);
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
    for (const [, url] of html.matchAll(/(?:href|content)="(\/[^"]*)"/g)) throw new Error(`relative URL ${url}`);
  });

  it('refuses a shell that is not the web store\'s', () => {
    expect(() => fillShell('<p>hi</p>', head, BASE)).toThrow(/not the web store/);
  });

  it('cuts a description at a word, on one line', () => {
    expect(summary('a  b\n\nc')).toBe('a b c');
    const long = summary('mot '.repeat(80));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('mot…')).toBe(true);
  });
});

describe('product and shop heads', () => {
  it('previews the 1280 px variant of the cover photo, with its height from the photo', () => {
    expect(previewImage(detail().images[0]!)).toEqual({ key: 'products/prd-1/img-1-1280.webp', width: 1280, height: 960 });
    expect(previewImage({ key: 'products/p/a.svg', width: 800, height: 800 })).toEqual({ key: 'products/p/a.svg', width: 800, height: 800 });
  });

  it("says the product's approved reviews as aggregateRating and review, and nothing without any", () => {
    const category = { slug: 'textiles' as const, name: { fr: 'Textiles' }, position: 0 };
    const [none] = productHead(detail(), category, 'fr', BASE, { rating: { count: 0 }, items: [] }).jsonLd as [Record<string, unknown>];
    expect(none).not.toHaveProperty('aggregateRating');
    expect(none).not.toHaveProperty('review');
    const reviews = { rating: { count: 2, average: 4.5 }, items: [{ id: 'ord-1.TAP-L', sku: 'TAP-L', rating: 5, text: 'رائع', lang: 'ar', author: 'Khadija', createdAt: '2026-03-02T10:00:00.000Z', reply: { text: 'شكرا', at: '2026-03-03T10:00:00.000Z' } }, { id: 'ord-2.TAP-S', sku: 'TAP-S', rating: 4, lang: 'fr', author: 'Sara', createdAt: '2026-03-01T10:00:00.000Z' }] };
    const [product] = productHead(detail(), category, 'fr', BASE, reviews).jsonLd as [Record<string, unknown>];
    expect(product.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 });
    expect(product.review).toEqual([
      { '@type': 'Review', author: { '@type': 'Person', name: 'Khadija' }, datePublished: '2026-03-02', reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 }, reviewBody: 'رائع', inLanguage: 'ar' },
      { '@type': 'Review', author: { '@type': 'Person', name: 'Sara' }, datePublished: '2026-03-01', reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 }, inLanguage: 'fr' },
    ]);
  });

  it("says the product's title, description and price in the page's language, with Offers in MAD and availability from stock", () => {
    const ar = productHead(detail(), { slug: 'textiles', name: { fr: 'Textiles', ar: 'النسيج' }, position: 0 }, 'ar', BASE);
    expect(ar.title).toBe('زربية الصحراء — مشغل مينة · سوق الداخلة');
    expect(ar.shareTitle).toBe('زربية الصحراء');
    expect(ar.description).toBe('زربية منسوجة يدويا.');
    expect(ar.image?.url).toBe(`${BASE}/images/products/prd-1/img-1-1280.webp`);
    const [product, crumbs] = ar.jsonLd as [Record<string, unknown>, Record<string, unknown>];
    expect(product).toMatchObject({
      '@type': 'Product',
      name: 'زربية الصحراء',
      url: `${BASE}/ar/p/prd-1`,
      category: 'النسيج',
      offers: [
        { '@type': 'Offer', sku: 'TAP-S', price: '180.00', priceCurrency: 'MAD', availability: 'https://schema.org/OutOfStock', seller: { '@type': 'Organization', name: 'مشغل مينة', url: `${BASE}/ar/s/atelier-mina` } },
        { sku: 'TAP-L', price: '320.50', availability: 'https://schema.org/InStock' },
      ],
    });
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList', itemListElement: [{ position: 1, item: `${BASE}/ar` }, { position: 2, name: 'النسيج', item: `${BASE}/ar/c/textiles` }, { position: 3, name: 'زربية الصحراء' }] });
    const fr = productHead(detail(), undefined, 'fr', BASE);
    expect(fr.description).toBe('Un tapis tissé à la main.');
    expect(fr.properties).toContainEqual(['product:price:amount', '180.00']);
    // A language the artisan did not write in falls back (es → fr), as the page itself does.
    expect(productHead(detail(), undefined, 'es', BASE).shareTitle).toBe('Tapis "Sahara" <rouge>');
  });

  it('describes a shop as a LocalBusiness in Dakhla – Oued Ed-Dahab, with its portrait', () => {
    const shop = { id: 'shp-1', slug: 'atelier-mina', name: { fr: 'Atelier Mina' }, craft: 'leather' as const, story: { fr: '' }, town: 'Dakhla', kind: 'individual' as const, languages: ['ar' as const, 'fr' as const], status: 'approved' as const, portraitKey: 'shops/shp-1.svg', createdAt: '2026-01-01T00:00:00.000Z' };
    const fr = shopHead(shop, undefined, 'fr', BASE);
    expect(fr.description).toBe('Atelier Mina, atelier à Dakhla, sur Dakhla Market.');
    expect(fr.image?.url).toBe(`${BASE}/images/shops/shp-1.svg`);
    expect(fr.jsonLd?.[0]).toMatchObject({ '@type': 'LocalBusiness', url: `${BASE}/fr/s/atelier-mina`, address: { addressLocality: 'Dakhla', addressCountry: 'MA' } });
  });
});
