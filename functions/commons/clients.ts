import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { config } from './config.ts';

/**
 * SDK clients and data adapters, built once per process. The endpoint comes from the SDK's
 * own settings (AWS_ENDPOINT_URL_DYNAMODB locally), so the code is the same in both worlds.
 */
export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export const catalogue = catalogueQueries({ db, tableName: config.tableName });
