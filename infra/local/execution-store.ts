import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '#shared/workflows/definition.ts';
import type { Execution } from './workflows.ts';

/**
 * What the local Step Functions keeps of each execution, in the data folder, so that a restart
 * finds every execution where it was — whatever stopped the store (Ctrl-C or a kill):
 *
 *   <dataDir>/executions/<sha256 of the execution ARN>.json   one execution: what the API shows
 *                                                          (status, history, transitions) and,
 *                                                          while it runs, where it is (`branch`)
 *   <dataDir>/definitions/<sha256 of the definition>.json  each definition an execution started
 *                                                          with (it runs that one to its end, as in AWS)
 *
 * An execution's file is rewritten whole (a new file, then renamed over the old one: atomic, so a
 * kill leaves the old version or the new one, never half of one) each time it moves, before the
 * move is acted on. Executions kept by the previous format (`executions.json`) are read once.
 */

/** How a Task attempt, an item or a branch ended. */
export type Outcome = { output: JsonValue } | { error: KeptError };

/** An error as kept: its name and message, and what the library needs to treat it as before. */
export interface KeptError {
  name: string;
  message: string;
  /** The library's States.Timeout (a timeout is not States.TaskFailed). */
  timeout?: true;
  retryable?: false;
  catchable?: false;
}

/**
 * One running (sub-)state machine: the execution itself, a Map item or a Parallel branch.
 * It is in `state`, which it entered at `enteredAt` with `input`.
 */
export interface Branch {
  state: string;
  input: JsonValue;
  enteredAt: number;
  /** Task: how each attempt so far ended; after a restart they are replayed, not run again. */
  attempts?: Outcome[];
  /** Callback Task: the open token of attempt `attempt` and its deadlines; `invoked` once its handler returned. */
  callback?: { token: string; attempt: number; timeoutAt?: number; heartbeatAt?: number; invoked: boolean };
  /** Wait: when it ends (epoch ms). */
  waitUntil?: number;
  /** Map/Parallel: each item's input, the items running (where each one is) and those that ended. */
  fanOut?: { inputs: JsonValue[]; running: Record<number, Branch>; ended: Record<number, Outcome>; failed?: number };
}

export interface KeptExecution {
  execution: Execution;
  /** The definition it runs (the hash of its JSON text). */
  definition: string;
  /** While RUNNING: when the execution's TimeoutSeconds is up (epoch ms). */
  timeoutAt?: number;
  /** While RUNNING: where it is. */
  branch?: Branch;
  /** Every task token it handed out: a closed one answers TaskTimedOut. */
  tokens: string[];
}

export interface ExecutionStore {
  load(): { executions: KeptExecution[]; definitions: Map<string, string> };
  save(kept: KeptExecution): void;
  saveDefinition(hash: string, definition: string): void;
  /** No more writes (the runtime stopped; another may start on the same folder). */
  close(): void;
}

export const definitionHash = (definition: string) => createHash('sha256').update(definition).digest('hex').slice(0, 32);

/** Nothing kept (`npm start --ephemeral`, tests). */
export const memoryStore = (): ExecutionStore => ({ load: () => ({ executions: [], definitions: new Map() }), save() {}, saveDefinition() {}, close() {} });

export function fileStore(dataDir: string): ExecutionStore {
  const executionsDir = join(dataDir, 'executions');
  const definitionsDir = join(dataDir, 'definitions');
  let closed = false;
  const write = (file: string, text: string) => {
    if (closed) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  };
  const fileOf = (executionArn: string) => join(executionsDir, `${createHash('sha256').update(executionArn).digest('hex').slice(0, 40)}.json`);
  const readAll = <T>(dir: string, parse: (text: string, name: string) => T): T[] =>
    existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => parse(readFileSync(join(dir, name), 'utf8'), name)) : [];

  return {
    load() {
      mkdirSync(executionsDir, { recursive: true });
      mkdirSync(definitionsDir, { recursive: true });
      // A write a kill interrupted left its temporary file: the version before it stands.
      for (const dir of [executionsDir, definitionsDir]) for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
      importLegacy(dataDir, fileOf, write);
      const executions = readAll(executionsDir, (text) => JSON.parse(text) as KeptExecution);
      const definitions = new Map(readAll(definitionsDir, (text, name) => [name.slice(0, -'.json'.length), text] as const));
      return { executions, definitions };
    },
    save(kept) {
      write(fileOf(kept.execution.executionArn), JSON.stringify(kept));
    },
    saveDefinition(hash, definition) {
      const file = join(definitionsDir, `${hash}.json`);
      if (!existsSync(file)) write(file, definition);
    },
    close() {
      closed = true;
    },
  };
}

/**
 * `executions.json`, the earlier format, kept closed executions and no position: its executions
 * are carried over as they were (one still RUNNING had been ended ABORTED at the next start, as
 * that runtime did), and the file renamed `executions.json.imported`.
 */
function importLegacy(dataDir: string, fileOf: (arn: string) => string, write: (file: string, text: string) => void) {
  const legacy = join(dataDir, 'executions.json');
  if (!existsSync(legacy)) return;
  let executions: Execution[] = [];
  try {
    executions = (JSON.parse(readFileSync(legacy, 'utf8')) as { executions: Execution[] }).executions ?? [];
  } catch {
    // unreadable: nothing to carry over
  }
  for (const execution of executions) {
    if (execution.status === 'RUNNING') {
      Object.assign(execution, { status: 'ABORTED', stopDate: Date.now(), error: 'Local.Stopped', cause: 'the local runtime stopped while this execution was running' });
    }
    const kept: KeptExecution = { execution, definition: '', tokens: [] };
    write(fileOf(execution.executionArn), JSON.stringify(kept));
  }
  renameSync(legacy, `${legacy}.imported`);
}
