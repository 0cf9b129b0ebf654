import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { orderContacts } from '#shared/data/order-contacts.ts';
import { orders } from '#shared/data/orders.ts';
import { backfillOrderContacts } from '#shared/use-cases/backfill-order-contacts.ts';

/**
 * `npm run backfill-order-contacts -- --table <TableName> --region <region>`: files the orders
 * placed before the operators' search under their shopper's e-mail and phone, so the search
 * finds them too (shared/use-cases/backfill-order-contacts.ts). Idempotent; Query only.
 *   - in AWS: the stateful stack's TableName output, with the caller's AWS credentials
 *     (dynamodb:Query on the table's gsi1 index, dynamodb:PutItem on the table);
 *   - locally, with `npm start` running: `--endpoint http://localhost:8000` (DynamoDB Local; the
 *     table is `dakhla-market`).
 */
const USAGE = 'usage: npm run backfill-order-contacts -- --table <TableName> (--region <region> | --endpoint <url>)';

class UsageError extends Error {}

async function main(): Promise<string> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION },
      endpoint: { type: 'string' },
    },
  });
  const tableName = values.table ?? (values.endpoint ? 'dakhla-market' : undefined);
  if (!tableName || (!values.region && !values.endpoint)) throw new UsageError(USAGE);
  const client = new DynamoDBClient({
    region: values.region ?? 'eu-west-3',
    ...(values.endpoint ? { endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  try {
    const filed = await backfillOrderContacts({ orders: orders({ db, tableName }), contacts: orderContacts({ db, tableName }) });
    return `${filed} orders filed under their shopper's e-mail and phone in ${tableName}`;
  } finally {
    client.destroy();
  }
}

try {
  console.log(`[dakhla] ${await main()}`);
} catch (error) {
  const name = (error as Error)?.name ?? '';
  const known = error instanceof UsageError || ['ResourceNotFoundException', 'AccessDeniedException', 'UnrecognizedClientException', 'CredentialsProviderError'].includes(name);
  if (!known && !/ECONNREFUSED|credential/i.test(String((error as Error)?.message))) throw error;
  console.error(`[dakhla] backfill-order-contacts: ${(error as Error).message}`);
  process.exitCode = 1;
}
