import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The checks S3 makes on a browser POST-object upload (a presigned POST), for the local S3
 * front: s3rver accepts any signature and ignores the policy, S3 does not. Pure: form fields
 * and the file's size in, a verdict out — either what to store, or the refusal S3 would send.
 *
 * Reference: "Authenticating Requests in Browser-Based Uploads Using POST (AWS Signature
 * Version 4)" and "Creating a POST Policy" in the Amazon S3 API reference.
 */

export interface PostUpload {
  /** The bucket named by the URL (path-style `/{bucket}`). */
  bucket: string;
  /** The form fields before the file, in order, names as sent. */
  fields: ReadonlyArray<readonly [name: string, value: string]>;
  /** The file part; absent when the form had none. */
  file?: { size: number; filename?: string };
  now: Date;
  /** The secret key of an access key id, as the local stack's credentials have it. */
  secretFor(accessKeyId: string): string | undefined;
}

export interface Accepted {
  ok: true;
  key: string;
  /** Headers S3 stores with the object, from the form (Content-Type, Cache-Control, x-amz-meta-*…). */
  headers: Record<string, string>;
  /** 200, 201 or 204 (success_action_status; 204 by default). */
  successStatus: 200 | 201 | 204;
}

export interface Refused {
  ok: false;
  status: 400 | 403;
  code: string;
  message: string;
  /** Extra elements of the S3 error document (e.g. ProposedSize, MaxSizeAllowed). */
  details?: Record<string, string>;
}

export type PostVerdict = Accepted | Refused;

/** Fields that need no condition in the policy (S3: "except x-amz-signature, file, policy and x-ignore-*"). */
const UNSIGNED_FIELDS = new Set(['policy', 'x-amz-signature', 'file']);
/** Form fields S3 stores as object headers. */
const STORED_HEADERS = ['content-type', 'cache-control', 'content-disposition', 'content-encoding', 'expires'];
const ALGORITHM = 'AWS4-HMAC-SHA256';

