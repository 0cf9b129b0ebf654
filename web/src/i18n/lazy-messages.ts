import type { Locale } from '../../../shared/domain/locales.ts';

/**
 * An area's message catalogues, one lazy chunk per language (the seller area, the cart and
 * checkout, the sales page): `load` fetches a language once, `loaded` answers at once with what
 * is already there (see useAreaMessages).
 */
export function lazyMessages<M>(loaders: Record<Locale, () => Promise<M>>) {
  const loaded = new Map<Locale, M>();
  return {
    async load(locale: Locale): Promise<M> {
      const cached = loaded.get(locale);
      if (cached) return cached;
      const messages = await loaders[locale]();
      loaded.set(locale, messages);
      return messages;
    },
    loaded: (locale: Locale): M | undefined => loaded.get(locale),
  };
}

/** What a catalogue test checks: every language has the reference's keys, none empty, with the same placeholders. */
export function catalogueProblems(reference: Record<string, string>, catalogues: Record<string, Record<string, string>>): string[] {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  const problems: string[] = [];
  for (const [locale, messages] of Object.entries(catalogues)) {
    for (const key of Object.keys(reference)) {
      if (!(key in messages)) problems.push(`${locale} lacks ${key}`);
      else if (!messages[key]!.trim()) problems.push(`${locale} ${key} is empty`);
      else if (placeholders(messages[key]!) !== placeholders(reference[key]!)) problems.push(`${locale} ${key} has other placeholders`);
    }
    for (const key of Object.keys(messages)) if (!(key in reference)) problems.push(`${locale} has ${key}, which the reference has not`);
  }
  return problems;
}
