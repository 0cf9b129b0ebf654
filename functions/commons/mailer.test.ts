import { createSocket } from 'node:dgram';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The mailer with EMAIL_TRANSPORT=ses, as a function in AWS has it (infra/constructs/email.ts),
 * SES being a local HTTP server that AWS_ENDPOINT_URL_SESV2 points at: one SendEmail from
 * EMAIL_FROM through EMAIL_CONFIGURATION_SET, signed with the environment's credentials, its
 * MessageId the message id, and in a sampled trace one X-Ray subsegment for the call, as the SDK
 * client had (a UDP socket stands in for the X-Ray daemon). (EMAIL_TRANSPORT=outbox: test/integration/order-emails.test.ts.)
 */
const requests: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }> = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    requests.push({ path: req.url!, headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"MessageId":"0102019abc-ses-id"}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const daemon = createSocket('udp4');
const segments: Array<Record<string, unknown>> = [];
daemon.on('message', (packet) => segments.push(JSON.parse(packet.toString('utf8').split('\n')[1]!) as Record<string, unknown>));
await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
afterAll(async () => {
  daemon.close();
  await new Promise((resolve) => server.close(resolve));
});

Object.assign(process.env, {
  TABLE_NAME: 'unit-test-table',
  AWS_REGION: 'eu-west-3',
  AWS_ACCESS_KEY_ID: 'AKIDUNIT',
  AWS_SECRET_ACCESS_KEY: 'unit-secret',
  AWS_SESSION_TOKEN: 'unit-session',
  AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  EMAIL_TRANSPORT: 'ses',
  EMAIL_FROM: 'Dakhla Market <commandes@dakhla.market>',
  EMAIL_CONFIGURATION_SET: 'dakhla-prod',
  AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
});
const { mailer } = await import('./mailer.ts');

describe('mailer through SES (EMAIL_TRANSPORT=ses)', () => {
  it('sends one SendEmail from EMAIL_FROM through the configuration set, and answers its MessageId', async () => {
    const sent = await mailer.send({ to: 'amina@example.ma', subject: 'Commande ord_1', text: 'Merci.', html: '<p>Merci.</p>' });
    expect(sent).toEqual({ messageId: '0102019abc-ses-id' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe('/v2/email/outbound-emails');
    expect(requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDUNIT\/\d{8}\/eu-west-3\/ses\/aws4_request, /);
    expect(requests[0]!.headers['x-amz-security-token']).toBe('unit-session');
    expect(requests[0]!.body).toEqual({
      FromEmailAddress: 'Dakhla Market <commandes@dakhla.market>',
      ConfigurationSetName: 'dakhla-prod',
      Destination: { ToAddresses: ['amina@example.ma'] },
      Content: {
        Simple: {
          Subject: { Data: 'Commande ord_1', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Merci.', Charset: 'UTF-8' }, Html: { Data: '<p>Merci.</p>', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('records the call as an X-Ray subsegment (SESv2 SendEmail) in a sampled trace', async () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1';
    try {
      await mailer.send({ to: 'amina@example.ma', subject: 'Commande ord_1', text: 'Merci.' });
    } finally {
      delete process.env._X_AMZN_TRACE_ID;
    }
    for (let waited = 0; segments.length === 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(segments).toEqual([
      expect.objectContaining({
        name: 'SESv2',
        namespace: 'aws',
        trace_id: '1-67891233-abcdef012345678912345678',
        parent_id: '53995c3f42cd8ad8',
        aws: { operation: 'SendEmail', region: 'eu-west-3', retries: 0 },
        http: { response: { status: 200 } },
      }),
    ]);
  });

  it('sends a text-only email without an Html part', async () => {
    requests.length = 0;
    await mailer.send({ to: 'amina@example.ma', subject: 'Lien', text: 'Votre lien.' });
    expect((requests[0]!.body.Content as { Simple: { Body: Record<string, unknown> } }).Simple.Body).toEqual({ Text: { Data: 'Votre lien.', Charset: 'UTF-8' } });
  });
});
