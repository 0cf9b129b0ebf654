import type { CatalogueQueries } from '../data/catalogue-queries.ts';
import type { ProductReviews } from '../api/reviews.ts';
import type { SitemapLists } from '../data/sitemap-lists.ts';
import type { Category } from '../domain/catalogue.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../domain/locales.ts';
import { PAGE_CACHE_SECONDS } from '../edge/pages.ts';
import { fillShell, type PageHead } from '../pages/head.ts';
import { robotsTxt, sitemapFileCount, sitemapFilePaths, sitemapIndexXml, sitemapPaths, urlsetXml } from '../pages/sitemap.ts';
import { categoryHead, matchStorePage, notFoundHead, productHead, shopHead, staticHead } from '../pages/store-pages.ts';

/**
 * The store's pages as the server answers them: the web store's own index.html with the page's
 * head filled in (title, description, canonical and hreflang, Open Graph, JSON-LD) in the URL's
 * language, robots.txt and the sitemap. The SPA starts on that HTML as it does on the plain one.
 */
export interface StorePagesDeps {
  catalogue: Pick<CatalogueQueries, 'getProductDetail' | 'getApprovedShop' | 'listCategories'>;
  lists: SitemapLists;
  /** A product's rating and newest approved reviews (the product page's `aggregateRating` and `review`); without it, none are said. */
  reviews?: (productId: string) => Promise<ProductReviews>;
  /** The built index.html the site serves (fetched, kept briefly: functions/commons/site-shell.ts). */
  shell: () => Promise<string>;
  /** The store's public URL: every canonical, alternate and image URL starts with it. */
  baseUrl: string;
  /** How long the categories are kept in the process (they change with a deploy of the demo data, if ever). @default 5 minutes */
  categoriesTtlMs?: number;
  now?: () => number;
}

export interface Rendered {
  status: 200 | 404;
  contentType: string;
  body: string;
  /** Seconds CloudFront and the browser may keep it; 0: not at all. */
  cacheSeconds: number;
  noindex?: boolean;
}

export function storePages(deps: StorePagesDeps) {
  const now = deps.now ?? Date.now;
  const ttl = deps.categoriesTtlMs ?? 5 * 60_000;
  let categories: { at: number; items: Promise<Category[]> } | undefined;
  const categoryList = () => {
    if (!categories || now() - categories.at > ttl) {
      const items = deps.catalogue.listCategories();
      categories = { at: now(), items };
      items.catch(() => (categories = undefined));
    }
    return categories.items;
  };

  const html = async (head: PageHead, status: 200 | 404, cacheSeconds: number): Promise<Rendered> => ({
    status,
    contentType: 'text/html; charset=utf-8',
    body: fillShell(await deps.shell(), head, deps.baseUrl),
    cacheSeconds,
    ...(head.noindex || status === 404 ? { noindex: true } : {}),
  });

  /** The head of the page at `/<lang><rest>`, from the catalogue when the page shows catalogue data. */
  async function headOf(locale: Locale, rest: string): Promise<{ head: PageHead; status: 200 | 404; cacheSeconds: number }> {
    const page = matchStorePage(rest);
    if (!page) return { head: notFoundHead(locale, rest), status: 404, cacheSeconds: PAGE_CACHE_SECONDS.notFound };
    try {
      switch (page.kind) {
        case 'product': {
          const [detail, reviews] = await Promise.all([deps.catalogue.getProductDetail(page.productId), deps.reviews?.(page.productId).catch(() => undefined)]);
          const category = (await categoryList()).find((c) => c.slug === detail.product.category);
          return { head: productHead(detail, category, locale, deps.baseUrl, reviews), status: 200, cacheSeconds: PAGE_CACHE_SECONDS.product };
        }
        case 'shop': {
          const shop = await deps.catalogue.getApprovedShop(page.slug);
          const craft = (await categoryList()).find((c) => c.slug === shop.craft);
          return { head: shopHead(shop, craft, locale, deps.baseUrl), status: 200, cacheSeconds: PAGE_CACHE_SECONDS.shop };
        }
        case 'category': {
          const category = (await categoryList()).find((c) => c.slug === page.slug);
          if (!category) throw new NotFoundError('Category');
          return { head: categoryHead(category, locale, deps.baseUrl), status: 200, cacheSeconds: PAGE_CACHE_SECONDS.category };
        }
        default:
          return { head: staticHead(page, locale), status: 200, cacheSeconds: PAGE_CACHE_SECONDS.static };
      }
    } catch (error) {
      if (error instanceof NotFoundError) return { head: notFoundHead(locale, rest), status: 404, cacheSeconds: PAGE_CACHE_SECONDS.notFound };
      // The catalogue could not be read: the store still opens (the SPA asks the API itself), with the
      // site's own head, kept nowhere so that the next request tries again.
      return { head: { ...staticHead({ kind: 'home' }, locale), path: rest }, status: 200, cacheSeconds: 0 };
    }
  }

  async function sitemapContent() {
    const [products, shops, categoriesRead] = await Promise.all([deps.lists.listedProductIds(), deps.lists.approvedShopSlugs(), categoryList()]);
    return sitemapPaths({ products, shops, categories: categoriesRead.map((c) => c.slug) });
  }

  const api = {
    /** Any path CloudFront sends to the pages (PAGE_PATH_PATTERNS): robots.txt, the sitemap and its files, else a page. */
    serve(path: string): Promise<Rendered> {
      if (path === '/robots.txt') return Promise.resolve(api.robots());
      if (path === '/sitemap.xml') return api.sitemap();
      const part = /^\/sitemaps\/(.*)$/.exec(path)?.[1];
      if (part !== undefined) {
        const n = /^([1-9]\d{0,4})\.xml$/.exec(part)?.[1];
        if (!n) throw new InvalidInputError({ path: 'must be sitemaps/<n>.xml' });
        return api.sitemap(Number(n));
      }
      const [, lang = '', rest = ''] = /^\/([^/]*)(.*)$/.exec(path) ?? [];
      return api.page(lang, rest || '/');
    },

    /** `/<lang><rest>`: `lang` as the URL has it (a two-letter segment that is not a language is a 404 in French). */
    async page(lang: string, rest: string): Promise<Rendered> {
      if (!isLocale(lang)) return html(notFoundHead(DEFAULT_LOCALE, rest), 404, PAGE_CACHE_SECONDS.notFound);
      const { head, status, cacheSeconds } = await headOf(lang, rest);
      return html(head, status, cacheSeconds);
    },

    robots(): Rendered {
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: robotsTxt(deps.baseUrl), cacheSeconds: PAGE_CACHE_SECONDS.robots };
    },

    /** /sitemap.xml (`part` undefined): the whole urlset, or an index when it needs more than one file; /sitemaps/<part>.xml: one file. */
    async sitemap(part?: number): Promise<Rendered> {
      const paths = await sitemapContent();
      const count = sitemapFileCount(paths);
      const xml = (body: string): Rendered => ({ status: 200, contentType: 'application/xml; charset=utf-8', body, cacheSeconds: PAGE_CACHE_SECONDS.sitemap });
      if (part === undefined) return xml(count === 1 ? urlsetXml(deps.baseUrl, paths) : sitemapIndexXml(deps.baseUrl, count));
      if (count === 1 || part < 1 || part > count) throw new NotFoundError('Sitemap file');
      return xml(urlsetXml(deps.baseUrl, sitemapFilePaths(paths, part)));
    },
  };
  return api;
}

export type StorePages = ReturnType<typeof storePages>;
