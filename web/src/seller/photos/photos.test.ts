import { describe, expect, it } from 'vitest';
import { MAX_SENT_SIDE, pickSent, targetSize } from './resize.ts';
import { BASE_DELAY_MS, isRetryable, MAX_ATTEMPTS, MAX_DELAY_MS, retryDelay } from './retry.ts';

describe('targetSize', () => {
  it('scales a 12-megapixel photo down to a long side of 2048 px, keeping its shape', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 2048, height: 1536, scaled: true });
    expect(targetSize(3000, 4000)).toEqual({ width: 1536, height: 2048, scaled: true });
    expect(targetSize(4032, 3024)).toEqual({ width: 2048, height: 1536, scaled: true });
  });
  it('never scales up, and leaves a photo that fits as it is', () => {
    expect(targetSize(2048, 2048)).toEqual({ width: 2048, height: 2048, scaled: false });
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600, scaled: false });
  });
  it('keeps a very thin panorama at least one pixel high', () => {
    expect(targetSize(20000, 3)).toEqual({ width: MAX_SENT_SIDE, height: 1, scaled: true });
  });
  it('refuses sizes that are not a photo', () => {
    expect(() => targetSize(0, 100)).toThrow(RangeError);
    expect(() => targetSize(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('pickSent', () => {
  it('sends the compressed photo when it had to be scaled, even if larger', () => {
    expect(pickSent(1000, 2000, true)).toBe('compressed');
  });
  it('sends the smaller of the two when no scaling was needed', () => {
    expect(pickSent(1000, 400, false)).toBe('compressed');
    expect(pickSent(400, 1000, false)).toBe('original');
  });
  it('sends the original when the browser could not encode', () => {
    expect(pickSent(1000, undefined, true)).toBe('original');
  });
});

describe('retry policy', () => {
  it('retries drops, server errors and expired signatures, not refusals', () => {
    for (const code of ['network', 'http_500', 'http_503', 'http_429', 'SlowDown', 'InternalError']) expect(isRetryable(code), code).toBe(true);
    expect(isRetryable('AccessDenied', 'Request has expired')).toBe(true);
    for (const code of ['EntityTooLarge', 'AccessDenied', 'http_400', 'http_403', 'aborted']) expect(isRetryable(code), code).toBe(false);
  });
  it('waits exponentially longer, capped, then gives up', () => {
    const full = [2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, 0.999_999));
    expect(full).toEqual([1000, 2000, 4000, 8000, 16000].map((ms) => Math.round(ms / 2 + (ms / 2) * 0.999_999)));
    expect(retryDelay(MAX_ATTEMPTS + 1)).toBeUndefined();
    expect(retryDelay(1)).toBeUndefined();
    expect(retryDelay(20, 1, { max: 30, base: BASE_DELAY_MS, cap: MAX_DELAY_MS })).toBe(MAX_DELAY_MS);
  });
  it('spreads the wait between half and all of the delay', () => {
    expect(retryDelay(3, 0)).toBe(1000);
    expect(retryDelay(3, 0.5)).toBe(1500);
  });
});
