import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { getXrayTraceDataFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { config } from './config.ts';

/**
 * X-Ray tracing of the handlers and their AWS SDK calls, without the X-Ray SDK. Lambda's active
 * tracing already records each invocation (its trace header in `_X_AMZN_TRACE_ID`); this adds,
 * inside it, one subsegment per handler invocation (`## <route or task>`, annotated with the
 * correlation ids, so the X-Ray console finds an order's traces by `orderId`) and one per SDK
 * call (DynamoDB, Step Functions, S3, SES, Cognito, Secrets Manager: operation, table, status,
 * retries, request id, error/throttle/fault), sent as X-Ray segment documents over UDP to the
 * daemon Lambda runs beside the function (AWS_XRAY_DAEMON_ADDRESS) — the protocol the X-Ray SDK
 * uses. Only for sampled requests; without a daemon (locally) nothing is sent.
 *
 * Why not Powertools Tracer: it wraps aws-xray-sdk-core, which adds ~125 KB (~37 KB gzip) and
 * ~8 ms of module init to every function (measured: README "Observability"), and the X-Ray SDKs are
 * in maintenance mode (end of support 25 February 2027, AWS recommends OpenTelemetry). This file
 * is the one thing to swap when the functions move to OpenTelemetry.
 */

/** The trace an invocation belongs to (Lambda's trace header), and the subsegment SDK calls hang under. */
export interface TraceContext {
  traceId: string;
  /** The segment or subsegment new subsegments are children of. */
  parentId: string;
}

/** One X-Ray segment document (the fields this module writes). */
export interface SegmentDocument {
  name: string;
  id: string;
  trace_id: string;
  parent_id: string;
  type: 'subsegment';
  start_time: number;
  end_time: number;
  namespace?: 'aws' | 'remote';
  annotations?: Record<string, string | number | boolean>;
  aws?: Record<string, unknown>;
  http?: { response: { status: number } };
  error?: boolean;
  throttle?: boolean;
  fault?: boolean;
  cause?: { exceptions: Array<{ id: string; message: string; type: string; remote?: boolean }> };
}

const scope = new AsyncLocalStorage<TraceContext>();
const seconds = (ms: number) => ms / 1000;
const newId = () => randomBytes(8).toString('hex');

/** The sampled trace of the running invocation, if any (Lambda's trace header: Root, Parent, Sampled). */
function invocationTrace(): TraceContext | undefined {
  const header = getXrayTraceDataFromEnv();
  if (!header?.Root || !header.Parent || header.Sampled !== '1') return undefined;
  return { traceId: header.Root, parentId: header.Parent };
}

/** `host:port`, or the daemon's `tcp:… udp:host:port` form: where segment documents go. */
export function daemonEndpoint(address: string | undefined): { host: string; port: number } | undefined {
  if (!address) return undefined;
  const udp = address.split(/\s+/).find((part) => part.startsWith('udp:'))?.slice(4) ?? address.split(/\s+/).find((part) => !part.includes('tcp:'));
  const match = udp && /^(.+):(\d+)$/.exec(udp);
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
}

let socket: Socket | undefined;
/** Sends a finished segment document to the daemon (fire and forget, as the X-Ray SDK does). */
function emit(document: SegmentDocument): Promise<void> {
  const daemon = daemonEndpoint(config.xrayDaemonAddress);
  if (!daemon) return Promise.resolve();
  socket ??= createSocket('udp4').unref();
  const packet = Buffer.from(`{"format":"json","version":1}\n${JSON.stringify(document)}`);
  return new Promise((resolve) => socket!.send(packet, daemon.port, daemon.host, () => resolve()));
}

/** The error fields X-Ray reads: `fault` for 5xx and failures, `throttle` + `error` for 429, `error` for other 4xx. */
function outcome(error: unknown, status: number | undefined): Pick<SegmentDocument, 'error' | 'throttle' | 'fault' | 'cause'> {
  if (!error && (status === undefined || status < 400)) return {};
  const cause = error ? { cause: { exceptions: [{ id: newId(), message: String((error as Error).message ?? error).slice(0, 1000), type: (error as Error).name ?? 'Error', remote: status !== undefined }] } } : {};
  if (status === 429) return { error: true, throttle: true, ...cause };
  if (status !== undefined && status >= 400 && status < 500) return { error: true, ...cause };
  return { fault: true, ...cause };
}

/**
 * Runs one handler invocation inside its own subsegment (`## <name>`) with these annotations
 * (searchable in X-Ray: `annotation.orderId = "…"`). Outside a sampled trace it just runs `fn`.
 */
export async function traceInvocation<R>(name: string, annotations: Record<string, string | number | boolean | undefined>, fn: () => Promise<R>): Promise<R> {
  const trace = invocationTrace();
  if (!trace) return fn();
  const id = newId();
  const started = Date.now();
  const finish = (error: unknown) =>
    emit({
      name: `## ${name}`.slice(0, 200),
      id,
      trace_id: trace.traceId,
      parent_id: trace.parentId,
      type: 'subsegment',
      start_time: seconds(started),
      end_time: seconds(Date.now()),
      annotations: Object.fromEntries(Object.entries(annotations).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)),
      ...(error ? outcome(error, undefined) : {}),
    });
  try {
    const result = await scope.run({ traceId: trace.traceId, parentId: id }, fn);
    await finish(undefined);
    return result;
  } catch (error) {
    await finish(error);
    throw error;
  }
}

