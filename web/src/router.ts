import { isInfoPage, type InfoPageSlug } from '../../shared/domain/info-pages/slugs.ts';
import type { Locale } from '../../shared/domain/locales.ts';
import { orderLinkPath } from '../../shared/domain/order-link.ts';
import { isLocalizedPage, localizedPath, splitLocalePath } from '../../shared/domain/store-urls.ts';

/**
 * A tiny History-API router: pure matching of a URL to a route, plus navigation helpers.
 * Every same-origin <a href> becomes a client-side navigation (see `interceptLinks`).
 */

export type Route =
  | { name: 'home' }
  | { name: 'category'; category: string }
  | { name: 'search' }
  | { name: 'product'; productId: string }
  | { name: 'shop'; slug: string }
  | { name: 'shops' }
  | { name: 'info'; slug: InfoPageSlug }
  | { name: 'favourites' }
  | { name: 'seller'; page: SellerPage }
  | { name: 'shopper'; page: ShopperPage }
  | { name: 'notFound' };

/** The cart, checkout and order pages: rendered by a lazily loaded chunk (web/src/checkout/). */
export type ShopperPage = { name: 'cart' } | { name: 'checkout' } | { name: 'order'; orderId: string } | { name: 'myPurchases' } | { name: 'findOrders' };

/**
 * The artisans' and operators' pages: one route kind, rendered by the lazily loaded seller
 * area (web/src/seller/), so that shoppers never download it.
 */
export type SellerPage =
  | { name: 'sell' }
  | { name: 'signUp' }
  | { name: 'signIn' }
  | { name: 'forgotPassword' }
  | { name: 'dashboard' }
  | { name: 'welcome' }
  | { name: 'shopProfile' }
  | { name: 'products' }
  | { name: 'newProduct' }
  | { name: 'editProduct'; productId: string }
  | { name: 'previewProduct'; productId: string }
  | { name: 'orders' }
  | { name: 'parcel'; orderId: string }
  | { name: 'help' }
  | { name: 'earnings' }
  | { name: 'statement'; month: string }
  | { name: 'sales' }
  | { name: 'stockSheet' }
  | { name: 'myReviews' }
  | { name: 'notifications' }
  | { name: 'operator' }
  | { name: 'operatorAttention' }
  | { name: 'operatorOrders' }
  | { name: 'operatorOrder'; orderId: string }
  | ConsolePage;

/** The operator console's products, shops, settings and team pages (web/src/seller/operator/). */
export type ConsolePage =
  | { name: 'operatorProducts' }
  | { name: 'operatorProduct'; productId: string }
  | { name: 'operatorShop'; shopId: string }
  | { name: 'operatorSettings' }
  | { name: 'operatorTeam' }
  | { name: 'operatorPayouts' }
  | { name: 'operatorStatement'; shopId: string; month: string }
  | { name: 'operatorMoney' }
  | { name: 'operatorReviews' };

