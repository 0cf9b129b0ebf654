import { readFileSync } from 'node:fs';

/**
 * The one Node.js major the project develops, tests and runs Lambda on (nodejs24.x). `.nvmrc`
 * pins the exact version `.ci/run` installs when a machine lacks it; package.json "engines" says
 * the same; test/infra/node-version.test.ts holds them equal.
 */
export const NODE_MAJOR = 24;

/** Stops a local run (npm start, npm test) on another major, in one line that says what to do. */
export function assertNodeMajor(version: string = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major === NODE_MAJOR) return;
  const pinned = readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim();
  throw new Error(
    `Dakhla Market runs on Node.js ${NODE_MAJOR} (as its Lambda functions do, nodejs${NODE_MAJOR}.x); this is Node.js ${version}. ` +
      `Install Node.js ${pinned} (e.g. \`npm install --prefix .ci/.tools node@${pinned}\` and put .ci/.tools/node_modules/.bin first on PATH), then run again.`,
  );
}
