/**
 * Sends one photo to its presigned POST (S3, or the local S3 front) with XMLHttpRequest,
 * which — unlike fetch — reports upload progress: the fields first, the file last.
 */
export class UploadError extends Error {
  constructor(
    /** S3's error code (e.g. EntityTooLarge, AccessDenied), 'network', 'aborted' or 'http_<status>'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** S3 answers errors as XML: <Error><Code>…</Code><Message>…</Message></Error>. */
export function s3ErrorCode(body: string): { code?: string; message?: string } {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

export function postUpload(
  target: { url: string; fields: Record<string, string> },
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        const { code, message } = s3ErrorCode(xhr.responseText ?? '');
        reject(new UploadError(code ?? `http_${xhr.status}`, message ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new UploadError('network', 'Network error'));
    xhr.ontimeout = () => reject(new UploadError('network', 'Timed out'));
    xhr.onabort = () => reject(new UploadError('aborted', 'Aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
