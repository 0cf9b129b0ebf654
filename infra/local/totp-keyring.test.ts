import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTotpKeyring, totpHtml } from './totp-keyring.ts';
import { totp } from './totp.ts';

const dir = mkdtempSync(join(tmpdir(), 'dakhla-totp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local TOTP keyring', () => {
  it('gives the current code of each account (any case), and keeps secrets in its file across restarts', () => {
    const file = join(dir, 'totp.json');
    const keyring = createTotpKeyring(file);
    keyring.set('Operator@Dakhla.market', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    keyring.set('other@dakhla.market', 'JBSWY3DPEHPK3PXP');
    expect(keyring.get('operator@dakhla.market')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(keyring.codes({ email: 'OPERATOR@dakhla.market' }, 59_000)).toEqual([
      expect.objectContaining({ email: 'operator@dakhla.market', code: '287082', secondsLeft: 1, otpauth: expect.stringMatching(/^otpauth:\/\/totp\//) }),
    ]);
    expect(createTotpKeyring(file).codes().map((e) => e.email)).toEqual(['operator@dakhla.market', 'other@dakhla.market']);
    const at = Date.now();
    const page = totpHtml(keyring.codes({}, at));
    expect(page).toContain(totp('JBSWY3DPEHPK3PXP', at));
    expect(page).toMatch(/http-equiv="refresh" content="\d+"/);
  });
});
