import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineWorkflow, LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN, LAMBDA_TRANSIENT_RETRY, placeholdersOf, type StateMachineDefinition } from '#shared/workflows/definition.ts';
import { probe } from '../../test/workflows/probe.ts';
import { testDeadline, testSaga } from '../../test/workflows/test-saga.ts';
import { createSfnApi, SFN_PATH } from './sfn-api.ts';
import { createWorkflowRuntime, localFunctionArn, localStateMachineArn, workflowEnvironment, type WorkflowRuntime, type WorkflowRuntimeOptions } from './workflows.ts';

/**
 * The local Step Functions, in process: the runtime with the test workflows (test/workflows)
 * behind the /sfn JSON API on a bare HTTP server, driven with @aws-sdk/client-sfn as handlers
 * drive it. Time runs scaled: 1 s of a definition lasts 50 ms here (retry backoff measurable,
 * callbacks never time out by accident); other runtimes shrink 48 hours to a fraction of a second.
 */
const TASKS = join(import.meta.dirname, '../../test/workflows/tasks');
const SAGA = localStateMachineArn('test-saga');
const DEADLINE = localStateMachineArn('test-deadline');

interface LocalSfn {
  runtime: WorkflowRuntime;
  /** When it carried on with what its data dir kept running. */
  resumedAt: number;
  sfn: SFNClient;
  endpoint: string;
  close(): Promise<void>;
}

