import { INFO_PAGES } from '../domain/info-pages/index.ts';
import { LOCALES } from '../domain/locales.ts';
import { alternateUrls } from '../domain/store-urls.ts';
import { escapeHtml, pageUrl } from './head.ts';
import { storePagePath } from './store-pages.ts';

/**
 * robots.txt and the sitemap: every listed product, approved shop and category, and the home and
 * workshops pages, in every language, each URL with its hreflang alternates (x-default too).
 * Pure: the use case reads the lists (Query only) and hands them in.
 */
export interface SitemapContent {
  /** Ids of the listed products (newest first). */
  products: readonly string[];
  /** Slugs of the approved shops. */
  shops: readonly string[];
  /** Category slugs. */
  categories: readonly string[];
}

/**
 * URLs per sitemap file. The protocol allows 50,000 (and 50 MB), but one file is one Lambda
 * answer, at most 6 MB: a URL with its five alternates is ~650 bytes, so 5,000 make ~3.3 MB.
 * Past that, /sitemap.xml is an index of /sitemaps/<n>.xml files.
 */
export const SITEMAP_URLS_PER_FILE = 5000;

/** Every indexable page, without its language. */
export function sitemapPaths(content: SitemapContent): string[] {
  return [
    '/',
    '/shops',
    ...INFO_PAGES.map((slug) => storePagePath({ kind: 'info', slug })),
    ...content.categories.map((slug) => storePagePath({ kind: 'category', slug })),
    ...content.shops.map((slug) => storePagePath({ kind: 'shop', slug })),
    ...content.products.map((productId) => storePagePath({ kind: 'product', productId })),
  ];
}

/** How many files the sitemap needs: 1 is a plain urlset at /sitemap.xml. */
export function sitemapFileCount(paths: readonly string[], perFile = SITEMAP_URLS_PER_FILE): number {
  const perFilePaths = Math.max(1, Math.floor(perFile / LOCALES.length));
  return Math.max(1, Math.ceil(paths.length / perFilePaths));
}

/** The pages of file `n` (1-based) of the sitemap. */
export function sitemapFilePaths(paths: readonly string[], n: number, perFile = SITEMAP_URLS_PER_FILE): string[] {
  const perFilePaths = Math.max(1, Math.floor(perFile / LOCALES.length));
  return paths.slice((n - 1) * perFilePaths, n * perFilePaths);
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';

/** A urlset: each page in each language, with all its alternates. */
export function urlsetXml(baseUrl: string, paths: readonly string[]): string {
  const entries = paths.flatMap((path) => {
    const alternates = alternateUrls(baseUrl, path)
      .map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeHtml(a.href)}"/>`)
      .join('');
    return LOCALES.map((locale) => `<url><loc>${escapeHtml(pageUrl(baseUrl, locale, path))}</loc>${alternates}</url>`);
  });
  return `${XML_HEADER}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

/** The sitemap index pointing at `count` files. */
export function sitemapIndexXml(baseUrl: string, count: number): string {
  const base = baseUrl.replace(/\/+$/, '');
  const entries = Array.from({ length: count }, (_, i) => `<sitemap><loc>${escapeHtml(`${base}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`);
  return `${XML_HEADER}\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/**
 * What crawlers may read: the store's pages and photos, not the API, the artisans' and operators'
 * screens, the local tools, nor the cart, checkout, orders and search results (in every language).
 */
export const ROBOTS_DISALLOWED = ['/api/', '/account', '/dashboard', '/operator', '/dev/', '/cart', '/checkout', '/orders/', '/search', '/*/search'] as const;

export function robotsTxt(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return ['User-agent: *', 'Allow: /', ...ROBOTS_DISALLOWED.map((path) => `Disallow: ${path}`), '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
}
