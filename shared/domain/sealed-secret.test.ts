import { describe, expect, it } from 'vitest';
import { newSecret } from './ids.ts';
import { openSecret, sealSecret } from './sealed-secret.ts';

describe('sealed secrets', () => {
  it('open with the same passphrase and context only', async () => {
    const secret = newSecret();
    const sealed = await sealSecret(secret, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'ord-abc');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(await openSecret(sealed, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'ord-abc')).toBe(secret);
    expect(await openSecret(sealed, 'f47ac10b-58cc-4372-a567-0e02b2c3d470', 'ord-abc')).toBeUndefined();
    expect(await openSecret(sealed, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'ord-abd')).toBeUndefined();
  });

  it('differ each time (a fresh IV) and refuse anything tampered with or malformed', async () => {
    const a = await sealSecret('same secret', 'key-12345678', 'ctx');
    const b = await sealSecret('same secret', 'key-12345678', 'ctx');
    expect(a).not.toBe(b);
    const [v, iv, data] = a.split('.') as [string, string, string];
    const flipped = `${v}.${iv}.${(data[0] === 'A' ? 'B' : 'A') + data.slice(1)}`;
    for (const bad of [flipped, `v2.${iv}.${data}`, `${v}.${iv}`, `${v}.${iv}.${data}.x`, `${v}.!!.${data}`, '', 'v1..']) {
      expect(await openSecret(bad, 'key-12345678', 'ctx'), bad).toBeUndefined();
    }
  });
});
