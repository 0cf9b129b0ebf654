import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import { innerDefinitions, LAMBDA_INVOKE, type JsonValue, type State, type StateMachineDefinition } from '#shared/workflows/definition.ts';
import type { KeptError } from './execution-store.ts';
import { MAX_TIMER_MS } from './timer.ts';

/**
 * One state of a workflow, run by aws-local-stepfunctions: the library does everything ASL says
 * a state does (InputPath, Parameters and intrinsic functions, the Choice rules, ResultSelector,
 * ResultPath, OutputPath, Retry with its backoff, Catch), and this module tells the caller where
 * the state goes next and with what. The resumable runner (execution-runner.ts) moves from state
 * to state itself, keeping where it is on disk between two steps — which is what lets an
 * execution carry on after a restart, something the library cannot do by itself.
 *
 * How: each step is a small state machine made of the state, its transitions redirected to
 * end-states (`Pass`, `End`) named after their target, and a first `Pass` that loads the state's
 * input from the context (so `$$.Execution.Input` is still the execution's input). Which end-state
 * the library entered says where the state goes; the machine's result is the state's output.
 * A Map or Parallel state is stepped twice around its items, which the runner runs itself:
 * `fanOutInputs` (each item's input: ItemsPath, ItemSelector with `$$.Map.Item`) and `fanOutResult`
 * (the items' outputs or first failure through ResultSelector/ResultPath/OutputPath and Catch).
 */

/** Where a state goes: to another state (`next`), or the end of its (sub-)machine. */
export type StepOutcome = { next: string; output: JsonValue } | { end: true; output: JsonValue };

/** The library's events for the stepped state itself (entered, failed, retried, caught, exited). */
export type StateEvent = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? Extract<E, { state: unknown }> : never;

export interface StepOptions {
  /** The context object the definition reads with `$$.` (Execution, StateMachine, Task token sentinel). */
  context: Record<string, unknown>;
  /** `$$.Execution.Input`. */
  executionInput: JsonValue;
  /** Real seconds per second of the definition: scales Retry intervals (the library sleeps them). */
  timeScale: number;
  onEvent(event: StateEvent): void;
}

export interface RunningStep<T> {
  /** Rejects with the state's error when it fails uncaught, with `Halted` when aborted. */
  result: Promise<T>;
  abort(): void;
}

/** An execution, branch or step was stopped (StopExecution, a timeout, a failed sibling, the runtime stopping): nothing to record. */
export class Halted extends Error {
  override name = 'Local.Halted';
  get isRetryable() {
    return false;
  }
  get isCatchable() {
    return false;
  }
}

/** Hooks of a Task step: the lambda:invoke call, and the Retry pause (0 while recorded attempts replay). */
export interface TaskHooks {
  invoke(parameters: JsonValue): Promise<JsonValue>;
  retryPause(): number | undefined;
}

const RESERVED = '\u0000local:';
const LOAD = `${RESERVED}load`;
const END = `${RESERVED}end`;
const ITEMS = `${RESERVED}items`;
const TO = `${RESERVED}to:`;
const ITEM = `${RESERVED}item`;
const RESULT = `${RESERVED}result`;
/** Task timeout left to the library: effectively none (the runner enforces the real ones). */
const LIBRARY_TASK_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
const identity: StateMachineDefinition = { StartAt: ITEM, States: { [ITEM]: { Type: 'Pass', End: true } } };

/** Runs a Task, Pass, Choice, Wait (its time already waited by the runner), Succeed or Fail state. */
export function stepState(name: string, state: State, input: JsonValue, options: StepOptions, task?: TaskHooks): RunningStep<StepOutcome> {
  const overrides = {
    ...(task ? { taskResourceLocalHandlers: { [name]: task.invoke }, retryIntervalOverrides: retryOverride(name, task.retryPause) } : {}),
    ...(state.Type === 'Wait' ? { waitTimeOverrides: { [name]: 0 } } : {}),
  };
  return step(name, redirect(forLibrary(state, options.timeScale)), input, options, overrides, 'outcome');
}

/** A Map's items or a Parallel's branches: the input each one starts with — or where a caught failure goes. */
export function fanOutInputs(name: string, state: State, input: JsonValue, options: StepOptions): RunningStep<{ inputs: JsonValue[] } | StepOutcome> {
  const { ResultSelector: _s, ResultPath: _r, OutputPath: _o, Retry: _retry, Iterator: _i, End: _e, ...rest } = forLibrary(state, options.timeScale) as Record<string, unknown>;
  const probe = (state.Type === 'Map' ? { ...rest, ItemProcessor: identity } : { ...rest, Branches: [identity] }) as unknown as State;
  const running = step(name, { ...redirect(probe), Next: ITEMS } as State, input, options, {}, 'inputs');
  const count = state.Type === 'Parallel' ? state.Branches.length : 0;
  return {
    abort: running.abort,
    result: running.result.then((outcome) => {
      if (!('items' in outcome)) return outcome;
      const items = outcome.items as JsonValue[];
      // A Parallel's branches all start from the state's (processed) input.
      return { inputs: state.Type === 'Parallel' ? Array.from({ length: count }, () => structuredClone(items[0] ?? null)) : items };
    }),
  };
}

