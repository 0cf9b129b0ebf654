import { describe, expect, it } from 'vitest';
import { COMPRESSED_BEHAVIOURS, edgeEncoding } from './compression.ts';

const answer = { behaviour: 'site', method: 'GET', acceptEncoding: 'gzip, deflate, br', contentType: 'text/javascript; charset=utf-8', contentEncoding: undefined, bytes: 50_000 } as const;

describe('edgeEncoding: what CloudFront would compress', () => {
  it('prefers brotli, else gzip, as the viewer accepts', () => {
    expect(edgeEncoding(answer)).toBe('br');
    expect(edgeEncoding({ ...answer, acceptEncoding: 'gzip' })).toBe('gzip');
    expect(edgeEncoding({ ...answer, acceptEncoding: 'br;q=0, gzip' })).toBe('gzip');
    expect(edgeEncoding({ ...answer, acceptEncoding: undefined })).toBeUndefined();
    expect(edgeEncoding({ ...answer, acceptEncoding: 'identity' })).toBeUndefined();
  });

  it('leaves small, huge, already encoded, non-GET and incompressible answers alone', () => {
    expect(edgeEncoding({ ...answer, bytes: 999 })).toBeUndefined();
    expect(edgeEncoding({ ...answer, bytes: 1_000 })).toBe('br');
    expect(edgeEncoding({ ...answer, bytes: 10_000_001 })).toBeUndefined();
    expect(edgeEncoding({ ...answer, bytes: undefined })).toBeUndefined();
    expect(edgeEncoding({ ...answer, contentEncoding: 'gzip' })).toBeUndefined();
    expect(edgeEncoding({ ...answer, method: 'HEAD' })).toBeUndefined();
    expect(edgeEncoding({ ...answer, contentType: 'image/webp' })).toBeUndefined();
    expect(edgeEncoding({ ...answer, contentType: 'image/svg+xml' })).toBe('br');
    expect(edgeEncoding({ ...answer, contentType: 'text/html; charset=utf-8' })).toBe('br');
  });

  it('compresses on the behaviours whose cache policy accepts encodings, not the uncached API', () => {
    expect(COMPRESSED_BEHAVIOURS).toEqual({ site: true, images: true, catalogue: true, pages: true, api: false });
    expect(edgeEncoding({ ...answer, behaviour: 'catalogue', contentType: 'application/json' })).toBe('br');
    expect(edgeEncoding({ ...answer, behaviour: 'api', contentType: 'application/json' })).toBeUndefined();
  });
});
