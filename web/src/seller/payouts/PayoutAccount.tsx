import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useFieldErrors } from '../field-errors.ts';
import type { PayoutAccountAnswer } from '../../../../shared/api/payouts.ts';
import type { PayoutAccountView } from '../../../../shared/domain/payouts.ts';
import { bankOf, groupRib, ribDigits, ribProblem } from '../../../../shared/domain/rib.ts';
import { formatDay } from '../../format.ts';
import { useT } from '../i18n/index.ts';
import { apiErrors, Field, inputValue, type Errors } from '../ui.tsx';
import { sellerApi } from '../api.ts';
import type { PayoutsT } from './i18n/index.ts';

/**
 * Where the artisan is paid: the RIB (masked) and its holder; adding or changing it takes the RIB
 * (checked here as the API does: 24 digits and the check key) and then the code e-mailed to them.
 */
export function PayoutAccount({ t, account, pending, onChanged }: { t: PayoutsT; account?: PayoutAccountView; pending?: { last4: string }; onChanged: (account: PayoutAccountView) => void }): JSX.Element {
  const { t: st, locale } = useT();
  const [step, setStep] = useState<'view' | 'form' | 'code'>(pending ? 'code' : 'view');
  const [rib, setRib] = useState('');
  const [holder, setHolder] = useState(account?.holder ?? '');
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState(pending?.last4 ?? '');
  const [errors, setErrors] = useFieldErrors<Errors>({ rib, holder, code });
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const ribError = (value: string) => {
    const problem = ribProblem(value);
    return problem === 'length' ? t('rib.err.length', { n: ribDigits(value).length }) : problem ? t(`rib.err.${problem}`) : undefined;
  };
  const send = async (body: { rib: string; holder: string } | { code: string }) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const answer: PayoutAccountAnswer = await sellerApi.payoutAccount(body);
      if (answer.status === 'code_sent') {
        setLast4(answer.last4);
        setStep('code');
      } else {
        setDone(true);
        setStep('view');
        setRib('');
        setCode('');
        setHolder(answer.account.holder);
        onChanged(answer.account);
      }
      setErrors({});
    } catch (error) {
      const { fields, message: text } = apiErrors(st, error);
      setErrors({ rib: fields['payoutAccount.rib'] ?? '', holder: fields['payoutAccount.holder'] ?? '', code: fields['payoutAccount.code'] ?? '' });
      setMessage(text);
    } finally {
      setBusy(false);
    }
  };
  const submitRib = (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    const bad = ribError(rib);
    if (bad) found.rib = bad;
    if (holder.trim().length < 2) found.holder = t('rib.err.holder');
    setErrors(found);
    if (Object.keys(found).length === 0) void send({ rib: ribDigits(rib), holder: holder.trim() });
  };
  const submitCode = (event: Event) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) return setErrors({ code: t('rib.err.code') });
    void send({ code });
  };
  const bank = bankOf(rib);
  return (
    <section class="payout-account" aria-labelledby="payout-account-title" data-testid="payout-account">
      <h3 id="payout-account-title">{t('rib.title')}</h3>
      <p class="hint">{t('rib.intro')}</p>
      {done && (
        <p class="op-done" role="status">
          {t('rib.changed')}
        </p>
      )}
      {step === 'view' && (
        <>
          {account ? (
            <div class="payout-account-card">
              <p>
                <strong dir="ltr" data-testid="rib-masked">{account.masked}</strong> · {account.holder}
              </p>
              {account.bank && <p class="hint">{t('rib.bank', { bank: account.bank })}</p>}
              {account.heldUntil && <p class="notice">{t('rib.held', { date: formatDay(account.heldUntil, locale) })}</p>}
            </div>
          ) : (
            <p class="empty">{t('rib.none')}</p>
          )}
          <button type="button" class="button button-secondary" onClick={() => setStep('form')}>
            {account ? t('rib.change') : t('rib.add')}
          </button>
        </>
      )}
      {step === 'form' && (
        <form class="payout-account-form" onSubmit={submitRib} noValidate>
          <Field id="rib-number" label={t('rib.number')} hint={t('rib.numberHint')} error={errors.rib || undefined}>
            {(describedBy, invalid) => (
              <input
                id="rib-number"
                name="rib"
                dir="ltr"
                inputMode="numeric"
                autoComplete="off"
                maxLength={32}
                value={rib}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => setRib(inputValue(e))}
              />
            )}
          </Field>
          {ribDigits(rib).length === 24 && !ribProblem(rib) && (
            <p class="hint" dir="ltr" data-testid="rib-grouped">
              {groupRib(rib)}
              {bank ? ` · ${bank}` : ''}
            </p>
          )}
          <Field id="rib-holder" label={t('rib.holder')} error={errors.holder || undefined}>
            {(describedBy, invalid) => <input id="rib-holder" name="holder" autoComplete="name" maxLength={70} value={holder} aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => setHolder(inputValue(e))} />}
          </Field>
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('rib.send')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setStep('view')}>
              {t('rib.cancel')}
            </button>
          </div>
        </form>
      )}
      {step === 'code' && (
        <form class="payout-account-form" onSubmit={submitCode} noValidate>
          <p role="status">{t('rib.codeSent', { last4 })}</p>
          <Field id="rib-code" label={t('rib.code')} error={errors.code || undefined}>
            {(describedBy, invalid) => (
              <input id="rib-code" name="code" dir="ltr" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => setCode(inputValue(e).replace(/\D/g, ''))} />
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('rib.confirm')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setStep('form')}>
              {t('rib.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p class="field-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