/** The smallest shape of an AWS SDK v3 client this needs: its middleware stack. */
interface SdkClient {
  middlewareStack: { add(middleware: unknown, options: { step: 'initialize'; name: string; override?: boolean }): void };
}
/** What an AWS call reports about itself (the SDK's `$metadata`): on its output, or on the error it threw. */
export type AwsCallMetadata = { httpStatusCode?: number; requestId?: string; attempts?: number };
type SdkResult = { output?: { $metadata?: AwsCallMetadata } };
type SdkError = Error & { $metadata?: AwsCallMetadata };

/**
 * Runs one AWS call inside its own subsegment (`service`, `operation`, the table of `input` if it
 * names one), under the running invocation's subsegment: what `traced` does for each call of an SDK
 * client, for a call made without one (functions/commons/ses-send.ts). `metadataOf` reads the
 * status, request id and attempts off the result; a thrown error carries them in `$metadata`.
 * Outside a sampled trace it just runs `call`.
 */
export async function traceAwsCall<R>(service: string, operation: string, input: Record<string, unknown>, call: () => Promise<R>, metadataOf: (result: R) => AwsCallMetadata | undefined): Promise<R> {
  const parent = scope.getStore() ?? invocationTrace();
  if (!parent) return call();
  const started = Date.now();
  const document = (metadata: AwsCallMetadata | undefined, error?: unknown): SegmentDocument => ({
    name: service,
    id: newId(),
    trace_id: parent.traceId,
    parent_id: parent.parentId,
    type: 'subsegment',
    namespace: 'aws',
    start_time: seconds(started),
    end_time: seconds(Date.now()),
    aws: {
      operation,
      region: config.awsRegion,
      ...(metadata?.requestId ? { request_id: metadata.requestId } : {}),
      retries: Math.max(0, (metadata?.attempts ?? 1) - 1),
      ...(typeof input.TableName === 'string' ? { table_name: input.TableName } : {}),
    },
    ...(metadata?.httpStatusCode ? { http: { response: { status: metadata.httpStatusCode } } } : {}),
    ...outcome(error, metadata?.httpStatusCode ?? (error ? undefined : 200)),
  });
  try {
    const result = await call();
    void emit(document(metadataOf(result)));
    return result;
  } catch (error) {
    void emit(document((error as SdkError).$metadata, error));
    throw error;
  }
}

/**
 * Adds a subsegment per call to an AWS SDK v3 client (DynamoDB, Step Functions…), under the
 * running invocation's subsegment. Returns the client, so that `traced(new XClient({}))` reads well.
 */
export function traced<C extends SdkClient>(client: C): C {
  const middleware = (next: (args: { input: Record<string, unknown> }) => Promise<SdkResult>, context: { clientName?: string; commandName?: string }) =>
    (args: { input: Record<string, unknown> }) =>
      traceAwsCall(
        (context.clientName ?? 'AWS').replace(/Client$/, ''),
        (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        args.input,
        () => next(args),
        (result) => result.output?.$metadata,
      );
  client.middlewareStack.add(middleware, { step: 'initialize', name: 'dakhlaXRaySubsegments', override: true });
  return client;
}
