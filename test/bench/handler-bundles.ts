import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { routes } from '#shared/routes.ts';
import { BUNDLE_TARGET } from '../../infra/constructs/handler-function.ts';

/**
 * Per-route Lambda bundle size and module init time: each handler is bundled as the CDK
 * stack bundles it (esbuild, ESM, minified, SDK included), then imported in a fresh Node
 * process, ten times, to time the cold-start module load.
 */
const ROOT = resolve(import.meta.dirname, '../..');

export async function measureHandlerBundles() {
  const dir = mkdtempSync(join(tmpdir(), 'dakhla-bench-'));
  const rows: Array<{ handler: string; bytes: number; gzipBytes: number; initMsMedian: number }> = [];
  try {
    // One bundle per handler (a handler may serve several routes: each card provider's webhook).
    for (const handler of new Set(routes.map((route) => route.handler))) {
      const outfile = join(dir, `${handler.replace('/', '-')}.mjs`);
      const result = await build({
        entryPoints: [join(ROOT, 'functions', `${handler}.ts`)],
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'esm',
        target: BUNDLE_TARGET,
        mainFields: ['module', 'main'],
        banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
        outfile,
        write: false,
      });
      const code = result.outputFiles[0]!.contents;
      writeFileSync(outfile, code);
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const run = spawnSync(
          process.execPath,
          ['--input-type=module', '-e', `const t=performance.now();await import(${JSON.stringify(outfile)});console.log(performance.now()-t)`],
          { env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-3', NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
        );
        times.push(Number(run.stdout.trim()));
      }
      times.sort((a, b) => a - b);
      rows.push({ handler, bytes: code.length, gzipBytes: gzipSync(code).length, initMsMedian: Number(times[5]!.toFixed(1)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
