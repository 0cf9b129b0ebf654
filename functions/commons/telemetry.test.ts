import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from '#shared/zod.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';
import { captureMetrics, readEmf } from '../../infra/local/telemetry.ts';

/**
 * What the telemetry wiring writes, as Lambda would ship it to CloudWatch: Powertools' JSON log
 * lines carrying the invocation's correlation ids (request, order, execution, state), and EMF
 * documents for the business counts. Logs and metrics are on for this file only.
 */
process.env.TABLE_NAME ??= 'unit-test-table';
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
const { invocation, log, telemetry } = await import('./telemetry.ts');
const { sagaTask } = await import('./saga-task.ts');
const { signedInRoute } = await import('./http.ts');

/** The log lines written to stdout and stderr (errors) while `run` runs (EMF documents apart: captureMetrics takes those). */
async function linesOf(run: () => Promise<unknown>): Promise<Array<Record<string, any>>> {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('{"level"')) {
        lines.push(chunk);
        return true;
      }
      return (writes[i] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    await run().catch(() => {});
  } finally {
    streams.forEach((stream, i) => (stream.write = writes[i]!));
  }
  return lines.map((line) => JSON.parse(line));
}
const captured = captureMetrics();
afterEach(() => {
  delete process.env._X_AMZN_TRACE_ID;
});

describe('log lines', () => {
  it("of a saga task carry its order, execution and state, and its failure is logged with them", async () => {
    const execution = 'arn:aws:states:eu-west-3:123456789012:execution:order-saga:ord_test1';
    const task = sagaTask('CancelOrder', async (event: { orderId: string; execution?: string; state?: string }) => {
      log.info('working', { step: 1 });
      throw Object.assign(new Error(`cannot cancel ${event.orderId}`), { name: 'InjectedFault' });
    });
    const lines = await linesOf(() => task({ orderId: 'ord_test1', execution, state: 'CancelOrder' }, { awsRequestId: 'lambda-req-1' } as Context));
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'working'],
      ['ERROR', 'invocation failed'],
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({ service: SERVICE_NAME, orderId: 'ord_test1', execution, state: 'CancelOrder', function_request_id: 'lambda-req-1' });
      expect(typeof line.cold_start).toBe('boolean');
    }
    expect(lines[0]!.step).toBe(1);
    expect(lines[1]!.error).toMatchObject({ name: 'InjectedFault', message: 'cannot cancel ord_test1', stack: expect.stringContaining('telemetry.test.ts') });
  });

  it("of a route carry API Gateway's request id, the route and the order of an order route; a 500 is logged, not shown", async () => {
    const route = signedInRoute({ path: z.object({ orderId: z.string() }) }, async () => {
      throw new Error('database on fire');
    });
    const event = {
      version: '2.0',
      routeKey: 'POST /api/me/orders/{orderId}/fulfilment',
      rawPath: '/api/me/orders/ord_77/fulfilment',
      headers: {},
      pathParameters: { orderId: 'ord_77' },
      requestContext: {
        requestId: 'apigw-req-42',
        http: { method: 'POST', path: '/api/me/orders/ord_77/fulfilment', sourceIp: '198.51.100.7' },
        authorizer: { jwt: { claims: { sub: 'user-1', token_use: 'id', email: 'a@example.ma' } } },
      },
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    let status: number | undefined;
    const lines = await linesOf(async () => {
      const response = (await route(event, {} as Context)) as { statusCode: number; body: string };
      status = response.statusCode;
      expect(response.body).not.toContain('database on fire');
    });
    expect(status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'ERROR', message: 'unhandled error', correlation_id: 'apigw-req-42', route: 'POST /api/me/orders/{orderId}/fulfilment', orderId: 'ord_77', error: { message: 'database on fire' } });
  });

  it('of one invocation do not leak into another running at the same time', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handler = invocation('test', (event: { order: string }) => ({ order: event.order }), async (event: { order: string }) => {
      if (event.order === 'slow') await gate;
      log.info('done');
    });
    const lines = await linesOf(async () => {
      const slow = handler({ order: 'slow' });
      await handler({ order: 'fast' });
      release();
      await slow;
    });
    expect(lines.map((l) => l.orderId)).toEqual(['fast', 'slow']);
  });
});

describe('business counts', () => {
  it('are EMF documents: namespace DakhlaMarket, the service dimension (and their own), the correlation ids as metadata', async () => {
    const before = captured.list({ name: 'OrdersPlaced' }).length;
    const handler = invocation('checkout', () => ({ request: 'apigw-req-7' }), async () => {
      telemetry.correlate({ orderId: 'ord_emf' });
      telemetry.metrics.count('OrdersPlaced', { paymentMethod: 'card' });
    });
    await handler({});
    const points = captured.list({ name: 'OrdersPlaced' }).slice(before);
    expect(points).toEqual([
      expect.objectContaining({
        namespace: METRICS_NAMESPACE,
        name: 'OrdersPlaced',
        unit: 'Count',
        value: 1,
        dimensions: { service: SERVICE_NAME, paymentMethod: 'card' },
        properties: expect.objectContaining({ correlation_id: 'apigw-req-7', orderId: 'ord_emf' }),
      }),
    ]);
  });

  it('are read from EMF as CloudWatch reads it: each metric, value and dimension set', () => {
    const line = JSON.stringify({
      _aws: { Timestamp: 1_700_000_000_000, CloudWatchMetrics: [{ Namespace: 'N', Dimensions: [['service'], ['service', 'm']], Metrics: [{ Name: 'A', Unit: 'Count' }, { Name: 'B' }] }] },
      service: 's',
      m: 'x',
      A: [1, 2],
      B: 5,
      note: 'meta',
    });
    const points = readEmf(line).map((p) => [p.name, p.value, Object.keys(p.dimensions).join('+')]);
    expect(points).toEqual([
      ['A', 1, 'service'], ['A', 2, 'service'], ['A', 1, 'service+m'], ['A', 2, 'service+m'],
      ['B', 5, 'service'], ['B', 5, 'service+m'],
    ]);
    expect(readEmf('{"level":"INFO"}')).toEqual([]);
    expect(readEmf('not json')).toEqual([]);
  });
});
