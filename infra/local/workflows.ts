import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import {
  innerDefinitions,
  isCallbackTask,
  LAMBDA_INVOKE,
  statesOf,
  substitutePlaceholders,
  validateWorkflow,
  workflowArnVariable,
  type JsonValue,
  type State,
  type StateMachineDefinition,
  type TaskState,
  type Workflow,
} from '#shared/workflows/definition.ts';
import { lambdaContext } from './api-event.ts';
import { LOCAL_REGION } from './emulators.ts';

/**
 * The local Step Functions: runs the project's workflows (shared/workflows/definition.ts) with
 * aws-local-stepfunctions, every Task served by the same handler module that CDK bundles for
 * AWS, and keeps the executions (status, input, output, error, the state transitions with
 * their times, a simplified history). infra/local/sfn-api.ts puts the Step Functions JSON API
 * in front of it, so handlers use @aws-sdk/client-sfn exactly as in AWS.
 *
 * What it adds to aws-local-stepfunctions:
 * - lambda:invoke: the handler gets `Parameters.Payload` as its event; its return value comes
 *   back as `{ Payload, StatusCode: 200, … }` (so `$.Payload` selectors work as in AWS); an error
 *   it throws fails the Task with the error's `name` as `Error` and Lambda's JSON
 *   `{errorType, errorMessage, trace}` as `Cause` (so Catch/Retry on `PaymentDeclined` work);
 * - .waitForTaskToken: a fresh, unguessable token per Task entry is put where the definition
 *   reads `$$.Task.Token`; the Task then waits for SendTaskSuccess/SendTaskFailure, its
 *   TimeoutSeconds (→ States.Timeout) and HeartbeatSeconds (reset by SendTaskHeartbeat);
 * - time: `timeScale` shrinks every duration of a definition (task and execution timeouts,
 *   heartbeats, retry intervals, Wait Seconds), e.g. 1e-6 makes 48 hours last 173 ms;
 * - the execution's TimeoutSeconds (→ TIMED_OUT), StopExecution (→ ABORTED), and idempotent
 *   StartExecution names as in AWS.
 */

