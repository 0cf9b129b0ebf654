import { innerDefinitions, isCallbackTask, type JsonValue, type State, type StateMachineDefinition, type TaskState } from '#shared/workflows/definition.ts';
import type { Branch, ExecutionStore, KeptExecution, Outcome } from './execution-store.ts';
import { invokeResult, LOCAL_ACCOUNT, lambdaServiceError, TOKEN_SENTINEL, withToken, type LambdaInvoker, type TaskFunction } from './lambda-invoke.ts';
import { fanOutInputs, fanOutResult, Halted, keepError, rebuildError, stepState, waitArgument, type RunningStep, type StateEvent, type StepOptions, type StepOutcome } from './state-step.ts';
import { mintToken, type TaskTokens } from './task-tokens.ts';
import { at } from './timer.ts';
import type { Execution, ExecutionStatus } from './workflows.ts';

/**
 * Runs executions so that they survive the runtime stopping, however it stops. An execution is a
 * tree of branches (the execution, its Map items and Parallel branches), each in one state; the
 * tree is kept on disk (execution-store.ts) and rewritten before anything it says is acted on:
 *
 * - a branch moves to its next state (with that state's input) in one write, with the history;
 * - a Task attempt's outcome is written before the library is given it; after a restart the state
 *   runs again and its recorded attempts are replayed (same results, no handler called, retries
 *   without their pauses), so only an attempt that was running when the store stopped runs again
 *   — at least once, as Lambda retries;
 * - a callback Task's token and its deadlines are written before its handler sees the token; after
 *   a restart the same token is open again with the time it had left (expired at once when its
 *   deadline passed meanwhile), and the handler is not called again once it had returned;
 * - a Wait keeps when it ends; the execution keeps when its TimeoutSeconds is up;
 * - a Map or Parallel keeps each item's input, where each running item is and how each ended.
 *
 * Each state itself is run by aws-local-stepfunctions (state-step.ts).
 */
export interface RunnerDeps {
  /** Real seconds per second of the definitions. */
  timeScale: number;
  TimeoutError: new () => Error;
  tokens: TaskTokens;
  lambda: LambdaInvoker;
  /** Local function ARN → handler, for every workflow's tasks. */
  functions: ReadonlyMap<string, TaskFunction>;
  store: ExecutionStore;
  /** The execution has ended (and is saved). */
  ended(kept: KeptExecution): void;
}

export type EndReason = { status: 'ABORTED' | 'TIMED_OUT'; error?: string; cause?: string };

export interface LiveExecution {
  /** Ends it from outside: StopExecution (ABORTED) or its TimeoutSeconds (TIMED_OUT). */
  end(reason: EndReason): void;
  /** The runtime stops: everything stops where it is and stays RUNNING on disk, to go on at the next start. */
  suspend(): void;
  /** Resolves once its run has unwound (ended or suspended). */
  done: Promise<void>;
}

interface Where {
  /** The item's index, for states inside a Map. */
  mapIndex?: number;
}

/** What runs for a branch now, so that it can be stopped. */
interface Handle {
  abort?: () => void;
  cancelWait?: () => void;
  waiter?: { resolve: (outcome: Outcome) => void; reject: (error: Error) => void };
}

