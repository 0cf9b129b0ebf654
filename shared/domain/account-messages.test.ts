import { describe, expect, it } from 'vitest';
import { accountMessage, messageLocale } from './account-messages.ts';
import { LOCALES } from './locales.ts';

// The trigger's handler itself runs in the integration tests (the local pool runs it: test/integration/password-reset.test.ts).
describe('account messages', () => {
  it('writes in the page’s language, else the account’s, else French', () => {
    expect(messageLocale({ locale: 'ar' }, { locale: 'es' })).toBe('ar');
    expect(messageLocale({}, { locale: 'es' })).toBe('es');
    expect(messageLocale({ locale: 'xx' }, { locale: 'de' })).toBe('fr');
    expect(messageLocale(undefined, undefined)).toBe('fr');
  });

  it('has every kind in the four languages with Cognito’s code placeholder, isolated left to right; Arabic right to left', () => {
    for (const locale of LOCALES) {
      for (const kind of ['SignUp', 'ResendCode', 'ForgotPassword', 'AdminCreateUser', 'UpdateUserAttribute', 'VerifyUserAttribute'] as const) {
        const message = accountMessage(kind, locale);
        expect(message.subject, `${locale} ${kind}`).toBeTruthy();
        expect(message.html).toContain('<b dir="ltr" style="font-size:1.25em;letter-spacing:.1em">{####}</b>');
        expect(message.html.startsWith(`<div dir="${locale === 'ar' ? 'rtl' : 'ltr'}" lang="${locale}">`)).toBe(true);
      }
      // The invitation names the address Cognito fills in.
      expect(accountMessage('AdminCreateUser', locale).html).toContain('<span dir="ltr">{username}</span>');
    }
  });
});
