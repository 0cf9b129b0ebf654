import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { JsonValue, Workflow } from '#shared/workflows/definition.ts';
import { lambdaContext } from './api-event.ts';
import type { LoadModule } from './handler-modules.ts';
import { LOCAL_REGION } from './emulators.ts';

/**
 * The lambda:invoke integration, locally: a Task's function is the handler module that CDK
 * bundles for AWS, imported and called in this process. What crosses the wire is JSON (the event
 * and the result are copied through JSON.stringify); the result comes back as the integration's
 * `{ Payload, StatusCode: 200, … }` (so `$.Payload` selectors work as in AWS); an error the
 * handler throws fails the Task with its `name` as `Error` and Lambda's JSON
 * `{errorType, errorMessage, trace}` as `Cause`.
 */
export const LOCAL_ACCOUNT = '000000000000';
/** What a task's `${Placeholder}` becomes locally (in AWS: the function's ARN). */
export const localFunctionArn = (workflow: string, task: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${workflow}-${task}`;

/** Sentinel given to the library as `$$.Task.Token`; each callback Task attempt replaces it with its own token. */
export const TOKEN_SENTINEL = 'local-sfn:task-token';
const FUNCTION_TIMEOUT_MS = 10_000;

type Handler = (event: unknown, context: Context) => unknown;
export interface TaskFunction {
  task: string;
  module: string;
  handler: Handler;
}

/** Imports every task's handler up front: a broken one fails at start, as a deploy would. Keyed by local function ARN. */
export async function loadTaskFunctions(workflow: Workflow, modules: LoadModule): Promise<Map<string, TaskFunction>> {
  const functions = new Map<string, TaskFunction>();
  for (const [task, module] of Object.entries<string>(workflow.tasks)) {
    const loaded = (await modules(module)) as { handler?: Handler };
    if (typeof loaded.handler !== 'function') throw new Error(`${module}.ts does not export a handler (task ${task} of ${workflow.name})`);
    functions.set(localFunctionArn(workflow.name, task), { task, module, handler: loaded.handler });
  }
  return functions;
}

/** Calls handlers as Lambda would, and knows which calls are still running (so a stop can let them finish). */
export function createLambdaInvoker() {
  const inflight = new Set<Promise<unknown>>();
  return {
    async invoke(target: TaskFunction, payload: JsonValue): Promise<JsonValue> {
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
    },
    /** Resolves once every call running now has returned, or after a Lambda timeout at most. */
    drain: () => Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, FUNCTION_TIMEOUT_MS).unref())]),
  };
}
export type LambdaInvoker = ReturnType<typeof createLambdaInvoker>;

/** The lambda:invoke integration's result around a handler's return value. */
export const invokeResult = (payload: JsonValue): JsonValue => ({
  ExecutedVersion: '$LATEST',
  Payload: payload,
  SdkHttpMetadata: { HttpStatusCode: 200 },
  SdkResponseMetadata: { RequestId: randomUUID() },
  StatusCode: 200,
});

/** A handler's error as the lambda:invoke integration reports it: Error = its name, Cause = Lambda's error JSON. */
export function functionError(error: unknown): Error {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const failure = new Error(JSON.stringify({ errorType: thrown.name, errorMessage: thrown.message, trace: (thrown.stack ?? '').split('\n') }));
  failure.name = thrown.name || 'Error';
  return failure;
}

export function lambdaServiceError(message: string): Error {
  const error = new Error(message);
  error.name = 'Lambda.ResourceNotFoundException';
  return error;
}

/** The payload with the sentinel replaced by this attempt's token wherever the definition put `$$.Task.Token`. */
export function withToken(value: JsonValue, token: string): JsonValue {
  if (value === TOKEN_SENTINEL) return token;
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  return value;
}
