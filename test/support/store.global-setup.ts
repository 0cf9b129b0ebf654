import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts the whole local store exactly as a newcomer does (`infra/local/start.ts`, the
 * script behind `npm start`), on free ports with in-memory data, and stops it with Ctrl-C
 * (SIGINT) at the end — so every run also checks the clean shutdown.
 */
const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--port', '0', '--ephemeral', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let output = '';
  const ready = new Promise<{ url: string; dynamo: string; cognito: RegExpExecArray }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`local store did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const dynamo = /dynamodb: (http:\/\/\S+)/.exec(output)?.[1];
      const cognito = /cognito: (http:\/\/\S+)\s+user pool: (\S+)\s+client: (\S+)/.exec(output);
      if (url && dynamo && cognito) {
        clearTimeout(timer);
        resolveReady({ url, dynamo, cognito });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local store exited with code ${code}:\n${output}`));
    });
  });
  const { url, dynamo, cognito } = await ready;
  project.provide('storeUrl', url);
  project.provide('dynamoEndpoint', dynamo);
  project.provide('tableName', 'dakhla-market');
  project.provide('cognitoEndpoint', cognito[1]!);
  project.provide('userPoolId', cognito[2]!);
  project.provide('clientId', cognito[3]!);

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref())]);
    if (code !== 0) {
      child.kill('SIGKILL');
      throw new Error(`the local store did not shut down cleanly on SIGINT (${code}):\n${output.slice(-2000)}`);
    }
  };
}
