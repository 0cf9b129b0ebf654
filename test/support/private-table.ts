import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { ensureTable } from '../../infra/local/provision.ts';
import { writeDemoCatalogue } from '../../infra/local/seed.ts';

/**
 * A table of the test file's own in the running store's DynamoDB Local (the same definition as
 * the store's), with the demo catalogue of some shops: for tests whose runs act on every order of
 * the table (the reconciler), so that they never touch another test file's orders.
 */
export async function privateTable(label: string, shopIds: readonly string[]): Promise<string> {
  const tableName = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await ensureTable(client, tableName);
    await writeDemoCatalogue({ db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), tableName }, { shopIds });
  } finally {
    client.destroy();
  }
  return tableName;
}
