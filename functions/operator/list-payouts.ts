import { operatorPayoutsQuery } from '#shared/api/payouts.ts';
import { batchCsv, getBatch, listBatches } from '#shared/use-cases/payouts.ts';
import { rawResponse, signedInRoute } from '../commons/http.ts';
import { payoutDeps } from '../commons/payouts.ts';

/** The payout batches, newest first; one batch with its payouts (RIBs masked); or its bank-transfer file (CSV, the full RIBs). */
export const handler = signedInRoute({ query: operatorPayoutsQuery }, async ({ caller, query }) => {
  if (!query.batchId) return listBatches(payoutDeps, query);
  if (query.format === 'json') return getBatch(payoutDeps, query.batchId);
  const { filename, csv } = await batchCsv(payoutDeps, caller, query.batchId);
  return rawResponse({ statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }, body: csv });
});