/** A new execution, at its first state: what StartExecution writes. */
export function newExecution(fields: Pick<Execution, 'executionArn' | 'stateMachineArn' | 'name' | 'input'>, definition: { hash: string; parsed: StateMachineDefinition }, timeScale: number): KeptExecution {
  const now = Date.now();
  const execution: Execution = { ...fields, status: 'RUNNING', startDate: now, transitions: [], history: [] };
  const kept: KeptExecution = {
    execution,
    definition: definition.hash,
    ...(definition.parsed.TimeoutSeconds ? { timeoutAt: now + definition.parsed.TimeoutSeconds * 1000 * timeScale } : {}),
    branch: { state: definition.parsed.StartAt, input: JSON.parse(fields.input) as JsonValue, enteredAt: now },
    tokens: [],
  };
  record(execution, 'ExecutionStarted', { input: fields.input, inputDetails: { truncated: false }, roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-sfn` }, now);
  entered(execution, kept.branch!, definition.parsed.States[definition.parsed.StartAt]!.Type, {});
  return kept;
}

export function createExecutionRunner(deps: RunnerDeps) {
  const { timeScale, TimeoutError, tokens } = deps;
  const keep = (error: unknown) => keepError(error, TimeoutError);
  const replay = (outcome: Outcome): JsonValue => {
    if ('error' in outcome) throw rebuildError(outcome.error, TimeoutError);
    return outcome.output;
  };

  /** Closes an execution that ran, or waits to run (StartExecution while the runtime stops). */
  function finish(kept: KeptExecution, outcome: Pick<Execution, 'status' | 'output' | 'error' | 'cause'>) {
    const { execution } = kept;
    if (execution.status !== 'RUNNING') return;
    for (const branch of kept.branch ? treeOf(kept.branch) : []) if (branch.callback) tokens.close(branch.callback.token);
    Object.assign(execution, outcome, { stopDate: Date.now() });
    delete kept.branch;
    delete kept.timeoutAt;
    const terminal = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' }[outcome.status as Exclude<ExecutionStatus, 'RUNNING'>];
    record(execution, terminal, outcome.status === 'SUCCEEDED' ? { output: execution.output, outputDetails: { truncated: false } } : { error: execution.error, cause: execution.cause });
    deps.store.save(kept);
    deps.ended(kept);
  }

  /** Runs a RUNNING execution from where it is: its first state, or where it was when the runtime stopped. */
  function run(kept: KeptExecution, definition: StateMachineDefinition): LiveExecution {
    const { execution } = kept;
    const handles = new WeakMap<Branch, Handle>();
    const halted = new WeakSet<Branch>();
    let suspended = false;
    const running = () => execution.status === 'RUNNING';
    const stopped = (branch: Branch) => suspended || !running() || halted.has(branch);
    const save = () => running() && deps.store.save(kept);
    const handleOf = (branch: Branch) => {
      let handle = handles.get(branch);
      if (!handle) handles.set(branch, (handle = {}));
      return handle;
    };
    const options = (where: Where): StepOptions => ({
      context: {
        Execution: { Id: execution.executionArn, Name: execution.name, RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-sfn`, StartTime: new Date(execution.startDate).toISOString() },
        StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineArn.split(':').at(-1) },
        Task: { Token: TOKEN_SENTINEL },
      },
      executionInput: JSON.parse(execution.input) as JsonValue,
      timeScale,
      onEvent: (event) => onEvent(execution, event, where),
    });

    /** Stops a branch and everything under it; `close` also closes their tokens (they are gone for good). */
    function halt(branch: Branch, close: boolean) {
      for (const each of treeOf(branch)) {
        if (close) halted.add(each);
        const handle = handles.get(each);
        handle?.abort?.();
        handle?.cancelWait?.();
        handle?.waiter?.reject(new Halted());
        if (handle) delete handle.waiter;
        if (close && each.callback) tokens.close(each.callback.token);
      }
    }

    async function live<T>(branch: Branch, step: RunningStep<T>): Promise<T> {
      const handle = handleOf(branch);
      handle.abort = step.abort;
      if (stopped(branch)) step.abort();
      try {
        return await step.result;
      } finally {
        if (handle.abort === step.abort) delete handle.abort;
      }
    }

    async function runBranch(branch: Branch, machine: StateMachineDefinition, where: Where): Promise<JsonValue> {
      for (;;) {
        if (stopped(branch)) throw new Halted();
        const state = machine.States[branch.state];
        if (!state) throw Object.assign(new Error(`the definition has no state "${branch.state}"`), { name: 'States.Runtime' });
        const outcome = await stepOf(branch, state, where);
        if (stopped(branch)) throw new Halted();
        if ('end' in outcome) return outcome.output;
        for (const field of ['attempts', 'callback', 'waitUntil', 'fanOut'] as const) delete branch[field];
        Object.assign(branch, { state: outcome.next, input: outcome.output, enteredAt: Date.now() });
        entered(execution, branch, machine.States[outcome.next]!.Type, where);
        save();
      }
    }

    async function stepOf(branch: Branch, state: State, where: Where): Promise<StepOutcome> {
      switch (state.Type) {
        case 'Map':
        case 'Parallel':
          return fanOut(branch, state, where);
        case 'Wait':
          await waitFor(branch, state, where);
          return live(branch, stepState(branch.state, state, branch.input, options(where)));
        case 'Task':
          return live(branch, stepState(branch.state, state, branch.input, options(where), taskHooks(branch, state)));
        default:
          return live(branch, stepState(branch.state, state, branch.input, options(where)));
      }
    }

    async function waitFor(branch: Branch, state: State, where: Where) {
      if (branch.waitUntil === undefined) {
        let due: number;
        if (typeof state.Seconds === 'number') due = branch.enteredAt + state.Seconds * 1000 * timeScale;
        else if (typeof state.Timestamp === 'string') due = Date.parse(state.Timestamp);
        else {
          const value = await live(branch, waitArgument(branch.state, state, branch.input, options(where)));
          due = state.SecondsPath !== undefined ? branch.enteredAt + Number(value) * 1000 * timeScale : Date.parse(String(value));
          if (!Number.isFinite(due) || (state.SecondsPath !== undefined && !(Number(value) >= 0))) {
            throw Object.assign(new Error(`${branch.state}: ${String(state.SecondsPath ?? state.TimestampPath)} is not a wait (${JSON.stringify(value)})`), { name: 'States.Runtime' });
          }
        }
        branch.waitUntil = due;
        save();
      }
      const until = branch.waitUntil;
      await new Promise<void>((resolve, reject) => {
        const cancel = at(until, resolve);
        handleOf(branch).cancelWait = () => {
          cancel();
          reject(new Halted());
        };
      });
      delete handleOf(branch).cancelWait;
    }

    /** A Task's lambda:invoke, attempt by attempt: recorded attempts replayed, the others run and recorded. */
    function taskHooks(branch: Branch, state: TaskState) {
      let calls = 0;
      return {
        retryPause: () => (calls < (branch.attempts?.length ?? 0) ? 0 : undefined),
        invoke: async (parameters: JsonValue) => {
          if (stopped(branch)) throw new Halted();
          const attempt = calls++;
          const recorded = branch.attempts?.[attempt];
          return replay(recorded ?? (await attemptOf(branch, state, parameters, attempt)));
        },
      };
    }

    async function attemptOf(branch: Branch, state: TaskState, parameters: JsonValue, attempt: number): Promise<Outcome> {
      const { FunctionName, Payload } = (parameters ?? {}) as { FunctionName?: string; Payload?: JsonValue };
      const target = deps.functions.get(String(FunctionName));
      const payload = Payload === undefined ? {} : Payload;
      const missing = () => lambdaServiceError(`Function not found: ${String(FunctionName)}`);
      if (isCallbackTask(state)) return callback(branch, state, target ?? missing, payload, attempt);
      let outcome: Outcome;
      try {
        if (!target) throw missing();
        outcome = { output: invokeResult(await withTimeout(deps.lambda.invoke(target, payload), state.TimeoutSeconds)) };
      } catch (error) {
        outcome = { error: keep(error) };
      }
      if (running() && !halted.has(branch)) {
        (branch.attempts ??= [])[attempt] = outcome;
        save();
      }
      return outcome;
    }

    /** A callback attempt: its token (written before anyone sees it), its handler (until it has returned once), then the wait. */
    function callback(branch: Branch, state: TaskState, target: TaskFunction | (() => Error), payload: JsonValue, attempt: number): Promise<Outcome> {
      let open = branch.callback;
      if (!open || open.attempt !== attempt) {
        const now = Date.now();
        open = branch.callback = {
          token: mintToken(),
          attempt,
          invoked: false,
          ...(state.TimeoutSeconds ? { timeoutAt: now + state.TimeoutSeconds * 1000 * timeScale } : {}),
          ...(state.HeartbeatSeconds ? { heartbeatAt: now + state.HeartbeatSeconds * 1000 * timeScale } : {}),
        };
        kept.tokens.push(open.token);
        save();
        openToken(branch, state);
      }
      const waiting = new Promise<Outcome>((resolve, reject) => (handleOf(branch).waiter = { resolve, reject }));
      const mine = open;
      if (!mine.invoked) {
        if (typeof target === 'function') settle(branch, mine.token, { error: keep(target()) });
        else {
          deps.lambda.invoke(target, withToken(payload, mine.token)).then(
            () => {
              if (branch.callback !== mine) return; // its wait has ended meanwhile
              mine.invoked = true;
              save();
            },
            (error) => settle(branch, mine.token, { error: keep(error) }),
          );
        }
      }
      return waiting;
    }

    function openToken(branch: Branch, state: State) {
      const open = branch.callback!;
      tokens.open(open.token, { ...(open.timeoutAt ? { timeoutAt: open.timeoutAt } : {}), ...(open.heartbeatAt ? { heartbeatAt: open.heartbeatAt, heartbeatMs: (state.HeartbeatSeconds as number) * 1000 * timeScale } : {}) }, {
        settle: (outcome) => settle(branch, open.token, outcome),
        heartbeat: (heartbeatAt) => {
          if (branch.callback !== open) return;
          open.heartbeatAt = heartbeatAt;
          save();
        },
      });
    }

    /** A callback attempt ends (SendTaskSuccess/Failure, a deadline, its handler failing): written, then handed on. */
    function settle(branch: Branch, token: string, outcome: Outcome) {
      const open = branch.callback;
      if (!running() || halted.has(branch) || open?.token !== token) return;
      tokens.close(token);
      (branch.attempts ??= [])[open.attempt] = outcome;
      delete branch.callback;
      save();
      const handle = handles.get(branch);
      const waiter = handle?.waiter;
      if (waiter) {
        delete handle.waiter;
        waiter.resolve(outcome);
      }
    }

    async function withTimeout<T>(work: Promise<T>, timeoutSeconds: number | undefined): Promise<T> {
      if (!timeoutSeconds) return work;
      let cancel = () => {};
      const timedOut = new Promise<never>((_, reject) => (cancel = at(Date.now() + timeoutSeconds * 1000 * timeScale, () => reject(new TimeoutError()))));
      try {
        return await Promise.race([work, timedOut]);
      } finally {
        cancel();
      }
    }

    /** A Map's items or a Parallel's branches, each a branch of its own; then the state's own result. */
    async function fanOut(branch: Branch, state: State, where: Where): Promise<StepOutcome> {
      if (!branch.fanOut) {
        const computed = await live(branch, fanOutInputs(branch.state, state, branch.input, options(where)));
        if (!('inputs' in computed)) return computed; // ItemsPath or ItemSelector failed, caught
        branch.fanOut = { inputs: computed.inputs, running: {}, ended: {} };
        save();
      }
      const fan = branch.fanOut;
      const machines = innerDefinitions(state);
      const machineOf = (index: number) => (state.Type === 'Map' ? machines[0]! : machines[index]!);
      const limit = state.Type === 'Map' && typeof state.MaxConcurrency === 'number' && state.MaxConcurrency > 0 ? state.MaxConcurrency : fan.inputs.length;
      let next = 0;
      const worker = async () => {
        while (next < fan.inputs.length && fan.failed === undefined && !stopped(branch)) {
          const index = next++;
          if (!fan.ended[index]) await item(branch, state, index, machineOf(index));
        }
      };
      await Promise.all(Array.from({ length: Math.min(limit, fan.inputs.length) }, worker));
      if (stopped(branch)) throw new Halted();
      const failure = fan.failed !== undefined ? fan.ended[fan.failed] : undefined;
      // Every output in order, or the first failure (the others were stopped by it).
      const endOf = (index: number): JsonValue | Error => {
        if (failure && 'error' in failure) return index === fan.failed ? rebuildError(failure.error, TimeoutError) : null;
        const ended = fan.ended[index];
        return ended && 'output' in ended ? ended.output : null;
      };
      return live(branch, fanOutResult(branch.state, state, branch.input, endOf, options(where)));
    }

    async function item(parent: Branch, state: State, index: number, machine: StateMachineDefinition) {
      const fan = parent.fanOut!;
      const where: Where = state.Type === 'Map' ? { mapIndex: index } : {};
      let child = fan.running[index];
      if (!child) {
        child = fan.running[index] = { state: machine.StartAt, input: fan.inputs[index] ?? null, enteredAt: Date.now() };
        if (state.Type === 'Map') record(execution, 'MapIterationStarted', { name: parent.state, index });
        entered(execution, child, machine.States[machine.StartAt]!.Type, where);
        save();
      }
      try {
        const output = await runBranch(child, machine, where);
        if (stopped(parent)) return;
        fan.ended[index] = { output };
        delete fan.running[index];
        if (state.Type === 'Map') record(execution, 'MapIterationSucceeded', { name: parent.state, index });
        save();
      } catch (error) {
        if (error instanceof Halted || stopped(parent) || stopped(child)) return;
        fan.ended[index] = { error: keep(error) };
        fan.failed = index;
        delete fan.running[index];
        if (state.Type === 'Map') record(execution, 'MapIterationFailed', { name: parent.state, index });
        // The others stop, as in AWS: their tokens close.
        for (const [other, sibling] of Object.entries(fan.running)) {
          halt(sibling, true);
          delete fan.running[Number(other)];
        }
        save();
      }
    }

    let cancelTimeout = () => {};
    const control: LiveExecution = {
      end(reason) {
        if (!running()) return;
        if (kept.branch) halt(kept.branch, true);
        cancelTimeout();
        finish(kept, { status: reason.status, ...(reason.error !== undefined ? { error: reason.error } : {}), ...(reason.cause !== undefined ? { cause: reason.cause } : {}) });
      },
      suspend() {
        suspended = true;
        cancelTimeout();
        if (kept.branch) halt(kept.branch, false);
      },
      done: Promise.resolve(),
    };

    // Tokens handed out before a restart are open again, with the time they had left.
    walk(kept.branch!, definition, (branch, state) => branch.callback && openToken(branch, state));
    control.done = (async () => {
      try {
        const output = await runBranch(kept.branch!, definition, {});
        if (!suspended) finish(kept, { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) });
      } catch (error) {
        if (error instanceof Halted || suspended || !running()) return;
        const failure = error as Error;
        finish(kept, { status: 'FAILED', error: failure?.name ?? 'States.Runtime', cause: failure?.message ?? String(error) });
      } finally {
        cancelTimeout();
      }
    })();
    // Armed last: when deadlines passed while the runtime was stopped, those of its tokens and
    // Waits (armed above, in the order of the states) fire before the execution's own.
    if (kept.timeoutAt !== undefined) {
      const cause = `the execution ran longer than its TimeoutSeconds (${definition.TimeoutSeconds})`;
      cancelTimeout = at(kept.timeoutAt, () => control.end({ status: 'TIMED_OUT', error: 'States.Timeout', cause }));
    }
    return control;
  }

  return { run, finish };
}

