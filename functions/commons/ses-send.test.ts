import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SendEmailInput } from './ses-send.ts';

/**
 * SendEmail without the SESv2 client (ses-send.ts), against a local HTTP server standing in for
 * SES: the request is the one the SESv2 client sends (same method, path, content type, body),
 * signed with SigV4 as SES checks it (the signature recomputed here with node:crypto, not with the
 * signer under test), and an error answer or a retry goes as with the client (the client run
 * against the same server where it can be).
 */
process.env.TABLE_NAME ??= 'unit-test-table'; // the config module (tracing reads it) wants one
const { sesSendEmail } = await import('./ses-send.ts');

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };
const REGION = 'eu-west-3';

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Answer = { status: number; headers?: Record<string, string>; body?: string };

let server: Server;
let endpoint: string;
let received: Received[] = [];
let answers: Answer[] = [];
const OK: Answer = { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-ok' }, body: '{"MessageId":"0102019abc-ses-id"}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const answer = answers.shift() ?? OK;
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received = [];
  answers = [];
});

const EMAIL: SendEmailInput = {
  FromEmailAddress: 'Dakhla Market <commandes@dakhla.market>',
  ConfigurationSetName: 'dakhla-prod',
  Destination: { ToAddresses: ['amina@example.ma'] },
  Content: {
    Simple: {
      Subject: { Data: 'Votre commande ord_1 — تأكيد', Charset: 'UTF-8' },
      Body: { Text: { Data: 'Merci, Amina.', Charset: 'UTF-8' }, Html: { Data: '<p>Merci, Amina.</p>', Charset: 'UTF-8' } },
    },
  },
};
const send = (options: { endpoint?: string; maxAttempts?: number } = {}) => sesSendEmail({ region: REGION, endpoint: options.endpoint ?? endpoint, credentials: CREDENTIALS, ...options });
const sdk = () => new SESv2Client({ region: REGION, endpoint, credentials: CREDENTIALS, maxAttempts: 1 });