/** A Map or Parallel once its items have ended: their outputs in order (or the first failure) through the state's own fields. */
export function fanOutResult(name: string, state: State, input: JsonValue, ended: (index: number) => JsonValue | Error, options: StepOptions): RunningStep<StepOutcome> {
  const { Retry: _retry, Iterator: _i, Parameters: _p, MaxConcurrency: _m, ...rest } = forLibrary(state, options.timeScale) as Record<string, unknown>;
  const give = (index: number) => {
    const value = ended(index);
    if (value instanceof Error) throw value;
    return value;
  };
  const task = (start: string): StateMachineDefinition => ({ StartAt: start, States: { [start]: { Type: 'Task', Resource: LAMBDA_INVOKE, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS, End: true } } });
  if (state.Type === 'Map') {
    const collect = { ...rest, ItemSelector: { 'index.$': '$$.Map.Item.Index' }, ItemProcessor: task(RESULT) } as unknown as State;
    return step(name, redirect(collect), input, options, { taskResourceLocalHandlers: { [RESULT]: (item: JsonValue) => give((item as { index: number }).index) } }, 'outcome');
  }
  const branches = innerDefinitions(state).map((_, i) => task(`${RESULT}${i}`));
  const handlers = Object.fromEntries(branches.map((_, i) => [`${RESULT}${i}`, () => give(i)]));
  return step(name, redirect({ ...rest, Branches: branches } as unknown as State), input, options, { taskResourceLocalHandlers: handlers }, 'outcome');
}

/** A Wait's `SecondsPath` or `TimestampPath`, read from its (InputPath-processed) input. */
export function waitArgument(name: string, state: State, input: JsonValue, options: StepOptions): RunningStep<JsonValue> {
  const path = (state.SecondsPath ?? state.TimestampPath) as string;
  const read = { Type: 'Pass', ...(state.InputPath !== undefined ? { InputPath: state.InputPath } : {}), Parameters: { 'value.$': path }, Next: END } as State;
  const running = step(name, read, input, { ...options, onEvent: () => {} }, {}, 'outcome');
  return { abort: running.abort, result: running.result.then((outcome) => (outcome.output as { value: JsonValue }).value) };
}

type Mode = 'outcome' | 'inputs';

function step(name: string, state: State, input: JsonValue, options: StepOptions, overrides: Record<string, unknown>, mode: 'outcome'): RunningStep<StepOutcome>;
function step(name: string, state: State, input: JsonValue, options: StepOptions, overrides: Record<string, unknown>, mode: 'inputs'): RunningStep<StepOutcome | { items: JsonValue }>;
function step(name: string, state: State, input: JsonValue, options: StepOptions, overrides: Record<string, unknown>, mode: Mode): RunningStep<StepOutcome | { items: JsonValue }> {
  const ends = Object.fromEntries([END, ITEMS, ...targetsOf(state).map((target) => `${TO}${target}`)].map((end) => [end, { Type: 'Pass', End: true }]));
  const machine = new StateMachine({ StartAt: LOAD, States: { [LOAD]: { Type: 'Pass', InputPath: '$$.Local.Input', Next: name }, [name]: state, ...ends } } as never, {
    validationOptions: { noValidate: true },
  });
  const running = machine.run(options.executionInput as never, {
    overrides,
    noThrowOnAbort: true,
    context: { ...options.context, Local: { Input: input } },
  });
  let aborted = false;
  let taken: string | undefined;
  const events = (async () => {
    for await (const event of running.eventLogs) {
      if (!event || !('state' in event)) continue; // the little machine's own start and end, its items' events
      if (event.state.name !== name || 'index' in event) {
        if (event.type === 'StateEntered' && event.state.name in ends) taken = event.state.name;
        continue;
      }
      if (event.type === 'StateEntered' || (mode === 'inputs' && event.type === 'StateExited')) continue; // the runner records entries itself
      // A caught error goes to the catcher's own target, not to the end-state standing for it.
      options.onEvent(event.type === 'StateCaught' ? { ...event, catch: { ...event.catch, catcher: { ...event.catch.catcher, Next: original(event.catch.catcher.Next) } } } : event);
    }
  })();
  const result = (async () => {
    let output: unknown;
    try {
      output = await running.result;
    } catch (error) {
      await events;
      if (aborted) throw new Halted();
      throw error instanceof ExecutionError ? (error.cause as Error) : error;
    }
    await events;
    if (aborted) throw new Halted();
    if (state.Type === 'Succeed') return { end: true as const, output: output as JsonValue };
    if (taken === ITEMS) return { items: output as JsonValue };
    if (taken === END) return { end: true as const, output: output as JsonValue };
    if (taken?.startsWith(TO)) return { next: taken.slice(TO.length), output: output as JsonValue };
    throw new Error(`local workflow runner: state ${name} ended nowhere (${String(taken)})`);
  })();
  return {
    result,
    abort: () => {
      aborted = true;
      running.abort();
    },
  };
}

