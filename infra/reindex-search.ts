import { listings } from '#shared/data/listings.ts';
import { searchVocabulary } from '#shared/data/search-vocabulary.ts';
import { reindexSearch } from '#shared/use-cases/reindex-search.ts';
import { runTableScript } from './table-script.ts';

/**
 * `npm run reindex-search -- --table <TableName> --region <region>`: rebuilds every listed
 * product's search entries with the current term rules and rewrites the search's vocabulary
 * (shared/use-cases/reindex-search.ts). Run after deploying a change of SEARCH_INDEX_VERSION;
 * idempotent; Query only (gsi1 `CATALOGUE#ALL`, each product's partition, the vocabulary's
 * partition), no Scan. Needs dynamodb:Query, GetItem, BatchGetItem, BatchWriteItem, UpdateItem,
 * DeleteItem and PutItem on the table and its gsi1 index. Locally, with `npm start` running:
 * `--endpoint http://localhost:8000` (npm start also runs it by itself on a table that needs it).
 */
await runTableScript('reindex-search', async (deps) => {
  const report = await reindexSearch({ listings: listings(deps), vocabulary: searchVocabulary(deps) }, (n) => process.stderr.write(`\r[dakhla] ${n} products reindexed…`));
  process.stderr.write('\n');
  return `${report.products} listed products reindexed (search rules v${report.version}) in ${deps.tableName}: ${report.terms} terms in the vocabulary, ${report.staleTerms} stale terms removed`;
});