/** The error a send rejects with (and a failed test if it did not). */
async function failure(sending: Promise<unknown>): Promise<Error & { $fault?: string; $metadata?: Record<string, unknown>; code?: string }> {
  try {
    await sending;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail');
}

/** SigV4 as the service checks it (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html): true when `request` carries the signature of its own method, path, signed headers and body. */
function validSignature(request: Received, service: string): boolean {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(String(request.headers.authorization));
  if (!auth) return false;
  const [, keyId, day, region, signedService, signedHeaders, signature] = auth;
  const amzDate = String(request.headers['x-amz-date']);
  const canonical = [
    request.method,
    request.path,
    '',
    signedHeaders!.split(';').map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join(''),
    signedHeaders,
    createHash('sha256').update(request.body).digest('hex'),
  ].join('\n');
  const scope = `${day}/${region}/${signedService}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, day!), region!), signedService!), 'aws4_request');
  return (
    keyId === CREDENTIALS.accessKeyId &&
    region === REGION &&
    signedService === service &&
    amzDate.startsWith(day!) &&
    signedHeaders!.split(';').includes('host') &&
    createHmac('sha256', key).update(toSign).digest('hex') === signature
  );
}

describe('sesSendEmail (SES v2 SendEmail, one signed POST)', () => {
  it('sends the request the SESv2 client sends, signed for ses in the region, and answers its MessageId', async () => {
    const sent = await send()(EMAIL);
    await sdk().send(new SendEmailCommand(EMAIL));
    const [ours, theirs] = received;
    expect(sent).toEqual({ MessageId: '0102019abc-ses-id', $metadata: { httpStatusCode: 200, requestId: 'req-ok', attempts: 1 } });
    expect({ method: ours!.method, path: ours!.path, type: ours!.headers['content-type'], body: JSON.parse(ours!.body) }).toEqual({
      method: theirs!.method,
      path: theirs!.path,
      type: theirs!.headers['content-type'],
      body: JSON.parse(theirs!.body),
    });
    expect(ours).toMatchObject({ method: 'POST', path: '/v2/email/outbound-emails', headers: { 'content-type': 'application/json', 'x-amz-security-token': 'session-token' } });
    expect(JSON.parse(ours!.body)).toEqual(EMAIL);
    expect(Buffer.byteLength(ours!.body)).toBe(Number(ours!.headers['content-length']));
    expect(validSignature(ours!, 'ses')).toBe(true);
    expect(validSignature(theirs!, 'ses')).toBe(true);
    expect(validSignature({ ...ours!, body: ours!.body.replace('Amina', 'Aminb') }, 'ses')).toBe(false);
  });

  it('keeps the path of a configured endpoint (AWS_ENDPOINT_URL_SESV2) before the operation, as the SDK does', async () => {
    await send({ endpoint: `${endpoint}/ses/` })(EMAIL);
    expect(received[0]!.path).toBe('/ses/v2/email/outbound-emails');
    expect(validSignature(received[0]!, 'ses')).toBe(true);
  });

  it.each([
    ['the x-amzn-ErrorType header', { status: 400, headers: { 'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/', 'content-type': 'application/json' }, body: '{"message":"Email address is not verified. The following identities failed the check in region EU-WEST-3: amina@example.ma"}' }],
    ['the body\'s __type', { status: 400, headers: { 'content-type': 'application/json' }, body: '{"__type":"com.amazonaws.sesv2#SendingPausedException","Message":"Sending is paused for this account."}' }],
    ['the body\'s code', { status: 404, headers: { 'content-type': 'application/json' }, body: '{"code":"NotFoundException","message":"Configuration set <dakhla-prod> does not exist."}' }],
    ['nothing (an empty body)', { status: 400, headers: {}, body: '' }],
  ] as Array<[string, Answer]>)('throws, for an error named in %s, the error the SESv2 client throws (name, message, $fault), without retrying', async (_where, answer) => {
    answers = [answer];
    const ours = await failure(send()(EMAIL));
    answers = [answer];
    const theirs = await failure(sdk().send(new SendEmailCommand(EMAIL)));
    expect(ours).toBeInstanceOf(Error);
    expect({ name: ours.name, message: ours.message, fault: ours.$fault }).toEqual({ name: theirs.name, message: theirs.message, fault: theirs.$fault });
    expect(ours.$metadata).toMatchObject({ httpStatusCode: answer.status, attempts: 1 });
    expect(String(ours)).toBe(`${ours.name}: ${ours.message}`); // what a failed order email records
    expect(received).toHaveLength(2);
  });

  it('throws an error named Unknown for an answer that is not JSON (a proxy\'s page), where the client throws a SyntaxError', async () => {
    answers = [{ status: 403, headers: { 'content-type': 'text/html' }, body: '<html>Forbidden</html>' }];
    const error = await failure(send()(EMAIL));
    expect({ name: error.name, message: error.message, fault: error.$fault, metadata: error.$metadata }).toEqual({ name: 'Unknown', message: 'UnknownError', fault: 'client', metadata: { httpStatusCode: 403, attempts: 1 } });
    expect(received).toHaveLength(1);
  });

  it('retries a throttled send (429 TooManyRequestsException) and a 503, as the SDK\'s standard retry does, and answers the attempt that went through', async () => {
    const throttled: Answer = { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException', 'content-type': 'application/json' }, body: '{"message":"Maximum sending rate exceeded."}' };
    answers = [throttled, { status: 503, body: '' }];
    const sent = await send()(EMAIL);
    expect(sent).toMatchObject({ MessageId: '0102019abc-ses-id', $metadata: { attempts: 3 } });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    for (const request of received) expect(validSignature(request, 'ses')).toBe(true);
  });

  it('gives up after maxAttempts (3 by default) with the last error, and does not retry a 5xx that is not transient (501)', async () => {
    const throttled: Answer = { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: '{"message":"Maximum sending rate exceeded."}' };
    answers = [throttled, throttled, throttled, throttled];
    const error = await failure(send()(EMAIL));
    expect({ name: error.name, message: error.message, attempts: error.$metadata?.attempts }).toEqual({ name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.', attempts: 3 });
    expect(received).toHaveLength(3);

    received = [];
    answers = [{ status: 501, headers: { 'x-amzn-errortype': 'InternalServiceErrorException' }, body: '{"message":"boom"}' }];
    const fault = await failure(send()(EMAIL));
    expect({ name: fault.name, fault: fault.$fault }).toEqual({ name: 'InternalServiceErrorException', fault: 'server' });
    expect(received).toHaveLength(1);
  });

  it('retries a connection that fails (nothing listening), then throws the network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(send({ endpoint: `http://127.0.0.1:${port}` })(EMAIL));
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.$metadata?.attempts).toBe(3);
  });

  it('needs a region', () => {
    expect(() => sesSendEmail({ region: undefined, credentials: CREDENTIALS })).toThrow(/AWS_REGION/);
  });
});
