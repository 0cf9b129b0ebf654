import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected } from './provider.ts';

/**
 * The signed-webhook scheme Stripe documents, which the sandbox provider uses as well:
 * header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (several v1 entries are
 * allowed while a secret rotates), and a timestamp within a tolerance of now (5 minutes).
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The header value a sender puts on a webhook. */
export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, rawBody)}`;
}

/** Verifies a `t=…,v1=…` header; throws WebhookRejected naming the signature or the timestamp. */
export function verifySignature(input: { header: string | undefined; rawBody: string; secrets: readonly string[]; now: Date; headerName: string; toleranceSeconds?: number }): void {
  const { header, rawBody, secrets, now, headerName, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS } = input;
  if (!header) throw new WebhookRejected('signature', `the ${headerName} header is missing`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined) throw new WebhookRejected('timestamp', `the ${headerName} header has no timestamp (t=<unix seconds>)`);
  if (signatures.length === 0) throw new WebhookRejected('signature', `the ${headerName} header has no v1 signature`);
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (Math.abs(age) > toleranceSeconds) {
    throw new WebhookRejected('timestamp', `the signature's timestamp is ${age > 0 ? `${age} s old` : `${-age} s in the future`}; at most ${toleranceSeconds} s either way`);
  }
  const valid = secrets.some((secret) => {
    const expected = Buffer.from(signatureOf(secret, timestamp, rawBody), 'hex');
    return signatures.some((candidate) => timingSafeEqual(expected, Buffer.from(candidate, 'hex')));
  });
  if (!valid) throw new WebhookRejected('signature', 'the signature does not match the body (wrong secret, or the body was changed)');
}

/** Header names arrive in any case (API Gateway lower-cases them): read one by its lower-case name. */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
