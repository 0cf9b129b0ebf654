import { LOCALES, RTL_LOCALES, type Locale } from '../domain/locales.ts';
import { alternateUrls, localizedPath } from '../domain/store-urls.ts';
import { OG_LOCALES, PAGE_TEXT } from './messages.ts';

/**
 * A page's head as the server writes it into the web store's index.html: title, description,
 * canonical and hreflang URLs, Open Graph and Twitter card tags, robots, schema.org JSON-LD.
 * Pure: every text is escaped here, every URL made absolute from the store's base URL.
 */
export interface PageHead {
  locale: Locale;
  /** The whole <title>, site name included. */
  title: string;
  /** The title link previews show (og:title): without the site name, which og:site_name carries. */
  shareTitle?: string;
  description: string;
  /** The page's path without a language (`/p/<id>`): the canonical URL is its path in `locale`. */
  path: string;
  type: 'website' | 'product' | 'profile';
  image?: { url: string; alt: string; width?: number; height?: number };
  /** `noindex` for pages search engines should not list (a 404, the cart, an order). */
  noindex?: boolean;
  /** Extra `<meta property>` tags, e.g. product:price:amount. */
  properties?: ReadonlyArray<readonly [property: string, content: string]>;
  /** schema.org objects, each written as its own application/ld+json block. */
  jsonLd?: readonly object[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for an HTML text node or a double-quoted attribute. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** JSON inside <script type="application/ld+json">: nothing in it can close the element or start markup. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The store's URL of a page in one language. */
export const pageUrl = (baseUrl: string, locale: Locale, path: string) => `${baseUrl.replace(/\/+$/, '')}${localizedPath(locale, path)}`;

/** A public image's absolute URL (the image bucket's key under /images/). */
export const imageUrl = (baseUrl: string, key: string) => `${baseUrl.replace(/\/+$/, '')}/images/${key.split('/').map(encodeURIComponent).join('/')}`;

/** Text for a meta description: one line, at most `max` characters, cut at a word. */
export function summary(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The head's tags, one a line. Marked `data-head` so the web store can replace them when it moves to another page. */
export function renderHead(head: PageHead, baseUrl: string): string {
  const canonical = pageUrl(baseUrl, head.locale, head.path);
  const meta = (attribute: 'name' | 'property', key: string, content: string) => `<meta ${attribute}="${escapeHtml(key)}" content="${escapeHtml(content)}" data-head>`;
  const link = (rel: string, href: string, hreflang?: string) => `<link rel="${rel}"${hreflang ? ` hreflang="${hreflang}"` : ''} href="${escapeHtml(href)}" data-head>`;
  const shareTitle = head.shareTitle ?? head.title;
  const lines = [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    ...(head.noindex ? [meta('name', 'robots', 'noindex')] : []),
    link('canonical', canonical),
    ...alternateUrls(baseUrl, head.path).map((alternate) => link('alternate', alternate.href, alternate.hreflang)),
    meta('property', 'og:site_name', PAGE_TEXT[head.locale].siteName),
    meta('property', 'og:type', head.type),
    meta('property', 'og:title', shareTitle),
    meta('property', 'og:description', head.description),
    meta('property', 'og:url', canonical),
    meta('property', 'og:locale', OG_LOCALES[head.locale]),
    ...LOCALES.filter((l) => l !== head.locale).map((l) => meta('property', 'og:locale:alternate', OG_LOCALES[l])),
    ...(head.image
      ? [
          meta('property', 'og:image', head.image.url),
          meta('property', 'og:image:alt', head.image.alt),
          ...(head.image.width ? [meta('property', 'og:image:width', String(head.image.width))] : []),
          ...(head.image.height ? [meta('property', 'og:image:height', String(head.image.height))] : []),
        ]
      : []),
    ...(head.properties ?? []).map(([property, content]) => meta('property', property, content)),
    meta('name', 'twitter:card', head.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', shareTitle),
    meta('name', 'twitter:description', head.description),
    ...(head.image ? [meta('name', 'twitter:image', head.image.url), meta('name', 'twitter:image:alt', head.image.alt)] : []),
    ...(head.jsonLd ?? []).map((data) => `<script type="application/ld+json" data-head>${jsonLdText(data)}</script>`),
  ];
  return lines.join('\n    ');
}

/**
 * The web store's built index.html with this page's head: `<html lang dir>` in the page's
 * language, its own title and description in place of the generic ones, the rest before
 * `</head>`. The body (the app's mount point and scripts) is left exactly as built.
 */
export function fillShell(shell: string, head: PageHead, baseUrl: string): string {
  if (!/<html\b[^>]*>/i.test(shell) || !/<\/head>/i.test(shell)) throw new Error('index.html has no <html> or </head>: not the web store\'s shell');
  const dir = RTL_LOCALES.has(head.locale) ? 'rtl' : 'ltr';
  return shell
    .replace(/<html\b[^>]*>/i, `<html lang="${head.locale}" dir="${dir}">`)
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/i, '')
    .replace(/<\/head>/i, () => `  ${renderHead(head, baseUrl)}\n  </head>`); // a function: `$&` in a title stays text
}
