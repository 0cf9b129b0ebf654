import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkPostUpload, type Refused } from './post-policy.ts';

/**
 * The local S3 endpoint as the browser and the functions see it: `/s3/*` on the gateway
 * (same origin as the store, path-style). Every S3 request is proxied to s3rver as is, except
 * browser POST-object uploads (multipart/form-data POST to `/s3/{bucket}`): s3rver would
 * store those whatever their policy says, so the front checks them as S3 does first
 * (post-policy.ts) and stores an accepted file with PutObject — s3rver then emits its event,
 * as S3 sends its notification. A refused upload stores nothing.
 */
export const S3_FRONT_PATH = '/s3';

export interface S3FrontOptions {
  /** s3rver, e.g. http://127.0.0.1:4569 */
  s3Endpoint: string;
  region: string;
  /** The access keys whose signatures are valid here (the local stack's). */
  credentials: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }>;
  /** The largest upload any policy may allow; the body is never buffered beyond this plus 1 MB of form. */
  maxUploadBytes: number;
  /** Origins whose pages may POST uploads and read the answer (the image bucket's CORS rule in AWS). */
  allowedOrigins?: readonly string[];
}

export interface S3Front {
  /** Handles a request whose path starts with `/s3/`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void;
  close(): void;
}

const FORM_OVERHEAD_BYTES = 1024 * 1024;

export function createS3Front(options: S3FrontOptions): S3Front {
  const upstream = new URL(options.s3Endpoint);
  const [first] = options.credentials;
  if (!first) throw new Error('createS3Front: no credentials');
  const secrets = new Map(options.credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const store = new S3Client({ endpoint: options.s3Endpoint, region: options.region, credentials: first, forcePathStyle: true });
  const bodyLimit = options.maxUploadBytes + FORM_OVERHEAD_BYTES;

  function proxy(req: IncomingMessage, res: ServerResponse, path: string) {
    const headers = { ...req.headers, host: upstream.host };
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (s3) => {
      res.writeHead(s3.statusCode ?? 502, s3.headers);
      s3.pipe(res);
    });
    forward.on('error', () => sendError(res, { status: 503, code: 'ServiceUnavailable', message: 's3rver is not answering' }));
    req.pipe(forward);
  }

  async function postObject(req: IncomingMessage, res: ServerResponse, bucket: string, url: URL) {
    const body = await readAtMost(req, bodyLimit);
    if (!body) {
      // As S3 does for a file over every allowed size. The rest of the body was read and dropped,
      // so that the browser gets this answer rather than a reset connection.
      res.setHeader('connection', 'close');
      return sendError(res, { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size', details: { MaxSizeAllowed: String(options.maxUploadBytes) } });
    }
    const form = await parseForm(body, String(req.headers['content-type']));
    if (!form) return sendError(res, { status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' });

    const verdict = checkPostUpload({
      bucket,
      fields: form.fields,
      ...(form.file ? { file: { size: form.file.bytes.length, filename: form.file.filename } } : {}),
      now: new Date(),
      secretFor: (id) => secrets.get(id),
    });
    if (!verdict.ok) return sendError(res, verdict);

    const { headers } = verdict;
    const metadata = Object.fromEntries(Object.entries(headers).filter(([n]) => n.startsWith('x-amz-meta-')).map(([n, v]) => [n.slice('x-amz-meta-'.length), v]));
    const stored = await store.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: verdict.key,
        Body: form.file!.bytes,
        ...(headers['content-type'] ? { ContentType: headers['content-type'] } : {}),
        ...(headers['cache-control'] ? { CacheControl: headers['cache-control'] } : {}),
        ...(headers['content-disposition'] ? { ContentDisposition: headers['content-disposition'] } : {}),
        ...(headers['content-encoding'] ? { ContentEncoding: headers['content-encoding'] } : {}),
        ...(Object.keys(metadata).length ? { Metadata: metadata } : {}),
      }),
    );
    const location = `${url.protocol}//${req.headers.host ?? 'localhost'}${S3_FRONT_PATH}/${bucket}/${encodeURIComponent(verdict.key).replaceAll('%2F', '/')}`;
    const answer = { etag: stored.ETag ?? '', location, 'x-amz-request-id': requestId() };
    if (verdict.successStatus === 201) {
      res.writeHead(201, { ...answer, 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${xml(location)}</Location><Bucket>${xml(bucket)}</Bucket>` +
          `<Key>${xml(verdict.key)}</Key><ETag>${xml(stored.ETag ?? '')}</ETag></PostResponse>`,
      );
    } else {
      res.writeHead(verdict.successStatus, answer).end();
    }
  }

  return {
    handle(req, res, url) {
      const origin = req.headers.origin;
      if (origin && options.allowedOrigins?.includes(origin)) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-expose-headers', 'ETag, Location');
        res.setHeader('vary', 'Origin');
        if (req.method === 'OPTIONS') {
          res.writeHead(200, { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': '*', 'access-control-max-age': '3000' }).end();
          return;
        }
      }
      const path = url.pathname.slice(S3_FRONT_PATH.length) || '/';
      const bucket = /^\/([^/]+)\/?$/.exec(path)?.[1];
      const isPostObject = req.method === 'POST' && bucket !== undefined && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
      if (!isPostObject) return proxy(req, res, `${path}${url.search}`);
      postObject(req, res, decodeURIComponent(bucket), url).catch((error: unknown) => {
        console.error('[s3-front] upload failed:', error);
        sendError(res, { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' });
      });
    },
    close: () => store.destroy(),
  };
}

/** The request body, or undefined when it exceeds `limit` bytes: from there on it is read and dropped, never kept. */
function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | undefined = Number(req.headers['content-length'] ?? 0) > limit ? undefined : [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) chunks = undefined;
      chunks?.push(chunk);
    });
    req.on('end', () => resolve(chunks && Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Form {
  /** Fields before the file, in order; S3 ignores any after it. */
  fields: Array<[string, string]>;
  file?: { bytes: Buffer; filename: string };
}

/** Parses multipart/form-data with the platform's own parser (undici's Response.formData). */
async function parseForm(body: Buffer, contentType: string): Promise<Form | undefined> {
  let data: FormData;
  try {
    data = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const form: Form = { fields: [] };
  for (const [name, value] of data.entries()) {
    if (name.toLowerCase() === 'file') {
      const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(await value.arrayBuffer());
      form.file = { bytes, filename: typeof value === 'string' ? '' : value.name };
      break;
    }
    if (typeof value === 'string') form.fields.push([name, value]);
  }
  return form;
}

/** An S3 error document. */
function sendError(res: ServerResponse, refusal: Omit<Refused, 'ok' | 'status'> & { status: number }) {
  if (res.headersSent) return void res.end();
  const details = Object.entries(refusal.details ?? {})
    .map(([name, value]) => `<${name}>${xml(value)}</${name}>`)
    .join('');
  const id = requestId();
  res.writeHead(refusal.status, { 'content-type': 'application/xml', 'x-amz-request-id': id });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${xml(refusal.message)}</Message>${details}<RequestId>${id}</RequestId></Error>`);
}

const requestId = () => randomBytes(8).toString('hex').toUpperCase();
const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
