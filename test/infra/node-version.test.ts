import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TARGET, LAMBDA_RUNTIME } from '../../infra/constructs/handler-function.ts';
import { assertNodeMajor, NODE_MAJOR } from '../../infra/node-version.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('one Node.js major for development, tests and Lambda', () => {
  it('is the one these tests run on', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(NODE_MAJOR);
  });

  it('is what Lambda runs and esbuild targets', () => {
    expect(LAMBDA_RUNTIME.name).toBe(`nodejs${NODE_MAJOR}.x`);
    expect(BUNDLE_TARGET).toBe(`node${NODE_MAJOR}`);
  });

  it('is what .nvmrc pins (and .ci/run installs) and package.json "engines" asks for', () => {
    expect(read('.nvmrc').trim()).toMatch(new RegExp(`^${NODE_MAJOR}\\.\\d+\\.\\d+$`));
    expect(JSON.parse(read('package.json')).engines.node).toBe(`>=${NODE_MAJOR} <${NODE_MAJOR + 1}`);
    expect(read('.ci/run')).toContain('node_version=$(cat .nvmrc)');
  });

  it('stops a run on another major with a line that says what to install', () => {
    expect(() => assertNodeMajor('20.20.2')).toThrow(/runs on Node\.js 24 .*this is Node\.js 20\.20\.2.*node@24\.\d+\.\d+/);
    expect(() => assertNodeMajor(`${NODE_MAJOR}.0.0`)).not.toThrow();
  });
});
