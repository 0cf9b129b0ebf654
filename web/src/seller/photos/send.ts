import { ApiRequestError } from '../../api.ts';
import { postUpload, UploadError } from '../upload.ts';
import { isRetryable, retryDelay, waitToRetry } from './retry.ts';

/** A signature for one picture: its id (kept for the retries) and where to send it. */
export interface Signed {
  id: string;
  upload: { url: string; fields: Record<string, string> };
}

/** The error code the retry policy reads, whichever of the two legs (the API's signature, S3's POST) failed. */
export function failureCode(error: unknown): string {
  if (error instanceof UploadError) return error.code;
  if (error instanceof ApiRequestError) return error.isNetwork ? 'network' : `http_${error.status}`;
  return 'unknown';
}

/**
 * Sends one picture through its presigned POST, trying again by itself after a drop (retry.ts):
 * each try asks for a signature — for the same picture (its id) after the first — so a send that
 * arrived though its answer was lost is overwritten, never doubled; the API answering 409
 * image_received means it did arrive. Resolves with the picture's id; rejects when the policy
 * gives up or the failure would come back the same.
 */
export async function sendWithRetry(options: {
  sign: (resumeId: string | undefined) => Promise<Signed>;
  blob: Blob;
  /** The picture's id when an earlier send of it was started (the artisan's own retry). */
  resume?: string;
  onSigned?: (signed: Signed) => void;
  onProgress: (fraction: number) => void;
  onWaiting: (seconds: number) => void;
}): Promise<string> {
  let id = options.resume;
  for (let attempt = 1; ; attempt++) {
    try {
      const signed = await options.sign(id);
      id = signed.id;
      options.onSigned?.(signed);
      await postUpload(signed.upload, options.blob, options.onProgress);
      return id;
    } catch (error) {
      if (id && error instanceof ApiRequestError && error.code === 'image_received') return id;
      const delay = isRetryable(failureCode(error), (error as Error).message) ? retryDelay(attempt + 1) : undefined;
      if (delay === undefined) throw error;
      options.onWaiting(Math.ceil(delay / 1000));
      await waitToRetry(delay);
    }
  }
}
