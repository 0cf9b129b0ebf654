import { EventEmitter } from 'node:events';
import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { UPLOAD_NOTIFICATION } from '../upload-notification.ts';
import { deliverUploadEvents } from './upload-events.ts';

/** The local bucket notification retries a failed photo as Lambda retries an asynchronous event, then gives up where AWS queues it. */
const upload = (key: string) => ({ Records: [{ eventName: 'ObjectCreated:Post', s3: { object: { key } } }] });

describe('local upload events', () => {
  it(`try a failing image function ${UPLOAD_NOTIFICATION.retryAttempts} more times, then log where AWS would queue the event`, async () => {
    const s3rver = new EventEmitter();
    const calls: string[] = [];
    const lines: string[] = [];
    const events = deliverUploadEvents(s3rver, async (event: S3Event) => {
      calls.push(event.Records[0]!.s3.object.key);
      throw new Error('sharp fell over');
    }, (line) => lines.push(line));
    s3rver.emit('event', upload('uploads/shp-a/prd-a/img-1.jpg'));
    await events.drain();
    expect(calls).toHaveLength(UPLOAD_NOTIFICATION.retryAttempts + 1);
    expect(lines).toEqual([expect.stringMatching(/failed 3 times for uploads\/shp-a\/prd-a\/img-1\.jpg \(in AWS: the failure queue\): sharp fell over/)]);
  });

  it('stop retrying once the function succeeds', async () => {
    const s3rver = new EventEmitter();
    let calls = 0;
    const lines: string[] = [];
    const events = deliverUploadEvents(s3rver, async () => {
      if (++calls === 1) throw new Error('once');
    }, (line) => lines.push(line));
    s3rver.emit('event', upload('uploads/shp-a/prd-a/img-2.jpg'));
    await events.drain();
    expect(calls).toBe(2);
    expect(lines).toEqual([]);
  });
});
