import { describe, expect, it } from 'vitest';
import { whatsAppMessage } from '#shared/notifications/whatsapp.ts';
import { NOTICE_SAMPLES } from '#shared/notifications/notice-samples.ts';
import { createLocalWhatsApp, whatsAppHtml } from './whatsapp.ts';

describe('the local WhatsApp Cloud API', () => {
  const api = createLocalWhatsApp();
  const path = `/v21.0/${api.phoneNumberId}/messages`;
  const auth = `Bearer ${api.token}`;
  const good = whatsAppMessage('new-order', 'fr', '+212612345678', NOTICE_SAMPLES['new-order']);

  it('takes a good template message and answers as Meta does, the text rendered with its parameters', () => {
    const answer = api.post(path, auth, good);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ messaging_product: 'whatsapp', contacts: [{ wa_id: '212612345678' }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
    const [stored] = api.list({ to: '+212612345678' });
    expect(stored!.text).toContain('ord-abc123');
    expect(stored!.text).toContain('https://dakhla.market/dashboard/orders?order=ord-abc123');
  });

  it.each([
    ['no token', path, undefined, good, 401, 190],
    ['another phone number id', '/v21.0/999/messages', auth, good, 400, 100],
    ['no messaging_product', path, auth, { ...good, messaging_product: undefined }, 400, 100],
    ['a bad number', path, auth, { ...good, to: '06 12' }, 400, 100],
    ['free text outside the 24-hour window', path, auth, { messaging_product: 'whatsapp', to: '212612345678', type: 'text', text: { body: 'hi' } }, 400, 131047],
    ['a template Meta does not have', path, auth, { ...good, template: { ...good.template, name: 'hello_world' } }, 404, 132001],
    ['a language the template does not have', path, auth, { ...good, template: { ...good.template, language: { code: 'de' } } }, 404, 132001],
    ['a parameter short', path, auth, { ...good, template: { ...good.template, components: [{ type: 'body', parameters: good.template.components[0].parameters.slice(1) }] } }, 400, 132000],
    ['a parameter with a line break', path, auth, { ...good, template: { ...good.template, components: [{ type: 'body', parameters: good.template.components[0].parameters.map((p) => ({ ...p, text: 'a\nb' })) }] } }, 400, 100],
  ])('refuses %s with Meta’s error shape', (_what, p, a, body, status, code) => {
    const before = api.list().length;
    const answer = api.post(p, a, body) as { status: number; body: { error: { code: number; type: string; message: string; fbtrace_id: string } } };
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, type: 'OAuthException', message: expect.any(String), fbtrace_id: expect.any(String) });
    expect(api.list()).toHaveLength(before);
  });

  it('shows the chats as a page with clickable links, Arabic right to left, nothing inline', () => {
    api.post(path, auth, whatsAppMessage('shop-approved', 'ar', '+212612345678', NOTICE_SAMPLES['shop-approved']));
    const html = whatsAppHtml(api.list());
    expect(html).toContain('<a href="https://dakhla.market/dashboard/orders?order=ord-abc123">');
    expect(html).toContain('dir="rtl"');
    expect(html).not.toMatch(/style=|<script/);
  });
});
