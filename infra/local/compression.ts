import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { edgeEncoding, type EdgeBehaviour } from '#shared/edge/compression.ts';

/**
 * The local gateway's stand-in for CloudFront's compression (shared/edge/compression.ts decides):
 * the answer is held until it ends, then sent brotli- or gzip-encoded with its new length and
 * `Vary: Accept-Encoding`, or as it was. Call before anything writes to `res`.
 */
export function compressLikeCloudFront(req: IncomingMessage, res: ServerResponse, behaviour: EdgeBehaviour): void {
  if (req.method !== 'GET') return;
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  const chunks: Buffer[] = [];
  let head: { status: number; headers: OutgoingHttpHeaders } | undefined;

  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null) as OutgoingHttpHeaders | undefined;
    head = { status, headers: Array.isArray(headers) ? {} : { ...headers } };
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(chunks);
    const status = head?.status ?? res.statusCode;
    for (const [name, value] of Object.entries(head?.headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    const header = (name: string) => {
      const value = res.getHeader(name);
      return value === undefined ? undefined : String(value);
    };
    const encodingToUse = edgeEncoding({
      behaviour,
      method: req.method ?? 'GET',
      acceptEncoding: req.headers['accept-encoding'],
      contentType: header('content-type'),
      contentEncoding: header('content-encoding'),
      bytes: body.length,
    });
    let sent = body;
    if (encodingToUse) {
      sent = encodingToUse === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body);
      res.setHeader('content-encoding', encodingToUse);
      const vary = header('vary');
      res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (status !== 204 && status !== 304) res.setHeader('content-length', sent.length);
    writeHead(status);
    const done = [chunk, encoding, callback].find((c) => typeof c === 'function');
    end(sent);
    if (typeof done === 'function') res.once('finish', done as () => void);
    return res;
  }) as ServerResponse['end'];
}
