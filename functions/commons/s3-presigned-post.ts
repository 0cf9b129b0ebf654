import { Sha256 } from '@smithy/core/checksum';
import { getSigningKey, type SignatureV4Init } from '@smithy/signature-v4';

/**
 * An S3 presigned POST (a browser-based upload: docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html)
 * without the S3 client: the same fields, policy and signature as @aws-sdk/s3-presigned-post's
 * `createPresignedPost`, which needs an S3Client only for its region, credentials and endpoint
 * (~165 KB: client-s3 and the parts of @smithy/core and @aws-sdk/core it brings). Nothing is sent: the policy
 * (expiry and conditions: each field, the key, the caller's) is signed with the SigV4 key of the
 * day, region and `s3`.
 *
 * The URL, as the SDK resolves it for these settings: the bucket's virtual-hosted endpoint
 * (`https://{bucket}.s3.{region}.amazonaws.com/`, or `{bucket}.` before a configured endpoint's
 * host), path-style (`{endpoint}/{bucket}`) when asked (`pathStyle`: the local S3 front and
 * s3rver) or when the bucket's name cannot be a host label (dots, capitals). Not covered: FIPS,
 * dual-stack, accelerate and the aws-cn / aws-us-gov partitions, which the store does not use.
 */
export interface PresignedPostInput {
  bucket: string;
  key: string;
  /** Form fields the browser sends as they are (e.g. Content-Type): each is also an exact-match condition. */
  fields?: Record<string, string>;
  /** Further policy conditions, e.g. `['content-length-range', 1, max]`. */
  conditions?: unknown[];
  expiresSeconds: number;
}
export interface PresignedPostOptions {
  region: string | undefined;
  credentials: SignatureV4Init['credentials'];
  /** An endpoint instead of the regional one (AWS_ENDPOINT_URL_S3). */
  endpoint?: string;
  pathStyle?: boolean;
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A bucket name that can be a host label (virtual-hosted addressing). */
const HOST_LABEL = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export async function presignedPost({ region, credentials, endpoint, pathStyle = false }: PresignedPostOptions, input: PresignedPostInput): Promise<{ url: string; fields: Record<string, string> }> {
  if (!region) throw new Error('S3 needs a region: AWS_REGION is not set');
  const identity = typeof credentials === 'function' ? await credentials() : credentials;
  const now = new Date();
  const signingDate = iso8601(now).replace(/[-:]/g, '');
  const day = signingDate.slice(0, 8);
  const fields: Record<string, string> = {
    ...input.fields,
    bucket: input.bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${identity.accessKeyId}/${day}/${region}/s3/aws4_request`,
    'X-Amz-Date': signingDate,
    ...(identity.sessionToken ? { 'X-Amz-Security-Token': identity.sessionToken } : {}),
  };
  const conditions = [...(input.conditions ?? []), ...Object.entries(fields).map(([name, value]) => ({ [name]: value })), { key: input.key }];
  const policy = Buffer.from(JSON.stringify({ expiration: iso8601(new Date(now.valueOf() + input.expiresSeconds * 1000)), conditions }), 'utf8').toString('base64');
  const hmac = new Sha256(await getSigningKey(Sha256, identity, day, region, 's3'));
  hmac.update(Buffer.from(policy, 'utf8'));
  const signature = Buffer.from(await hmac.digest()).toString('hex');
  return { url: bucketUrl(input.bucket, region, endpoint, pathStyle), fields: { ...fields, key: input.key, Policy: policy, 'X-Amz-Signature': signature } };
}

function bucketUrl(bucket: string, region: string, endpoint: string | undefined, pathStyle: boolean): string {
  const base = new URL(endpoint ?? `https://s3.${region}.amazonaws.com`);
  const path = base.pathname.replace(/\/+$/, '');
  if (pathStyle || !HOST_LABEL.test(bucket)) return `${base.origin}${path}/${bucket}`;
  return `${base.protocol}//${bucket}.${base.host}${path}/`;
}
