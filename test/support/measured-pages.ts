import { approvedShops, listedProducts } from './demo-expectations.ts';

/**
 * The six store pages issue 10 holds steady and fast (the layout-shift e2e, Lighthouse in the
 * benchmark), on the demo data, in a language: the cart and checkout ones with a product put in
 * the cart first (`cartProduct`).
 */
export const cartProduct = listedProducts[0]!;
const shop = approvedShops.find((s) => s.id === cartProduct.shopId) ?? approvedShops[0]!;

export const measuredPages = (lang: string): { name: string; path: string; withCart?: boolean }[] => [
  { name: 'home', path: `/${lang}` },
  { name: 'category', path: `/${lang}/c/${cartProduct.category}` },
  { name: 'product', path: `/${lang}/p/${cartProduct.id}` },
  { name: 'shop', path: `/${lang}/s/${shop.slug}` },
  // One URL for every language (shared/domain/store-urls.ts UNLOCALIZED_PREFIXES): `/fr/cart` is a 404.
  { name: 'cart', path: '/cart', withCart: true },
  { name: 'checkout', path: '/checkout', withCart: true },
];
