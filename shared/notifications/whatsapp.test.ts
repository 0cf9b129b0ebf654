import { formatMad } from '../domain/money-format.ts';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/locales.ts';
import { NOTICE_SAMPLES } from './notice-samples.ts';
import { fillTemplate, NOTICE_KINDS, templateNamed, WHATSAPP_TEMPLATES, whatsAppMessage } from './whatsapp.ts';


describe('WhatsApp templates: one approved utility template per event', () => {
  it('has one template per event, each named as Meta allows, names unique', () => {
    const names = NOTICE_KINDS.map((k) => WHATSAPP_TEMPLATES[k].name);
    expect(new Set(names).size).toBe(NOTICE_KINDS.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,512}$/);
  });

  for (const kind of NOTICE_KINDS) {
    it(`${kind}: every language's body uses exactly {{1}}…{{n}} of its parameter list, and its values fill them`, () => {
      const spec = WHATSAPP_TEMPLATES[kind];
      for (const locale of LOCALES) {
        const used = [...spec.body[locale].matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
        expect(new Set(used)).toEqual(new Set(spec.parameters.map((_, i) => i + 1)));
        const values = (spec.values as (i: unknown, l: typeof locale) => string[])(NOTICE_SAMPLES[kind], locale);
        expect(values).toHaveLength(spec.parameters.length);
        expect(fillTemplate(spec.body[locale], values)).not.toMatch(/\{\{|undefined|NaN/);
      }
    });
  }

  it('builds the Cloud API request: the number without +, the template, its language and the body parameters as text', () => {
    const message = whatsAppMessage('new-order', 'ar', '+212612345678', NOTICE_SAMPLES['new-order']);
    expect(message).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '212612345678', type: 'template', template: { name: 'dakhla_new_order', language: { code: 'ar' } } });
    const parameters = message.template.components[0].parameters;
    expect(parameters.map((p) => p.type)).toEqual(['text', 'text', 'text', 'text']);
    expect(parameters[1]!.text).toBe('ord-abc123');
    expect(parameters[2]!.text).toMatch(/2026/); // the deadline, written in Morocco's time
    expect(parameters[3]!.text).toBe('https://dakhla.market/dashboard/orders?order=ord-abc123');
  });

  it('makes what people typed one line Meta accepts (no line break, tab or 5 spaces in a row)', () => {
    const message = whatsAppMessage('shop-rejected', 'fr', '+212612345678', { ...NOTICE_SAMPLES['shop-rejected'], reason: 'Photo floue.\nAjoutez\tune autre      photo' });
    const reason = message.template.components[0].parameters[1]!.text;
    expect(reason).not.toMatch(/[\n\t]| {5,}/);
    expect(reason).toContain('Photo floue.');
  });

  it('formats a payout amount in the artisan’s language', () => {
    expect(whatsAppMessage('payout-sent', 'fr', '+212612345678', NOTICE_SAMPLES['payout-sent']).template.components[0].parameters[1]!.text).toBe(formatMad(123_450, 'fr'));
  });

  it('finds a template by name and Meta language code, and nothing else', () => {
    expect(templateNamed('dakhla_payout_sent', 'es')).toMatchObject({ kind: 'payout-sent', locale: 'es' });
    expect(templateNamed('dakhla_payout_sent', 'de')).toBeUndefined();
    expect(templateNamed('hello_world', 'en')).toBeUndefined();
  });
});
