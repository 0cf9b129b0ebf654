import type { ProductDetail } from '../api/catalogue.ts';
import type { ProductReviews } from '../api/reviews.ts';
import type { Category, ProductImage, Shop } from '../domain/catalogue.ts';
import { INFO_DEFAULTS } from '../domain/info-pages/defaults.ts';
import { INFO_PAGES, type InfoPageSlug } from '../domain/info-pages/index.ts';
import { pickLocalized, type Locale, type Localized } from '../domain/locales.ts';
import { imageUrl, pageUrl, summary, type PageHead } from './head.ts';
import { fill, PAGE_TEXT } from './messages.ts';

/**
 * The store's pages that have a URL per language, and the head each one answers with. Pure: the
 * use case (shared/use-cases/store-pages.ts) reads the catalogue and hands the data in; the web
 * router (web/src/router.ts) matches the same paths.
 */
export type StorePage =
  | { kind: 'home' | 'shops' | 'search' | 'sell' | 'favourites' }
  | { kind: 'info'; slug: InfoPageSlug }
  | { kind: 'product'; productId: string }
  | { kind: 'shop'; slug: string }
  | { kind: 'category'; slug: string };

const FIXED: Record<string, StorePage> = {
  '/': { kind: 'home' },
  '/search': { kind: 'search' },
  '/shops': { kind: 'shops' },
  '/sell': { kind: 'sell' },
  '/favourites': { kind: 'favourites' },
  ...Object.fromEntries(INFO_PAGES.map((slug) => [`/info/${slug}`, { kind: 'info', slug } as const])),
};
const SEGMENT = /^[A-Za-z0-9_-]{1,60}$/;
const SLUG = /^[a-z0-9-]+$/;

/** A page's path (without its language, without a query) → the page; undefined for no page of the store. Trailing slashes are tolerated. */
export function matchStorePage(pathname: string): StorePage | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const fixed = FIXED[path || '/'];
  if (fixed) return fixed;
  const parts = path.split('/').slice(1);
  if (parts.length !== 2 || !SEGMENT.test(parts[1]!)) return undefined;
  const [kind, value] = parts as [string, string];
  // Any well-formed slug: a category the catalogue does not have is its page's 404.
  if (kind === 'c' && SLUG.test(value)) return { kind: 'category', slug: value };
  if (kind === 'p') return { kind: 'product', productId: value };
  if (kind === 's' && SLUG.test(value)) return { kind: 'shop', slug: value };
  return undefined;
}

/** The language-neutral path of a store page. */
export function storePagePath(page: StorePage): string {
  switch (page.kind) {
    case 'home':
      return '/';
    case 'product':
      return `/p/${encodeURIComponent(page.productId)}`;
    case 'shop':
      return `/s/${encodeURIComponent(page.slug)}`;
    case 'category':
      return `/c/${encodeURIComponent(page.slug)}`;
    case 'info':
      return `/info/${page.slug}`;
    default:
      return `/${page.kind}`;
  }
}

const text = (value: Localized | undefined, locale: Locale) => (value ? pickLocalized(value, locale).text : '');
const withSite = (title: string, locale: Locale) => `${title} · ${PAGE_TEXT[locale].siteName}`;

/** The photo a link preview shows: the widest web-sized variant the image pipeline made (1280 px WebP), else the image as stored. */
export function previewImage(image: Pick<ProductImage, 'key' | 'variants' | 'width' | 'height'>): { key: string; width?: number; height?: number } {
  const widest = [...(image.variants ?? [])].sort((a, b) => b.width - a.width)[0];
  if (!widest) return { key: image.key, ...(image.width && image.height ? { width: image.width, height: image.height } : {}) };
  const height = image.width && image.height ? Math.round((image.height * widest.width) / image.width) : undefined;
  return { key: widest.key, width: widest.width, ...(height ? { height } : {}) };
}

const breadcrumbs = (items: Array<{ name: string; url?: string }>) => ({
  '@context': 'https://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, ...(item.url ? { item: item.url } : {}) })),
});

/** MAD centimes as schema.org and Open Graph want a price: "180.00". */
const amount = (centimes: number) => (centimes / 100).toFixed(2);

/** How many of the newest approved reviews the product page's JSON-LD names. */
export const JSON_LD_REVIEWS = 5;

/** schema.org's `aggregateRating` and `review` of a product, from its approved reviews (none without any). */
function reviewsLd(reviews: ProductReviews | undefined) {
  if (!reviews?.rating.average || reviews.rating.count === 0) return {};
  return {
    aggregateRating: { '@type': 'AggregateRating', ratingValue: reviews.rating.average, reviewCount: reviews.rating.count, bestRating: 5, worstRating: 1 },
    review: reviews.items.slice(0, JSON_LD_REVIEWS).map((r) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: r.author },
      datePublished: r.createdAt.slice(0, 10),
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      ...(r.text ? { reviewBody: r.text } : {}),
      inLanguage: r.lang,
    })),
  };
}

