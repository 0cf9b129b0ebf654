import { describe, expect, it } from 'vitest';
import type { NotifyChannel } from '../domain/phone.ts';
import { deliveries, noticeEmail, notify, type Notice, type NotifyDeps, type Recipient } from './port.ts';
import { NOTICE_SAMPLES } from './notice-samples.ts';
import type { WhatsAppTemplateMessage } from './whatsapp.ts';

/** In-memory adapters that record what they were given (the real ones: functions/commons/notifier.ts). */
function recording(fail: Partial<Record<NotifyChannel, boolean>> = {}) {
  const emails: { to: string; subject: string; kind: string }[] = [];
  const whatsapps: WhatsAppTemplateMessage[] = [];
  const claimed = new Set<string>();
  const errors: string[] = [];
  const deps: NotifyDeps = {
    email: { send: async (m) => (fail.email ? Promise.reject(new Error('SES down')) : (emails.push(m), { messageId: 'e1' })) },
    whatsapp: { send: async (m) => (fail.whatsapp ? Promise.reject(new Error('Meta down')) : (whatsapps.push(m), { messageId: 'wamid.1' })) },
    records: {
      claim: async (ref, channel, to) => {
        const key = `${JSON.stringify(ref)}|${channel}|${to}`;
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      },
      settle: async (ref, channel, to, outcome) => {
        if (outcome.status === 'failed') claimed.delete(`${JSON.stringify(ref)}|${channel}|${to}`);
      },
    },
    log: { error: (message) => errors.push(message) },
  };
  return { deps, emails, whatsapps, errors };
}

const approved: Notice = { kind: 'shop-approved', ref: { shopId: 'shp1', record: 'shop-approved#t1' }, input: NOTICE_SAMPLES['shop-approved'] };
const who = (notify?: Recipient['notify']): Recipient => ({ email: 'mina@example.ma', locale: 'ar', ...(notify ? { notify } : {}) });

describe('notify(): the artisan’s channels', () => {
  it('picks e-mail by default, WhatsApp alone, or both', () => {
    expect(deliveries(who())).toEqual([{ channel: 'email', to: 'mina@example.ma' }]);
    expect(deliveries(who({ channels: ['whatsapp'], whatsapp: '+212612345678' }))).toEqual([{ channel: 'whatsapp', to: '+212612345678' }]);
    expect(deliveries(who({ channels: ['email', 'whatsapp'], whatsapp: '+212612345678' })).map((d) => d.channel).sort()).toEqual(['email', 'whatsapp']);
  });

  it('falls back to e-mail when WhatsApp was chosen without a number (nobody is left untold)', () => {
    expect(deliveries(who({ channels: ['whatsapp'] }))).toEqual([{ channel: 'email', to: 'mina@example.ma' }]);
  });

  it('sends on each chosen channel, once per notice: a repeated event is skipped', async () => {
    const { deps, emails, whatsapps } = recording();
    const both = who({ channels: ['email', 'whatsapp'], whatsapp: '+212612345678' });
    expect(await notify(deps, both, approved)).toEqual({ whatsapp: 'sent', email: 'sent' });
    expect(await notify(deps, both, approved)).toEqual({ whatsapp: 'skipped', email: 'skipped' });
    expect(emails).toHaveLength(1);
    expect(whatsapps).toHaveLength(1);
    expect(whatsapps[0]!.template.name).toBe('dakhla_shop_approved');
    expect(whatsapps[0]!.template.language.code).toBe('ar');
  });

  it('a channel that fails neither stops the other nor the caller, and may be sent again later', async () => {
    const failing = recording({ whatsapp: true });
    const both = who({ channels: ['email', 'whatsapp'], whatsapp: '+212612345678' });
    expect(await notify(failing.deps, both, approved)).toEqual({ whatsapp: 'failed', email: 'sent' });
    expect(failing.errors).toEqual(['notice not sent']);
  });

  it('WhatsApp chosen alone that fails is followed by e-mail, once however often the event repeats', async () => {
    const failing = recording({ whatsapp: true });
    const only = who({ channels: ['whatsapp'], whatsapp: '+212612345678' });
    expect(await notify(failing.deps, only, approved)).toEqual({ whatsapp: 'failed', email: 'sent' });
    expect(await notify(failing.deps, only, approved)).toEqual({ whatsapp: 'failed', email: 'skipped' });
    expect(failing.emails.map((m) => m.to)).toEqual(['mina@example.ma']);
    expect(failing.whatsapps).toEqual([]);
  });

  it('an event with its own e-mail sends that one; others are written from the notice’s text, in her language', () => {
    const own = noticeEmail({ ...approved, email: { subject: 'S', text: 'T', html: '<p>T</p>', kind: 'order:new-order' } }, 'fr');
    expect(own.subject).toBe('S');
    const made = noticeEmail(approved, 'ar');
    expect(made.subject).toContain('Atelier Mina');
    expect(made.text).toContain('https://dakhla.market/dashboard');
    expect(made.html).toContain('dir="rtl"');
  });
});
