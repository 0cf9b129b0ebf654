import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickLocalized, type Locale } from '#shared/domain/locales.ts';
import { summary } from '#shared/pages/head.ts';
import { demoOperator, newAccount } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { storeUrl } from '../support/api-client.ts';
import { approvedShops, demoData, hiddenProducts, listedProducts } from '../support/demo-expectations.ts';

/**
 * The store's pages as `curl` gets them from the local store (the same handlers and the same
 * edge code as CloudFront's): each language's URL answers the web store's index.html with the
 * page's own head; robots.txt and the sitemap; a page without a language is redirected.
 */
const fetchPage = (path: string, headers: Record<string, string> = {}) => fetch(`${storeUrl()}${path}`, { headers, redirect: 'manual' });
const attr = (html: string, selector: RegExp) => selector.exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const meta = (html: string, key: string) => attr(html, new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`));
const title = (html: string) => attr(html, /<title>([^<]*)<\/title>/);
const built = readFileSync(resolve(import.meta.dirname, '../../web/dist/index.html'), 'utf8');

const product = listedProducts.find((p) => p.title.ar && p.title.es)!;
const shopOf = (shopId: string) => demoData.shops.find((s) => s.shop.id === shopId)!.shop;
const text = (value: Partial<Record<Locale, string>>, locale: Locale) => pickLocalized(value, locale).text;

describe('a product page, per language', () => {
  for (const locale of ['ar', 'es'] as const) {
    it(`answers /${locale}/p/<id> with the product's title and og: tags in ${locale}, and an absolute image URL that serves the photo`, async () => {
      const response = await fetchPage(`/${locale}/p/${product.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=15');
      const html = await response.text();
      const name = text(product.title, locale);
      const shopName = text(shopOf(product.shopId).name, locale);
      expect(html).toMatch(new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
      expect(title(html)).toBe(`${name} — ${shopName} · ${locale === 'ar' ? 'سوق الداخلة' : 'Dakhla Market'}`);
      expect(meta(html, 'og:title')).toBe(name);
      expect(meta(html, 'description')).toBe(summary(text(product.description, locale)));
      expect(meta(html, 'og:description')).toBe(meta(html, 'description'));
      expect(meta(html, 'og:url')).toBe(`${storeUrl()}/${locale}/p/${product.id}`);
      expect(meta(html, 'og:locale')).toBe(locale === 'ar' ? 'ar_MA' : 'es_ES');
      const image = meta(html, 'og:image')!;
      expect(image).toMatch(new RegExp(`^${storeUrl()}/images/products/${product.id}/`));
      const photo = await fetch(image);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toMatch(/^image\//);
      expect(meta(html, 'twitter:image')).toBe(image);
      expect(html).toContain(`<link rel="canonical" href="${storeUrl()}/${locale}/p/${product.id}"`);
      expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${storeUrl()}/p/${product.id}"`);
      const data = [...html.matchAll(/<script type="application\/ld\+json" data-head>([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
      const jsonLd = data.find((d) => d['@type'] === 'Product');
      expect(jsonLd).toMatchObject({ name, offers: expect.arrayContaining([expect.objectContaining({ priceCurrency: 'MAD', seller: expect.objectContaining({ name: shopName }) })]) });
      expect(data.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);
      // The SPA starts as from the plain index.html: the body is the built one, unchanged.
      expect(html.slice(html.indexOf('<body>'))).toBe(built.slice(built.indexOf('<body>')));
    });
  }

  it("answers a product that is not listed (a draft, an unapproved shop's) with 404 and noindex", async () => {
    expect(hiddenProducts.length).toBeGreaterThan(0);
    for (const hidden of [...hiddenProducts.slice(0, 2), { id: 'prd-does-not-exist' }]) {
      const response = await fetchPage(`/fr/p/${hidden.id}`);
      expect(response.status, hidden.id).toBe(404);
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
      const html = await response.text();
      expect(meta(html, 'robots')).toBe('noindex');
      expect(title(html)).toBe('Page introuvable · Dakhla Market');
    }
  });

  it('answers 404 with noindex for a page that is not one, or a language the store does not speak', async () => {
    for (const path of ['/fr/nope', '/xx/p/' + product.id, '/ar/dashboard', '/es/c/not-a-craft']) {
      const response = await fetchPage(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('x-robots-tag'), path).toBe('noindex');
    }
  });

  it('takes a product out of its page once an operator hides it (within the page cache: 15 s)', async () => {
    const operator = await demoOperator();
    const artisan = await newAccount('pages-artisan');
    const listed = await artisanWithListedProduct(artisan, operator, `pages-${Date.now().toString(36)}`);
    const before = await fetchPage(`/en/p/${listed.productId}`);
    expect(before.status).toBe(200);
    expect(meta(await before.text(), 'og:image')).toBe(`${storeUrl()}/images/products/${listed.productId}/${listed.imageId}-640.webp`);
    await operator.call('POST', `/api/operator/products/${listed.productId}/moderation`, { action: 'hide', reason: 'photos' });
    try {
      expect((await fetchPage(`/en/p/${listed.productId}`)).status).toBe(404);
    } finally {
      // Other files read the operators' list of hidden products: leave none of ours in it.
      await operator.call('POST', `/api/operator/products/${listed.productId}/moderation`, { action: 'restore' });
    }
    expect((await fetchPage(`/en/p/${listed.productId}`)).status).toBe(200);
  });
});

