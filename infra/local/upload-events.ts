import type { EventEmitter } from 'node:events';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { matchesUploadNotification, UPLOAD_NOTIFICATION } from '../upload-notification.ts';

/**
 * The local stand-in for the image bucket's notification: s3rver emits an `event` per stored
 * object; those the CDK notification would deliver (upload-notification.ts) are handed to the
 * image function, one record per invocation, as S3 sends them (key URL-encoded). A failed
 * invocation is tried again as Lambda retries an asynchronous event (UPLOAD_NOTIFICATION.retryAttempts
 * more times, without Lambda's minutes of delay); one that fails every time is logged where AWS
 * sends it to the failure queue. Never thrown into s3rver or the gateway. `drain()` waits for
 * those in flight.
 */
export function deliverUploadEvents(s3rver: EventEmitter, handler: (event: S3Event) => Promise<void>, log: (line: string) => void) {
  const inFlight = new Set<Promise<void>>();
  const onEvent = (event: { Records?: S3EventRecord[] }) => {
    for (const raw of event.Records ?? []) {
      const record = { ...raw, s3: { ...raw.s3, object: { ...raw.s3.object, key: encodeKey(raw.s3.object.key) } } };
      if (!matchesUploadNotification(record)) continue;
      const run = withRetries(() => handler({ Records: [record] }))
        .catch((error: unknown) => log(`image function failed ${UPLOAD_NOTIFICATION.retryAttempts + 1} times for ${raw.s3.object.key} (in AWS: the failure queue): ${(error as Error).message}`))
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
  };
  s3rver.on('event', onEvent);
  return {
    async drain() {
      s3rver.off('event', onEvent);
      await Promise.allSettled([...inFlight]);
    },
  };
}

async function withRetries(invoke: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await invoke();
    } catch (error) {
      if (attempt >= UPLOAD_NOTIFICATION.retryAttempts) throw error;
    }
  }
}

/** s3rver sends keys as stored; S3 URL-encodes them (spaces as '+'). */
const encodeKey = (key: string) => encodeURIComponent(key).replaceAll('%2F', '/').replaceAll('%20', '+');