type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export const LOCAL_ACCOUNT = '000000000000';
export const localStateMachineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
/** What a task's `${Placeholder}` becomes locally (in AWS: the function's ARN). */
export const localFunctionArn = (workflow: string, task: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${workflow}-${task}`;
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
  /** Real seconds per second of the definitions (timeouts, heartbeats, retry intervals, Wait Seconds). @default 1 */
  timeScale?: number;
  /** Keeps the executions in `<dataDir>/executions.json` across restarts. */
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
  /** Aborts running executions (ABORTED, "Local.Stopped"), waits for handlers in flight, saves. */
  stop(): Promise<void>;
}

/** Sentinel given to the library as `$$.Task.Token`; each callback Task entry replaces it with its own token. */
const TOKEN_SENTINEL = 'local-sfn:task-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;
const NAME_PATTERN = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const MAX_PAYLOAD_BYTES = 256 * 1024;
/** setTimeout's ceiling (~24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Task timeout left to the library: effectively none (this runtime enforces the real ones). */
const LIBRARY_TASK_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
const FUNCTION_TIMEOUT_MS = 10_000;
const ROOT = join(import.meta.dirname, '../..');

type Handler = (event: unknown, context: Context) => unknown;

interface LoadedWorkflow {
  workflow: Workflow;
  arn: string;
  definition: string;
  creationDate: number;
  machine: StateMachine;
  /** Task state name → its definition (nested states included). */
  taskStates: Map<string, TaskState>;
  /** State name → the Map/Parallel states around it. */
  enclosing: Map<string, readonly string[]>;
  /** Local function ARN → handler. */
  handlers: Map<string, { task: string; module: string; handler: Handler }>;
}

interface PendingTask {
  token: string;
  live: LiveExecution;
  state: string;
  heartbeatMs?: number;
  settle(outcome: { output: JsonValue } | { error: Error }): void;
  heartbeat(): void;
}

interface LiveExecution {
  record: Execution;
  loaded: LoadedWorkflow;
  abort(): void;
  /** Why it ends other than by its own result (StopExecution, its TimeoutSeconds, runtime stop). */
  endedBy?: { status: 'ABORTED' | 'TIMED_OUT'; error?: string; cause?: string };
  tokens: Set<string>;
  done: Promise<void>;
  cancelTimeout?: () => void;
}

export async function createWorkflowRuntime(options: WorkflowRuntimeOptions): Promise<WorkflowRuntime> {
  const functionsDir = options.functionsDir ?? join(ROOT, 'functions');
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const log = options.log ?? (() => {});
  const TimeoutError = await statesTimeoutErrorClass();

  // ---- state machines ----
  const workflows = new Map<string, LoadedWorkflow>();
  for (const workflow of options.workflows) {
    const problems = validateWorkflow(workflow);
    if (problems.length) throw new Error(`workflow "${workflow.name}" is invalid:\n- ${problems.join('\n- ')}`);
    const arn = localStateMachineArn(workflow.name);
    if (workflows.has(arn)) throw new Error(`two workflows are named "${workflow.name}"`);
    const arns = Object.fromEntries(Object.keys(workflow.tasks).map((task) => [task, localFunctionArn(workflow.name, task)]));
    const definition = substitutePlaceholders(JSON.stringify(workflow.definition), arns);
    // ASL syntax, checked by the library's validator on the definition as written…
    new StateMachine(JSON.parse(definition), { validationOptions: { checkArn: true, checkPaths: true } });
    const handlers = new Map<string, { task: string; module: string; handler: Handler }>();
    for (const [task, module] of Object.entries<string>(workflow.tasks)) {
      // Import every handler up front: a broken one fails at start, as a deploy would.
      const loaded = (await import(pathToFileURL(join(functionsDir, `${module}.ts`)).href)) as { handler?: Handler };
      if (typeof loaded.handler !== 'function') throw new Error(`${join(functionsDir, module)}.ts does not export a handler (task ${task} of ${workflow.name})`);
      handlers.set(arns[task]!, { task, module, handler: loaded.handler });
    }
    const taskStates = new Map(statesOf(workflow.definition).flatMap(({ name, state }) => (state.Type === 'Task' ? [[name, state as TaskState]] : [])));
    workflows.set(arn, {
      workflow,
      arn,
      definition,
      creationDate: Date.now(),
      // …then run as a time-scaled copy (which ASL's validator would refuse for its fractions).
      machine: new StateMachine(scaleDefinition(JSON.parse(definition), timeScale) as never, { validationOptions: { noValidate: true } }),
      taskStates,
      enclosing: new Map(statesOf(workflow.definition).map(({ name, enclosing }) => [name, enclosing])),
      handlers,
    });
  }
  const environment = workflowEnvironment(options.workflows);

  // ---- executions ----
  const executions = new Map<string, Execution>();
  const live = new Map<string, LiveExecution>();
  /** Every token ever minted: open ones are in `pending`; the others answer TaskTimedOut. */
  const minted = new Set<string>();
  const pending = new Map<string, PendingTask>();
  const inflight = new Set<Promise<unknown>>();
  const waiters = new Map<string, Array<(execution: Execution) => void>>();
  let stopping = false;

  const store = options.dataDir ? executionStore(options.dataDir) : undefined;
  for (const execution of store?.load() ?? []) {
    if (execution.status === 'RUNNING') {
      // Executions do not survive a restart: the library keeps no checkpoint to resume from.
      Object.assign(execution, { status: 'ABORTED', stopDate: Date.now(), error: 'Local.Stopped', cause: 'the local runtime stopped while this execution was running' });
    }
    executions.set(execution.executionArn, execution);
  }
  const save = () => store?.save([...executions.values()]);

  function loadedWorkflow(stateMachineArn: unknown): LoadedWorkflow {
    if (typeof stateMachineArn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/.test(stateMachineArn)) {
      throw new SfnError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${String(stateMachineArn)}'`);
    }
    const loaded = workflows.get(stateMachineArn);
    if (!loaded) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return loaded;
  }

  function execution(executionArn: unknown): Execution {
    if (typeof executionArn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:execution:/.test(executionArn)) {
      throw new SfnError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${String(executionArn)}'`);
    }
    const found = executions.get(executionArn);
    if (!found) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return found;
  }

  function record(execution: Execution, type: string, details?: Record<string, unknown>, timestamp = Date.now()) {
    execution.history.push({ id: execution.history.length + 1, type, timestamp, ...(details ? { details } : {}) });
  }

  function startExecution(request: { stateMachineArn: string; name?: string; input?: string }) {
    if (stopping) throw new SfnError('ValidationException', 'the local runtime is stopping');
    const loaded = loadedWorkflow(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!NAME_PATTERN.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    const parsedInput = parseJson(input, 'InvalidExecutionInput', 'Invalid State Machine Execution Input');
    const executionArn = executionArnOf(loaded.workflow.name, name);
    const existing = executions.get(executionArn);
    if (existing) {
      // As in AWS: the same name and input while it runs is the same request; anything else is refused.
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: existing.startDate };
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const started: Execution = {
      executionArn,
      stateMachineArn: loaded.arn,
      name,
      status: 'RUNNING',
      startDate: Date.now(),
      input,
      transitions: [],
      history: [],
    };
    executions.set(executionArn, started);
    record(started, 'ExecutionStarted', { input, inputDetails: { truncated: false }, roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-sfn` });
    run(loaded, started, parsedInput);
    save();
    log(`workflow ${loaded.workflow.name}: started ${name}`);
    return { executionArn, startDate: started.startDate };
  }

  function run(loaded: LoadedWorkflow, execution: Execution, input: JsonValue) {
    // Registered before the library starts: it calls the first Task's override synchronously.
    const current: LiveExecution = { record: execution, loaded, abort: () => {}, tokens: new Set(), done: Promise.resolve() };
    live.set(execution.executionArn, current);
    const overrides = Object.fromEntries(
      [...loaded.taskStates.keys()].map((state) => [state, (taskInput: unknown) => invokeTask(current, state, taskInput as JsonValue)]),
    );
    const running = loaded.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides },
      noThrowOnAbort: true,
      context: {
        Execution: { Id: execution.executionArn, Name: execution.name, RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-sfn`, StartTime: new Date(execution.startDate).toISOString() },
        StateMachine: { Id: loaded.arn, Name: loaded.workflow.name },
        Task: { Token: TOKEN_SENTINEL },
      },
    });
    current.abort = running.abort;
    const timeoutSeconds = loaded.workflow.definition.TimeoutSeconds;
    if (timeoutSeconds) {
      current.cancelTimeout = later(() => end(current, { status: 'TIMED_OUT', error: 'States.Timeout', cause: `the execution ran longer than its TimeoutSeconds (${timeoutSeconds})` }), timeoutSeconds * 1000 * timeScale);
    }
    const events = (async () => {
      for await (const event of running.eventLogs) onEvent(current, event);
    })();
    current.done = (async () => {
      let outcome: Pick<Execution, 'status' | 'output' | 'error' | 'cause'>;
      try {
        const output = await running.result;
        outcome = current.endedBy ?? { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) };
      } catch (error) {
        const cause = error instanceof ExecutionError ? (error.cause as Error) : (error as Error);
        outcome = current.endedBy ?? { status: 'FAILED', error: cause?.name ?? 'States.Runtime', cause: cause?.message ?? String(error) };
      }
      await events;
      current.cancelTimeout?.();
      closeTokens(current);
      live.delete(execution.executionArn);
      Object.assign(execution, outcome, { stopDate: Date.now() });
      const terminal = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' }[execution.status as Exclude<ExecutionStatus, 'RUNNING'>];
      record(execution, terminal, execution.status === 'SUCCEEDED' ? { output: execution.output, outputDetails: { truncated: false } } : { error: execution.error, cause: execution.cause });
      save();
      log(`workflow ${loaded.workflow.name}: ${execution.name} ${execution.status}${execution.error ? ` (${execution.error})` : ''}, ${execution.transitions.length} transitions`);
      for (const resolve of waiters.get(execution.executionArn) ?? []) resolve(execution);
      waiters.delete(execution.executionArn);
    })();
  }

  /** Ends a running execution from outside (StopExecution, its timeout, the runtime stopping). */
  function end(current: LiveExecution, reason: NonNullable<LiveExecution['endedBy']>) {
    if (current.endedBy || current.record.status !== 'RUNNING') return;
    current.endedBy = reason;
    current.abort();
    closeTokens(current);
  }

  /** Settles every callback Task of an execution still waiting: their tokens answer TaskTimedOut from now on. */
  function closeTokens(current: LiveExecution, inside?: string) {
    for (const token of [...current.tokens]) {
      const task = pending.get(token);
      if (inside && !current.loaded.enclosing.get(task?.state ?? '')?.includes(inside)) continue;
      task?.settle({ error: new Error('Local.ExecutionEnded') });
      current.tokens.delete(token);
    }
  }

  function onEvent(current: LiveExecution, event: EventLog) {
    const execution = current.record;
    if (!event) return;
    const at = event.timestamp;
    const mapIndex = 'index' in event && typeof event.index === 'number' ? { mapIndex: event.index } : {};
    switch (event.type) {
      case 'StateEntered':
        execution.transitions.push({ state: event.state.name, type: event.state.type, kind: 'entered', at, ...mapIndex });
        record(execution, `${event.state.type}StateEntered`, { name: event.state.name, input: JSON.stringify(event.state.input ?? null), ...mapIndex }, at);
        break;
      case 'StateExited':
        record(execution, `${event.state.type}StateExited`, { name: event.state.name, output: JSON.stringify(event.state.output ?? null), ...mapIndex }, at);
        break;
      case 'StateRetried':
        execution.transitions.push({ state: event.state.name, type: event.state.type, kind: 'retried', at, ...mapIndex });
        record(execution, 'StateRetried', { name: event.state.name, attempt: event.retry.attempt, ...mapIndex }, at);
        break;
      case 'StateFailed': {
        const error = { name: event.state.name, error: event.Error, cause: stringCause(event.Cause), ...mapIndex };
        if (event.state.type === 'Task') record(execution, event.Error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed', error, at);
        else if (event.state.type === 'Map' || event.state.type === 'Parallel') {
          record(execution, `${event.state.type}StateFailed`, error, at);
          closeTokens(current, event.state.name); // its other items/branches are stopped: their tokens close, as in AWS
        }
        break;
      }
      case 'StateCaught':
        record(execution, 'StateCaught', { name: event.state.name, next: event.catch.catcher.Next, ...mapIndex }, at);
        break;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        record(execution, event.type, { name: event.parentState.name, index: event.index }, at);
        break;
      default: // the execution's own start and end are recorded by this runtime
        break;
    }
  }

  /** A Task state's resource: the lambda:invoke integration, served by the handler in-process. */
  async function invokeTask(current: LiveExecution, stateName: string, input: JsonValue): Promise<JsonValue> {
    const state = current.loaded.taskStates.get(stateName)!;
    const parameters = (input ?? {}) as { FunctionName?: string; Payload?: JsonValue };
    const target = current.loaded.handlers.get(String(parameters.FunctionName));
    if (!target) throw lambdaServiceError(`Function not found: ${String(parameters.FunctionName)}`);
    const payload = parameters.Payload === undefined ? {} : parameters.Payload;
    if (!isCallbackTask(state)) {
      const result = await withTimeout(invokeHandler(target, payload), state.TimeoutSeconds);
      return { ExecutedVersion: '$LATEST', Payload: result, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: { RequestId: randomUUID() }, StatusCode: 200 };
    }
    const token = randomBytes(48).toString('base64url');
    minted.add(token);
    const waiting = waitForToken(current, stateName, state, token);
    // The wait can time out while the handler still runs (tiny scaled timeouts): mark the
    // rejection handled now; it is still delivered through `return waiting` below.
    waiting.catch(() => {});
    try {
      await invokeHandler(target, replaceSentinel(payload, token));
    } catch (error) {
      pending.get(token)?.settle({ error: new Error('Local.TaskInvocationFailed') });
      throw error;
    }
    return waiting;
  }

  function waitForToken(current: LiveExecution, stateName: string, state: TaskState, token: string): Promise<JsonValue> {
    return new Promise<JsonValue>((resolve, reject) => {
      const timers: Array<() => void> = [];
      const clear = () => timers.splice(0).forEach((cancel) => cancel());
      const task: PendingTask = {
        token,
        live: current,
        state: stateName,
        settle(outcome) {
          if (!pending.has(token)) return;
          pending.delete(token);
          current.tokens.delete(token);
          clear();
          if ('output' in outcome) resolve(outcome.output);
          else reject(outcome.error);
        },
        heartbeat() {},
      };
      const timeout = () => task.settle({ error: new TimeoutError() });
      if (state.TimeoutSeconds) timers.push(later(timeout, state.TimeoutSeconds * 1000 * timeScale));
      if (state.HeartbeatSeconds) {
        const heartbeatMs = state.HeartbeatSeconds * 1000 * timeScale;
        let cancelHeartbeat = later(timeout, heartbeatMs);
        timers.push(() => cancelHeartbeat());
        task.heartbeat = () => {
          cancelHeartbeat();
          cancelHeartbeat = later(timeout, heartbeatMs);
        };
      }
      pending.set(token, task);
      current.tokens.add(token);
    });
  }

  async function invokeHandler(target: { task: string; module: string; handler: Handler }, payload: JsonValue): Promise<JsonValue> {
    const event = JSON.parse(JSON.stringify(payload)) as JsonValue; // what crosses the wire, and nothing shared
    const invocation = (async () => target.handler(event, lambdaContext(target.task, FUNCTION_TIMEOUT_MS)))();
    inflight.add(invocation);
    try {
      const result = await invocation;
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as JsonValue);
    } catch (error) {
      throw functionError(error);
    } finally {
      inflight.delete(invocation);
    }
  }

  async function withTimeout<T>(work: Promise<T>, timeoutSeconds: number | undefined): Promise<T> {
    if (!timeoutSeconds) return work;
    let cancel = () => {};
    const timedOut = new Promise<never>((_, reject) => {
      cancel = later(() => reject(new TimeoutError()), timeoutSeconds * 1000 * timeScale);
    });
    try {
      return await Promise.race([work, timedOut]);
    } finally {
      cancel();
    }
  }

  function openTask(token: unknown): PendingTask {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) throw new SfnError('InvalidToken', 'Invalid Token');
    const task = pending.get(token);
    if (task) return task;
    if (minted.has(token)) throw new SfnError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
  }

  return {
    environment,
    stateMachineArn: (name) => loadedWorkflow(localStateMachineArn(name)).arn,
    describeStateMachine(stateMachineArn) {
      const loaded = loadedWorkflow(stateMachineArn);
      return { stateMachineArn: loaded.arn, name: loaded.workflow.name, definition: loaded.definition, creationDate: loaded.creationDate };
    },
    startExecution,
    describeExecution: (executionArn) => execution(executionArn),
    listExecutions(stateMachineArn, statusFilter) {
      loadedWorkflow(stateMachineArn);
      return [...executions.values()]
        .filter((found) => found.stateMachineArn === stateMachineArn && (!statusFilter || found.status === statusFilter))
        .reverse()
        .sort((a, b) => b.startDate - a.startDate);
    },
    stopExecution(executionArn, request = {}) {
      const found = execution(executionArn);
      const current = live.get(found.executionArn);
      if (current) end(current, { status: 'ABORTED', ...(request.error !== undefined ? { error: request.error } : {}), ...(request.cause !== undefined ? { cause: request.cause } : {}) });
      return { stopDate: found.stopDate ?? Date.now() };
    },
    sendTaskSuccess(taskToken, output) {
      const task = openTask(taskToken);
      const parsed = parseJson(output, 'InvalidOutput', 'Invalid Output');
      task.settle({ output: parsed });
    },
    sendTaskFailure(taskToken, error, cause) {
      const task = openTask(taskToken);
      const failure = new Error(cause ?? '');
      failure.name = error ?? '';
      task.settle({ error: failure });
    },
    sendTaskHeartbeat(taskToken) {
      openTask(taskToken).heartbeat();
    },
    waitForExecution(executionArn, timeoutMs = 10_000) {
      const found = execution(executionArn);
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
    async stop() {
      if (stopping) return;
      stopping = true;
      const running = [...live.values()];
      for (const current of running) end(current, { status: 'ABORTED', error: 'Local.Stopped', cause: 'the local runtime stopped while this execution was running' });
      await Promise.race([Promise.allSettled([...inflight, ...running.map((current) => current.done)]), new Promise((r) => setTimeout(r, FUNCTION_TIMEOUT_MS).unref())]);
      store?.flush();
    },
  };

  /** Runs `fn` after `ms` (any length: chained past setTimeout's ceiling); returns a cancel function. */
  function later(fn: () => void, ms: number): () => void {
    let timer: NodeJS.Timeout | undefined;
    const due = Date.now() + ms;
    const arm = () => {
      const left = due - Date.now();
      timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(Math.max(left, 0), MAX_TIMER_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }
}

/**
 * The copy of a definition the library runs, with every duration multiplied by `timeScale`:
 * Wait Seconds and Retry intervals (the library sleeps them), while Task timeouts and the
 * execution timeout are left to this runtime (the library's own task timer is pushed out of reach;
 * its default of 60 s would otherwise cut every callback short).
 */
export function scaleDefinition(definition: StateMachineDefinition, timeScale: number): StateMachineDefinition {
  const states: Record<string, State> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    const scaled: Record<string, unknown> = { ...state };
    if (state.Type === 'Task') {
      delete scaled.HeartbeatSeconds;
      scaled.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
    }
    if (state.Type === 'Wait' && typeof state.Seconds === 'number') scaled.Seconds = state.Seconds * timeScale;
    if (state.Retry) {
      scaled.Retry = state.Retry.map((retrier) => ({
        ...retrier,
        IntervalSeconds: (retrier.IntervalSeconds ?? 1) * timeScale,
        MaxDelaySeconds: Math.min((retrier.MaxDelaySeconds ?? Infinity) * timeScale, LIBRARY_TASK_TIMEOUT_SECONDS),
      }));
    }
    if (state.Type === 'Map') {
      const [processor] = innerDefinitions(state);
      if (processor) scaled[state.ItemProcessor ? 'ItemProcessor' : 'Iterator'] = scaleDefinition(processor, timeScale);
    }
    if (state.Type === 'Parallel') scaled.Branches = state.Branches.map((branch) => scaleDefinition(branch, timeScale));
    states[name] = scaled as unknown as State;
  }
  const { TimeoutSeconds: _enforcedByTheRuntime, ...rest } = definition;
  return { ...rest, States: states };
}

/**
 * The library's own States.Timeout error class, which it does not export: its Catch/Retry logic
 * tells a timeout from other task failures with `instanceof` (States.TaskFailed must not match a
 * timeout). Found once by letting a one-state machine time out after a millisecond.
 */
let timeoutErrorClass: Promise<new () => Error> | undefined;
function statesTimeoutErrorClass(): Promise<new () => Error> {
  timeoutErrorClass ??= (async () => {
    const probe = new StateMachine(
      { StartAt: 'Probe', States: { Probe: { Type: 'Task', Resource: LAMBDA_INVOKE, TimeoutSeconds: 0.001, End: true } } } as never,
      { validationOptions: { noValidate: true } },
    );
    const never = new Promise<never>(() => {});
    const error = await probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => never } } }).result.then(
      () => undefined,
      (failure: unknown) => (failure as { cause?: unknown }).cause,
    );
    if (!(error instanceof Error) || error.name !== 'States.Timeout') throw new Error('aws-local-stepfunctions did not time out as expected (was it upgraded?)');
    return error.constructor as new () => Error;
  })();
  return timeoutErrorClass;
}

