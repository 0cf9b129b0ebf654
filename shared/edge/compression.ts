/**
 * What CloudFront compresses, one source for the CDK's cache policies (infra/constructs/api-edge.ts,
 * infra/stacks/web-stack.ts) and the local gateway (infra/local/compression.ts), so that a page
 * weighs locally what it weighs deployed. CloudFront compresses an answer when its behaviour says
 * `compress: true` and its cache policy accepts the encoding (brotli preferred over gzip), the
 * request is a GET with that encoding in Accept-Encoding, and the answer is 1,000 to 10,000,000
 * bytes with a Content-Length, of a compressible type, not already encoded
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html).
 */
export type EdgeEncoding = 'br' | 'gzip';

/** The encodings the store's cache policies accept (enableAcceptEncodingBrotli / Gzip; CACHING_OPTIMIZED accepts both too). */
export const EDGE_ENCODINGS = { brotli: true, gzip: true } as const;

/**
 * The behaviours whose answers CloudFront compresses: the site (CACHING_OPTIMIZED), images, the
 * cached catalogue paths and the pages. The rest of /api/* is not: its cache policy keeps
 * nothing and does not accept encodings (answers are no-store and small).
 */
export type EdgeBehaviour = 'site' | 'images' | 'catalogue' | 'pages' | 'api';
export const COMPRESSED_BEHAVIOURS: Readonly<Record<EdgeBehaviour, boolean>> = { site: true, images: true, catalogue: true, pages: true, api: false };

export const MIN_COMPRESSED_BYTES = 1_000;
export const MAX_COMPRESSED_BYTES = 10_000_000;

/** CloudFront's compressible content types (the ones the store sends, and their kin). */
const COMPRESSIBLE_TYPES = new Set([
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/rss+xml',
  'application/xhtml+xml',
  'application/xml',
  'application/wasm',
  'font/otf',
  'font/ttf',
  'image/svg+xml',
  'text/css',
  'text/csv',
  'text/html',
  'text/javascript',
  'text/plain',
  'text/xml',
]);

/** The encoding CloudFront would answer with, or undefined to answer as the origin did. */
export function edgeEncoding(answer: {
  behaviour: EdgeBehaviour;
  method: string;
  acceptEncoding: string | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  bytes: number | undefined;
}): EdgeEncoding | undefined {
  if (!COMPRESSED_BEHAVIOURS[answer.behaviour] || answer.method !== 'GET' || answer.contentEncoding) return undefined;
  if (answer.bytes === undefined || answer.bytes < MIN_COMPRESSED_BYTES || answer.bytes > MAX_COMPRESSED_BYTES) return undefined;
  const type = (answer.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!COMPRESSIBLE_TYPES.has(type)) return undefined;
  const accepted = new Set(
    (answer.acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part && !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
  if (EDGE_ENCODINGS.brotli && accepted.has('br')) return 'br';
  if (EDGE_ENCODINGS.gzip && accepted.has('gzip')) return 'gzip';
  return undefined;
}
