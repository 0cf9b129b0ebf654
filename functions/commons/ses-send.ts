import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest, loadRestJsonErrorCode } from '@smithy/core/protocols';
import { isServerError, isThrottlingError, isTransientError, StandardRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler, streamCollector } from '@smithy/node-http-handler';
import { SignatureV4, type SignatureV4Init } from '@smithy/signature-v4';
import { traceAwsCall, type AwsCallMetadata } from './tracing.ts';

/**
 * Amazon SES v2's SendEmail without its SDK client (~82 KB of every function that e-mails): one
 * SigV4-signed `POST /v2/email/outbound-emails` (restJson1, signing name `ses`), built from the
 * parts of the SDK the bundles carry anyway for DynamoDB — @smithy/signature-v4 with the SDK's
 * sha256, @smithy/node-http-handler, the standard retry strategy of @smithy/core/retry. What the
 * client did and this keeps:
 * - the endpoint: `https://email.{region}.amazonaws.com`, or the one configured for the SDK
 *   (AWS_ENDPOINT_URL_SESV2, AWS_ENDPOINT_URL: config.sesEndpoint), its path kept as a prefix;
 * - retries as the SDK's `standard` mode: 3 attempts, throttling (429, TooManyRequestsException…)
 *   and transient failures (500/502/503/504, connection resets, timeouts) retried after an
 *   exponential backoff with jitter, each attempt signed again;
 * - errors as the client threw them: an Error named after SES's error type (the
 *   `x-amzn-ErrorType` header, else the body's `code` or `__type`: MessageRejected,
 *   TooManyRequestsException, SendingPausedException…), its message SES's, with `$fault` and
 *   `$metadata` (status, request id, attempts);
 * - one X-Ray subsegment per call (`SESv2`, `SendEmail`: functions/commons/tracing.ts).
 * Left out: the SDK's clock-skew correction (Lambda's clock is synchronised), FIPS and dual-stack
 * endpoints, AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, the SDK's user agent.
 */
/** SendEmail's request, as JSON: a simple message (no blobs, so no Raw content and no attachments, which would go base64). */
export type SendEmailInput = Omit<SendEmailCommandInput, 'Content'> & { Content: { Simple: Omit<NonNullable<NonNullable<SendEmailCommandInput['Content']>['Simple']>, 'Attachments'> } };
export interface SendEmailOutput {
  MessageId?: string;
  $metadata: AwsCallMetadata;
}

export interface SesSendOptions {
  /** The region SES is called in (AWS_REGION in Lambda). */
  region: string | undefined;
  /** An endpoint instead of the regional one (AWS_ENDPOINT_URL_SESV2): scheme, host, port and an optional path prefix. */
  endpoint?: string;
  credentials: SignatureV4Init['credentials'];
  /** Attempts per email, the first included: the SDK's default, 3. */
  maxAttempts?: number;
}

/** An SES error as the SESv2 client throws it: `name` is SES's error type. */
export type SesError = Error & { $fault: 'client' | 'server'; $metadata: AwsCallMetadata };

const PATH = '/v2/email/outbound-emails';

/** A function that sends one email through SES v2 (SendEmail), with what it needs built once. */
export function sesSendEmail({ region, endpoint, credentials, maxAttempts = 3 }: SesSendOptions): (input: SendEmailInput) => Promise<SendEmailOutput> {
  if (!region) throw new Error('SES needs a region: AWS_REGION is not set');
  const base = new URL(endpoint ?? `https://email.${region}.amazonaws.com`);
  const signer = new SignatureV4({ service: 'ses', region, credentials, sha256: Sha256 });
  const http = new NodeHttpHandler();
  const retries = new StandardRetryStrategy(maxAttempts);

  async function attempt(body: string): Promise<SendEmailOutput> {
    const request = new HttpRequest({
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      method: 'POST',
      path: `${base.pathname.replace(/\/+$/, '')}${PATH}`,
      headers: { host: base.host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    const { response } = await http.handle((await signer.sign(request)) as HttpRequest);
    const text = new TextDecoder().decode(await streamCollector(response.body));
    const requestId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'];
    const $metadata: AwsCallMetadata = { httpStatusCode: response.statusCode, ...(requestId ? { requestId } : {}) };
    const data = parsed(text);
    if (response.statusCode >= 300) throw sesError(response, data, $metadata);
    return { ...(typeof data.MessageId === 'string' ? { MessageId: data.MessageId } : {}), $metadata };
  }

  async function send(input: SendEmailInput): Promise<SendEmailOutput> {
    const body = JSON.stringify(input);
    let token = await retries.acquireInitialRetryToken('');
    for (let attempts = 1; ; attempts++) {
      try {
        const output = await attempt(body);
        retries.recordSuccess(token);
        output.$metadata.attempts = attempts;
        return output;
      } catch (error) {
        const failed = error as Error & { $metadata?: AwsCallMetadata };
        failed.$metadata = { ...failed.$metadata, attempts };
        try {
          token = await retries.refreshRetryTokenForRetry(token, { errorType: errorType(failed as SdkError) });
        } catch {
          throw failed; // not retryable, out of attempts or out of retry capacity
        }
        const delay = token.getRetryDelay();
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  return (input) => traceAwsCall('SESv2', 'SendEmail', input as Record<string, unknown>, () => send(input), (output) => output.$metadata);
}

/** The response body as JSON, `{}` when it is empty or not JSON (a proxy's error page). */
function parsed(text: string): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What the SESv2 client throws for an error response (restJson1: the error type from the header, the body's code or __type). */
function sesError(response: Parameters<typeof loadRestJsonErrorCode>[0], data: Record<string, unknown>, $metadata: AwsCallMetadata): SesError {
  const message = data.message ?? data.Message;
  const error = new Error(typeof message === 'string' ? message : 'UnknownError') as SesError;
  error.name = loadRestJsonErrorCode(response, data) ?? 'Unknown';
  error.$fault = response.statusCode < 500 ? 'client' : 'server';
  error.$metadata = $metadata;
  return error;
}

/** How the SDK's retry middleware classes a failure for the retry strategy (only THROTTLING and TRANSIENT are retried). */
type SdkError = Parameters<typeof isThrottlingError>[0];
function errorType(error: SdkError): 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR' {
  if (isThrottlingError(error)) return 'THROTTLING';
  if (isTransientError(error)) return 'TRANSIENT';
  if (isServerError(error)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}
