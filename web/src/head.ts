import type { Locale } from '../../shared/domain/locales.ts';
import { alternateUrls, isLocalizedPage, localizedPath, splitLocalePath } from '../../shared/domain/store-urls.ts';

/**
 * After a move within the app: the head the server wrote for the first page (its Open Graph tags,
 * JSON-LD, canonical and alternates, all marked `data-head`) goes, and this page's canonical URL
 * and hreflang alternates come (the title is each page's own: hooks.ts useTitle).
 */
export function syncHead(pathname: string, locale: Locale): void {
  for (const element of document.head.querySelectorAll('[data-head]')) {
    if (element.getAttribute('name') !== 'description') element.remove();
  }
  const { rest } = splitLocalePath(pathname);
  if (!isLocalizedPage(rest)) return;
  const add = (rel: string, href: string, hreflang?: string) => {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (hreflang) link.hreflang = hreflang;
    link.setAttribute('data-head', '');
    document.head.append(link);
  };
  add('canonical', `${location.origin}${localizedPath(locale, rest)}`);
  for (const alternate of alternateUrls(location.origin, rest)) add('alternate', alternate.href, alternate.hreflang);
}
