import { build, type BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FUNCTION_BUNDLING } from '../constructs/handler-function.ts';
import { IMAGE_FUNCTION_NODE_MODULES } from '../constructs/images.ts';
import { FUNCTIONS_DIR as FUNCTIONS, type LoadModule } from './handler-modules.ts';

/**
 * The functions as CDK deploys them, for the local store: every module of functions/ that exports
 * a handler, bundled with FUNCTION_BUNDLING (its SDK aliases included). The tests' stores run these
 * (`npm start -- --bundled`), so whatever the bundling changes (an alias, a package's ESM build, a
 * dynamic import) is under the same tests as the code. The benchmark (test/bench/handler-bundles.ts)
 * bundles with the same options.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** Per function, what it keeps out of its bundle (installed beside it by its construct: infra/constructs/images.ts). */
export const BUNDLE_EXTERNALS: Readonly<Record<string, readonly string[]>> = { 'images/process-upload': IMAGE_FUNCTION_NODE_MODULES };

/** esbuild's API options for CDK's BundlingOptions, as NodejsFunction turns them into esbuild's command line; an option it does not know throws. */
export function esbuildOptions(bundling: BundlingOptions, extraExternals: readonly string[] = []): BuildOptions {
  const known = new Set(['minify', 'sourceMap', 'format', 'target', 'mainFields', 'logLevel', 'banner', 'externalModules', 'esbuildArgs']);
  const unknown = Object.keys(bundling).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`FUNCTION_BUNDLING has options esbuildOptions does not translate: ${unknown.join(', ')}`);
  const args = (bundling.esbuildArgs ?? {}) as Record<string, string | boolean | string[]>;
  const unknownArgs = Object.keys(args).filter((key) => key !== '--alias');
  if (unknownArgs.length) throw new Error(`FUNCTION_BUNDLING has esbuildArgs esbuildOptions does not translate: ${unknownArgs.join(', ')}`);
  const aliases = ([] as string[]).concat((args['--alias'] as string[] | string | undefined) ?? []);
  return {
    bundle: true,
    platform: 'node',
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    format: bundling.format === 'esm' ? 'esm' : 'cjs',
    target: bundling.target!,
    ...(bundling.mainFields ? { mainFields: [...bundling.mainFields] } : {}),
    logLevel: 'warning',
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    // CDK's own default: @aws-sdk/* left out, unless externalModules says otherwise.
    external: [...(bundling.externalModules ?? ['@aws-sdk/*']), ...extraExternals],
    // esbuild resolves an alias's path from its working directory: CDK runs it at the repository root.
    alias: Object.fromEntries(aliases.map((pair) => [pair.slice(0, pair.indexOf('=')), resolve(ROOT, pair.slice(pair.indexOf('=') + 1))])),
  };
}

/** The modules of functions/ that export a handler: one Lambda function each. */
export function handlerModules(functionsDir: string = FUNCTIONS): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'commons') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && /export (const|async function|function) handler\b/.test(readFileSync(path, 'utf8'))) {
        found.push(relative(functionsDir, path).replace(/\.ts$/, ''));
      }
    }
  };
  walk(functionsDir);
  return found.sort();
}

/** What the bundles are made from: the code they bundle, the lock file, and how they are bundled. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs|cjs|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) hash.update(`${relative(ROOT, path)}\0`).update(readFileSync(path));
    }
  };
  for (const dir of ['functions', 'shared']) walk(join(ROOT, dir));
  for (const file of ['package-lock.json', 'infra/constructs/handler-function.ts', 'infra/local/function-bundles.ts']) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles every handler module as CDK does (no source map: the code is the same, and the maps would
 * be ~200 MB), under node_modules/.cache (inside the repository, so that what a bundle leaves out,
 * sharp, resolves from node_modules as beside the function). Bundles of the same sources are reused,
 * so a second store started on the same checkout (the e2e tests') does not bundle again.
 */
export async function bundledModules(options: { log?: (line: string) => void } = {}): Promise<LoadModule> {
  const cache = join(ROOT, 'node_modules/.cache/dakhla-function-bundles');
  const dir = join(cache, sourcesHash());
  const modules = handlerModules();
  if (!existsSync(join(dir, 'complete'))) {
    const started = Date.now();
    const staging = `${dir}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const common = { ...esbuildOptions(FUNCTION_BUNDLING), sourcemap: false, outdir: staging, outExtension: { '.js': '.mjs' }, write: true } satisfies BuildOptions;
    const plain = modules.filter((module) => !BUNDLE_EXTERNALS[module]);
    await build({ ...common, entryPoints: Object.fromEntries(plain.map((module) => [module, join(FUNCTIONS, `${module}.ts`)])) });
    for (const module of modules.filter((m) => BUNDLE_EXTERNALS[m])) {
      await build({ ...common, external: [...(common.external ?? []), ...BUNDLE_EXTERNALS[module]!], entryPoints: { [module]: join(FUNCTIONS, `${module}.ts`) } });
    }
    writeFileSync(join(staging, 'complete'), `${modules.length}\n`);
    // Another store may have finished the same bundles meanwhile: either copy will do.
    if (!existsSync(join(dir, 'complete'))) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } else rmSync(staging, { recursive: true, force: true });
    options.log?.(`bundled ${modules.length} functions as CDK does (${Math.round((Date.now() - started) / 100) / 10} s)`);
    pruneOtherBundles(cache, dir);
  }
  const known = new Set(modules);
  return (module) => {
    if (!known.has(module)) return Promise.reject(new Error(`functions/${module}.ts is not a handler module (no bundle of it)`));
    return import(pathToFileURL(join(dir, `${module}.mjs`)).href) as Promise<{ handler?: unknown }>;
  };
}

/** Keeps the cache to the newest few bundle sets. */
function pruneOtherBundles(cache: string, keep: string) {
  mkdirSync(cache, { recursive: true });
  const sets = readdirSync(cache)
    .map((name) => join(cache, name))
    .filter((path) => path !== keep && statSync(path).isDirectory())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of sets.slice(2)) rmSync(old, { recursive: true, force: true });
}
