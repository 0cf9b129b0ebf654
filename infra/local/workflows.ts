import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { substitutePlaceholders, validateWorkflow, workflowArnVariable, type JsonValue, type State, type StateMachineDefinition, type Workflow } from '#shared/workflows/definition.ts';
import { LOCAL_REGION } from './emulators.ts';
import { createExecutionRunner, newExecution, type LiveExecution } from './execution-runner.ts';
import { definitionHash, fileStore, memoryStore, type KeptExecution } from './execution-store.ts';
import { createLambdaInvoker, LOCAL_ACCOUNT, loadTaskFunctions, localFunctionArn, type TaskFunction } from './lambda-invoke.ts';
import { sourceModules, type LoadModule } from './handler-modules.ts';
import { libraryTimeoutError } from './state-step.ts';
import { createTaskTokens, TOKEN_PATTERN } from './task-tokens.ts';

export { LOCAL_ACCOUNT, localFunctionArn };

/**
 * The local Step Functions: runs the project's workflows (shared/workflows/definition.ts), every
 * Task served by the same handler module that CDK bundles for AWS, each state by
 * aws-local-stepfunctions. infra/local/sfn-api.ts puts the Step Functions JSON API in front of it,
 * so handlers use @aws-sdk/client-sfn exactly as in AWS.
 *
 * Durable, as Step Functions is: with a `dataDir`, every execution is kept on disk where it is
 * (execution-store.ts) and a new runtime on the same folder carries on (`resume()`) with the executions that
 * were running — their states, Map items, open task tokens (the same tokens, with the time they
 * had left) and the deadlines of their waits — whether the last one stopped cleanly or was killed
 * (execution-runner.ts). Stopping the runtime stops nothing else: only StopExecution and an
 * execution's own TimeoutSeconds end an execution from outside.
 *
 * What it adds to aws-local-stepfunctions:
 * - lambda:invoke through the handlers in process (lambda-invoke.ts);
 * - .waitForTaskToken: a fresh, unguessable token per Task attempt where the definition reads
 *   `$$.Task.Token`; the Task then waits for SendTaskSuccess/SendTaskFailure, its TimeoutSeconds
 *   (→ States.Timeout) and HeartbeatSeconds (reset by SendTaskHeartbeat) (task-tokens.ts);
 * - time: `timeScale` shrinks every duration of a definition (task and execution timeouts,
 *   heartbeats, retry intervals, Wait seconds), e.g. 1e-6 makes 48 hours last 173 ms;
 * - the execution's TimeoutSeconds (→ TIMED_OUT), StopExecution (→ ABORTED), and idempotent
 *   StartExecution names as in AWS.
 */
export const localStateMachineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
/** What the stack tells the handlers: `{ ORDER_SAGA_ARN: 'arn:aws:states:…:stateMachine:order-saga' }`, one variable per workflow. */
export const workflowEnvironment = (workflows: readonly Workflow[]): Record<string, string> =>
  Object.fromEntries(workflows.map(({ name }) => [workflowArnVariable(name), localStateMachineArn(name)]));
