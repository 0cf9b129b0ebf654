import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm start` explains a bad setting in one line and exits 1, without a stack trace. */
const ROOT = resolve(import.meta.dirname, '../..');

function start(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--ephemeral', ...args], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
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
    const { code, output } = await start(['--port', String(busyPort)]);
    expect(code).toBe(1);
    expect(output).toContain(`Port ${busyPort} (web store and API) is already in use`);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('names a port that is not a number', async () => {
    const { code, output } = await start(['--port', 'http']);
    expect(code).toBe(1);
    expect(output).toContain('--port must be a port number');
  });

  it('says Java is missing when it is', async () => {
    const { code, output } = await start(['--port', '0'], { ...process.env, PATH: '/nonexistent' });
    expect(code).toBe(1);
    expect(output).toContain('Java 17 or newer is needed');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
