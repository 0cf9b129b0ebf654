import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeMessage } from './cognito.ts';
import { createOutbox, outboxHtml, parseOutboxPost } from './outbox.ts';

const dir = mkdtempSync(join(tmpdir(), 'dakhla-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local outbox', () => {
  it('lists newest first, filters by recipient (any case), and keeps messages in its file across restarts', () => {
    const file = join(dir, 'outbox.json');
    let tick = 0;
    const outbox = createOutbox({ file, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) });
    outbox.send(codeMessage({ source: 'SignUp', destination: 'a@b.ma', code: '111111' }));
    outbox.send(codeMessage({ source: 'ForgotPassword', destination: 'c@d.ma', code: '222222' }));
    expect(outbox.list().map((m) => m.code)).toEqual(['222222', '111111']);
    expect(outbox.list({ to: 'A@B.MA' })).toEqual([
      expect.objectContaining({ to: 'a@b.ma', code: '111111', kind: 'cognito:SignUp', subject: 'Your Dakhla Market verification code', sentAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(outbox.list({ to: 'a@b.ma' })[0]!.text).toContain('111111');
    expect(createOutbox({ file }).list()).toEqual(outbox.list());
  });

  it('keeps only the newest `limit` messages, in memory when given no file', () => {
    const outbox = createOutbox({ limit: 2 });
    for (const code of ['1', '2', '3']) outbox.send({ to: 'x@y.ma', subject: 's', text: code, code });
    expect(outbox.list().map((m) => m.code)).toEqual(['3', '2']);
  });

  it('escapes what it shows on the HTML page', () => {
    const html = outboxHtml([{ id: '1', to: '<script>@x.ma', subject: 'a & b', text: '<b>', sentAt: 'now' }]);
    expect(html).not.toContain('<script>@');
    expect(html).toContain('&#60;script&#62;@x.ma');
  });
});

describe('parseOutboxPost (the functions\' local mailer)', () => {
  it('takes an email with its optional HTML, kind and sender', () => {
    expect(parseOutboxPost({ to: 'a@b.ma', subject: 'S', text: 'T', html: '<p>T</p>', kind: 'order:order-placed', from: 'Dakhla <c@d.ma>' })).toEqual({
      to: 'a@b.ma',
      subject: 'S',
      text: 'T',
      html: '<p>T</p>',
      kind: 'order:order-placed',
      from: 'Dakhla <c@d.ma>',
    });
    expect(parseOutboxPost({ to: 'a@b.ma', subject: 'S', text: 'T' })).toEqual({ to: 'a@b.ma', subject: 'S', text: 'T' });
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'text', [], {}, { to: 'a@b.ma', subject: 'S' }, { to: 1, subject: 'S', text: 'T' }, { to: 'a@b.ma', subject: 'S', text: 'x'.repeat(100_001) }, { to: 'a@b.ma', subject: 'S', text: 'T', html: 3 }]) {
      expect(parseOutboxPost(bad), JSON.stringify(bad)?.slice(0, 40)).toBeUndefined();
    }
  });
});
