import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The search's relevance, measured on the relevance set (search-relevance.json: queries a shopper
 * types and the demo products each should find) — its development half, which the search was
 * tuned on, and its held-back half, which it was not.
 *
 * recall@k: of the products a query should find, the share among its first k results (k capped at
 * the number expected, so a query expecting 2 products scores 1 when both are in its first 10),
 * averaged over the queries. MRR: the mean of 1/rank of the first expected product (0 when none is
 * in the first page). Results come newest first (the search's default sort), not by a score.
 */
export interface RelevanceQuery {
  q: string;
  lang: 'ar' | 'fr' | 'en' | 'es';
  kind: string;
  expect: string[];
}

type Baseline = Pick<RelevanceScore, 'recall@10' | 'recall@24' | 'mrr' | 'zeroHits'>;

export interface RelevanceSet {
  /** The figures of the search before this relevance set's change, recorded when it was written. */
  baseline: { measured: string; development: Baseline; heldBack: Baseline };
  development: RelevanceQuery[];
  heldBack: RelevanceQuery[];
}

export const relevanceSet: RelevanceSet = JSON.parse(readFileSync(resolve(import.meta.dirname, 'search-relevance.json'), 'utf8'));

/** The first page of a search, as product ids in the order returned. */
export type SearchFirstPage = (q: string) => Promise<string[]>;

export interface RelevanceScore {
  set: string;
  queries: number;
  'recall@10': number;
  'recall@24': number;
  mrr: number;
  /** Queries that found none of their expected products in the first page. */
  zeroHits: number;
}

export interface RelevanceMiss {
  q: string;
  kind: string;
  missing: string[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function scoreRelevance(set: string, queries: RelevanceQuery[], search: SearchFirstPage): Promise<{ score: RelevanceScore; misses: RelevanceMiss[] }> {
  let recall10 = 0;
  let recall24 = 0;
  let reciprocal = 0;
  let zeroHits = 0;
  const misses: RelevanceMiss[] = [];
  for (const query of queries) {
    const found = await search(query.q);
    const within = (k: number) => query.expect.filter((id) => found.slice(0, k).includes(id)).length / Math.min(k, query.expect.length);
    recall10 += within(10);
    recall24 += within(24);
    const first = found.findIndex((id) => query.expect.includes(id));
    reciprocal += first < 0 ? 0 : 1 / (first + 1);
    if (first < 0) zeroHits++;
    const missing = query.expect.filter((id) => !found.includes(id));
    if (missing.length) misses.push({ q: query.q, kind: query.kind, missing });
  }
  const n = queries.length;
  return {
    score: { set, queries: n, 'recall@10': round(recall10 / n), 'recall@24': round(recall24 / n), mrr: round(reciprocal / n), zeroHits },
    misses,
  };
}

/** Both halves, now and as recorded before (relevanceSet.baseline). */
export async function measureSearchRelevance(search: SearchFirstPage): Promise<{ scores: (RelevanceScore & { when: string })[]; misses: Record<string, RelevanceMiss[]> }> {
  const development = await scoreRelevance('development', relevanceSet.development, search);
  const heldBack = await scoreRelevance('held back', relevanceSet.heldBack, search);
  const { baseline } = relevanceSet;
  return {
    scores: [
      { when: 'before', set: 'development', queries: relevanceSet.development.length, ...baseline.development },
      { when: 'now', ...development.score },
      { when: 'before', set: 'held back', queries: relevanceSet.heldBack.length, ...baseline.heldBack },
      { when: 'now', ...heldBack.score },
    ],
    misses: { development: development.misses, heldBack: heldBack.misses },
  };
}
