import { METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';

/**
 * The handlers' telemetry on your machine, as Lambda and CloudWatch treat it in AWS:
 * - their environment: the same Powertools settings the CDK gives every function (service name,
 *   metrics namespace), with a log level of its own (`npm start -- --log-level`; WARN by default,
 *   so that the console stays readable, SILENT for the tests that run handlers in-process);
 * - their metrics: Powertools writes each business count to stdout as an EMF document, which
 *   CloudWatch Logs turns into a metric in AWS. Here the documents are taken off stdout (so they
 *   drown neither the console nor the test output), read as CloudWatch reads EMF (namespace,
 *   dimension sets, values) and kept: the gateway serves them at /dev/metrics, and `npm start`
 *   prints one short line per count.
 */

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The Powertools settings of the handlers (ApiStack gives every function the same service and namespace). */
export function telemetryEnvironment(logLevel: LogLevel): Record<string, string> {
  return { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL: logLevel };
}

/** One metric value, as CloudWatch reads it from an EMF document. */
export interface MetricPoint {
  namespace: string;
  name: string;
  unit?: string;
  /** The dimension set's names and values, e.g. { service: 'dakhla-market', paymentMethod: 'cod' }. */
  dimensions: Record<string, string>;
  value: number;
  /** Epoch milliseconds (the document's Timestamp). */
  timestamp: number;
  /** The document's other fields: its correlation ids (metadata). */
  properties: Record<string, unknown>;
}

interface EmfDocument {
  _aws?: { Timestamp?: number; CloudWatchMetrics?: Array<{ Namespace?: string; Dimensions?: string[][]; Metrics?: Array<{ Name: string; Unit?: string }> }> };
  [field: string]: unknown;
}

/** The metric points of one EMF document (one per metric, value and dimension set); none if it is not EMF. */
export function readEmf(line: string): MetricPoint[] {
  let document: EmfDocument;
  try {
    document = JSON.parse(line) as EmfDocument;
  } catch {
    return [];
  }
  const directives = document._aws?.CloudWatchMetrics;
  if (!Array.isArray(directives)) return [];
  const { _aws, ...fields } = document;
  const points: MetricPoint[] = [];
  for (const directive of directives) {
    for (const metric of directive.Metrics ?? []) {
      const raw = fields[metric.Name];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is number => typeof v === 'number');
      for (const set of directive.Dimensions?.length ? directive.Dimensions : [[]]) {
        const dimensions = Object.fromEntries(set.map((name) => [name, String(fields[name])]));
        const properties = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== metric.Name && !set.includes(key)));
        for (const value of values) {
          points.push({ namespace: directive.Namespace ?? '', name: metric.Name, ...(metric.Unit ? { unit: metric.Unit } : {}), dimensions, value, timestamp: _aws?.Timestamp ?? Date.now(), properties });
        }
      }
    }
  }
  return points;
}

export interface LocalMetrics {
  /** What was counted since the process started, oldest first; `name` keeps one metric. */
  list(filter?: { name?: string }): MetricPoint[];
  /** The sum of a metric's values (whose dimensions include `dimensions`). */
  sum(name: string, dimensions?: Record<string, string>): number;
  /** Called for each point as it comes (npm start prints a line). Returns the unsubscribe. */
  subscribe(listener: (point: MetricPoint) => void): () => void;
}

const MAX_POINTS = 10_000;
const EMF_PREFIX = '{"_aws":';

let installed: LocalMetrics | undefined;

/**
 * Takes EMF documents off this process's stdout (once per process: every handler runs in it) and
 * keeps their points; anything else written to stdout passes through unchanged.
 */
export function captureMetrics(): LocalMetrics {
  if (installed) return installed;
  const points: MetricPoint[] = [];
  const listeners = new Set<(point: MetricPoint) => void>();
  const stdout = process.stdout;
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
    if (!text?.startsWith(EMF_PREFIX)) return write(chunk, ...rest);
    for (const line of text.split('\n')) {
      for (const point of readEmf(line)) {
        points.push(point);
        if (points.length > MAX_POINTS) points.shift();
        for (const listener of listeners) listener(point);
      }
    }
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as typeof stdout.write;
  installed = {
    list: (filter = {}) => points.filter((p) => !filter.name || p.name === filter.name),
    sum: (name, dimensions = {}) =>
      points.filter((p) => p.name === name && Object.entries(dimensions).every(([k, v]) => p.dimensions[k] === v)).reduce((total, p) => total + p.value, 0),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return installed;
}

/** A point as one short console line: `metric OrdersPlaced +1 (paymentMethod=cod) order ord_…`. */
export function metricLine(point: MetricPoint): string {
  const dimensions = Object.entries(point.dimensions).filter(([name]) => name !== 'service');
  const order = typeof point.properties.orderId === 'string' ? ` order ${point.properties.orderId}` : '';
  return `metric ${point.name} +${point.value}${dimensions.length ? ` (${dimensions.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}${order}`;
}