async function startLocalSfn(options: Partial<WorkflowRuntimeOptions>): Promise<LocalSfn> {
  const runtime = await createWorkflowRuntime({ workflows: [testSaga, testDeadline], functionsDir: TASKS, ...options });
  const server: Server = createServer(createSfnApi(runtime));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SFN_PATH}`;
  const resumedAt = Date.now();
  runtime.resume(); // what a data dir kept running carries on, now that its API answers
  const sfn = new SFNClient({ endpoint, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    runtime,
    resumedAt,
    sfn,
    endpoint,
    async close() {
      sfn.destroy();
      await runtime.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The AWS error name a call fails with. */
async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);
    return (error as Error).name;
  }
  throw new Error('the call succeeded');
}

/** The billed transitions of a test-saga order with two artisans. */
const TWO_ARTISANS = ['entered Reserve', 'entered Pay', 'entered AwaitArtisans', 'entered AwaitConfirmation', 'entered AwaitConfirmation', 'entered Complete'];

const order = (fields: Record<string, unknown> = {}) => ({ orderId: `o-${randomUUID()}`, artisans: ['a1', 'a2'], ...fields });

let local: LocalSfn;
beforeAll(async () => {
  local = await startLocalSfn({ timeScale: 0.05 });
});
afterAll(async () => {
  await local?.close();
});

async function start(input: Record<string, unknown>, name?: string) {
  const { executionArn } = await local.sfn.send(new StartExecutionCommand({ stateMachineArn: SAGA, input: JSON.stringify(input), ...(name ? { name } : {}) }));
  return executionArn!;
}

describe('a callback saga through the Step Functions API', () => {
  it('runs reserve → pay → each artisan confirms (SendTaskSuccess) → complete, and counts its transitions', async () => {
    const input = order();
    const executionArn = await start(input);
    expect(executionArn).toMatch(/^arn:aws:states:eu-west-3:000000000000:execution:test-saga:/);

    const [first, second] = await Promise.all([probe.token(`${input.orderId}/a1`), probe.token(`${input.orderId}/a2`)]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(second).not.toBe(first);
    const running = await local.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(running.status).toBe('RUNNING');
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: JSON.stringify({ artisanId: 'a1', shipBy: '2026-12-01' }) }));
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: JSON.stringify({ artisanId: 'a2', shipBy: '2026-12-02' }) }));

    await local.runtime.waitForExecution(executionArn);
    const done = await local.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(done.status).toBe('SUCCEEDED');
    expect(done.startDate).toBeInstanceOf(Date);
    expect(done.stopDate!.getTime()).toBeGreaterThanOrEqual(done.startDate!.getTime());
    expect(JSON.parse(done.output!)).toEqual({
      ...input,
      reservation: { reservationId: `res-${input.orderId}` }, // ResultSelector on $.Payload: the lambda:invoke result shape
      payment: { paymentId: `pay-${input.orderId}` },
      confirmations: [
        { artisanId: 'a1', shipBy: '2026-12-01' },
        { artisanId: 'a2', shipBy: '2026-12-02' },
      ],
    });
    // The handler got the Payload as its event, the token where the definition put $$.Task.Token.
    expect(probe.invocations('request-confirmation', input.orderId).map(({ event }) => event)).toEqual([
      { orderId: input.orderId, artisanId: 'a1', taskToken: first },
      { orderId: input.orderId, artisanId: 'a2', taskToken: second },
    ]);

    // What this order costs: one transition per state entered, Map items' states included.
    const { transitions } = local.runtime.describeExecution(executionArn);
    expect(transitions.map(({ state, kind }) => `${kind} ${state}`)).toEqual(TWO_ARTISANS);
    expect(transitions.filter(({ mapIndex }) => mapIndex !== undefined).map(({ mapIndex }) => mapIndex).sort()).toEqual([0, 1]);
    expect(transitions.every(({ at }, i) => at >= done.startDate!.getTime() && (i === 0 || at >= transitions[i - 1]!.at))).toBe(true);

    // A used token is closed, as in AWS.
    expect(await errorOf(local.sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: '{}' })))).toBe('TaskTimedOut');
  });

  it('gives each Map item its own token, resumes them in any order and keeps the item order in the result', async () => {
    const input = order({ artisans: ['a1', 'a2', 'a3'] });
    const executionArn = await start(input);
    const tokens = await Promise.all(input.artisans.map((artisan) => probe.token(`${input.orderId}/${artisan}`)));
    expect(new Set(tokens).size).toBe(3);
    await local.sfn.send(new SendTaskHeartbeatCommand({ taskToken: tokens[1] })); // accepted while the task waits
    for (const [index, token] of [...tokens.entries()].reverse()) {
      await local.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ item: index }) }));
    }
    const done = await local.runtime.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).confirmations).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(done.transitions.filter(({ state }) => state === 'AwaitConfirmation')).toHaveLength(3);
  });

  it('takes SendTaskFailure to the Catch path: compensation runs with the error, the other tokens close', async () => {
    const input = order();
    const executionArn = await start(input);
    const [first, second] = await Promise.all([probe.token(`${input.orderId}/a1`), probe.token(`${input.orderId}/a2`)]);
    await local.sfn.send(new SendTaskFailureCommand({ taskToken: first, error: 'ArtisanDeclined', cause: 'out of argan oil' }));

    const done = await local.runtime.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'OrderCancelled', cause: 'the order was cancelled; its reservation is released' });
    expect(probe.invocations('release', input.orderId).map(({ event }) => event)).toEqual([{ orderId: input.orderId, error: 'ArtisanDeclined' }]);
    expect(done.transitions.map(({ state }) => state)).toEqual(['Reserve', 'Pay', 'AwaitArtisans', 'AwaitConfirmation', 'AwaitConfirmation', 'Release', 'Cancelled']);
    expect(await errorOf(local.sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: '{}' })))).toBe('TaskTimedOut');
  });

  it("fails a Task with the handler's error name (Catch on PaymentDeclined) and Lambda's error JSON as the cause", async () => {
    const input = order({ decline: true });
    const executionArn = await start(input);
    const done = await local.runtime.waitForExecution(executionArn);
    expect(done.status).toBe('FAILED');
    expect(probe.invocations('release', input.orderId).map(({ event }) => event.error)).toEqual(['PaymentDeclined']);
    const failed = done.history.find((event) => event.type === 'TaskFailed')!;
    expect(failed.details).toMatchObject({ name: 'Pay', error: 'PaymentDeclined' });
    expect(JSON.parse(failed.details!.cause as string)).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: `card refused for ${input.orderId}` });
    expect(probe.invocations('request-confirmation', input.orderId)).toEqual([]);
  });

  it('retries a transient error with backoff (2 s, then 4 s, scaled) until the handler succeeds, each retry a transition', async () => {
    const input = order({ artisans: [], failTimes: 2 });
    const executionArn = await start(input);
    const done = await local.runtime.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    const calls = probe.invocations('reserve', input.orderId).map(({ at }) => at);
    expect(calls).toHaveLength(3);
    const [firstGap, secondGap] = [calls[1]! - calls[0]!, calls[2]! - calls[1]!];
    expect(firstGap).toBeGreaterThanOrEqual(90); // IntervalSeconds 2 × 0.05
    expect(secondGap).toBeGreaterThanOrEqual(190); // × BackoffRate 2
    expect(secondGap).toBeGreaterThan(firstGap);
    expect(done.transitions.map(({ state, kind }) => `${kind} ${state}`)).toEqual([
      'entered Reserve',
      'retried Reserve',
      'retried Reserve',
      'entered Pay',
      'entered AwaitArtisans',
      'entered Complete',
    ]);
  });

  it('treats StartExecution with a name as AWS does: same input while running → same execution; else ExecutionAlreadyExists', async () => {
    const input = order();
    const name = `order-${input.orderId}`;
    const executionArn = await start(input, name);
    expect(executionArn.endsWith(`:test-saga:${name}`)).toBe(true);
    expect(await start(input, name)).toBe(executionArn);
    expect(await errorOf(start({ ...input, artisans: ['a9'] }, name))).toBe('ExecutionAlreadyExists');
    const listed = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: SAGA }));
    expect(listed.executions!.filter((execution) => execution.name === name)).toHaveLength(1);

    await local.sfn.send(new StopExecutionCommand({ executionArn, error: 'ShopperCancelled', cause: 'changed their mind' }));
    await local.runtime.waitForExecution(executionArn);
    expect(await errorOf(start(input, name))).toBe('ExecutionAlreadyExists'); // a closed execution keeps its name
  });

  it('stops an execution (ABORTED, with the given error) and closes its tokens; ListExecutions filters by status', async () => {
    const input = order({ artisans: ['a1'] });
    const executionArn = await start(input);
    const token = await probe.token(`${input.orderId}/a1`);
    const { stopDate } = await local.sfn.send(new StopExecutionCommand({ executionArn, error: 'ShopperCancelled', cause: 'changed their mind' }));
    expect(stopDate).toBeInstanceOf(Date);
    const done = await local.runtime.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'ABORTED', error: 'ShopperCancelled', cause: 'changed their mind' });
    expect(done.history.at(-1)!.type).toBe('ExecutionAborted');
    expect(await errorOf(local.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
    const aborted = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: SAGA, statusFilter: 'ABORTED' }));
    expect(aborted.executions!.map((execution) => execution.executionArn)).toContain(executionArn);
    expect(aborted.executions!.every((execution) => execution.status === 'ABORTED')).toBe(true);
  });

  it('answers with the errors AWS uses', async () => {
    const send = (command: object) => errorOf(local.sfn.send(command as never) as Promise<unknown>);
    expect(await send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).toBe('InvalidToken');
    expect(await send(new SendTaskSuccessCommand({ taskToken: 'A'.repeat(64), output: '{}' }))).toBe('TaskDoesNotExist');
    expect(await send(new SendTaskHeartbeatCommand({ taskToken: 'A'.repeat(64) }))).toBe('TaskDoesNotExist');
    expect(await send(new SendTaskFailureCommand({ taskToken: '' }))).toBe('InvalidToken');
    expect(await send(new DescribeExecutionCommand({ executionArn: `arn:aws:states:eu-west-3:000000000000:execution:test-saga:${randomUUID()}` }))).toBe('ExecutionDoesNotExist');
    expect(await send(new DescribeExecutionCommand({ executionArn: 'nonsense' }))).toBe('InvalidArn');
    expect(await send(new StartExecutionCommand({ stateMachineArn: localStateMachineArn('no-such-flow') }))).toBe('StateMachineDoesNotExist');
    expect(await send(new StartExecutionCommand({ stateMachineArn: SAGA, input: '{not json' }))).toBe('InvalidExecutionInput');
    expect(await send(new StartExecutionCommand({ stateMachineArn: SAGA, name: 'has space' }))).toBe('InvalidName');

    const input = order({ artisans: ['a1'] });
    const executionArn = await start(input);
    const token = await probe.token(`${input.orderId}/a1`);
    expect(await send(new SendTaskSuccessCommand({ taskToken: token, output: 'not json' }))).toBe('InvalidOutput');
    await local.sfn.send(new StopExecutionCommand({ executionArn }));

    const raw = await fetch(local.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.DeleteStateMachine' }, body: '{}' });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await raw.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('serves the execution history (paginated) and the definition it runs', async () => {
    const input = order({ artisans: [] });
    const executionArn = await start(input);
    await local.runtime.waitForExecution(executionArn);
    const all = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const types = all.events!.map((event) => event.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    expect(types).toContain('TaskStateEntered');
    expect(types).toContain('MapStateExited');
    expect(all.events![1]!.stateEnteredEventDetails).toMatchObject({ name: 'Reserve' });
    expect(all.events!.map((event) => event.id)).toEqual(all.events!.map((_, i) => i + 1));

    const firstPage = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3 }));
    expect(firstPage.events).toHaveLength(3);
    const rest = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken: firstPage.nextToken }));
    expect([...firstPage.events!, ...rest.events!].map((event) => event.id)).toEqual(all.events!.map((event) => event.id));

    const machine = await local.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: SAGA }));
    expect(machine).toMatchObject({ name: 'test-saga', type: 'STANDARD', status: 'ACTIVE' });
    expect(placeholdersOf(machine.definition!)).toEqual([]);
    expect(JSON.parse(machine.definition!).States.Pay.Parameters.FunctionName).toBe(localFunctionArn('test-saga', 'Pay'));
  });
});

describe('what handlers see', () => {
  it('an SDK client configured only by the environment (AWS_ENDPOINT_URL_SFN, <NAME>_ARN) drives a workflow', async () => {
    expect(local.runtime.environment).toEqual({ TEST_SAGA_ARN: SAGA, TEST_DEADLINE_ARN: DEADLINE });
    expect(workflowEnvironment([testSaga])).toEqual({ TEST_SAGA_ARN: SAGA });
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL_SFN: local.endpoint, AWS_REGION: 'eu-west-3', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' }, local.runtime.environment);
    const client = new SFNClient({}); // as a handler builds it, once per process
    try {
      const input = order({ artisans: ['a1'] });
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: process.env.TEST_SAGA_ARN, input: JSON.stringify(input) }));
      await client.send(new SendTaskSuccessCommand({ taskToken: await probe.token(`${input.orderId}/a1`), output: '{"ok":true}' }));
      expect((await local.runtime.waitForExecution(executionArn!)).status).toBe('SUCCEEDED');
    } finally {
      client.destroy();
      process.env = saved;
    }
  });
});

describe('time on a scale', () => {
  it('times out a 48-hour wait in well under a second: States.Timeout is caught and compensated', async () => {
    const fast = await startLocalSfn({ timeScale: 1e-6 }); // 48 h → 173 ms
    try {
      const input = order({ artisans: ['a1'] });
      const { executionArn } = fast.runtime.startExecution({ stateMachineArn: SAGA, input: JSON.stringify(input) });
      const token = await probe.token(`${input.orderId}/a1`);
      const done = await fast.runtime.waitForExecution(executionArn, 5_000);
      expect(done.status).toBe('FAILED');
      expect(done.stopDate! - done.startDate).toBeLessThan(2_000);
      expect(probe.invocations('release', input.orderId).map(({ event }) => event.error)).toEqual(['States.Timeout']);
      expect(done.history.find((event) => event.type === 'TaskTimedOut')?.details).toMatchObject({ name: 'AwaitConfirmation', error: 'States.Timeout' });
      expect(await errorOf(fast.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
    } finally {
      await fast.close();
    }
  });

  it('scales Wait, HeartbeatSeconds (reset by SendTaskHeartbeat) and the execution TimeoutSeconds (→ TIMED_OUT)', async () => {
    const hourly = await startLocalSfn({ timeScale: 1 / 36_000 }); // 1 h → 100 ms
    try {
      // Without heartbeats the reply expires after its HeartbeatSeconds (1 h), after the 1-hour pause.
      const quiet = order();
      const { executionArn: quietArn } = hourly.runtime.startExecution({ stateMachineArn: DEADLINE, input: JSON.stringify(quiet) });
      await probe.token(`${quiet.orderId}/reply`);
      const expired = await hourly.runtime.waitForExecution(quietArn);
      expect(expired).toMatchObject({ status: 'FAILED', error: 'ReplyExpired' });
      expect(expired.stopDate! - expired.startDate).toBeGreaterThanOrEqual(190);
      expect(expired.transitions.map(({ state }) => state)).toEqual(['Pause', 'AwaitReply', 'Expired']);

      // With heartbeats it waits on, until the execution's own 4 hours are up.
      const chatty = order();
      const { executionArn } = hourly.runtime.startExecution({ stateMachineArn: DEADLINE, input: JSON.stringify(chatty) });
      const token = await probe.token(`${chatty.orderId}/reply`);
      while (hourly.runtime.describeExecution(executionArn).status === 'RUNNING') {
        await hourly.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token })).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const timedOut = hourly.runtime.describeExecution(executionArn);
      expect(timedOut).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
      expect(timedOut.stopDate! - timedOut.startDate).toBeGreaterThanOrEqual(390);
      expect(timedOut.history.at(-1)!.type).toBe('ExecutionTimedOut');
      expect(await errorOf(hourly.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
    } finally {
      await hourly.close();
    }
  });
});

describe('executions carry on across restarts (a data dir)', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dakhla-sfn-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  /**
   * `before` on a runtime over a new data dir; that runtime stops (a clean stop); once the epoch ms
   * `downUntil` gives has passed, `after` on a new runtime over the same dir.
   */
  async function acrossRestart<T>(
    options: Partial<WorkflowRuntimeOptions>,
    before: (first: LocalSfn) => Promise<T>,
    after: (second: LocalSfn, kept: T, first: LocalSfn) => Promise<void>,
    downUntil: (kept: T) => number = () => 0,
  ) {
    const dir = dataDir();
    const first = await startLocalSfn({ ...options, dataDir: dir });
    const kept = await before(first);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, downUntil(kept) - Date.now())));
    const second = await startLocalSfn({ ...options, dataDir: dir });
    try {
      await after(second, kept, first);
    } finally {
      await second.close();
    }
  }
  const historyOf = (runtime: WorkflowRuntime, executionArn: string) => runtime.describeExecution(executionArn).history;
  const enteredAt = (runtime: WorkflowRuntime, executionArn: string, state: string) =>
    historyOf(runtime, executionArn).find((event) => event.type.endsWith('StateEntered') && event.details?.name === state)?.timestamp;

  it('a stop aborts nothing: a token handed out before it still works after it, Map items stay where they were, nothing runs twice', () =>
    acrossRestart(
      { timeScale: 0.05 },
      async (first) => {
        const finished = first.runtime.startExecution({ stateMachineArn: SAGA, input: JSON.stringify(order({ artisans: [] })) });
        await first.runtime.waitForExecution(finished.executionArn);
        const input = order();
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: SAGA, name: `keep-${input.orderId}`, input: JSON.stringify(input) });
        const [before, during] = await Promise.all([probe.token(`${input.orderId}/a1`), probe.token(`${input.orderId}/a2`)]);
        await first.sfn.send(new SendTaskSuccessCommand({ taskToken: before, output: JSON.stringify({ item: 'before the restart' }) }));
        return { finished, input, executionArn, before, during };
      },
      async (second, { finished, input, executionArn, before, during }, first) => {
        expect(first.runtime.describeExecution(executionArn).status).toBe('RUNNING');
        expect(second.runtime.describeExecution(finished.executionArn)).toMatchObject({ status: 'SUCCEEDED' });
        expect(second.runtime.describeExecution(finished.executionArn).transitions).toHaveLength(4);
        expect(second.runtime.describeExecution(executionArn).status).toBe('RUNNING');
        const listed = await second.sfn.send(new ListExecutionsCommand({ stateMachineArn: SAGA, statusFilter: 'RUNNING' }));
        expect(listed.executions!.map((execution) => execution.executionArn)).toContain(executionArn);
        // The same token as before the restart; the one used before it stays closed.
        await second.sfn.send(new SendTaskSuccessCommand({ taskToken: during, output: JSON.stringify({ item: 'after the restart' }) }));
        const done = await second.runtime.waitForExecution(executionArn);
        expect(done.status).toBe('SUCCEEDED');
        expect(JSON.parse(done.output!).confirmations).toEqual([{ item: 'before the restart' }, { item: 'after the restart' }]);
        // Every task ran once, every state was entered once: as without the restart.
        expect(['reserve', 'pay', 'request-confirmation'].map((task) => probe.invocations(task, input.orderId).length)).toEqual([1, 1, 2]);
        expect(done.transitions.map(({ state, kind }) => `${kind} ${state}`)).toEqual(TWO_ARTISANS);
        expect(done.history.filter((event) => event.type === 'ExecutionAborted')).toEqual([]);
        for (const token of [before, during]) expect(await errorOf(second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
        expect(await errorOf(second.sfn.send(new StartExecutionCommand({ stateMachineArn: SAGA, name: `keep-${input.orderId}`, input: JSON.stringify(input) })))).toBe('ExecutionAlreadyExists');
      },
    ));

  it('a task deadline that passed while the runtime was stopped ends the wait at once on start, and its Catch compensates', () =>
    acrossRestart(
      { timeScale: 2 / 172_800 }, // the 48-hour wait lasts 2 s
      async (first) => {
        const input = order({ artisans: ['a1'] });
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: SAGA, input: JSON.stringify(input) });
        const token = await probe.token(`${input.orderId}/a1`);
        return { input, executionArn, token, due: enteredAt(first.runtime, executionArn, 'AwaitConfirmation')! + 2_000 };
      },
      async (second, { input, executionArn, token }) => {
        const done = await second.runtime.waitForExecution(executionArn, 5_000);
        expect(done).toMatchObject({ status: 'FAILED', error: 'OrderCancelled' });
        const timedOut = done.history.find((event) => event.type === 'TaskTimedOut')!;
        expect(timedOut.details).toMatchObject({ name: 'AwaitConfirmation', error: 'States.Timeout' });
        expect(timedOut.timestamp).toBeGreaterThanOrEqual(second.resumedAt);
        expect(timedOut.timestamp - second.resumedAt).toBeLessThan(1_000); // at once, not 48 hours (2 s) after the restart
        expect(probe.invocations('release', input.orderId).map(({ event }) => event.error)).toEqual(['States.Timeout']);
        expect(probe.invocations('request-confirmation', input.orderId)).toHaveLength(1); // not asked again
        expect(await errorOf(second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
      },
      ({ input, due }) => {
        expect(probe.invocations('release', input.orderId)).toEqual([]); // it was still waiting when the runtime stopped
        return due + 100;
      },
    ));

  it('a Wait keeps its end: one that ended while stopped goes on at once; StopExecution still stops a resumed execution', () =>
    acrossRestart(
      { timeScale: 1 / 1_800 }, // the 1-hour Pause lasts 2 s
      async (first) => {
        const input = order();
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: DEADLINE, input: JSON.stringify(input) });
        return { input, executionArn, startDate: first.runtime.describeExecution(executionArn).startDate }; // stopped during the Pause
      },
      async (second, { input, executionArn }, first) => {
        expect(first.runtime.describeExecution(executionArn).transitions.map(({ state }) => state)).toEqual(['Pause']);
        const token = await probe.token(`${input.orderId}/reply`);
        // Not another hour (2 s) from the restart: the Pause had ended.
        expect(enteredAt(second.runtime, executionArn, 'AwaitReply')! - second.resumedAt).toBeLessThan(1_000);
        await second.sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'stopped after a restart' }));
        expect(await second.runtime.waitForExecution(executionArn)).toMatchObject({ status: 'ABORTED', error: 'Operator' });
        expect(await errorOf(second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
      },
      ({ startDate }) => startDate + 2_200,
    ));

  it("an execution whose own TimeoutSeconds passed while stopped ends TIMED_OUT at start", async () => {
    const patience = defineWorkflow({
      name: 'test-patience',
      tasks: { RequestReply: 'request-confirmation' },
      definition: {
        StartAt: 'AwaitReply',
        TimeoutSeconds: 3600,
        States: {
          AwaitReply: {
            Type: 'Task',
            Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
            Parameters: { FunctionName: '${RequestReply}', Payload: { 'orderId.$': '$.orderId', artisanId: 'patience', 'taskToken.$': '$$.Task.Token' } },
            TimeoutSeconds: 30 * 24 * 3600,
            Retry: [LAMBDA_TRANSIENT_RETRY],
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Expired' }],
            End: true,
          },
          Expired: { Type: 'Fail', Error: 'ReplyExpired' },
        },
      },
    });
    await acrossRestart(
      { timeScale: 1 / 12_000, workflows: [patience] }, // the execution's hour lasts 300 ms
      async (first) => {
        const input = order();
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: localStateMachineArn('test-patience'), input: JSON.stringify(input) });
        return { executionArn, token: await probe.token(`${input.orderId}/patience`) };
      },
      async (second, { executionArn, token }) => {
        const done = await second.runtime.waitForExecution(executionArn, 3_000);
        expect(done).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
        expect(done.stopDate! - second.resumedAt).toBeLessThan(1_000); // at start (its task would wait 30 days)
        expect(done.history.at(-1)!.type).toBe('ExecutionTimedOut');
        expect(await errorOf(second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })))).toBe('TaskTimedOut');
      },
      () => Date.now() + 400,
    );
  });

  it('a killed runtime (its data dir as it was at that instant): the Task in flight runs again; attempts already recorded are not', async () => {
    const dir = dataDir();
    const live = await startLocalSfn({ dataDir: dir, timeScale: 0.05 });
    const inFlight = order({ artisans: [], holdMs: 300 });
    const retrying = order({ artisans: [], failTimes: 1 });
    const [held, retried] = [inFlight, retrying].map((input) => live.runtime.startExecution({ stateMachineArn: SAGA, input: JSON.stringify(input) }).executionArn);
    // Reserve is running for the first; the second's first attempt failed and waits 100 ms to retry.
    await until(() => probe.invocations('reserve', inFlight.orderId).length === 1 && probe.invocations('reserve', retrying.orderId).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const killedAt = dataDir();
    cpSync(dir, killedAt, { recursive: true });
    for (const executionArn of [held!, retried!]) expect((await live.runtime.waitForExecution(executionArn)).status).toBe('SUCCEEDED');
    await live.close();

    const restarted = await startLocalSfn({ dataDir: killedAt, timeScale: 0.05 });
    try {
      const [again, resumed] = await Promise.all([held!, retried!].map((executionArn) => restarted.runtime.waitForExecution(executionArn)));
      expect([again!.status, resumed!.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(probe.invocations('reserve', inFlight.orderId)).toHaveLength(2); // once more: at least once, as Lambda
      expect(probe.invocations('reserve', retrying.orderId)).toHaveLength(3); // the failed attempt was not run again
      expect(again!.transitions.map(({ state, kind }) => `${kind} ${state}`)).toEqual(['entered Reserve', 'entered Pay', 'entered AwaitArtisans', 'entered Complete']);
      expect(resumed!.transitions.map(({ state, kind }) => `${kind} ${state}`)).toEqual(['entered Reserve', 'retried Reserve', 'entered Pay', 'entered AwaitArtisans', 'entered Complete']);
    } finally {
      await restarted.close();
    }
  });

  it("a Parallel's branches each keep their place; the result keeps the branches' order", async () => {
    const reply = (artisanId: string): StateMachineDefinition => ({
      StartAt: `Ask${artisanId}`,
      States: {
        [`Ask${artisanId}`]: {
          Type: 'Task',
          Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
          Parameters: { FunctionName: '${RequestReply}', Payload: { 'orderId.$': '$.orderId', artisanId, 'taskToken.$': '$$.Task.Token' } },
          TimeoutSeconds: 3600,
          Retry: [LAMBDA_TRANSIENT_RETRY],
          End: true,
        },
      },
    });
    const both = defineWorkflow({
      name: 'test-both',
      tasks: { RequestReply: 'request-confirmation' },
      definition: {
        StartAt: 'Both',
        States: {
          Both: { Type: 'Parallel', Branches: [reply('left'), reply('right')], ResultPath: '$.replies', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], Next: 'Done' },
          Done: { Type: 'Succeed' },
          Failed: { Type: 'Fail', Error: 'Failed' },
        },
      },
    });
    await acrossRestart(
      { timeScale: 0.05, workflows: [both] },
      async (first) => {
        const input = order();
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: localStateMachineArn('test-both'), input: JSON.stringify(input) });
        const [left, right] = await Promise.all([probe.token(`${input.orderId}/left`), probe.token(`${input.orderId}/right`)]);
        await first.sfn.send(new SendTaskSuccessCommand({ taskToken: right, output: '"right, before"' }));
        return { input, executionArn, left };
      },
      async (second, { input, executionArn, left }) => {
        await second.sfn.send(new SendTaskSuccessCommand({ taskToken: left, output: '"left, after"' }));
        const done = await second.runtime.waitForExecution(executionArn);
        expect(done.status).toBe('SUCCEEDED');
        expect(JSON.parse(done.output!)).toEqual({ ...input, replies: ['left, after', 'right, before'] });
        expect(done.transitions.map(({ state }) => state)).toEqual(['Both', expect.stringMatching(/^Ask/), expect.stringMatching(/^Ask/), 'Done']);
        expect(probe.invocations('request-confirmation', input.orderId)).toHaveLength(2);
      },
    );
  });

  it('an execution goes on with the definition it started with, whatever the module says after the restart', () => {
    // The next version renames the Map's callback state.
    const renamed = JSON.parse(JSON.stringify(testSaga.definition).replaceAll('"AwaitConfirmation"', '"AwaitArtisanReply"'));
    let version = testSaga;
    return acrossRestart(
      {
        timeScale: 0.05,
        // Read at each start: the second runtime loads the next version.
        get workflows() {
          return [version, testDeadline];
        },
      },
      async (first) => {
        const input = order({ artisans: ['a1'] });
        const { executionArn } = first.runtime.startExecution({ stateMachineArn: SAGA, input: JSON.stringify(input) });
        const token = await probe.token(`${input.orderId}/a1`);
        version = { ...testSaga, definition: renamed };
        return { executionArn, token };
      },
      async (second, { executionArn, token }) => {
        await second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"ok":true}' }));
        const done = await second.runtime.waitForExecution(executionArn);
        expect(done.status).toBe('SUCCEEDED');
        expect(done.transitions.map(({ state }) => state)).toContain('AwaitConfirmation');
        expect(JSON.parse(second.runtime.describeStateMachine(SAGA).definition).States.AwaitArtisans.ItemProcessor.States).toHaveProperty('AwaitArtisanReply');
      },
    );
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
