import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { CognitoError, confirmForgotPassword, forgotPassword, NewPasswordChallenge, signIn, TotpChallenge } from '../auth/cognito.ts';
import { loadConfig } from '../auth/config.ts';
import { isOperator } from '../auth/session.ts';
import { useTitle } from '../hooks.ts';
import { useFieldErrors } from './field-errors.ts';
import { navigate, paths } from '../router.ts';
import { afterSignIn } from './Account.tsx';
import { isEmail } from './checks.ts';
import { useT } from './i18n/index.ts';
import { isolate } from './operator/ui.tsx';
import { PasswordInput, passwordOk, PasswordRules } from './PasswordFields.tsx';
import { authMessage, CodeField, Field, inputValue } from './ui.tsx';

/**
 * A forgotten password, in two steps on one page: the e-mail address (a code is sent to it, in
 * the person's language — functions/auth/custom-message.ts), then the code and a new password.
 * The first step says the same whether or not the address has an account. Once the new password
 * is set, the person is signed in with it (an account with an authenticator app goes on to its
 * code at the sign-in page).
 */
export function ForgotPassword({ email: given, next }: { email: string; next: string | null }): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('forgot.title'));
  const [email, setEmail] = useState(given);
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useFieldErrors<{ email?: string; code?: string; password?: string; form?: string }>({ email, code, password });
  const [busy, setBusy] = useState(false);

  const send = async (event?: Event) => {
    event?.preventDefault();
    if (!isEmail(email)) return setErrors({ email: t('account.emailInvalid') });
    setErrors({});
    setBusy(true);
    try {
      const config = await loadConfig();
      await forgotPassword(config.auth, email.trim(), locale);
      setSent(true);
    } catch (failure) {
      setErrors({ form: authMessage(t, failure) });
    } finally {
      setBusy(false);
    }
  };

  const reset = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!/^\s*\d{6}\s*$/.test(code)) found.code = t('forgot.codeInvalid');
    if (!passwordOk(password, { email })) found.password = t('account.passwordWeak');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const config = await loadConfig();
      await confirmForgotPassword(config.auth, email.trim(), code, password);
      try {
        const session = await signIn(config.auth, email.trim(), password);
        afterSignIn(next, isOperator(session));
      } catch (failure) {
        // An authenticator app (or another step) comes next: the sign-in page asks for it.
        if (failure instanceof TotpChallenge || failure instanceof NewPasswordChallenge) navigate(paths.signIn(next ?? undefined), { replace: true });
        else throw failure;
      }
    } catch (failure) {
      const name = failure instanceof CognitoError ? failure.code : '';
      if (name === 'CodeMismatchException' || name === 'ExpiredCodeException') setErrors({ code: authMessage(t, failure) });
      else if (name === 'InvalidPasswordException') setErrors({ password: authMessage(t, failure) });
      else setErrors({ form: authMessage(t, failure) });
      setBusy(false);
    }
  };

  const formError = errors.form && (
    <p class="form-error" role="alert">
      {errors.form}
    </p>
  );

  if (!sent) {
    return (
      <section class="section narrow" data-testid="forgot-password">
        <h1>{t('forgot.title')}</h1>
        <p class="lead">{t('forgot.intro')}</p>
        <form class="form-card" onSubmit={send} noValidate>
          <Field id="forgot-email" label={t('account.email')} error={errors.email}>
            {(d, invalid) => (
              <input id="forgot-email" type="email" inputMode="email" autocomplete="username" dir="ltr" required value={email} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setEmail(inputValue(e))} />
            )}
          </Field>
          {formError}
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('form.sending') : t('forgot.send')}
          </button>
          <p class="form-foot">
            <a href={paths.signIn(next ?? undefined)}>{t('forgot.back')}</a>
          </p>
        </form>
      </section>
    );
  }

  return (
    <section class="section narrow" data-testid="reset-password">
      <h1>{t('forgot.title')}</h1>
      <p class="lead" role="status">
        {t('forgot.sent', { email: isolate(email.trim()) })}
      </p>
      <form class="form-card" onSubmit={reset} noValidate>
        <CodeField id="forgot-code" label={t('forgot.code')} value={code} onInput={setCode} error={errors.code} maxLength={6} />
        <Field id="forgot-password" label={t('newPassword.password')} error={errors.password} hint={<PasswordRules password={password} email={email} />}>
          {(d, invalid) => <PasswordInput id="forgot-password" value={password} onInput={setPassword} describedBy={d} invalid={invalid} autocomplete="new-password" />}
        </Field>
        {formError}
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('form.sending') : t('forgot.save')}
          </button>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => void send()}>
            {t('forgot.resend')}
          </button>
        </div>
      </form>
    </section>
  );
}
