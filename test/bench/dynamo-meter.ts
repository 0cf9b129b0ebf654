import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFileSync } from 'node:fs';

/**
 * A meter in front of DynamoDB Local: every request the handlers make passes through it and is
 * counted by operation, with the capacity DynamoDB reports for it. The meter asks for that
 * capacity itself (it adds `ReturnConsumedCapacity: "TOTAL"` to each request that accepts it), so
 * the code measured is the code deployed, unchanged. What it counts is what AWS bills on demand:
 * one request each, and the read and write units of its ConsumedCapacity.
 */
/** BENCH_DYNAMO_TRACE=<file>: each request's operation, the kinds of item it names (key prefixes) and its units, one JSON line each. */
const TRACE = process.env.BENCH_DYNAMO_TRACE;
const kindOf = (key: unknown) => {
  const k = key as { pk?: { S?: string }; sk?: { S?: string } } | undefined;
  return `${k?.pk?.S?.split('#')[0] ?? '?'}/${k?.sk?.S?.split('#')[0] ?? '?'}`;
};
function describe(request: Record<string, any>): string {
  if (request.TransactItems) return (request.TransactItems as Record<string, any>[]).map((t) => { const [op, body] = Object.entries(t)[0]!; return `${op}:${kindOf(body.Key ?? body.Item)}`; }).join(' ');
  if (request.Key || request.Item) return kindOf(request.Key ?? request.Item);
  if (request.RequestItems) return `batch ${Object.values(request.RequestItems as Record<string, { Keys?: unknown[] }>).map((r) => (r.Keys ?? []).map(kindOf).join(' ')).join(' ')}`;
  if (request.KeyConditionExpression) return `${request.IndexName ?? 'table'} ${JSON.stringify(request.ExpressionAttributeValues ?? {}).slice(0, 80)}`;
  return '';
}
const TARGET_PREFIX = 'DynamoDB_20120810.';
const CAPACITY_OPS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']);

export interface MeterReading {
  requests: number;
  readUnits: number;
  writeUnits: number;
  byOperation: Record<string, { requests: number; readUnits: number; writeUnits: number }>;
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/** Read and write units of one answer's ConsumedCapacity (an object, or one per table for batches and transactions). */
export function unitsOf(operation: string, consumed: Capacity | Capacity[] | undefined): { readUnits: number; writeUnits: number } {
  let readUnits = 0;
  let writeUnits = 0;
  for (const c of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
      readUnits += c.ReadCapacityUnits ?? 0;
      writeUnits += c.WriteCapacityUnits ?? 0;
    } else if (READS.has(operation)) readUnits += c.CapacityUnits ?? 0;
    else writeUnits += c.CapacityUnits ?? 0;
  }
  return { readUnits, writeUnits };
}

export interface DynamoMeter {
  /** The endpoint to give the handlers (AWS_ENDPOINT_URL_DYNAMODB). */
  endpoint: string;
  /** What passed since the last reset. */
  reading(): MeterReading;
  reset(): void;
  close(): Promise<void>;
}

export async function startDynamoMeter(target: string): Promise<DynamoMeter> {
  const upstream = new URL(target);
  let current: MeterReading = empty();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
      let body = Buffer.concat(chunks);
      let what = '';
      if (CAPACITY_OPS.has(operation)) {
        const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (TRACE) what = describe(parsed);
        parsed.ReturnConsumedCapacity = 'TOTAL';
        body = Buffer.from(JSON.stringify(parsed));
      }
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        const out: Buffer[] = [];
        answer.on('data', (c: Buffer) => out.push(c));
        answer.on('end', () => {
          const text = Buffer.concat(out);
          record(operation, text, what);
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          res.end(text);
        });
      });
      forwarded.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      forwarded.end(body);
    });
  });
  function record(operation: string, answer: Buffer, what: string) {
    if (!operation) return;
    let consumed: Capacity | Capacity[] | undefined;
    try {
      const parsed = JSON.parse(answer.toString('utf8')) as { ConsumedCapacity?: Capacity | Capacity[] };
      consumed = parsed.ConsumedCapacity;
    } catch {
      consumed = undefined;
    }
    const { readUnits, writeUnits } = unitsOf(operation, consumed);
    if (TRACE) appendFileSync(TRACE, `${JSON.stringify({ operation, what, readUnits, writeUnits })}\n`);
    const row = (current.byOperation[operation] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    row.requests += 1;
    row.readUnits += readUnits;
    row.writeUnits += writeUnits;
    current.requests += 1;
    current.readUnits += readUnits;
    current.writeUnits += writeUnits;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reading: () => structuredClone(current),
    reset: () => {
      if (TRACE) appendFileSync(TRACE, '---\n');
      current = empty();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function empty(): MeterReading {
  return { requests: 0, readUnits: 0, writeUnits: 0, byOperation: {} };
}