describe('shop and category pages', () => {
  it("answer with the shop's name and a LocalBusiness, the category's name, in the page's language", async () => {
    const shop = approvedShops[0]!;
    const html = await (await fetchPage(`/fr/s/${shop.slug}`)).text();
    expect(meta(html, 'og:title')).toBe(text(shop.name, 'fr'));
    expect(html).toContain('"@type":"LocalBusiness"');
    const category = demoData.categories[0]!;
    const ar = await (await fetchPage(`/ar/c/${category.slug}`)).text();
    expect(meta(ar, 'og:title')).toBe(text(category.name, 'ar'));
  });

  it('every store page has its language URL: home, workshops, search (noindex); the cart keeps its one URL', async () => {
    expect(meta(await (await fetchPage('/es')).text(), 'og:url')).toBe(`${storeUrl()}/es`);
    expect(title(await (await fetchPage('/en/shops')).text())).toBe('All workshops · Dakhla Market');
    expect(meta(await (await fetchPage('/ar/search')).text(), 'robots')).toBe('noindex');
    expect((await fetchPage('/ar/cart')).status).toBe(404);
  });
});

describe('a URL without a language', () => {
  it("is redirected (302) to the shopper's language: the chosen one (cookie), else Accept-Language, else French, with its query", async () => {
    const to = async (path: string, headers: Record<string, string>) => {
      const response = await fetchPage(path, headers);
      expect(response.status).toBe(302);
      return response.headers.get('location');
    };
    expect(await to(`/p/${product.id}`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.8' })).toBe(`/es/p/${product.id}`);
    expect(await to(`/p/${product.id}`, { 'accept-language': 'es-ES', cookie: 'other=1; dm_locale=ar' })).toBe(`/ar/p/${product.id}`);
    expect(await to('/', { 'accept-language': 'de-DE' })).toBe('/fr');
    expect(await to('/search?q=tapis', {})).toBe('/fr/search?q=tapis');
  });

  it('leaves the artisans\' and operators\' screens and the files as they were', async () => {
    for (const path of ['/cart', '/orders/ord-1', '/dashboard', '/operator/orders', '/account/sign-in']) {
      const response = await fetchPage(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toBe(built);
    }
    expect((await fetchPage('/favicon.svg')).status).toBe(200);
  });
});

describe('robots.txt and the sitemap', () => {
  it('robots.txt keeps out the API and private screens, and points at the sitemap', async () => {
    const response = await fetchPage('/robots.txt');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const robots = await response.text();
    for (const line of ['Disallow: /api/', 'Disallow: /dashboard', 'Disallow: /operator', 'Disallow: /dev/']) expect(robots).toContain(line);
    expect(robots).toContain(`Sitemap: ${storeUrl()}/sitemap.xml`);
  });

  it('sitemap.xml lists every listed product, approved shop and category in four languages, with alternates, and nothing unlisted', async () => {
    const response = await fetchPage('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    for (const p of listedProducts) for (const locale of ['ar', 'fr', 'en', 'es']) expect(locs.has(`${storeUrl()}/${locale}/p/${p.id}`), `${locale} ${p.id}`).toBe(true);
    for (const s of approvedShops) expect(locs.has(`${storeUrl()}/es/s/${s.slug}`)).toBe(true);
    for (const c of demoData.categories) expect(locs.has(`${storeUrl()}/ar/c/${c.slug}`)).toBe(true);
    for (const p of hiddenProducts) expect(xml).not.toContain(`/p/${p.id}<`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${storeUrl()}/p/${product.id}"/>`);
    expect((await fetchPage('/sitemaps/2.xml')).status).toBe(404);
    expect((await fetchPage('/sitemaps/nope.xml')).status).toBe(400);
  });
});
