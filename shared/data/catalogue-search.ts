import type { SearchPage, SearchProductsQuery } from '../api/catalogue.ts';
import type { ProductSummary } from '../domain/catalogue.ts';
import { didYouMean, productsWith, resolveWords, searchedTerm, type ResolvedWord } from '../domain/search-vocabulary.ts';
import { indexSearchWords, querySearchWords } from '../domain/text-search.ts';
import { scopeReads, type ScopeReadsDeps } from './catalogue-scope.ts';
import { invalidCursor } from './cursor.ts';
import { INDEX, scope } from './keys.ts';
import { cachedVocabulary, searchVocabulary } from './search-vocabulary.ts';

/**
 * Text search over the catalogue's term entries (DATA-MODEL.md, pattern 8):
 * 1. the query's words become terms (shared/domain/text-search.ts: folding, Arabic article and
 *    clitics, plural/singular);
 * 2. each term is looked up in the vocabulary (cached per process); a term it lacks is looked for
 *    in the index itself (one Query of one entry: the vocabulary may be minutes old), else replaced
 *    by its nearest vocabulary term within the typos it is allowed, else left out;
 * 3. the term with the fewest listed products drives: its list is read newest first or by price,
 *    the other terms (and category, shop, price range) filter it, and the read goes on until the
 *    page is full or the list ends (at most SEARCH_READS requests), so a page with a cursor always
 *    has results;
 * 4. the answer says what it searched for instead ("did you mean"), which words matched nothing,
 *    the shops whose names the query matches, and — when nothing is found — words to try.
 */
export interface CatalogueSearchDeps extends ScopeReadsDeps {
  /** How long a process keeps the vocabulary before reading it again. */
  vocabularyTtlMs?: number;
}

/** Requests one page of a search reads at most (24 a page: 24, 96, 384, then 1,000 entries each). */
export const SEARCH_READS = 6;
/** Words a query is searched by at most (the rest of a very long query is left out). */
export const MAX_QUERY_TERMS = 8;
/** Words offered when nothing is found. */
const SUGGESTIONS = 6;

export function catalogueSearch(deps: CatalogueSearchDeps) {
  const { query, productsInScope } = scopeReads(deps);
  const store = searchVocabulary(deps);
  const vocabulary = cachedVocabulary(store, deps.vocabularyTtlMs ?? 5 * 60_000);

  /** Whether the index has a term at all (for terms newer than the cached vocabulary): one entry read. */
  async function inIndex(term: string): Promise<boolean> {
    const result = await query(
      { IndexName: INDEX.byTime, KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': scope.term(term) }, Limit: 1, ProjectionExpression: 'pk' },
      false,
    );
    return (result.Items ?? []).length > 0;
  }

  /** The term a cursor was reading: a next page goes on with the same driving term. */
  function cursorTerm(cursor: string, sort: SearchProductsQuery['sort']): string {
    const index = sort === 'newest' ? INDEX.byTime : INDEX.byPrice;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8') || 'null') as Record<string, unknown> | null;
    const partition = typeof decoded?.[`${index}pk`] === 'string' ? (decoded[`${index}pk`] as string) : '';
    const prefix = scope.term('');
    if (!partition.startsWith(prefix)) throw invalidCursor();
    return partition.slice(prefix.length);
  }

  async function searchProducts(q: SearchProductsQuery): Promise<SearchPage> {
    const words = querySearchWords(q.q).slice(0, MAX_QUERY_TERMS);
    if (!words.length) return { items: [] };
    const vocab = await vocabulary();
    const unknown = words.filter((w) => !vocab.get(w.term));
    const found = await Promise.all(unknown.map(async (w) => ((await inIndex(w.term)) ? w.term : undefined)));
    const resolved = resolveWords(words, vocab, new Set(found.filter((t) => t !== undefined)));
    const searched = resolved.filter((w) => searchedTerm(w) !== undefined);
    const ignored = resolved.filter((w) => w.status === 'unknown').map((w) => w.typed);
    const notes = { ...(ignored.length ? { ignored } : {}), ...withDidYouMean(resolved) };
    if (!searched.length) return { items: [], ...notes, ...suggest(resolved) };

    let driver = [...searched].sort((a, b) => productsWith(a) - productsWith(b))[0]!;
    if (q.cursor) {
      let term: string;
      try {
        term = cursorTerm(q.cursor, q.sort);
      } catch {
        throw invalidCursor();
      }
      const same = searched.find((w) => searchedTerm(w) === term);
      if (!same) throw invalidCursor();
      driver = same;
    }
    const others = [...new Set(searched.filter((w) => w !== driver).map((w) => searchedTerm(w)!))];
    const conditions = others.map((_, i) => `contains(terms, :t${i})`);
    const values: Record<string, unknown> = Object.fromEntries(others.map((t, i) => [`:t${i}`, t]));
    if (q.category) {
      conditions.push('category = :category');
      values[':category'] = q.category;
    }
    if (q.shop) {
      conditions.push('shopId = :shop');
      values[':shop'] = q.shop;
    }
    const page = await productsInScope({
      ...q,
      scopeKey: scope.term(searchedTerm(driver)!),
      ...(conditions.length ? { filter: { expression: conditions.join(' AND '), values } } : {}),
      fill: SEARCH_READS,
    });
    const shops = matchingShops(page.items, searched);
    const nothing = !page.items.length && !q.cursor;
    return {
      ...page,
      ...notes,
      ...(shops.length ? { shops } : {}),
      ...(nothing ? suggest(resolved) : {}),
    };

    /**
     * Words to try when nothing was found: each searched word alone (together they found nothing),
     * then, for the words found nowhere, the catalogue's words they begin or nearly spell.
     */
    function suggest(words: ResolvedWord[]): Pick<SearchPage, 'suggestions'> {
      const tries = new Set<string>();
      if (words.filter((w) => w.status !== 'unknown').length > 1) {
        for (const w of words) if (w.status !== 'unknown') tries.add(w.status === 'corrected' ? w.to.word : w.typed);
      }
      const unknown = words.filter((w) => w.status === 'unknown').map((w) => w.term);
      for (const entry of vocab.suggestions(unknown, SUGGESTIONS)) tries.add(entry.word);
      const suggestions = [...tries].slice(0, SUGGESTIONS);
      return suggestions.length ? { suggestions } : {};
    }
  }

  return { searchProducts };
}

function withDidYouMean(resolved: ResolvedWord[]): Pick<SearchPage, 'didYouMean'> {
  const text = didYouMean(resolved);
  return text ? { didYouMean: text } : {};
}

/** The shops of the products found whose names hold a searched word: the filter to offer. */
function matchingShops(items: ProductSummary[], searched: ResolvedWord[]): NonNullable<SearchPage['shops']> {
  const terms = new Set(searched.map(searchedTerm));
  const shops = new Map<string, NonNullable<SearchPage['shops']>[number]>();
  for (const item of items) {
    if (shops.has(item.shopId)) continue;
    const nameTerms = Object.values(item.shopName).flatMap((name) => indexSearchWords(name ?? '').map((w) => w.term));
    if (nameTerms.some((t) => terms.has(t))) shops.set(item.shopId, { id: item.shopId, slug: item.shopSlug, name: item.shopName });
  }
  return [...shops.values()];
}

export type CatalogueSearch = ReturnType<typeof catalogueSearch>;