const refuse = (status: 400 | 403, code: string, message: string, details?: Record<string, string>): Refused => ({
  ok: false,
  status,
  code,
  message,
  ...(details ? { details } : {}),
});
const policyFailed = (condition: string) =>
  refuse(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${condition}`);

type Condition =
  | { kind: 'match'; op: 'eq' | 'starts-with'; field: string; value: string; text: string }
  | { kind: 'length'; min: number; max: number };

export function checkPostUpload(upload: PostUpload): PostVerdict {
  // Field names are case-insensitive; the first occurrence counts.
  const fields = new Map<string, string>();
  for (const [name, value] of upload.fields) if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);

  if (!fields.has('key')) {
    return refuse(400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", {
      ArgumentName: 'key',
      ArgumentValue: '',
    });
  }
  if (!upload.file) {
    return refuse(400, 'InvalidArgument', 'POST requires exactly one file upload per request.', { ArgumentName: 'file', ArgumentValue: '0' });
  }
  const policy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  // Without a policy the POST is anonymous, and the bucket is private.
  if (!policy || !signature) return refuse(403, 'AccessDenied', 'Access Denied');

  // --- Signature (SigV4 over the base64 policy) ---
  if (fields.get('x-amz-algorithm') !== ALGORITHM) {
    return refuse(400, 'InvalidRequest', `The authorization mechanism you have provided is not supported. Please use ${ALGORITHM}.`);
  }
  const credential = /^([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request$/.exec(fields.get('x-amz-credential') ?? '');
  if (!credential) {
    return refuse(400, 'InvalidArgument', 'Invalid credential: expected <key id>/<yyyymmdd>/<region>/s3/aws4_request.', {
      ArgumentName: 'x-amz-credential',
      ArgumentValue: fields.get('x-amz-credential') ?? '',
    });
  }
  const [, accessKeyId, date, region] = credential as unknown as [string, string, string, string];
  const secret = upload.secretFor(accessKeyId);
  if (secret === undefined) {
    return refuse(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: accessKeyId });
  }
  if (!signatureMatches(postPolicySignature(secret, date, region, policy), signature)) {
    return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }

  // --- The policy document ---
  const document = parsePolicy(policy);
  if ('error' in document) return refuse(400, 'InvalidPolicyDocument', `Invalid Policy: ${document.error}`);
  if (upload.now.getTime() > document.expiration.getTime()) return refuse(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

  const filename = upload.file.filename ?? '';
  const value = (field: string) => {
    if (field === 'bucket') return upload.bucket;
    const raw = fields.get(field) ?? '';
    return field === 'key' ? raw.replaceAll('${filename}', filename) : raw;
  };
  const covered = new Set<string>();
  for (const condition of document.conditions) {
    if (condition.kind === 'length') {
      const size = upload.file.size;
      if (size > condition.max) {
        return refuse(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
          ProposedSize: String(size),
          MaxSizeAllowed: String(condition.max),
        });
      }
      if (size < condition.min) {
        return refuse(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
          ProposedSize: String(size),
          MinSizeAllowed: String(condition.min),
        });
      }
      continue;
    }
    covered.add(condition.field);
    const actual = value(condition.field);
    const holds =
      condition.op === 'eq'
        ? actual === condition.value
        : // Content-Type may list several types; each must match (S3 documents this for starts-with).
          (condition.field === 'content-type' ? actual.split(',').map((t) => t.trim()) : [actual]).every((v) => v.startsWith(condition.value));
    if (!holds) return policyFailed(condition.text);
  }

  const extra = [...fields.keys()].filter((name) => !UNSIGNED_FIELDS.has(name) && !name.startsWith('x-ignore-') && !covered.has(name));
  if (extra.length > 0) return refuse(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);

  const headers: Record<string, string> = {};
  for (const [name, v] of fields) if (STORED_HEADERS.includes(name) || name.startsWith('x-amz-meta-')) headers[name] = v;
  const status = fields.get('success_action_status');
  return { ok: true, key: value('key'), headers, successStatus: status === '200' ? 200 : status === '201' ? 201 : 204 };
}

/** hex(HMAC(signingKey(secret, date, region, "s3"), base64Policy)): what a presigned POST carries. */
export function postPolicySignature(secret: string, date: string, region: string, base64Policy: string): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
  return createHmac('sha256', signingKey).update(base64Policy).digest('hex');
}

function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function parsePolicy(base64: string): { expiration: Date; conditions: Condition[] } | { error: string } {
  let document: unknown;
  try {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('not base64');
    document = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    return { error: 'Invalid JSON.' };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { error: 'Invalid JSON.' };
  const { expiration, conditions } = document as { expiration?: unknown; conditions?: unknown };
  if (typeof expiration !== 'string') return { error: 'Policy missing expiration.' };
  const expires = new Date(expiration);
  if (Number.isNaN(expires.getTime())) return { error: `Invalid 'expiration' value: '${expiration}'` };
  if (!Array.isArray(conditions)) return { error: 'Policy missing conditions.' };
  const parsed: Condition[] = [];
  for (const condition of conditions) {
    const one = parseCondition(condition);
    if ('error' in one) return one;
    parsed.push(one);
  }
  return { expiration: expires, conditions: parsed };
}

function parseCondition(condition: unknown): Condition | { error: string } {
  const text = JSON.stringify(condition);
  if (Array.isArray(condition)) {
    const [op, a, b] = condition as unknown[];
    const operator = String(op).toLowerCase();
    if (operator === 'content-length-range') {
      const min = Number(a);
      const max = Number(b);
      if (condition.length !== 3 || !Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
        return { error: `Invalid content-length-range condition: ${text}` };
      }
      return { kind: 'length', min, max };
    }
    if ((operator === 'eq' || operator === 'starts-with') && condition.length === 3 && typeof a === 'string' && a.startsWith('$') && typeof b === 'string') {
      return { kind: 'match', op: operator, field: a.slice(1).toLowerCase(), value: b, text: `["${operator}", "${a}", ${JSON.stringify(b)}]` };
    }
    return { error: `Invalid Policy Condition: ${text}` };
  }
  if (typeof condition === 'object' && condition !== null) {
    const entries = Object.entries(condition);
    const [entry] = entries;
    if (entries.length === 1 && entry && typeof entry[1] === 'string') {
      return { kind: 'match', op: 'eq', field: entry[0].toLowerCase(), value: entry[1], text: `["eq", "$${entry[0]}", ${JSON.stringify(entry[1])}]` };
    }
  }
  return { error: `Invalid Simple-Condition: ${text}` };
}
