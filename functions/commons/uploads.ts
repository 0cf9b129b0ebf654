import { UPLOAD_PREFIX } from '#shared/domain/images.ts';
import { config } from './config.ts';
import { credentials } from './env-credentials.ts';
import { presignedPost } from './s3-presigned-post.ts';

/**
 * Presigned POST for one photo, straight from the artisan's browser to the image bucket. The
 * signed policy pins everything S3 (or, locally, the gateway's S3 front) checks: this bucket,
 * this exact key under uploads/, this content type, a size from 1 byte to `maxBytes`, and an
 * expiry. The browser sends `fields` as form fields, then the file last. Signed without the S3
 * client (./s3-presigned-post.ts: what @aws-sdk/s3-presigned-post makes, ~165 KB lighter).
 */
export interface PresignImageUploadInput {
  /** The upload key (shared/domain/images.ts `uploadKey`): must be under uploads/. */
  key: string;
  contentType: string;
  maxBytes: number;
  expiresSeconds: number;
}

export interface PresignedUpload {
  /** Where the browser POSTs the multipart form. */
  url: string;
  /** Form fields to send before the file, as they are. */
  fields: Record<string, string>;
}

export async function presignImageUpload({ key, contentType, maxBytes, expiresSeconds }: PresignImageUploadInput): Promise<PresignedUpload> {
  // The function's role may only PutObject under uploads/: a key elsewhere is a bug, not input.
  if (!key.startsWith(UPLOAD_PREFIX)) throw new Error(`presignImageUpload: key "${key}" is not under ${UPLOAD_PREFIX}`);
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error(`presignImageUpload: maxBytes must be a positive integer, got ${maxBytes}`);
  const bucket = config.imageBucket;
  return presignedPost(
    { region: config.awsRegion, credentials, endpoint: config.s3Endpoint, pathStyle: config.s3ForcePathStyle },
    {
      bucket,
      // The key and every field (bucket, Content-Type, X-Amz-*) become exact-match conditions:
      // {"key": key}, {"bucket": bucket}, {"Content-Type": contentType}…
      key,
      fields: { 'Content-Type': contentType },
      conditions: [['content-length-range', 1, maxBytes]],
      expiresSeconds,
    },
  );
}