/** The branch and every branch under it. */
function treeOf(branch: Branch): Branch[] {
  return [branch, ...Object.values(branch.fanOut?.running ?? {}).flatMap(treeOf)];
}

/** Visits every branch with the definition of the state it is in. */
function walk(branch: Branch, machine: StateMachineDefinition, visit: (branch: Branch, state: State) => void) {
  const state = machine.States[branch.state];
  if (!state) return;
  visit(branch, state);
  const inner = innerDefinitions(state);
  for (const [index, child] of Object.entries(branch.fanOut?.running ?? {})) {
    const childMachine = state.Type === 'Map' ? inner[0] : inner[Number(index)];
    if (childMachine) walk(child, childMachine, visit);
  }
}

function record(execution: Execution, type: string, details?: Record<string, unknown>, timestamp = Date.now()) {
  execution.history.push({ id: execution.history.length + 1, type, timestamp, ...(details ? { details } : {}) });
}

/** A branch entered its state: one billed transition, one history event. */
function entered(execution: Execution, branch: Branch, type: State['Type'], where: Where) {
  const mapIndex = where.mapIndex !== undefined ? { mapIndex: where.mapIndex } : {};
  execution.transitions.push({ state: branch.state, type, kind: 'entered', at: branch.enteredAt, ...mapIndex });
  record(execution, `${type}StateEntered`, { name: branch.state, input: JSON.stringify(branch.input ?? null), ...mapIndex }, branch.enteredAt);
}

/** The library's events for a state, as the history shows them. */
function onEvent(execution: Execution, event: StateEvent, where: Where) {
  const at = event.timestamp;
  const mapIndex = where.mapIndex !== undefined ? { mapIndex: where.mapIndex } : {};
  switch (event.type) {
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
      else if (event.state.type === 'Map' || event.state.type === 'Parallel') record(execution, `${event.state.type}StateFailed`, error, at);
      break;
    }
    case 'StateCaught':
      record(execution, 'StateCaught', { name: event.state.name, next: event.catch.catcher.Next, ...mapIndex }, at);
      break;
    default:
      break;
  }
}

function stringCause(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return JSON.stringify(cause ?? null);
}
