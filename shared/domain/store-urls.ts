import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.ts';

/**
 * The store's page URLs per language: `/<lang>/…` (`/ar/p/<id>`, `/fr/s/<slug>`, `/es`). One
 * module for the web router (links, the language switcher), the server-side head (canonical and
 * hreflang URLs, the sitemap) and the edge's redirect of a URL without a language
 * (shared/edge/pages.ts). Pure: no DOM, no environment.
 */

/** The cookie the web store sets when a shopper picks a language; the edge's redirect reads it. */
export const LOCALE_COOKIE = 'dm_locale';

/**
 * Pages that keep one URL without a language: the shopper's own cart, checkout and orders (never
 * shared nor indexed; an order's link is in emails already sent) and the artisans' and operators'
 * screens (signed in). Their language is the device's choice, or the last page's. Every other page
 * has one URL per language.
 */
export const UNLOCALIZED_PREFIXES = ['/cart', '/checkout', '/orders', '/account', '/dashboard', '/operator', '/dev'] as const;

/** `/ar/p/x` → `{ locale: 'ar', rest: '/p/x' }`; `/ar` → rest `/`; `/p/x` → no locale. */
export function splitLocalePath(pathname: string): { locale: Locale | undefined; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], rest: match[2] || '/' };
  return { locale: undefined, rest: pathname || '/' };
}

/** Whether a path (without a language) is a page that has one URL per language. */
export function isLocalizedPage(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] || '/';
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return false;
  if (/\.[^/]*$/.test(pathname)) return false; // a file (favicon.svg, robots.txt…)
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/images/')) return false;
  return !UNLOCALIZED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A page's path in one language: `localizedPath('ar', '/p/x?y=1#t')` → `/ar/p/x?y=1#t`; the home
 * page is `/ar` (no trailing slash: one URL per page, and the one API Gateway's `/pages/{lang}` route takes). A path that already has a language gets this one instead; pages without
 * language URLs (isLocalizedPage) are left as they are.
 */
export function localizedPath(locale: Locale, path: string): string {
  const { rest } = splitLocalePath(path.split(/[?#]/)[0] || '/');
  const tail = path.slice((path.split(/[?#]/)[0] || '').length);
  if (!isLocalizedPage(rest)) return path;
  return `/${locale}${rest === '/' ? '' : rest}${tail}`;
}

/** The language-neutral path of a page (what x-default points at: the edge redirects it). */
export function neutralPath(path: string): string {
  return splitLocalePath(path).rest;
}

/** Every language's URL of a page, and x-default: the hreflang alternates. */
export function alternateUrls(baseUrl: string, path: string): Array<{ hreflang: Locale | 'x-default'; href: string }> {
  const base = baseUrl.replace(/\/+$/, '');
  const neutral = neutralPath(path);
  return [...LOCALES.map((locale) => ({ hreflang: locale, href: `${base}${localizedPath(locale, neutral)}` })), { hreflang: 'x-default' as const, href: `${base}${neutral}` }];
}

/**
 * The language to send a shopper to: the one they chose (the cookie), else the first language of
 * their Accept-Language that the store speaks (by q-value), else French. The edge's redirect
 * function applies the same rule (pages.ts, tested against this one).
 */
export function preferredLocale(cookieValue: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split(/[-_]/)[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? DEFAULT_LOCALE;
}