/** A handler's error as the lambda:invoke integration reports it: Error = its name, Cause = Lambda's error JSON. */
function functionError(error: unknown): Error {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const failure = new Error(
    JSON.stringify({ errorType: thrown.name, errorMessage: thrown.message, trace: (thrown.stack ?? '').split('\n') }),
  );
  failure.name = thrown.name || 'Error';
  return failure;
}

function lambdaServiceError(message: string): Error {
  const error = new Error(message);
  error.name = 'Lambda.ResourceNotFoundException';
  return error;
}

function replaceSentinel(value: JsonValue, token: string): JsonValue {
  if (value === TOKEN_SENTINEL) return token;
  if (Array.isArray(value)) return value.map((item) => replaceSentinel(item, token));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceSentinel(item, token)]));
  return value;
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

function stringCause(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return JSON.stringify(cause ?? null);
}

/** `<dataDir>/executions.json`, written (atomically) shortly after each change and on stop. */
function executionStore(dataDir: string) {
  const file = join(dataDir, 'executions.json');
  let latest: Execution[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!latest) return;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ executions: latest }));
    renameSync(`${file}.tmp`, file);
    latest = undefined;
  };
  return {
    load(): Execution[] {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { executions: Execution[] }).executions;
      } catch {
        return [];
      }
    },
    save(executions: Execution[]) {
      latest = executions;
      timer ??= setTimeout(flush, 100);
      timer.unref();
    },
    flush,
  };
}

