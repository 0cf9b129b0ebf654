import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStore, type KeptExecution } from './execution-store.ts';

/** The executions' files: each one whole or not at all, whatever interrupts a write. */
const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dakhla-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const execution = (name: string, status: 'RUNNING' | 'SUCCEEDED' = 'RUNNING'): KeptExecution => ({
  execution: {
    executionArn: `arn:aws:states:eu-west-3:000000000000:execution:test-saga:${name}`,
    stateMachineArn: 'arn:aws:states:eu-west-3:000000000000:stateMachine:test-saga',
    name,
    status,
    startDate: 1,
    input: '{}',
    transitions: [],
    history: [],
  },
  definition: 'abc',
  branch: { state: 'Pay', input: { n: 1 }, enteredAt: 1 },
  tokens: [],
});

describe('the execution store', () => {
  it('keeps the last whole version of an execution when a write was cut short (a kill between write and rename)', () => {
    const dir = dataDir();
    const store = fileStore(dir);
    store.load();
    const kept = execution('one');
    store.save(kept);
    const [file] = readdirSync(join(dir, 'executions'));
    // What a kill in the middle of the next save leaves: a partial temporary file beside the last version.
    writeFileSync(join(dir, 'executions', `${file}.4242.tmp`), JSON.stringify({ ...kept, branch: { state: 'Complete' } }).slice(0, 40));

    const loaded = fileStore(dir).load().executions;
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.branch).toEqual({ state: 'Pay', input: { n: 1 }, enteredAt: 1 });
    expect(readdirSync(join(dir, 'executions')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a temporary file renamed over the old one, and nothing once closed', () => {
    const dir = dataDir();
    const store = fileStore(dir);
    store.load();
    const kept = execution('two');
    store.save(kept);
    kept.branch!.state = 'Complete';
    store.save(kept);
    expect(readdirSync(join(dir, 'executions'))).toHaveLength(1);
    store.close();
    kept.branch!.state = 'Afterwards';
    store.save(kept);
    expect(fileStore(dir).load().executions[0]!.branch!.state).toBe('Complete');
    store.saveDefinition('h1', '{"StartAt":"A"}');
    expect(existsSync(join(dir, 'definitions', 'h1.json'))).toBe(false);
  });

  it("carries over the earlier format's executions.json once (a running one as the aborted execution it had become)", () => {
    const dir = dataDir();
    const finished = { ...execution('done', 'SUCCEEDED').execution, output: '{}' };
    const running = execution('cut').execution;
    writeFileSync(join(dir, 'executions.json'), JSON.stringify({ executions: [finished, running] }));
    const loaded = fileStore(dir).load().executions.map((kept) => kept.execution);
    expect(loaded.map(({ name, status, error }) => ({ name, status, error })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'cut', status: 'ABORTED', error: 'Local.Stopped' },
      { name: 'done', status: 'SUCCEEDED', error: undefined },
    ]);
    expect(existsSync(join(dir, 'executions.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'executions.json.imported'), 'utf8')).executions).toHaveLength(2);
    expect(fileStore(dir).load().executions).toHaveLength(2);
  });
});