export function productHead(detail: ProductDetail, category: Category | undefined, locale: Locale, baseUrl: string, reviews?: ProductReviews): PageHead {
  const { product, variants, images, shop } = detail;
  const path = storePagePath({ kind: 'product', productId: product.id });
  const url = pageUrl(baseUrl, locale, path);
  const shopUrl = pageUrl(baseUrl, locale, storePagePath({ kind: 'shop', slug: shop.slug }));
  const title = text(product.title, locale);
  const shopName = text(shop.name, locale);
  const categoryName = category ? text(category.name, locale) : product.category;
  const description = summary(text(product.description, locale) || fill(PAGE_TEXT[locale].productFallback, { title, shop: shopName }));
  const cover = images[0];
  const preview = cover ? previewImage(cover) : undefined;
  const inStock = variants.some((v) => v.stock > 0);
  const seller = { '@type': 'Organization', name: shopName, url: shopUrl };
  return {
    locale,
    title: withSite(`${title} — ${shopName}`, locale),
    shareTitle: title,
    description,
    path,
    type: 'product',
    ...(preview && cover ? { image: { url: imageUrl(baseUrl, preview.key), alt: text(cover.alt, locale) || title, ...(preview.width ? { width: preview.width } : {}), ...(preview.height ? { height: preview.height } : {}) } } : {}),
    properties: [
      ['product:price:amount', amount(product.price)],
      ['product:price:currency', 'MAD'],
      ['product:availability', inStock ? 'in stock' : 'out of stock'],
    ],
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: title,
        description,
        url,
        category: categoryName,
        ...(images.length ? { image: images.map((image) => imageUrl(baseUrl, previewImage(image).key)) } : {}),
        brand: { '@type': 'Brand', name: shopName },
        offers: variants.map((variant) => ({
          '@type': 'Offer',
          sku: variant.sku,
          name: text(variant.label, locale),
          price: amount(variant.price),
          priceCurrency: 'MAD',
          availability: variant.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
          url,
          seller,
        })),
        ...reviewsLd(reviews),
      },
      breadcrumbs([
        { name: PAGE_TEXT[locale].home, url: pageUrl(baseUrl, locale, '/') },
        { name: categoryName, url: pageUrl(baseUrl, locale, storePagePath({ kind: 'category', slug: product.category })) },
        { name: title },
      ]),
    ],
  };
}

export function shopHead(shop: Shop, craft: Category | undefined, locale: Locale, baseUrl: string): PageHead {
  const path = storePagePath({ kind: 'shop', slug: shop.slug });
  const url = pageUrl(baseUrl, locale, path);
  const name = text(shop.name, locale);
  const description = summary(text(shop.story, locale) || fill(PAGE_TEXT[locale].shopFallback, { shop: name, town: shop.town }));
  const craftName = craft ? text(craft.name, locale) : shop.craft;
  const image = shop.portraitKey ? imageUrl(baseUrl, shop.portraitKey) : undefined;
  return {
    locale,
    title: withSite(`${name} — ${craftName}, ${shop.town}`, locale),
    shareTitle: name,
    description,
    path,
    type: 'profile',
    ...(image ? { image: { url: image, alt: name } } : {}),
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'LocalBusiness',
        name,
        description,
        url,
        ...(image ? { image } : {}),
        ...(shop.foundedYear ? { foundingDate: String(shop.foundedYear) } : {}),
        address: { '@type': 'PostalAddress', addressLocality: shop.town, addressRegion: 'Dakhla-Oued Ed-Dahab', addressCountry: 'MA' },
        knowsLanguage: shop.languages,
      },
      breadcrumbs([
        { name: PAGE_TEXT[locale].home, url: pageUrl(baseUrl, locale, '/') },
        { name: PAGE_TEXT[locale].shops, url: pageUrl(baseUrl, locale, '/shops') },
        { name },
      ]),
    ],
  };
}

export function categoryHead(category: Category, locale: Locale, baseUrl: string): PageHead {
  const name = text(category.name, locale);
  return {
    locale,
    title: withSite(name, locale),
    shareTitle: name,
    description: fill(PAGE_TEXT[locale].categoryDescription, { category: name }),
    path: storePagePath({ kind: 'category', slug: category.slug }),
    type: 'website',
    jsonLd: [breadcrumbs([{ name: PAGE_TEXT[locale].home, url: pageUrl(baseUrl, locale, '/') }, { name }])],
  };
}

/** Pages whose head holds no catalogue data. Search results are not for search engines. */
export function staticHead(page: Extract<StorePage, { kind: 'home' | 'shops' | 'search' | 'sell' | 'favourites' | 'info' }>, locale: Locale): PageHead {
  const t = PAGE_TEXT[locale];
  const path = storePagePath(page);
  switch (page.kind) {
    // The shipped title of the page (an operator's edit shows in the page itself once it loads).
    case 'info': {
      const shipped = INFO_DEFAULTS[page.slug].texts[locale];
      return { locale, title: withSite(shipped.title, locale), shareTitle: shipped.title, description: summary(shipped.body.replace(/^## .*$/gm, '')), path, type: 'website' };
    }
    // The shopper's own list (kept in her browser): nothing for crawlers.
    case 'favourites':
      return { locale, title: t.siteName, description: t.description, path, type: 'website', noindex: true };
    case 'home':
      return { locale, title: `${t.siteName} — ${t.tagline}`, shareTitle: t.siteName, description: t.description, path, type: 'website' };
    case 'shops':
      return { locale, title: withSite(t.shops, locale), shareTitle: t.shops, description: t.shopsDescription, path, type: 'website' };
    case 'sell':
      return { locale, title: withSite(t.sell, locale), shareTitle: t.sell, description: t.sellDescription, path, type: 'website' };
    case 'search':
      return { locale, title: withSite(t.search, locale), description: t.description, path, type: 'website', noindex: true };
  }
}

/** The head of a page that does not exist (answered 404): never indexed. */
export function notFoundHead(locale: Locale, path: string): PageHead {
  const t = PAGE_TEXT[locale];
  return { locale, title: withSite(t.notFound, locale), description: t.description, path, type: 'website', noindex: true };
}