export interface Location {
  route: Route;
  path: string;
  query: URLSearchParams;
  /** The language the URL names (`/ar/…`); absent on pages without language URLs. */
  locale?: Locale;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * Matches a pathname (no query) to a route. Trailing slashes are tolerated. A store page may
 * carry its language (`/ar/p/<id>`, shared/domain/store-urls.ts); the artisans' and operators'
 * screens have none (`/ar/dashboard` is not a page).
 */
export function matchRoute(pathname: string): Route {
  const { locale, rest } = splitLocalePath(pathname);
  if (locale && !isLocalizedPage(rest)) return { name: 'notFound' };
  return matchPath(rest);
}

function matchPath(pathname: string): Route {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { name: 'notFound' };
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/search') return { name: 'search' };
  if (path === '/shops') return { name: 'shops' };
  if (path === '/favourites') return { name: 'favourites' };
  if (path === '/cart') return { name: 'shopper', page: { name: 'cart' } };
  if (path === '/checkout') return { name: 'shopper', page: { name: 'checkout' } };
  if (path === '/orders') return { name: 'shopper', page: { name: 'myPurchases' } };
  if (path === '/orders/find') return { name: 'shopper', page: { name: 'findOrders' } };
  const seller = matchSellerPage(path);
  if (seller) return { name: 'seller', page: seller };
  const parts = path.split('/').slice(1);
  if (parts.length === 2 && SEGMENT.test(parts[1]!)) {
    const [kind, value] = parts as [string, string];
    if (kind === 'c' && /^[a-z0-9-]+$/.test(value)) return { name: 'category', category: value };
    if (kind === 'p') return { name: 'product', productId: value };
    if (kind === 's' && /^[a-z0-9-]+$/.test(value)) return { name: 'shop', slug: value };
    if (kind === 'info' && isInfoPage(value)) return { name: 'info', slug: value };
    if (kind === 'orders') return { name: 'shopper', page: { name: 'order', orderId: value } };
  }
  return { name: 'notFound' };
}

const FIXED_SELLER_PAGES: Record<string, SellerPage> = {
  '/sell': { name: 'sell' },
  '/account/sign-up': { name: 'signUp' },
  '/account/sign-in': { name: 'signIn' },
  '/account/forgot-password': { name: 'forgotPassword' },
  '/dashboard': { name: 'dashboard' },
  '/dashboard/welcome': { name: 'welcome' },
  '/dashboard/shop': { name: 'shopProfile' },
  '/dashboard/products': { name: 'products' },
  '/dashboard/products/new': { name: 'newProduct' },
  '/dashboard/orders': { name: 'orders' },
  '/dashboard/earnings': { name: 'earnings' },
  '/dashboard/sales': { name: 'sales' },
  '/dashboard/stock': { name: 'stockSheet' },
  '/dashboard/reviews': { name: 'myReviews' },
  '/dashboard/notifications': { name: 'notifications' },
  '/dashboard/help': { name: 'help' },
  '/operator': { name: 'operator' },
  '/operator/attention': { name: 'operatorAttention' },
  '/operator/orders': { name: 'operatorOrders' },
  '/operator/products': { name: 'operatorProducts' },
  '/operator/settings': { name: 'operatorSettings' },
  '/operator/team': { name: 'operatorTeam' },
  '/operator/payouts': { name: 'operatorPayouts' },
  '/operator/money': { name: 'operatorMoney' },
  '/operator/reviews': { name: 'operatorReviews' },
};

function matchSellerPage(path: string): SellerPage | undefined {
  const fixed = FIXED_SELLER_PAGES[path];
  if (fixed) return fixed;
  const product = /^\/dashboard\/products\/([A-Za-z0-9_-]{6,40})(\/preview)?$/.exec(path);
  if (product) return product[2] ? { name: 'previewProduct', productId: product[1]! } : { name: 'editProduct', productId: product[1]! };
  const parcel = /^\/dashboard\/orders\/([A-Za-z0-9_-]{6,40})$/.exec(path);
  if (parcel) return { name: 'parcel', orderId: parcel[1]! };
  const order = /^\/operator\/orders\/([A-Za-z0-9_-]{6,40})$/.exec(path);
  if (order) return { name: 'operatorOrder', orderId: order[1]! };
  const statement = /^\/dashboard\/statements\/(20\d\d-(?:0[1-9]|1[0-2]))$/.exec(path);
  if (statement) return { name: 'statement', month: statement[1]! };
  const shopStatement = /^\/operator\/shops\/([A-Za-z0-9_-]{6,40})\/statements\/(20\d\d-(?:0[1-9]|1[0-2]))$/.exec(path);
  if (shopStatement) return { name: 'operatorStatement', shopId: shopStatement[1]!, month: shopStatement[2]! };
  const operatorItem = /^\/operator\/(products|shops)\/([A-Za-z0-9_-]{6,40})$/.exec(path);
  if (operatorItem) return operatorItem[1] === 'products' ? { name: 'operatorProduct', productId: operatorItem[2]! } : { name: 'operatorShop', shopId: operatorItem[2]! };
  return undefined;
}

export function parseLocation(href: string): Location {
  const url = new URL(href, 'http://local');
  const { locale } = splitLocalePath(url.pathname);
  return { route: matchRoute(url.pathname), path: url.pathname + url.search, query: url.searchParams, ...(locale ? { locale } : {}) };
}

/** Builds a path with a query string, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The language store links are written in: the page's (App sets it); none before the app starts. */
let linkLocale: Locale | undefined;
export function setLinkLocale(locale: Locale | undefined): void {
  linkLocale = locale;
}
/** A store page's path in the current language (pages without language URLs are left as they are). */
export const inLanguage = (path: string) => (linkLocale ? localizedPath(linkLocale, path) : path);

export const paths = {
  home: () => inLanguage('/'),
  category: (slug: string) => inLanguage(`/c/${encodeURIComponent(slug)}`),
  search: (q: string) => inLanguage(withQuery('/search', { q })),
  product: (id: string) => inLanguage(`/p/${encodeURIComponent(id)}`),
  shop: (slug: string) => inLanguage(`/s/${encodeURIComponent(slug)}`),
  shops: () => inLanguage('/shops'),
  /** A store information page: about, contact, legal notice, terms of sale, returns, privacy. */
  info: (slug: InfoPageSlug) => inLanguage(`/info/${slug}`),
  /** The shopper's favourites (kept in this browser). */
  favourites: () => inLanguage('/favourites'),
  cart: () => inLanguage('/cart'),
  checkout: () => inLanguage('/checkout'),
  /** The order page; the link's secret goes in the fragment (`#t=…`), which no request carries. */
  order: (id: string, token?: string, extra: Record<string, string> = {}) => {
    const [path, fragment] = orderLinkPath(id, token).split('#') as [string, string | undefined];
    return inLanguage(withQuery(path, extra)) + (fragment ? `#${fragment}` : '');
  },
  /** The signed-in shopper's orders (the artisan's are myOrders). */
  myPurchases: () => '/orders',
  /** A guest asks for her orders' links by e-mail. */
  findOrders: () => '/orders/find',
  myOrders: (status?: string) => withQuery('/dashboard/orders', { status }),
  /** One parcel's packing slip and address label, to print (`format`: a6 label or a4 slip); the URL its QR code encodes. */
  myParcel: (orderId: string, format?: 'a6' | 'a4') => withQuery(`/dashboard/orders/${encodeURIComponent(orderId)}`, { format }),
  /** Where artisans get help: the centre's contact details. */
  help: () => '/dashboard/help',
  myEarnings: () => '/dashboard/earnings',
  /** The artisan's statement for a month (`YYYY-MM`), printable. */
  myStatement: (month: string) => `/dashboard/statements/${month}`,
  /** The artisan's sales at a glance: orders and revenue per week, top products, low stock. */
  mySales: () => '/dashboard/sales',
  /** How the artisan is told about her shop and orders: e-mail, WhatsApp or both. */
  myNotifications: () => '/dashboard/notifications',
  /** Every variant's stock and price on one screen, saved at once. */
  myStock: () => '/dashboard/stock',
  sell: () => inLanguage('/sell'),
  signUp: (next?: string) => withQuery('/account/sign-up', { next }),
  signIn: (next?: string) => withQuery('/account/sign-in', { next }),
  /** A forgotten password: a code by e-mail, then a new password (the e-mail already typed carried over). */
  forgotPassword: (email?: string, next?: string) => withQuery('/account/forgot-password', { email, next }),
  dashboard: () => '/dashboard',
  welcome: () => '/dashboard/welcome',
  shopProfile: () => '/dashboard/shop',
  myProducts: (status?: string) => withQuery('/dashboard/products', { status }),
  newProduct: () => '/dashboard/products/new',
  editProduct: (id: string) => `/dashboard/products/${encodeURIComponent(id)}`,
  previewProduct: (id: string) => `/dashboard/products/${encodeURIComponent(id)}/preview`,
  operator: (status?: string) => withQuery('/operator', { status }),
  /** The operators' "needs attention" list (orders the reconciler could not settle). */
  operatorAttention: () => '/operator/attention',
  /** The operators' orders: by status and day, or a search (`q`: order number, e-mail, phone). */
  operatorOrders: (query: { status?: string; day?: string; q?: string } = {}) => withQuery('/operator/orders', query),
  /** An order as operators see it. */
  operatorOrder: (orderId: string) => `/operator/orders/${encodeURIComponent(orderId)}`,
  operatorProducts: (find: { q?: string; shop?: string } = {}) => withQuery('/operator/products', find),
  operatorProduct: (id: string) => `/operator/products/${encodeURIComponent(id)}`,
  operatorShop: (id: string, tab?: 'edit') => withQuery(`/operator/shops/${encodeURIComponent(id)}`, { tab }),
  operatorSettings: () => '/operator/settings',
  operatorTeam: () => '/operator/team',
  /** The operators' payout batches; `batch` opens one. */
  operatorPayouts: (batch?: string) => withQuery('/operator/payouts', { batch }),
  /** Any shop's statement for a month, for operators. */
  operatorStatement: (shopId: string, month: string) => `/operator/shops/${encodeURIComponent(shopId)}/statements/${month}`,
  operatorMoney: () => '/operator/money',
  /** The operators' review moderation, by status (pending first). */
  operatorReviews: (status?: string) => withQuery('/operator/reviews', { status }),
  /** The artisan's reviews and their replies. */
  myReviews: () => '/dashboard/reviews',
};

/** A same-origin path safe to go to after signing in (no open redirect). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next && /^\/(?![/\\])/.test(next) ? next : fallback;
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

/** Navigates without reloading; `replace` swaps the current history entry (e.g. filter changes). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  // A store page without its language (an old link, a path written by hand) goes to the current one's.
  const to = splitLocalePath(path.split(/[?#]/)[0] ?? '').locale ? path : inLanguage(path);
  const current = location.pathname + location.search;
  if (to === current && !options.replace) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

/** Should this click on a link be handled by the router rather than the browser? */
export function isRoutableClick(event: MouseEvent, anchor: HTMLAnchorElement, origin: string): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return false;
  if (anchor.origin !== origin) return false;
  if (anchor.pathname.startsWith('/api/') || anchor.pathname.startsWith('/images/')) return false;
  return true;
}

/** Starts listening to back/forward and to clicks on same-origin links. */
export function startRouter(): () => void {
  const onClick = (event: MouseEvent) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor || !isRoutableClick(event, anchor, location.origin)) return;
    // A link to the same page with only a #hash: let the browser scroll (e.g. the skip link).
    if (anchor.hash && anchor.pathname === location.pathname && anchor.search === location.search) return;
    event.preventDefault();
    // The fragment goes along (an order link keeps its secret there).
    navigate(anchor.pathname + anchor.search + anchor.hash);
  };
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', notify);
  return () => {
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', notify);
  };
}
