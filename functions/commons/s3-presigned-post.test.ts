import { createHmac } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presignedPost } from './s3-presigned-post.ts';

/**
 * The presigned POST without the S3 client (s3-presigned-post.ts) is the one
 * @aws-sdk/s3-presigned-post makes with an S3Client of the same settings — URL, fields, policy and
 * signature — at the same instant, for the store's bucket in AWS (virtual-hosted), a dotted bucket
 * (path-style), the local S3 front (path-style under a path) and a session-less identity; and
 * its signature is SigV4's (the key of the day recomputed here with node:crypto).
 */
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };
const INPUT = { key: 'uploads/shop_1/prod_1/img_1.jpg', fields: { 'Content-Type': 'image/jpeg' }, conditions: [['content-length-range', 1, 10_485_760]], expiresSeconds: 600 };

afterEach(() => vi.useRealTimers());

describe('presignedPost (S3 POST policy, no client)', () => {
  it.each([
    ['AWS, the store\'s bucket', { region: 'eu-west-3' }, 'dakhla-market-prod-images-1x2y3z', CREDENTIALS],
    ['AWS, another region', { region: 'us-east-1' }, 'dakhla-market-dev-images-9q8w7e', CREDENTIALS],
    ['AWS, a dotted bucket', { region: 'eu-west-3' }, 'images.dakhla.market', CREDENTIALS],
    ['the local S3 front, path-style', { region: 'eu-west-3', endpoint: 'http://localhost:4100/s3', pathStyle: true }, 'dakhla-local-images', CREDENTIALS],
    ['an endpoint, virtual-hosted', { region: 'eu-west-3', endpoint: 'http://localhost:4100' }, 'dakhla-local-images', CREDENTIALS],
    ['credentials without a session', { region: 'eu-west-3' }, 'dakhla-market-prod-images-1x2y3z', { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }],
  ] as const)('is what createPresignedPost makes: %s', async (_case, settings, bucket, credentials) => {
    vi.useFakeTimers({ now: new Date('2026-12-04T19:30:05.123Z'), toFake: ['Date'] });
    const ours = await presignedPost({ credentials, ...settings }, { bucket, ...INPUT });
    const client = new S3Client({ region: settings.region, credentials, ...('endpoint' in settings ? { endpoint: settings.endpoint } : {}), forcePathStyle: 'pathStyle' in settings && settings.pathStyle });
    const theirs = await createPresignedPost(client, { Bucket: bucket, Key: INPUT.key, Fields: INPUT.fields, Conditions: INPUT.conditions as never, Expires: INPUT.expiresSeconds });
    expect(ours).toEqual(theirs);
  });

  it('signs the policy with the SigV4 key of the day, the region and s3, and lets it expire after expiresSeconds', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T19:30:05.123Z'), toFake: ['Date'] });
    const { url, fields } = await presignedPost({ region: 'eu-west-3', credentials: CREDENTIALS }, { bucket: 'dakhla-market-prod-images-1x2y3z', ...INPUT });
    expect(url).toBe('https://dakhla-market-prod-images-1x2y3z.s3.eu-west-3.amazonaws.com/');
    const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
    const key = hmac(hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, '20261204'), 'eu-west-3'), 's3'), 'aws4_request');
    expect(fields['X-Amz-Signature']).toBe(hmac(key, fields.Policy!).toString('hex'));
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.expiration).toBe('2026-12-04T19:40:05Z');
    expect(policy.conditions).toEqual(expect.arrayContaining([{ key: INPUT.key }, { bucket: 'dakhla-market-prod-images-1x2y3z' }, { 'Content-Type': 'image/jpeg' }, ['content-length-range', 1, 10_485_760], { 'X-Amz-Date': '20261204T193005Z' }]));
  });

  it('needs a region', async () => {
    await expect(presignedPost({ region: undefined, credentials: CREDENTIALS }, { bucket: 'b-1', ...INPUT })).rejects.toThrow(/AWS_REGION/);
  });
});
