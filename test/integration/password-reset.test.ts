import { describe, expect, inject, it } from 'vitest';
import { accountMessage } from '#shared/domain/account-messages.ts';
import { cognitoJson as cognito } from '../support/cognito-json.ts';

/**
 * Accounts a beginner can manage, against the running store's cognito-local and the same
 * custom-message trigger the pool runs in AWS: a forgotten password reset with the e-mailed code
 * (the e-mail in the language of the page she asked from), the pool's length-only policy, and
 * the same answer for an address with no account.
 */
const clientId = () => inject('clientId');
type OutboxMessage = { to: string; code?: string; subject: string; text: string; html?: string; kind?: string };
const outbox = async (email: string) =>
  ((await (await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { messages: OutboxMessage[] }).messages;

async function newConfirmedAccount(label: string, password: string, locale: string): Promise<string> {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.ma`;
  const signUp = await cognito('SignUp', { ClientId: clientId(), Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'locale', Value: locale }], ClientMetadata: { locale } });
  expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
  const [code] = await outbox(email);
  expect(code?.kind).toBe('cognito:SignUp');
  expect((await cognito('ConfirmSignUp', { ClientId: clientId(), Username: email, ConfirmationCode: code!.code })).status).toBe(200);
  return email;
}

const signIn = (email: string, password: string) => cognito('InitiateAuth', { ClientId: clientId(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } });

describe('a forgotten password', () => {
  it('is reset with the code from an e-mail in Arabic (the page she asked from), then the new password signs in and the old one no longer does', async () => {
    const email = await newConfirmedAccount('forgot-ar', 'tapis rouge de ma grand-mère', 'fr');
    const asked = await cognito('ForgotPassword', { ClientId: clientId(), Username: email, ClientMetadata: { locale: 'ar' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });

    const [message] = await outbox(email);
    const arabic = accountMessage('ForgotPassword', 'ar');
    expect(message).toMatchObject({ kind: 'cognito:ForgotPassword', subject: arabic.subject, code: expect.stringMatching(/^\d{6}$/) });
    expect(message!.html).toContain('dir="rtl"');
    expect(message!.html).toContain(`<b dir="ltr" style="font-size:1.25em;letter-spacing:.1em">${message!.code}</b>`);
    expect(message!.text).toContain('رمزكم لاختيار كلمة مرور جديدة');
    expect(message!.text).not.toContain('{####}');

    const wrong = await cognito('ConfirmForgotPassword', { ClientId: clientId(), Username: email, ConfirmationCode: message!.code === '000000' ? '111111' : '000000', Password: 'زربية جدتي الحمراء' });
    expect(wrong.body.__type).toMatch(/CodeMismatchException/);
    const tooShort = await cognito('ConfirmForgotPassword', { ClientId: clientId(), Username: email, ConfirmationCode: message!.code, Password: 'short one' });
    expect(tooShort.body.__type).toMatch(/InvalidPasswordException/);

    const reset = await cognito('ConfirmForgotPassword', { ClientId: clientId(), Username: email, ConfirmationCode: message!.code, Password: 'زربية جدتي الحمراء' });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await signIn(email, 'زربية جدتي الحمراء')).body.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect((await signIn(email, 'tapis rouge de ma grand-mère')).body.__type).toMatch(/NotAuthorizedException/);
  });

  it('is asked for in the account’s own language when the call names none', async () => {
    const email = await newConfirmedAccount('forgot-es', 'la alfombra roja de mi abuela', 'es');
    expect((await cognito('ForgotPassword', { ClientId: clientId(), Username: email })).status).toBe(200);
    const [message] = await outbox(email);
    expect(message!.subject).toBe(accountMessage('ForgotPassword', 'es').subject);
  });

  it('answers an address with no account as it answers one with an account, and e-mails nothing', async () => {
    const nobody = `nobody-${Date.now()}@example.ma`;
    const asked = await cognito('ForgotPassword', { ClientId: clientId(), Username: nobody, ClientMetadata: { locale: 'fr' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(await outbox(nobody)).toEqual([]);
  });
});

describe('the pool’s password policy', () => {
  it('takes a long passphrase without capitals, digits or symbols, and refuses a short password at sign-up', async () => {
    const email = `policy-${Date.now()}@example.ma`;
    const short = await cognito('SignUp', { ClientId: clientId(), Username: email, Password: 'Sh0rt-Pass!', UserAttributes: [{ Name: 'email', Value: email }] });
    expect(short.body.__type).toMatch(/InvalidPasswordException/);
    expect(await newConfirmedAccount('policy', 'oued eddahab au printemps', 'fr')).toMatch(/@example\.ma$/);
  });
});
