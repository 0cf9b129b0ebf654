import { describe, expect, it } from 'vitest';
import { EDGE_HEADERS, viewerIp } from './edge.ts';

describe('viewerIp', () => {
  const ip = (value: string | undefined) => viewerIp({ [EDGE_HEADERS.viewerAddress]: value });

  it('reads IPv4 and IPv6 viewer addresses without their port', () => {
    expect(ip('198.51.100.10:46532')).toBe('198.51.100.10');
    expect(ip('2001:DB8::1:443')).toBe('2001:db8::1');
    expect(ip('[2001:db8::1]:443')).toBe('2001:db8::1');
  });

  it('has no answer for a missing or malformed header', () => {
    expect(ip(undefined)).toBeUndefined();
    expect(ip('')).toBeUndefined();
    expect(ip('<script>:80')).toBeUndefined();
  });
});
