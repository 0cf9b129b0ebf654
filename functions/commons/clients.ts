import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogueQueries } from '#shared/data/catalogue-queries.ts';
import { config } from './config.ts';
import { credentials } from './env-credentials.ts';
import { traced } from './tracing.ts';

/**
 * SDK clients and data adapters, built once per process. The endpoint comes from the SDK's
 * own settings (AWS_ENDPOINT_URL_DYNAMODB locally), so the code is the same in both worlds. Each
 * SDK client is traced (functions/commons/tracing.ts): a subsegment per call in X-Ray.
 */
export const db = DynamoDBDocumentClient.from(traced(new DynamoDBClient({ credentials })), {
  marshallOptions: { removeUndefinedValues: true },
});

export const catalogue = catalogueQueries({ db, tableName: config.tableName });
