import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPostUpload, postPolicySignature, type PostUpload } from './post-policy.ts';

const credentials = { accessKeyId: 'LOCALKEY', secretAccessKey: 'local-secret' };
const BUCKET = 'images';
const KEY = 'uploads/shop-1/product-1/image-1';
const MAX = 1000;

let client: S3Client;
let signed: { url: string; fields: Record<string, string> };
const signedAt = new Date();

/** A presigned POST made by the real SDK presigner, with the conditions functions/commons/uploads.ts uses. */
beforeAll(async () => {
  client = new S3Client({ region: 'eu-west-3', credentials, endpoint: 'http://localhost:1/s3', forcePathStyle: true });
  signed = await createPresignedPost(client, {
    Bucket: BUCKET,
    Key: KEY,
    Fields: { 'Content-Type': 'image/jpeg' },
    Conditions: [['content-length-range', 1, MAX]],
    Expires: 300,
  });
});
afterAll(() => client.destroy());

function upload(overrides: Partial<PostUpload> & { set?: Record<string, string>; drop?: string[] } = {}): PostUpload {
  const { set = {}, drop = [], ...rest } = overrides;
  const fields = Object.entries({ ...signed.fields, ...set }).filter(([name]) => !drop.includes(name));
  return {
    bucket: BUCKET,
    fields,
    file: { size: 500, filename: 'photo.jpg' },
    now: signedAt,
    secretFor: (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
    ...rest,
  };
}

/** Re-signs a policy document as the presigner would, for policies the SDK cannot make. */
function resign(policy: object, fields = signed.fields) {
  const base64 = Buffer.from(JSON.stringify(policy)).toString('base64');
  const [, date, region] = /^[^/]+\/(\d{8})\/([^/]+)\//.exec(fields['X-Amz-Credential']!)!;
  return { Policy: base64, 'X-Amz-Signature': postPolicySignature(credentials.secretAccessKey, date!, region!, base64) };
}
const policyOf = () => JSON.parse(Buffer.from(signed.fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };

describe('checkPostUpload', () => {
  it('accepts what the SDK presigner signed, and stores the form\'s content type', () => {
    expect(checkPostUpload(upload())).toEqual({ ok: true, key: KEY, headers: { 'content-type': 'image/jpeg' }, successStatus: 204 });
  });

  it('reads field names in any case, and honours success_action_status when the policy allows it', () => {
    const policy = policyOf();
    policy.conditions.push({ success_action_status: '201' });
    const lowerCased = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]));
    const fields = { ...lowerCased(signed.fields), ...lowerCased(resign(policy)), success_action_status: '201' };
    const verdict = checkPostUpload(upload({ fields: Object.entries(fields) }));
    expect(verdict).toMatchObject({ ok: true, key: KEY, successStatus: 201 });
  });

  it('refuses a file larger than content-length-range allows (EntityTooLarge), or an empty one', () => {
    expect(checkPostUpload(upload({ file: { size: MAX + 1 } }))).toEqual({
      ok: false,
      status: 400,
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed size',
      details: { ProposedSize: String(MAX + 1), MaxSizeAllowed: String(MAX) },
    });
    expect(checkPostUpload(upload({ file: { size: 0 } }))).toMatchObject({ ok: false, status: 400, code: 'EntityTooSmall' });
  });

  it('refuses another content type than the signed one', () => {
    expect(checkPostUpload(upload({ set: { 'Content-Type': 'text/html' } }))).toEqual({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/jpeg"]',
    });
    expect(checkPostUpload(upload({ drop: ['Content-Type'] }))).toMatchObject({ code: 'AccessDenied' });
  });

  it('refuses another key than the signed one (another shop\'s prefix, or outside uploads/)', () => {
    for (const key of ['uploads/shop-2/product-1/image-1', 'products/product-1/image-1-640.webp', `${KEY}-2`]) {
      expect(checkPostUpload(upload({ set: { key } })), key).toMatchObject({
        ok: false,
        status: 403,
        code: 'AccessDenied',
        message: `Invalid according to Policy: Policy Condition failed: ["eq", "$key", "${KEY}"]`,
      });
    }
  });

  it('checks starts-with conditions, ${filename} included', () => {
    const policy = policyOf();
    policy.conditions = policy.conditions.filter((c) => !(typeof c === 'object' && !Array.isArray(c) && 'key' in (c as object)));
    policy.conditions.push(['starts-with', '$key', 'uploads/shop-1/']);
    const base = { ...resign(policy) };
    expect(checkPostUpload(upload({ set: { ...base, key: 'uploads/shop-1/${filename}' } }))).toMatchObject({ ok: true, key: 'uploads/shop-1/photo.jpg' });
    expect(checkPostUpload(upload({ set: { ...base, key: 'uploads/shop-2/x' } }))).toMatchObject({
      message: 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "uploads/shop-1/"]',
    });
  });

  it('refuses an expired policy', () => {
    const later = new Date(signedAt.getTime() + 301_000);
    expect(checkPostUpload(upload({ now: later }))).toEqual({ ok: false, status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
  });

  it('refuses a tampered policy (the signature no longer matches)', () => {
    const policy = policyOf();
    policy.conditions = policy.conditions.map((c) => (Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 10 ** 9] : c));
    const tampered = Buffer.from(JSON.stringify(policy)).toString('base64');
    expect(checkPostUpload(upload({ set: { Policy: tampered }, file: { size: MAX * 10 } }))).toMatchObject({ ok: false, status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a wrong signature, an unknown access key, a missing policy', () => {
    const wrong = postPolicySignature('another-secret', '20260101', 'eu-west-3', signed.fields.Policy!);
    expect(checkPostUpload(upload({ set: { 'X-Amz-Signature': wrong } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(checkPostUpload(upload({ secretFor: () => undefined }))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    expect(checkPostUpload(upload({ drop: ['Policy'] }))).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Access Denied' });
    expect(checkPostUpload(upload({ set: { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' } }))).toMatchObject({ status: 400, code: 'InvalidRequest' });
  });

  it('refuses a form without a file or without a key', () => {
    const { file: _, ...withoutFile } = upload();
    expect(checkPostUpload(withoutFile)).toMatchObject({ status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' });
    expect(checkPostUpload(upload({ drop: ['key'] }))).toMatchObject({ status: 400, code: 'InvalidArgument', details: { ArgumentName: 'key' } });
  });

  it('refuses fields the policy does not name, except the ones S3 lets through', () => {
    expect(checkPostUpload(upload({ set: { 'x-amz-meta-owner': 'me', acl: 'public-read' } }))).toEqual({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Extra input fields: x-amz-meta-owner, acl',
    });
    expect(checkPostUpload(upload({ set: { 'x-ignore-note': 'anything' } }))).toMatchObject({ ok: true });
  });

  it('refuses a policy that is not base64 JSON, or lacks an expiration, with InvalidPolicyDocument', () => {
    const notJson = Buffer.from('not json').toString('base64');
    const [, date, region] = /^[^/]+\/(\d{8})\/([^/]+)\//.exec(signed.fields['X-Amz-Credential']!)!;
    const signedNotJson = { Policy: notJson, 'X-Amz-Signature': postPolicySignature(credentials.secretAccessKey, date!, region!, notJson) };
    expect(checkPostUpload(upload({ set: signedNotJson }))).toMatchObject({ status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' });
    expect(checkPostUpload(upload({ set: resign({ conditions: [] }) }))).toMatchObject({ code: 'InvalidPolicyDocument', message: 'Invalid Policy: Policy missing expiration.' });
    expect(checkPostUpload(upload({ set: resign({ expiration: '2099-01-01T00:00:00Z', conditions: [['in', '$key', 'x']] }) }))).toMatchObject({
      code: 'InvalidPolicyDocument',
    });
  });

  it('checks the bucket condition against the bucket in the URL', () => {
    expect(checkPostUpload(upload({ bucket: 'another-bucket' }))).toMatchObject({
      code: 'AccessDenied',
      message: `Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "${BUCKET}"]`,
    });
  });
});
