import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { answerNewPasswordChallenge, answerTotpChallenge, CognitoError, confirmSignUp, NewPasswordChallenge, resendConfirmationCode, signIn, signUp, TotpChallenge } from '../auth/cognito.ts';
import { loadConfig } from '../auth/config.ts';
import { isOperator, useSession } from '../auth/session.ts';
import { useTitle } from '../hooks.ts';
import { useFieldErrors } from './field-errors.ts';
import { navigate, paths, safeNext } from '../router.ts';
import { isEmail, normalisePhone } from './checks.ts';
import { PasswordInput, passwordOk, PasswordRules } from './PasswordFields.tsx';
import { useT } from './i18n/index.ts';
import { isolate } from './operator/ui.tsx';
import { authMessage, CodeField, Field, inputValue, useTotpForm } from './ui.tsx';

type Busy = false | 'submit' | 'resend';

/** Where to go once signed in: the page asked for, else the operator area or the dashboard. */
export function afterSignIn(next: string | null, operator: boolean) {
  navigate(safeNext(next, operator ? paths.operator() : paths.dashboard()), { replace: true });
}

export function SignUp({ next }: { next: string | null }): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('account.signUpTitle'));
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  // `exists` (that e-mail already has an account) is about the e-mail.
  const [errors, setErrors] = useFieldErrors<{ email?: string; password?: string; phone?: string; form?: string; exists?: boolean }>({ email, password, phone, exists: email });
  const [busy, setBusy] = useState<Busy>(false);
  const [confirming, setConfirming] = useState(false);

  if (session && !confirming) {
    return (
      <section class="section narrow">
        <h1>{t('account.signUpTitle')}</h1>
        <p>{t('account.alreadySignedIn', { email: session.email })}</p>
        <a class="button" href={paths.dashboard()}>{t('sell.goToShop')}</a>
      </section>
    );
  }

  if (confirming) {
    return <ConfirmCode email={email} password={password} next={next} />;
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    const normalised = normalisePhone(phone);
    if (!isEmail(email)) found.email = t('account.emailInvalid');
    if (!passwordOk(password, { email, phone: normalised })) found.password = t('account.passwordWeak');
    if (normalised === undefined) found.phone = t('err.phone');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy('submit');
    try {
      const config = await loadConfig();
      const result = await signUp(config.auth, { email: email.trim(), password, locale, ...(normalised ? { phone: normalised } : {}) });
      if (result.UserConfirmed) {
        const signed = await signIn(config.auth, email.trim(), password);
        afterSignIn(next, isOperator(signed));
      } else setConfirming(true);
    } catch (error) {
      const code = error instanceof CognitoError ? error.code : '';
      if (code === 'UsernameExistsException') setErrors({ email: authMessage(t, error), exists: true });
      else if (code === 'InvalidPasswordException') setErrors({ password: authMessage(t, error) });
      else if (code === 'InvalidParameterException' && /phone/i.test((error as Error).message)) setErrors({ phone: t('err.phone') });
      else setErrors({ form: authMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section narrow">
      <h1>{t('account.signUpTitle')}</h1>
      <p class="lead">{t('account.signUpIntro')}</p>
      <form class="form-card" onSubmit={onSubmit} noValidate>
        <Field id="signup-email" label={t('account.email')} error={errors.email}>
          {(d, invalid) => (
            <input id="signup-email" type="email" inputMode="email" autocomplete="username" dir="ltr" required value={email} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setEmail(inputValue(e))} />
          )}
        </Field>
        {errors.exists && (
          <p>
            <a href={paths.signIn(next ?? undefined)}>{t('account.goSignIn')}</a>
          </p>
        )}
        <Field
          id="signup-password"
          label={t('account.password')}
          error={errors.password}
          hint={<PasswordRules password={password} email={email} phone={normalisePhone(phone)} />}
        >
          {(d, invalid) => <PasswordInput id="signup-password" value={password} onInput={setPassword} describedBy={d} invalid={invalid} autocomplete="new-password" />}
        </Field>
        <Field id="signup-phone" label={t('account.phone')} optional hint={t('account.phoneHint')} error={errors.phone}>
          {(d, invalid) => (
            <input id="signup-phone" type="tel" inputMode="tel" autocomplete="tel" dir="ltr" placeholder="+212 6 12 34 56 78" value={phone} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setPhone(inputValue(e))} />
          )}
        </Field>
        {errors.form && (
          <p class="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" class="button" disabled={busy !== false}>
          {busy ? t('form.sending') : t('account.createAccount')}
        </button>
        <p class="form-foot">
          {t('account.haveAccount')} <a href={paths.signIn(next ?? undefined)}>{t('account.signInLink')}</a>
        </p>
      </form>
    </section>
  );
}

/** The code sent by email: confirm it, then sign in with the password just chosen (kept in memory only). */
function ConfirmCode({ email, password, next, sendFirst = false }: { email: string; password: string; next: string | null; sendFirst?: boolean }): JSX.Element {
  const { t, locale } = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<Busy>(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const resend = async () => {
    setBusy('resend');
    setError(undefined);
    try {
      const config = await loadConfig();
      await resendConfirmationCode(config.auth, email, locale);
      setNotice(t('account.codeResent', { email }));
    } catch (failure) {
      setError(authMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (sendFirst) void resend();
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!/^\s*\d{4,8}\s*$/.test(code)) {
      setError(t('account.codeFormat'));
      return;
    }
    setBusy('submit');
    setError(undefined);
    try {
      const config = await loadConfig();
      await confirmSignUp(config.auth, email, code);
      const session = await signIn(config.auth, email, password);
      afterSignIn(next, isOperator(session));
    } catch (failure) {
      setError(authMessage(t, failure));
      setBusy(false);
    }
  };

  return (
    <section class="section narrow">
      <h1>{t('account.confirmTitle')}</h1>
      <p class="lead">{t('account.confirmIntro', { email })}</p>
      <form class="form-card" onSubmit={onSubmit} noValidate>
        <CodeField id="confirm-code" label={t('account.code')} value={code} onInput={setCode} error={error} maxLength={8} />
        <p role="status" aria-live="polite" class="notice">
          {notice}
        </p>
        <div class="actions">
          <button type="submit" class="button" disabled={busy !== false}>
            {busy === 'submit' ? t('form.sending') : t('account.confirm')}
          </button>
          <button type="button" class="button button-secondary" disabled={busy !== false} onClick={resend}>
            {busy === 'resend' ? t('form.sending') : t('account.resend')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function SignIn({ next }: { next: string | null }): JSX.Element {
  const { t } = useT();
  useTitle(t('account.signInTitle'));
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [challenge, setChallenge] = useState<TotpChallenge>();
  const [newPassword, setNewPassword] = useState<NewPasswordChallenge>();

  if (unconfirmed) return <ConfirmCode email={email.trim()} password={password} next={next} sendFirst />;
  if (newPassword) {
    return (
      <ChooseNewPassword
        challenge={newPassword}
        next={next}
        onChallenge={(totp) => {
          setNewPassword(undefined);
          setChallenge(totp);
        }}
        onExpired={() => {
          setNewPassword(undefined);
          setPassword('');
          setError(t('newPassword.expired'));
        }}
      />
    );
  }
  if (challenge) {
    return (
      <TotpCode
        challenge={challenge}
        next={next}
        onExpired={() => {
          setChallenge(undefined);
          setPassword('');
          setError(t('mfa.challengeExpired'));
        }}
      />
    );
  }

  if (session && !busy) {
    return (
      <section class="section narrow">
        <h1>{t('account.signInTitle')}</h1>
        <p>{t('account.alreadySignedIn', { email: session.email })}</p>
        <a class="button" href={safeNext(next, isOperator(session) ? paths.operator() : paths.dashboard())}>
          {t('account.continue')}
        </a>
      </section>
    );
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!isEmail(email) || !password) {
      setError(t('account.fillBoth'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const config = await loadConfig();
      const signed = await signIn(config.auth, email.trim(), password);
      afterSignIn(next, isOperator(signed));
    } catch (failure) {
      if (failure instanceof TotpChallenge) setChallenge(failure);
      else if (failure instanceof NewPasswordChallenge) setNewPassword(failure);
      else if (failure instanceof CognitoError && failure.code === 'UserNotConfirmedException') setUnconfirmed(true);
      else setError(authMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section narrow">
      <h1>{t('account.signInTitle')}</h1>
      {next && <p class="lead">{t('account.signInNeeded')}</p>}
      <form class="form-card" onSubmit={onSubmit} noValidate>
        <Field id="signin-email" label={t('account.email')}>
          {(d) => <input id="signin-email" type="email" inputMode="email" autocomplete="username" dir="ltr" required value={email} aria-describedby={d} onInput={(e) => setEmail(inputValue(e))} />}
        </Field>
        <Field id="signin-password" label={t('account.password')}>
          {(d) => <PasswordInput id="signin-password" value={password} onInput={setPassword} describedBy={d} invalid={false} autocomplete="current-password" />}
        </Field>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('account.signIn')}
        </button>
        <p class="form-foot">
          <a href={paths.forgotPassword(email.trim() || undefined, next ?? undefined)}>{t('forgot.link')}</a>
        </p>
        <p class="form-foot">
          {t('account.noAccount')} <a href={paths.signUp(next ?? undefined)}>{t('account.signUpLink')}</a>
        </p>
      </form>
    </section>
  );
}

/** The second step for an account with an authenticator app (operators always): its current 6-digit code. */
function TotpCode({ challenge, next, onExpired }: { challenge: TotpChallenge; next: string | null; onExpired: () => void }): JSX.Element {
  const { t } = useT();
  const form = useTotpForm(async (code) => {
    const config = await loadConfig();
    try {
      const session = await answerTotpChallenge(config.auth, challenge, code);
      afterSignIn(next, isOperator(session));
    } catch (failure) {
      // The challenge lasts a few minutes: past that, Cognito refuses its session.
      if (failure instanceof CognitoError && failure.code === 'NotAuthorizedException') return onExpired();
      throw failure;
    }
  });

  return (
    <section class="section narrow">
      <h1>{t('mfa.challengeTitle')}</h1>
      <p class="lead">{t('mfa.challengeIntro')}</p>
      <form class="form-card" onSubmit={form.onSubmit} noValidate>
        <CodeField id="signin-totp" label={t('mfa.code')} value={form.code} onInput={form.setCode} error={form.error} maxLength={7} />
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? t('form.sending') : t('account.signIn')}
        </button>
      </form>
    </section>
  );
}

/**
 * The first sign-in of an account an operator made (an invited operator): the temporary password
 * from the invitation worked, and Cognito asks for one of the person's own, under the pool's rules.
 * An operator then lands in the console, which has them set up an authenticator app first.
 */
function ChooseNewPassword({ challenge, next, onChallenge, onExpired }: { challenge: NewPasswordChallenge; next: string | null; onChallenge: (totp: TotpChallenge) => void; onExpired: () => void }): JSX.Element {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useFieldErrors<{ password?: string; repeat?: string; form?: string }>({ password, repeat });
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!passwordOk(password, { email: challenge.email })) found.password = t('account.passwordWeak');
    else if (repeat !== password) found.repeat = t('newPassword.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const config = await loadConfig();
      const session = await answerNewPasswordChallenge(config.auth, challenge, password);
      afterSignIn(next, isOperator(session));
    } catch (failure) {
      if (failure instanceof TotpChallenge) return onChallenge(failure);
      // The challenge lasts 3 minutes: past that, Cognito refuses its session.
      if (failure instanceof CognitoError && failure.code === 'NotAuthorizedException') return onExpired();
      if (failure instanceof CognitoError && failure.code === 'InvalidPasswordException') setErrors({ password: authMessage(t, failure) });
      else setErrors({ form: authMessage(t, failure) });
      setBusy(false);
    }
  };

  return (
    <section class="section narrow" data-testid="new-password">
      <h1>{t('newPassword.title')}</h1>
      <p class="lead">{t('newPassword.intro', { email: isolate(challenge.email) })}</p>
      <form class="form-card" onSubmit={onSubmit} noValidate>
        <Field
          id="new-password"
          label={t('newPassword.password')}
          error={errors.password}
          hint={<PasswordRules password={password} email={challenge.email} />}
        >
          {(d, invalid) => <PasswordInput id="new-password" value={password} onInput={setPassword} describedBy={d} invalid={invalid} autocomplete="new-password" />}
        </Field>
        <Field id="new-password-repeat" label={t('newPassword.repeat')} error={errors.repeat}>
          {(d, invalid) => <PasswordInput id="new-password-repeat" value={repeat} onInput={setRepeat} describedBy={d} invalid={invalid} autocomplete="new-password" />}
        </Field>
        {errors.form && (
          <p class="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('newPassword.save')}
        </button>
      </form>
    </section>
  );
}
