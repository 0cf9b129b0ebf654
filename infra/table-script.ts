import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * What the operators' one-off table scripts share (`npm run backfill-order-contacts`,
 * `npm run reindex-search`): `--table <TableName> (--region <region> | --endpoint <url>)`, a
 * document client on that table, the work, one line saying what was done — or one line saying
 * why not (a usage mistake, a missing table, no credentials, nothing listening) and exit code 1.
 *   - in AWS: the stateful stack's TableName output, with the caller's AWS credentials;
 *   - locally, with `npm start` running: `--endpoint http://localhost:8000` (DynamoDB Local; the
 *     table is `dakhla-market`).
 */
export interface TableScriptDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

class UsageError extends Error {}

export async function runTableScript(name: string, work: (deps: TableScriptDeps) => Promise<string>): Promise<void> {
  const usage = `usage: npm run ${name} -- --table <TableName> (--region <region> | --endpoint <url>)`;
  try {
    const { values } = parseArgs({
      options: {
        table: { type: 'string' },
        region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION },
        endpoint: { type: 'string' },
      },
    });
    const tableName = values.table ?? (values.endpoint ? 'dakhla-market' : undefined);
    if (!tableName || (!values.region && !values.endpoint)) throw new UsageError(usage);
    const client = new DynamoDBClient({
      region: values.region ?? 'eu-west-3',
      ...(values.endpoint ? { endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    try {
      console.log(`[dakhla] ${await work({ db, tableName })}`);
    } finally {
      client.destroy();
    }
  } catch (error) {
    const errorName = (error as Error)?.name ?? '';
    const known = error instanceof UsageError || ['ResourceNotFoundException', 'AccessDeniedException', 'UnrecognizedClientException', 'CredentialsProviderError'].includes(errorName);
    if (!known && !/ECONNREFUSED|credential/i.test(String((error as Error)?.message))) throw error;
    console.error(`[dakhla] ${name}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
