import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the local store takes its handler modules from, by module name under functions/
 * (e.g. `catalogue/get-product`): their TypeScript sources (`sourceModules`, what `npm start` runs
 * by default), or the bundles CDK deploys (`bundledModules` in function-bundles.ts, what the tests'
 * stores run).
 */
export type LoadModule = (module: string) => Promise<{ handler?: unknown }>;

export const FUNCTIONS_DIR = resolve(import.meta.dirname, '../../functions');

export const sourceModules =
  (functionsDir: string = FUNCTIONS_DIR): LoadModule =>
  (module) =>
    import(pathToFileURL(join(functionsDir, `${module}.ts`)).href) as Promise<{ handler?: unknown }>;