const executionArnOf = (stateMachineName: string, name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${stateMachineName}:${name}`;

/** Step Functions' own error names (what the API returns as `__type`). */
export type SfnErrorName =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'InvalidArn'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'StateMachineDoesNotExist'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException';

export class SfnError extends Error {
  constructor(
    readonly code: SfnErrorName,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One billed step: a state entered (nested Map/Parallel states included) or a retry of it. */
export interface Transition {
  state: string;
  type: State['Type'];
  kind: 'entered' | 'retried';
  /** Epoch milliseconds (real time, not scaled). */
  at: number;
  /** The item's index, for states inside a Map. */
  mapIndex?: number;
}

/** A simplified GetExecutionHistory event (`details` becomes the `<type>EventDetails` member). */
export interface HistoryEvent {
  id: number;
  type: string;
  timestamp: number;
  details?: Record<string, unknown>;
}

export interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  /** JSON text, as passed to StartExecution. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  transitions: Transition[];
  history: HistoryEvent[];
}

export interface WorkflowRuntimeOptions {
  workflows: readonly Workflow[];
  /** Where the tasks' handler modules live. @default functions/ of the repository */
  functionsDir?: string;
  /** Where the tasks' handler modules come from (their bundles: infra/local/function-bundles.ts). @default their sources in `functionsDir` */
  modules?: LoadModule;
  /** Real seconds per second of the definitions (timeouts, heartbeats, retry intervals, Wait seconds). @default 1 */
  timeScale?: number;
  /** Keeps the executions under `<dataDir>/` across restarts, and carries on with the running ones at start. */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface WorkflowRuntime {
  /** `{ ORDER_SAGA_ARN: 'arn:aws:states:…:stateMachine:order-saga', … }`: what callers read. */
  readonly environment: Readonly<Record<string, string>>;
  stateMachineArn(name: string): string;
  /** The definition as the runner executes it: the module's JSON with local function ARNs substituted. */
  describeStateMachine(stateMachineArn: string): { stateMachineArn: string; name: string; definition: string; creationDate: number };
  startExecution(request: { stateMachineArn: string; name?: string; input?: string }): { executionArn: string; startDate: number };
  describeExecution(executionArn: string): Execution;
  listExecutions(stateMachineArn: string, statusFilter?: ExecutionStatus): Execution[];
  stopExecution(executionArn: string, request?: { error?: string; cause?: string }): { stopDate: number };
  sendTaskSuccess(taskToken: string, output: string): void;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void;
  sendTaskHeartbeat(taskToken: string): void;
  /** Resolves with the execution once it is no longer RUNNING (tests, tools). */
  waitForExecution(executionArn: string, timeoutMs?: number): Promise<Execution>;
  /**
   * Carries on with the executions the data dir kept running. Call it once what their handlers
   * call is up (the gateway's /sfn and outbox): a resumed Task may run at once. Returns how many.
   */
  resume(): number;
  /**
   * Stops the runtime, not its executions: each stays RUNNING where it is (kept in the data dir,
   * to go on at the next start); handlers in flight finish first and what they return is kept.
   */
  stop(): Promise<void>;
}

const NAME_PATTERN = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const MAX_PAYLOAD_BYTES = 256 * 1024;
const ROOT = join(import.meta.dirname, '../..');

interface LoadedWorkflow {
  workflow: Workflow;
  arn: string;
  /** The module's JSON with local function ARNs, and its hash (what an execution keeps). */
  definition: string;
  hash: string;
  creationDate: number;
}

export async function createWorkflowRuntime(options: WorkflowRuntimeOptions): Promise<WorkflowRuntime> {
  const modules = options.modules ?? sourceModules(options.functionsDir ?? join(ROOT, 'functions'));
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const log = options.log ?? (() => {});
  const TimeoutError = await libraryTimeoutError();

  // ---- state machines ----
  const workflows = new Map<string, LoadedWorkflow>();
  const functions = new Map<string, TaskFunction>();
  for (const workflow of options.workflows) {
    const problems = validateWorkflow(workflow);
    if (problems.length) throw new Error(`workflow "${workflow.name}" is invalid:\n- ${problems.join('\n- ')}`);
    const arn = localStateMachineArn(workflow.name);
    if (workflows.has(arn)) throw new Error(`two workflows are named "${workflow.name}"`);
    const arns = Object.fromEntries(Object.keys(workflow.tasks).map((task) => [task, localFunctionArn(workflow.name, task)]));
    const definition = substitutePlaceholders(JSON.stringify(workflow.definition), arns);
    // ASL syntax, checked by the library's validator on the definition as written.
    new StateMachine(JSON.parse(definition), { validationOptions: { checkArn: true, checkPaths: true } });
    for (const [functionArn, handler] of await loadTaskFunctions(workflow, modules)) functions.set(functionArn, handler);
    workflows.set(arn, { workflow, arn, definition, hash: definitionHash(definition), creationDate: Date.now() });
  }
  const environment = workflowEnvironment(options.workflows);

  // ---- executions ----
  const store = options.dataDir ? fileStore(options.dataDir) : memoryStore();
  const { executions: kept, definitions } = store.load();
  for (const loaded of workflows.values()) {
    definitions.set(loaded.hash, loaded.definition);
    store.saveDefinition(loaded.hash, loaded.definition);
  }
  const parsed = new Map<string, StateMachineDefinition>();
  const definitionOf = (hash: string) => {
    const text = definitions.get(hash);
    if (text !== undefined && !parsed.has(hash)) parsed.set(hash, JSON.parse(text) as StateMachineDefinition);
    return parsed.get(hash);
  };
  const executions = new Map<string, KeptExecution>();
  const live = new Map<string, LiveExecution>();
  const waiters = new Map<string, Array<(execution: Execution) => void>>();
  const tokens = createTaskTokens();
  const lambda = createLambdaInvoker();
  let stopping = false;
  let stopped = false;

  const runner = createExecutionRunner({
    timeScale,
    TimeoutError,
    tokens,
    lambda,
    functions,
    store,
    ended({ execution }) {
      live.delete(execution.executionArn);
      log(`workflow ${execution.stateMachineArn.split(':').at(-1)}: ${execution.name} ${execution.status}${execution.error ? ` (${execution.error})` : ''}, ${execution.transitions.length} transitions`);
      for (const resolve of waiters.get(execution.executionArn) ?? []) resolve(execution);
      waiters.delete(execution.executionArn);
    },
  });
  const launch = (one: KeptExecution) => {
    const definition = definitionOf(one.definition);
    if (!definition) return runner.finish(one, { status: 'FAILED', error: 'Local.DefinitionMissing', cause: `the definition this execution started with (${one.definition}) is not in the data folder` });
    live.set(one.execution.executionArn, runner.run(one, definition));
  };

  for (const one of kept) {
    executions.set(one.execution.executionArn, one);
    one.tokens.forEach((token) => tokens.remember(token));
  }

  function loadedWorkflow(stateMachineArn: unknown): LoadedWorkflow {
    if (typeof stateMachineArn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/.test(stateMachineArn)) {
      throw new SfnError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${String(stateMachineArn)}'`);
    }
    const loaded = workflows.get(stateMachineArn);
    if (!loaded) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return loaded;
  }

  function keptExecution(executionArn: unknown): KeptExecution {
    if (typeof executionArn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:execution:/.test(executionArn)) {
      throw new SfnError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${String(executionArn)}'`);
    }
    const found = executions.get(executionArn);
    if (!found) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return found;
  }

  /** A token's task, or the error AWS answers for it. */
  function openToken(token: unknown): string {
    if (stopped) throw new SfnError('ValidationException', 'the local runtime has stopped');
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) throw new SfnError('InvalidToken', 'Invalid Token');
    const status = tokens.status(token);
    if (status === 'closed') throw new SfnError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    if (status === 'unknown') throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    return token;
  }

  return {
    environment,
    stateMachineArn: (name) => loadedWorkflow(localStateMachineArn(name)).arn,
    describeStateMachine(stateMachineArn) {
      const loaded = loadedWorkflow(stateMachineArn);
      return { stateMachineArn: loaded.arn, name: loaded.workflow.name, definition: loaded.definition, creationDate: loaded.creationDate };
    },
    startExecution(request) {
      if (stopped) throw new SfnError('ValidationException', 'the local runtime has stopped');
      const loaded = loadedWorkflow(request.stateMachineArn);
      const name = request.name ?? randomUUID();
      if (!NAME_PATTERN.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
      const input = request.input ?? '{}';
      parseJson(input, 'InvalidExecutionInput', 'Invalid State Machine Execution Input');
      const executionArn = executionArnOf(loaded.workflow.name, name);
      const existing = executions.get(executionArn)?.execution;
      if (existing) {
        // As in AWS: the same name and input while it runs is the same request; anything else is refused.
        if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: existing.startDate };
        throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
      }
      const one = newExecution({ executionArn, stateMachineArn: loaded.arn, name, input }, { hash: loaded.hash, parsed: definitionOf(loaded.hash)! }, timeScale);
      executions.set(executionArn, one);
      store.save(one);
      // Started while the runtime stops: kept, it runs from the next start on.
      if (!stopping) launch(one);
      log(`workflow ${loaded.workflow.name}: started ${name}`);
      return { executionArn, startDate: one.execution.startDate };
    },
    describeExecution: (executionArn) => keptExecution(executionArn).execution,
    listExecutions(stateMachineArn, statusFilter) {
      loadedWorkflow(stateMachineArn);
      return [...executions.values()]
        .map((one) => one.execution)
        .filter((found) => found.stateMachineArn === stateMachineArn && (!statusFilter || found.status === statusFilter))
        .reverse()
        .sort((a, b) => b.startDate - a.startDate);
    },
    stopExecution(executionArn, request = {}) {
      const one = keptExecution(executionArn);
      const reason = { status: 'ABORTED' as const, ...(request.error !== undefined ? { error: request.error } : {}), ...(request.cause !== undefined ? { cause: request.cause } : {}) };
      const current = live.get(one.execution.executionArn);
      if (current) current.end(reason);
      else runner.finish(one, reason);
      return { stopDate: one.execution.stopDate ?? Date.now() };
    },
    sendTaskSuccess(taskToken, output) {
      const token = openToken(taskToken);
      tokens.settle(token, { output: parseJson(output, 'InvalidOutput', 'Invalid Output') });
    },
    sendTaskFailure(taskToken, error, cause) {
      tokens.settle(openToken(taskToken), { error: { name: error ?? '', message: cause ?? '' } });
    },
    sendTaskHeartbeat(taskToken) {
      tokens.heartbeat(openToken(taskToken));
    },
    waitForExecution(executionArn, timeoutMs = 10_000) {
      const found = keptExecution(executionArn).execution;
      if (found.status !== 'RUNNING') return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${found.name} still RUNNING after ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(executionArn) ?? [];
        list.push((done) => {
          clearTimeout(timer);
          resolve(done);
        });
        waiters.set(executionArn, list);
      });
    },
    resume() {
      const resuming = [...executions.values()].filter((one) => one.execution.status === 'RUNNING' && !live.has(one.execution.executionArn));
      if (stopping) return 0;
      for (const one of resuming) launch(one);
      if (resuming.length) log(`workflows: carrying on with ${resuming.length} execution${resuming.length === 1 ? '' : 's'} kept running in ${options.dataDir}`);
      return resuming.length;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      tokens.disarm();
      const running = [...live.values()];
      for (const current of running) current.suspend();
      // Handlers in flight finish (what they return is kept), and may still answer their tokens.
      await lambda.drain();
      await Promise.allSettled(running.map((current) => current.done));
      stopped = true;
      store.close();
    },
  };
}

function parseJson(text: unknown, code: SfnErrorName, what: string): JsonValue {
  if (typeof text !== 'string') throw new SfnError(code, `${what}: expected a JSON string`);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new SfnError(code, `${what}: larger than 256 KiB`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new SfnError(code, `${what}: not valid JSON`);
  }
}
