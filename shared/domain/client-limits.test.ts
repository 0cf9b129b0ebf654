import { describe, expect, it } from 'vitest';
import { CLIENT_LIMITS, clientId, emailClient, fixedWindow, ipClient, OPEN_ORDER_LIMITS, phoneClient } from './client-limits.ts';

describe('clients', () => {
  it('counts an IPv4 address as it is (also IPv4-mapped) and an IPv6 address by its /64', () => {
    expect(ipClient('198.51.100.7')).toEqual({ kind: 'ip', value: '198.51.100.7' });
    expect(ipClient('::ffff:198.51.100.7')).toEqual({ kind: 'ip', value: '198.51.100.7' });
    const a = ipClient('2001:db8:85a3:12::1');
    expect(a).toEqual({ kind: 'ip', value: '2001:0db8:85a3:0012::/64' });
    expect(ipClient('2001:DB8:85A3:12:ffff:1:2:3')).toEqual(a);
    expect(ipClient('2001:db8:85a3:12:0:0:0:9')).toEqual(a);
    expect(ipClient('2001:db8::1')).toEqual({ kind: 'ip', value: '2001:0db8:0000:0000::/64' });
    expect(ipClient('::1')).toEqual({ kind: 'ip', value: '0000:0000:0000:0000::/64' });
    expect(ipClient('2001:db8:85a3:13::1')).not.toEqual(a);
  });

  it('counts one mailbox once: case, +tags, and Gmail dots', () => {
    const box = emailClient('Salma.Bennani@Example.ma');
    expect(emailClient('salma.bennani+promo@example.ma')).toEqual(box);
    expect(emailClient('salmabennani@example.ma')).not.toEqual(box);
    expect(emailClient('s.alma+x@gmail.com')).toEqual(emailClient('salma@googlemail.com'));
    expect(phoneClient('+212 612-345-678')).toEqual(phoneClient('+212612345678'));
  });

  it('names clients by a hash: no address or e-mail in the table keys', async () => {
    const id = await clientId(emailClient('salma@example.ma'));
    expect(id).toMatch(/^email#[0-9a-f]{32}$/);
    expect(id).not.toContain('salma');
    expect(await clientId(ipClient('198.51.100.7'))).not.toBe(await clientId(ipClient('198.51.100.8')));
  });
});

describe('fixed windows', () => {
  it('starts each window on a multiple of its length and says how long until the next', () => {
    const w = fixedWindow(Date.parse('2026-12-01T10:07:30Z'), 600);
    expect(new Date(w.start * 1000).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(w.retryAfterSeconds).toBe(150);
    expect(w.ttl).toBeGreaterThan(w.start + 600);
    expect(fixedWindow(Date.parse('2026-12-01T10:09:59.900Z'), 600).start).toBe(w.start);
    expect(fixedWindow(Date.parse('2026-12-01T10:10:00Z'), 600).start).toBe(w.start + 600);
  });

  it('declares every limit with a positive size and window', () => {
    for (const [name, rules] of Object.entries(CLIENT_LIMITS)) {
      for (const [kind, rule] of Object.entries(rules)) {
        if (typeof rule === 'string') continue;
        expect(rule.max, `${name}.${kind}`).toBeGreaterThan(0);
        expect(rule.windowSeconds, `${name}.${kind}`).toBeGreaterThan(0);
      }
    }
    expect(OPEN_ORDER_LIMITS.email).toBeLessThanOrEqual(OPEN_ORDER_LIMITS.ip);
  });
});
