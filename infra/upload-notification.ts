import { UPLOAD_PREFIX } from '#shared/domain/images.ts';

/**
 * Which image-bucket events run the image function (functions/images/process-upload.ts):
 * objects created under uploads/. The CDK bucket notification (infra/stacks/api-stack.ts) and
 * the local s3rver wiring (infra/local/upload-events.ts) both read this, so they cannot drift.
 */
export const UPLOAD_NOTIFICATION = {
  /** S3 event type family: `s3:ObjectCreated:*` (Put, Post, Copy, CompleteMultipartUpload). */
  eventPrefix: 'ObjectCreated:',
  keyPrefix: UPLOAD_PREFIX,
  /** Lambda's retries of a failed event (its most; asynchronous invocation), here and locally; then the failure queue. */
  retryAttempts: 2,
  /** How long Lambda keeps trying an event (an upload older than that is abandoned to the failure queue). */
  maxEventAgeHours: 6,
} as const;

/** Whether an S3 event record (key URL-encoded, as S3 sends it) is one the notification delivers. */
export function matchesUploadNotification(record: { eventName: string; s3: { object: { key: string } } }): boolean {
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  return record.eventName.replace(/^s3:/, '').startsWith(UPLOAD_NOTIFICATION.eventPrefix) && key.startsWith(UPLOAD_NOTIFICATION.keyPrefix);
}
