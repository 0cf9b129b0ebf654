import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { CORRELATION_KEYS, METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';
import type { Log, Metrics, Telemetry } from '#shared/use-cases/ports.ts';
import { traceInvocation } from './tracing.ts';

/**
 * The functions' telemetry, built once per process and wired once: `invocation()` wraps every
 * handler (the HTTP edge, the saga task wrapper, the image function, the user-pool trigger) so
 * that each log line of the invocation carries its correlation ids, its X-Ray subsegment is
 * opened and closed, and the use cases' `telemetry` port (Log, Metrics) works inside it.
 *
 * - Logs: Powertools Logger, one JSON line each (level from POWERTOOLS_LOG_LEVEL: INFO in AWS;
 *   the local store's --log-level), with `correlation_id` (API Gateway's request id), `orderId`,
 *   `execution` and `state` (saga tasks), `function_request_id`, `cold_start`, `xray_trace_id`.
 * - Metrics: Powertools Metrics, each business count one EMF line at once (namespace
 *   DakhlaMarket, dimension `service`; shared/observability.ts), which CloudWatch turns into
 *   metrics in AWS and the local store shows at /dev/metrics.
 */

/** The ids that tie one invocation's log lines to a request, an order, an execution. */
export type Correlation = Partial<Record<keyof typeof CORRELATION_KEYS, string>> & Record<string, string | undefined>;

const logger = new Logger({ serviceName: SERVICE_NAME });
const powertoolsMetrics = new PowertoolsMetrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

interface Scope {
  keys: Record<string, string | boolean>;
}
const scope = new AsyncLocalStorage<Scope>();
let coldStart = true;

/** Log keys, named as Logs Insights will query them (shared/observability.ts CORRELATION_KEYS). */
function keysOf(correlation: Correlation): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [name, value] of Object.entries(correlation)) {
    if (value === undefined || value === '') continue;
    // Values may come from a request (a path parameter): bounded, so a log line stays a log line.
    keys[name in CORRELATION_KEYS ? CORRELATION_KEYS[name as keyof typeof CORRELATION_KEYS] : name] = String(value).slice(0, 200);
  }
  return keys;
}

/**
 * Runs one invocation of a handler inside its telemetry scope: `name` names its X-Ray subsegment
 * (the route key, the saga task); `correlate` reads the correlation ids from the event.
 */
export function invocation<E, R, C extends Context | undefined = Context>(
  name: string | ((event: E) => string),
  correlate: (event: E) => Correlation,
  fn: (event: E, context: C) => Promise<R>,
): (event: E, context?: C) => Promise<R> {
  return (event, context) => {
    const correlation = safely(() => correlate(event)) ?? {};
    const keys: Scope['keys'] = { ...keysOf(correlation), cold_start: coldStart };
    if (context?.awsRequestId) keys.function_request_id = context.awsRequestId;
    coldStart = false;
    const segment = typeof name === 'function' ? (safely(() => name(event)) ?? 'handler') : name;
    // X-Ray annotations (searchable: `annotation.orderId = "…"`), named as the log keys.
    const annotations = { ColdStart: keys.cold_start as boolean, Service: SERVICE_NAME, ...keysOf(correlation) };
    return scope.run({ keys }, () =>
      traceInvocation(segment, annotations, async () => {
        try {
          return await fn(event, context as C);
        } catch (error) {
          // Logged with the correlation ids before Lambda (or Step Functions, or Cognito) sees it.
          log.error('invocation failed', { handler: segment, error });
          throw error;
        }
      }),
    );
  };
}

/** Correlation must never break the invocation it describes. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Adds correlation ids learnt during the invocation (e.g. the order checkout just placed). */
export function correlate(correlation: Correlation): void {
  const current = scope.getStore();
  if (current) Object.assign(current.keys, keysOf(correlation));
}

/** An Error as a log field: name, message, stack (Powertools formats it), anything else as text. */
const field = (details: Record<string, unknown> | undefined) => {
  if (!details) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  return out;
};
const keys = () => scope.getStore()?.keys ?? {};

export const log: Log = {
  info: (message, details) => logger.info(message, { ...keys(), ...field(details) }),
  warn: (message, details) => logger.warn(message, { ...keys(), ...field(details) }),
  error: (message, details) => logger.error(message, { ...keys(), ...field(details) }),
};

export const metrics: Metrics = {
  count(name, ...dimensions) {
    // One EMF document per count, published at once: nothing is buffered between invocations
    // (or between the local store's concurrent requests), and no flush can forget one.
    const single = powertoolsMetrics.singleMetric();
    for (const [dimension, value] of Object.entries((dimensions as Array<Record<string, string>>)[0] ?? {})) single.addDimension(dimension, value);
    for (const [key, value] of Object.entries(keys())) if (typeof value === 'string') single.addMetadata(key, value);
    single.addMetric(name, MetricUnit.Count, 1);
  },
};

/** What the use cases get (the `telemetry` port of their deps). */
export const telemetry: Telemetry = { log, metrics, correlate: ({ orderId }) => correlate({ order: orderId }) };
