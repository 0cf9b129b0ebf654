import type { Listings } from '../data/listings.ts';
import type { SearchVocabularyStore } from '../data/search-vocabulary.ts';
import { countVocabulary } from '../domain/search-vocabulary.ts';
import { SEARCH_INDEX_VERSION, type SearchWord } from '../domain/text-search.ts';

export interface ReindexReport {
  products: number;
  terms: number;
  staleTerms: number;
  version: number;
}

/**
 * Rebuilds the search index of every listed product with the current term rules
 * (shared/domain/text-search.ts): walks the listed products (gsi1 `CATALOGUE#ALL`, 100 a page:
 * Query, never Scan), refreshes each one's entries (`refreshListing` writes only what differs),
 * then writes the vocabulary as counted from them (exact, whatever a count drifted to) and marks
 * the index with the rules' version. Safe to run again, and while the store serves: a product
 * edited meanwhile is refreshed by its own edit too.
 */
export async function reindexSearch(
  deps: { listings: Pick<Listings, 'refreshListing' | 'listedProductIds'>; vocabulary: Pick<SearchVocabularyStore, 'replaceAll' | 'markIndexed'>; now?: () => Date },
  onPage: (products: number) => void = () => {},
): Promise<ReindexReport> {
  const listed: SearchWord[][] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.listings.listedProductIds(start);
    for (const id of page.ids) {
      const words = await deps.listings.refreshListing(id);
      if (words.length) listed.push(words);
    }
    onPage(listed.length);
    start = page.next;
  } while (start);
  const { written, deleted } = await deps.vocabulary.replaceAll(countVocabulary(listed));
  await deps.vocabulary.markIndexed(SEARCH_INDEX_VERSION, (deps.now?.() ?? new Date()).toISOString());
  return { products: listed.length, terms: written, staleTerms: deleted, version: SEARCH_INDEX_VERSION };
}
