import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The SES-verification wait answers CloudFormation itself: a PUT of the custom-resource response
 * to the presigned ResponseURL (here a local HTTP server standing in for S3's presigned URL). A
 * Create whose Lambda time is running out ends FAILED while it can still answer, saying which
 * identity and what to do (SES points at a closed port: nothing here can verify it); a Delete
 * needs no SES and succeeds.
 */
let server: Server;
let responseUrl: string;
const answers: Array<{ method: string; contentType: string | undefined; body: Record<string, string> }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      answers.push({ method: req.method!, contentType: req.headers['content-type'], body: JSON.parse(body) as Record<string, string> });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response?X-Amz-Signature=abc`;
  vi.stubEnv('AWS_REGION', 'eu-west-3');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_ENDPOINT_URL_SESV2', 'http://127.0.0.1:9');
  vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

const event = (requestType: 'Create' | 'Delete') =>
  ({
    RequestType: requestType,
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-3:123456789012:stack/DakhlaMarket-prod-Stateful/1',
    RequestId: 'req-1',
    LogicalResourceId: 'SenderVerified',
    ResourceType: 'Custom::SesIdentityVerified',
    ServiceToken: 'arn:aws:lambda:eu-west-3:123456789012:function:waiter',
    ResourceProperties: { ServiceToken: 'x', Identity: 'dakhla.market' },
    ...(requestType === 'Delete' ? { PhysicalResourceId: 'ses-identity-verified:dakhla.market' } : {}),
  }) as CloudFormationCustomResourceEvent;
/** A Lambda context whose clock runs out after `ms`. */
const contextFor = (ms: number) => {
  const deadline = Date.now() + ms;
  return { getRemainingTimeInMillis: () => deadline - Date.now() } as Context;
};

describe('await-email-identity (deploy-time custom resource)', () => {
  it('answers a Delete SUCCESS at once', async () => {
    const { handler } = await import('./await-email-identity.ts');
    await handler(event('Delete'), contextFor(60_000));
    expect(answers.at(-1)).toMatchObject({
      method: 'PUT',
      contentType: '',
      body: { Status: 'SUCCESS', PhysicalResourceId: 'ses-identity-verified:dakhla.market', RequestId: 'req-1', LogicalResourceId: 'SenderVerified' },
    });
  });

  it('answers FAILED before its time is up when SES never says verified, naming the identity and what to do', async () => {
    const { handler } = await import('./await-email-identity.ts');
    // 40 s left: less than a poll plus the time kept to answer, so it answers now rather than be cut off.
    await handler(event('Create'), contextFor(40_000));
    const last = answers.at(-1)!;
    expect(last.body.Status).toBe('FAILED');
    expect(last.body.Reason).toMatch(/SES identity dakhla\.market is not verified yet .*DNS records.*deploy again/);
  });
});
