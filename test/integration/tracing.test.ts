import { createSocket } from 'node:dgram';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SERVICE_NAME } from '#shared/observability.ts';
import type { SegmentDocument } from '../../functions/commons/tracing.ts';
import { useStoreEnvironment } from '../support/in-process-env.ts';

/**
 * X-Ray from the functions, as Lambda's X-Ray daemon receives it: a UDP socket on loopback stands
 * in for the daemon (AWS_XRAY_DAEMON_ADDRESS), Lambda's trace header is set as the runtime sets
 * it (_X_AMZN_TRACE_ID), and the SDK calls go to the running store's DynamoDB Local.
 */
useStoreEnvironment();
const daemon = createSocket('udp4');
const received: Array<{ header: string; document: SegmentDocument }> = [];
daemon.on('message', (packet) => {
  const [header, body] = packet.toString('utf8').split('\n');
  received.push({ header: header!, document: JSON.parse(body!) as SegmentDocument });
});
await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
const { db } = await import('#functions/commons/clients.ts');
const { config } = await import('#functions/commons/config.ts');
const { invocation } = await import('#functions/commons/telemetry.ts');

const ROOT = '1-67891233-abcdef012345678912345678';
const LAMBDA_SEGMENT = '53995c3f42cd8ad8';
const documents = async (count: number) => {
  for (let waited = 0; received.length < count && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  return received.splice(0).map((r) => r);
};
afterEach(() => {
  delete process.env._X_AMZN_TRACE_ID;
  received.length = 0;
});
afterAll(() => daemon.close());

describe('X-Ray subsegments', () => {
  it("of a sampled invocation: the handler's, annotated with its correlation ids, and one per SDK call inside it", async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_SEGMENT};Sampled=1;Lineage=a87bd80c:0`;
    const handler = invocation('GET /api/categories', () => ({ request: 'apigw-1', order: 'ord_trace' }), async () =>
      db.send(new QueryCommand({ TableName: config.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'CATEGORIES' } })),
    );
    await handler({});
    const sent = await documents(2);
    expect(sent.map((s) => s.header)).toEqual(['{"format":"json","version":1}', '{"format":"json","version":1}']);
    const call = sent.find((s) => s.document.namespace === 'aws')!.document;
    const own = sent.find((s) => s.document.name.startsWith('## '))!.document;
    expect(own).toMatchObject({ name: '## GET /api/categories', type: 'subsegment', trace_id: ROOT, parent_id: LAMBDA_SEGMENT, annotations: { Service: SERVICE_NAME, correlation_id: 'apigw-1', orderId: 'ord_trace' } });
    expect(typeof own.annotations!.ColdStart).toBe('boolean');
    expect(call).toMatchObject({
      name: 'DynamoDB',
      type: 'subsegment',
      trace_id: ROOT,
      parent_id: own.id,
      aws: { operation: 'Query', table_name: config.tableName, retries: 0, region: 'eu-west-3' },
      http: { response: { status: 200 } },
    });
    expect(call.fault ?? call.error ?? false).toBe(false);
    for (const document of [own, call]) {
      expect(document.id).toMatch(/^[0-9a-f]{16}$/);
      expect(document.end_time).toBeGreaterThanOrEqual(document.start_time);
    }
    expect(own.start_time).toBeLessThanOrEqual(call.start_time);
  });

  it('of a failed SDK call: error (4xx) with its cause, the handler failing with it', async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_SEGMENT};Sampled=1`;
    const handler = invocation('saga task', () => ({}), async () => db.send(new GetCommand({ TableName: 'no-such-table', Key: { pk: 'x', sk: 'y' } })));
    await expect(handler({})).rejects.toThrow();
    const sent = await documents(2);
    const call = sent.find((s) => s.document.namespace === 'aws')!.document;
    expect(call).toMatchObject({ name: 'DynamoDB', aws: { operation: 'GetItem', table_name: 'no-such-table' }, http: { response: { status: 400 } }, error: true });
    expect(call.cause!.exceptions[0]).toMatchObject({ type: 'ResourceNotFoundException', remote: true });
    expect(sent.find((s) => s.document.name === '## saga task')!.document).toMatchObject({ fault: true });
  });

  it('of an invocation that is not sampled: none', async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_SEGMENT};Sampled=0`;
    await invocation('GET /api/shops', () => ({}), async () => db.send(new QueryCommand({ TableName: config.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'CATEGORIES' } })))({});
    expect(await documents(1)).toEqual([]);
  });
});
