import { moneyQuery } from '#shared/api/money.ts';
import { moneyCsv, moneyView } from '#shared/use-cases/money.ts';
import { rawResponse, signedInRoute } from '../commons/http.ts';
import { money } from '../commons/money.ts';

/** The money view of a period (figures, standing, carriers' cash, remittances), or with `format=csv` its journal as a CSV file. */
export const handler = signedInRoute({ query: moneyQuery }, async ({ query }) => {
  if (query.format === 'json') return moneyView({ money }, query);
  const csv = await moneyCsv({ money }, query);
  return rawResponse({
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csv.filename}"`, 'cache-control': 'no-store' },
    body: csv.body,
  });
});
