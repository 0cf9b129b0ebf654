import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFO_PAGES } from './slugs.ts';
import { INFO_DEFAULTS, INFO_SETTING_DEFAULTS } from './defaults.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEXTS = ['ar', 'en', 'es', 'fr'].map((locale) => `shared/domain/info-pages/${locale}.ts`);

/** The repository files a module's bundle takes in. */
async function bundled(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [resolve(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT, external: ['@aws-sdk/*', '@smithy/*', '@aws-lambda-powertools/*', '@middy/*'] });
  return Object.keys(result.metafile.inputs);
}

describe("the information pages' shipped texts", () => {
  it('are every page in four languages, and its setting until first edited', () => {
    for (const slug of INFO_PAGES) {
      expect(Object.keys(INFO_DEFAULTS[slug].texts).sort(), slug).toEqual(['ar', 'en', 'es', 'fr']);
      expect(INFO_SETTING_DEFAULTS[`page-${slug}`].texts, slug).toBe(INFO_DEFAULTS[slug].texts);
    }
  });

  it('stay out of what every function imports (the settings store, the checkout schemas): ~30 KB each', async () => {
    for (const entry of ['functions/commons/store.ts', 'shared/api/orders.ts', 'shared/data/orders.ts']) {
      const inputs = await bundled(entry);
      expect(inputs.filter((input) => TEXTS.includes(input)), entry).toEqual([]);
    }
    // …and reach the functions that read a page's text.
    expect(await bundled('functions/commons/info-settings.ts')).toEqual(expect.arrayContaining(TEXTS));
  });
});
