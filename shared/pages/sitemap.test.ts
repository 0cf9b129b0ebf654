import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapFileCount, sitemapFilePaths, sitemapIndexXml, sitemapPaths, urlsetXml } from './sitemap.ts';

describe('the sitemap', () => {
  const paths = sitemapPaths({ products: ['prd-1', 'prd-2'], shops: ['atelier-mina'], categories: ['leather'] });

  it('lists home, workshops, the information pages, categories, shops and products in four languages, each with its alternates', () => {
    expect(paths).toEqual(['/', '/shops', '/info/about', '/info/contact', '/info/legal', '/info/terms', '/info/returns', '/info/privacy', '/c/leather', '/s/atelier-mina', '/p/prd-1', '/p/prd-2']);
    const xml = urlsetXml('https://s.ma', paths);
    expect(xml.match(/<url>/g)).toHaveLength(paths.length * 4);
    expect(xml).toContain('<url><loc>https://s.ma/es/p/prd-2</loc><xhtml:link rel="alternate" hreflang="ar" href="https://s.ma/ar/p/prd-2"/>');
    expect(xml.match(/hreflang="x-default" href="https:\/\/s.ma\/p\/prd-1"/g)).toHaveLength(4);
  });

  it('becomes an index of files once it passes one file', () => {
    expect(sitemapFileCount(paths)).toBe(1);
    const many = Array.from({ length: 3001 }, (_, i) => `/p/prd-${i}`);
    expect(sitemapFileCount(many)).toBe(3);
    expect(sitemapFilePaths(many, 3)).toEqual(['/p/prd-2500', ...many.slice(2501)]);
    expect(sitemapFilePaths(many, 1)).toHaveLength(1250);
    expect(sitemapIndexXml('https://s.ma/', 2)).toContain('<sitemap><loc>https://s.ma/sitemaps/2.xml</loc></sitemap>');
  });

  it('robots.txt keeps crawlers out of the API and private screens and names the sitemap', () => {
    const robots = robotsTxt('https://s.ma/');
    for (const line of ['Disallow: /api/', 'Disallow: /dashboard', 'Disallow: /operator', 'Disallow: /dev/', 'Disallow: /checkout', 'Disallow: /*/search', 'Sitemap: https://s.ma/sitemap.xml']) expect(robots).toContain(line);
    expect(robots).not.toMatch(/Disallow: \/\s*$/m);
  });
});
