import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SFNClient } from '@aws-sdk/client-sfn';
import { storeUrl } from './api-client.ts';
import { createSfnApi } from '../../infra/local/sfn-api.ts';
import type { WorkflowRuntime } from '../../infra/local/workflows.ts';

/** Helpers for tests that follow the order saga: polling, the store's Step Functions API, an in-process control. */

/** Polls `probe` until it gives a value, or fails after `ms` naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The running store's Step Functions API (`/sfn`), as handlers reach it. */
export const storeSfn = () => new SFNClient({ endpoint: `${storeUrl()}/sfn`, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** The order saga execution of an order (named after it). */
export const executionArn = (orderId: string) => `arn:aws:states:eu-west-3:000000000000:execution:order-saga:${orderId}`;

/**
 * The saga's payment deadline passes now (SAGA_TIMEOUTS.paymentSeconds, 30 minutes): its wait's
 * task fails as a timeout does (States.Timeout), through `fail` (the store's Step Functions API
 * or an in-process control), with the token the wait saved under `tokenOf`.
 */
export async function passPaymentDeadline(orderId: string, tokenOf: (orderId: string) => Promise<string | undefined>, fail: (token: string, error: string, cause: string) => Promise<unknown>) {
  const token = await until(`the payment wait of ${orderId}`, () => tokenOf(orderId));
  await fail(token, 'States.Timeout', 'the payment deadline passed');
}

/** SagaControl over an in-process runtime, remembering each order's execution. */
export function runtimeControl(runtime: () => WorkflowRuntime, stateMachineArn: string) {
  const executions = new Map<string, string>();
  const control = {
    start: async (orderId: string, input: object) => {
      executions.set(orderId, runtime().startExecution({ stateMachineArn, name: orderId, input: JSON.stringify(input) }).executionArn);
    },
    resume: async (token: string, output: unknown) => runtime().sendTaskSuccess(token, JSON.stringify(output)),
    fail: async (token: string, error: string, cause: string) => runtime().sendTaskFailure(token, error, cause),
  };
  return { control, executions };
}

/**
 * An in-process runtime's Step Functions API on a port of its own (what the store serves at /sfn),
 * so that handlers reach it with @aws-sdk/client-sfn through AWS_ENDPOINT_URL_SFN. Listening
 * before the runtime exists (its task handlers read that variable when imported): `runtime()` is
 * asked at each request.
 */
export async function sfnServer(runtime: () => WorkflowRuntime): Promise<{ endpoint: string; close(): Promise<void> }> {
  let api: ReturnType<typeof createSfnApi> | undefined;
  let served: WorkflowRuntime | undefined;
  const server = createServer((req, res) => {
    const current = runtime();
    if (current !== served) [api, served] = [createSfnApi(current), current];
    api!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sfn`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Acts as an artisan on an order's parcel once the saga waits for that step (until then the route answers 409 not_now). */
export async function actOnParcel(artisan: { call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> }, orderId: string, body: object) {
  return until(`${JSON.stringify(body)} on ${orderId}`, async () => {
    const answer = await artisan.call('POST', `/api/me/orders/${orderId}/fulfilment`, body);
    if (answer.status === 409 && answer.body.error.code === 'not_now') return undefined;
    return answer;
  });
}
