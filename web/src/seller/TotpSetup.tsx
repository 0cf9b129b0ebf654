import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { otpauthUri } from '../../../shared/domain/accounts.ts';
import { freshAccessToken } from '../auth/auth-fetch.ts';
import { finishTotpSetup, signOutEverywhere, startTotpSetup } from '../auth/cognito.ts';
import { loadConfig } from '../auth/config.ts';
import { clearSession } from '../auth/session.ts';
import { navigate, paths } from '../router.ts';
import { useT } from './i18n/index.ts';
import { authMessage, CodeField, useTotpForm } from './ui.tsx';

type Step = { name: 'intro' } | { name: 'scan'; secret: string } | { name: 'done' };

/**
 * An operator without TOTP (the API answers 403 mfa_required) sets up an authenticator app:
 * the key as text and as an otpauth:// link (which opens the app on a phone), then one code from
 * the app. Then every session of the account is signed out, and the operator signs in again —
 * with the code this time, which gives the token the operator routes accept.
 */
export function TotpSetup({ email }: { email: string }): JSX.Element {
  const { t } = useT();
  const [step, setStep] = useState<Step>({ name: 'intro' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step.name]);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const [config, accessToken] = await Promise.all([loadConfig(), freshAccessToken()]);
      setStep({ name: 'scan', secret: await startTotpSetup(config.auth, accessToken) });
    } catch (failure) {
      setError(authMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const verify = useTotpForm(async (code) => {
    const [config, accessToken] = await Promise.all([loadConfig(), freshAccessToken()]);
    await finishTotpSetup(config.auth, accessToken, code);
    // No session from before the code was asked for may go on (nor renew into one that has it).
    await signOutEverywhere(config.auth, accessToken).catch(() => undefined);
    setStep({ name: 'done' });
  });

  if (step.name === 'done') {
    return (
      <section class="section narrow" data-testid="totp-done">
        <h1 ref={heading} tabIndex={-1}>{t('mfa.done')}</h1>
        <p class="lead">{t('mfa.doneText')}</p>
        <button
          type="button"
          class="button"
          onClick={() => {
            clearSession();
            navigate(paths.signIn(paths.operator()), { replace: true });
          }}
        >
          {t('mfa.signInAgain')}
        </button>
      </section>
    );
  }

  return (
    <section class="section narrow" data-testid="totp-setup">
      <h1 ref={heading} tabIndex={-1}>{t('mfa.title')}</h1>
      <p class="lead">{t('mfa.intro')}</p>
      {step.name === 'intro' ? (
        <>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" class="button" disabled={busy} onClick={start}>
            {busy ? t('form.sending') : t('mfa.start')}
          </button>
        </>
      ) : (
        <form class="form-card" onSubmit={verify.onSubmit} noValidate>
          <p>{t('mfa.step1')}</p>
          <p class="totp-secret-label" id="totp-secret-label">{t('mfa.secret')}</p>
          <p class="totp-secret" dir="ltr" aria-labelledby="totp-secret-label" data-testid="totp-secret">
            {step.secret.match(/.{1,4}/g)!.join(' ')}
          </p>
          <p>
            <a class="button button-secondary" href={otpauthUri(step.secret, email)} rel="external">
              {t('mfa.openApp')}
            </a>
          </p>
          <p>{t('mfa.step2')}</p>
          <CodeField id="totp-code" label={t('mfa.code')} value={verify.code} onInput={verify.setCode} error={verify.error} maxLength={7} />
          <button type="submit" class="button" disabled={verify.busy}>
            {verify.busy ? t('form.sending') : t('mfa.verify')}
          </button>
        </form>
      )}
    </section>
  );
}
