import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { routes } from '#shared/routes.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDb, startS3, type Emulator } from './emulators.ts';
import { createGateway } from './gateway.ts';
import { assertPortFree, freePort } from './ports.ts';
import { ensureTable } from './provision.ts';
import { seedIfEmpty } from './seed.ts';

/**
 * The whole store on one machine: emulators, table and bucket, demo data, and the gateway
 * that runs the same handlers as AWS. Used by `npm start` and by the test suites.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const LOCAL_TABLE = 'dakhla-market';
export const LOCAL_IMAGE_BUCKET = 'dakhla-market-images';

export interface StackOptions {
  /** Gateway port; 0 picks free ports for everything. */
  port: number;
  dynamoPort?: number;
  s3Port?: number;
  /** Where data survives restarts; omit for an in-memory table and a throw-away bucket. */
  dataDir?: string;
  webRoot?: string;
  log?: (line: string) => void;
}

export interface RunningStack {
  url: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  imageBucket: string;
  seeded: Awaited<ReturnType<typeof seedIfEmpty>>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const port = options.port || (await freePort());
  const dynamoPort = options.dynamoPort ?? (options.port ? 8000 : await freePort());
  const s3Port = options.s3Port ?? (options.port ? 4569 : await freePort());
  await assertPortFree(port, 'web store and API');
  await assertPortFree(dynamoPort, 'DynamoDB Local');
  await assertPortFree(s3Port, 's3rver');

  const scratch = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'dakhla-'));
  const started: Emulator[] = [];
  let server: Server | undefined;
  const stop = async () => {
    if (server) await new Promise<void>((r) => server!.close(() => r()));
    server?.closeAllConnections();
    for (const emulator of started.reverse()) await emulator.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };

  try {
    log('starting DynamoDB Local and s3rver…');
    const [dynamo, s3] = await Promise.all([
      startDynamoDb({ port: dynamoPort, ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}) }),
      startS3({ port: s3Port, dataDir: join(options.dataDir ?? scratch!, 's3'), buckets: [LOCAL_IMAGE_BUCKET] }),
    ]);
    started.push(dynamo, s3);

    // The handlers read these exactly as they read their Lambda environment in AWS.
    Object.assign(process.env, {
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    });

    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const s3Client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    await ensureTable(client, LOCAL_TABLE);
    const seeded = await seedIfEmpty({ db: DynamoDBDocumentClient.from(client), s3: s3Client, tableName: LOCAL_TABLE, imageBucket: LOCAL_IMAGE_BUCKET });
    client.destroy();
    s3Client.destroy();
    if (seeded.seeded) log(`loaded demo data: ${seeded.shops} shops, ${seeded.products} products, ${seeded.images} images`);

    server = await createGateway({
      routes,
      functionsDir: join(ROOT, 'functions'),
      webRoot: options.webRoot ?? join(ROOT, 'web/dist'),
      images: { endpoint: s3.endpoint, bucket: LOCAL_IMAGE_BUCKET },
      log,
    });
    await new Promise<void>((resolveListen, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolveListen());
    });
    return {
      url: `http://localhost:${port}`,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      tableName: LOCAL_TABLE,
      imageBucket: LOCAL_IMAGE_BUCKET,
      seeded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