/** The state with every transition sent to an end-state named after its target (`End` to END). */
function redirect(state: State): State {
  const copy: Record<string, unknown> = { ...state };
  const to = (target: string) => `${TO}${target}`;
  if (state.End) {
    delete copy.End;
    copy.Next = END;
  } else if (state.Next) copy.Next = to(state.Next);
  if (typeof state.Default === 'string') copy.Default = to(state.Default);
  if (Array.isArray(state.Choices)) copy.Choices = (state.Choices as Array<{ Next: string }>).map((choice) => ({ ...choice, Next: to(choice.Next) }));
  if (state.Catch) copy.Catch = state.Catch.map((catcher) => ({ ...catcher, Next: to(catcher.Next) }));
  return copy as unknown as State;
}

const original = (target: string) => (target.startsWith(TO) ? target.slice(TO.length) : target);

function targetsOf(state: State): string[] {
  const redirected = [state.Next, state.Default, ...((state.Choices as Array<{ Next?: unknown }> | undefined) ?? []).map((c) => c.Next), ...(state.Catch ?? []).map((c) => c.Next)];
  return [...new Set(redirected.filter((target): target is string => typeof target === 'string' && target.startsWith(TO)).map((target) => target.slice(TO.length)))];
}

/**
 * The state as the library runs it: Retry intervals scaled (the library sleeps them), a Task's own
 * timeout and heartbeat left to the runner (the library's timer is pushed out of reach; its
 * default of 60 s would otherwise cut every callback short).
 */
function forLibrary(state: State, timeScale: number): State {
  const copy: Record<string, unknown> = { ...state };
  if (state.Type === 'Task') {
    delete copy.HeartbeatSeconds;
    copy.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
  }
  if (state.Retry) {
    copy.Retry = state.Retry.map((retrier) => ({
      ...retrier,
      IntervalSeconds: (retrier.IntervalSeconds ?? 1) * timeScale,
      MaxDelaySeconds: Math.min((retrier.MaxDelaySeconds ?? Infinity) * timeScale, LIBRARY_TASK_TIMEOUT_SECONDS),
    }));
  }
  return copy as unknown as State;
}

/** The library reads a state's retry pause override when it decides to retry: a getter answers per attempt. */
function retryOverride(name: string, pause: () => number | undefined): Record<string, number> {
  return Object.defineProperty({}, name, { enumerable: true, get: pause }) as Record<string, number>;
}

/**
 * The library's own States.Timeout error class, which it does not export: its Catch/Retry logic
 * tells a timeout from other task failures with `instanceof` (States.TaskFailed must not match a
 * timeout). Found once by letting a one-state machine time out after a millisecond.
 */
let timeoutErrorClass: Promise<new () => Error> | undefined;
export function libraryTimeoutError(): Promise<new () => Error> {
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

/** An error as it is kept on disk: enough to give the library the same error again after a restart. */
export function keepError(error: unknown, TimeoutError: new () => Error): KeptError {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const flags = thrown as { isRetryable?: boolean; isCatchable?: boolean };
  return {
    name: thrown.name,
    message: thrown.message,
    ...(thrown instanceof TimeoutError ? { timeout: true as const } : {}),
    ...(flags.isRetryable === false ? { retryable: false as const } : {}),
    ...(flags.isCatchable === false ? { catchable: false as const } : {}),
  };
}

export function rebuildError(kept: KeptError, TimeoutError: new () => Error): Error {
  if (kept.timeout) return new TimeoutError();
  const error = new Error(kept.message);
  error.name = kept.name;
  if (kept.retryable === false) Object.defineProperty(error, 'isRetryable', { value: false });
  if (kept.catchable === false) Object.defineProperty(error, 'isCatchable', { value: false });
  return error;
}
