import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The whole local store as a newcomer runs it (`infra/local/start.ts`, the script behind
 * `npm start`), in a child process: what it says once it runs (its URL, DynamoDB, the user pool),
 * a clean stop with Ctrl-C, and a kill.
 */
const ROOT = resolve(import.meta.dirname, '../..');

export interface StoreProcess {
  url: string;
  dynamoEndpoint: string;
  cognito: { endpoint: string; userPoolId: string; clientId: string };
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C (or another signal): resolves with its exit code; SIGKILL after 15 s ('timeout'). */
  stop(signal?: NodeJS.Signals): Promise<number | null | 'timeout'>;
  /**
   * SIGKILL, no clean stop: the process dies where it is. Its emulators go with it as they would
   * with a machine that stops (DynamoDB Local would otherwise keep running, holding its port).
   * Needs `{ detached: true }` (the store and its emulators in a process group of their own).
   */
  kill(): Promise<void>;
}

export async function startStoreProcess(args: string[], options: { detached?: boolean; timeoutMs?: number } = {}): Promise<StoreProcess> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    detached: options.detached ?? false,
  });
  let output = '';
  // 'close': it has exited and all it printed has been read.
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const ready = await new Promise<{ url: string; dynamo: string; cognito: RegExpExecArray }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`local store did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
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
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`local store exited with code ${code}:\n${output}`));
    });
  });
  return {
    url: ready.url,
    dynamoEndpoint: ready.dynamo,
    cognito: { endpoint: ready.cognito[1]!, userPoolId: ready.cognito[2]!, clientId: ready.cognito[3]! },
    output: () => output,
    async stop(signal = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref())]);
      if (code === 'timeout') child.kill('SIGKILL');
      return code;
    },
    async kill() {
      if (!options.detached) throw new Error('kill() needs a store started with { detached: true }');
      child.kill('SIGKILL');
      await exited;
      const group = -child.pid!;
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false; // nothing left in its group
        }
      };
      if (alive()) process.kill(group, 'SIGKILL'); // what it had started (DynamoDB Local's Java)
      for (const deadline = Date.now() + 5_000; alive() && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
