import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm start` explains a bad setting in one line and exits 1, without a stack trace. */
const ROOT = resolve(import.meta.dirname, '../..');

/** Runs start.ts; once it says it is running, asks `whenRunning` what to do, then stops it with Ctrl-C. */
function start(args: string[], env: NodeJS.ProcessEnv = process.env, whenRunning?: (url: string) => Promise<void>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], { cwd: ROOT, env });
    let output = '';
    let asked = false;
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && !asked) {
        asked = true;
        void (whenRunning ?? (async () => {}))(url).finally(() => child.kill('SIGINT'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolveRun({ code, output }));
  });
}

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => busy.close(() => r())));

describe('npm start refuses bad settings clearly', () => {
  it('names a busy port', async () => {
    const { code, output } = await start(['--ephemeral', '--port', String(busyPort)]);
    expect(code).toBe(1);
    expect(output).toContain(`Port ${busyPort} (web store and API) is already in use`);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('names a busy cognito-local port', async () => {
    const { code, output } = await start(['--ephemeral', '--port', '0', '--cognito-port', String(busyPort)]);
    expect(code).toBe(1);
    expect(output).toContain(`Port ${busyPort} (cognito-local) is already in use`);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('names a port that is not a number', async () => {
    const { code, output } = await start(['--ephemeral', '--port', 'http']);
    expect(code).toBe(1);
    expect(output).toContain('--port must be a port number');
  });

  it('says Java is missing when it is', async () => {
    const { code, output } = await start(['--ephemeral', '--port', '0'], { ...process.env, PATH: '/nonexistent' });
    expect(code).toBe(1);
    expect(output).toContain('Java 17 or newer is needed');
    expect(output).not.toMatch(/^\s+at /m);
  });
});

describe('npm start keeps data across restarts', () => {
  it('loads the demo data once, keeps it in the data folder, and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dakhla-restart-'));
    try {
      const countShops = async (url: string) => {
        const body = (await (await fetch(`${url}/api/shops`)).json()) as { items: unknown[] };
        shops.push(body.items.length);
      };
      const shops: number[] = [];
      const first = await start(['--port', '0', '--data-dir', dataDir, '--quiet'], process.env, countShops);
      const second = await start(['--port', '0', '--data-dir', dataDir, '--quiet'], process.env, countShops);
      expect([first.code, second.code]).toEqual([0, 0]);
      expect(first.output).toContain('loaded demo data');
      expect(second.output).not.toContain('loaded demo data');
      // The user pool and its accounts are kept too: the demo accounts are made once.
      expect(first.output).toContain('created demo accounts');
      expect(second.output).not.toContain('created demo accounts');
      const pool = (output: string) => /user pool: (\S+)/.exec(output)?.[1];
      expect(pool(second.output)).toBe(pool(first.output));
      expect(second.output).toContain('stopped');
      expect(shops[0]).toBeGreaterThan(0);
      expect(shops[1]).toBe(shops[0]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
