import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ltrIsolate } from '../../../shared/domain/bidi.ts';
import { ApiRequestError } from '../api.ts';
import { useTitle } from '../hooks.ts';
import { ordersApi } from './api.ts';
import { useT } from './i18n/index.ts';
import { Field } from './ui.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Find my orders" for a guest: she types the e-mail she ordered with and is sent a fresh link to
 * each of her recent orders, in this page's language. The answer is the same whether or not that
 * address has orders (POST /api/order-links answers 202 either way).
 */
export function FindOrdersPage(): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('find.title'));
  const [email, setEmail] = useState('');
  const [state, setState] = useState<{ busy?: boolean; sentTo?: string; error?: string; fieldError?: string }>({});
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL.test(value)) return setState({ fieldError: t('find.badEmail') });
    setState({ busy: true });
    try {
      await ordersApi.findOrders(value, locale);
      setState({ sentTo: value });
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : -1;
      if (status === 400) return setState({ fieldError: t('find.badEmail') });
      setState({ error: status === 429 ? t('find.tooMany') : status === 0 ? t('err.network') : t('err.server') });
    }
  };
  return (
    <section class="section narrow-wide find-orders" aria-labelledby="find-title">
      <h1 id="find-title">{t('find.title')}</h1>
      <p>{t('find.intro')}</p>
      {state.sentTo ? (
        <div class="status-card status-approved" role="status" data-testid="find-sent">
          <p>{t('find.sent', { email: ltrIsolate(state.sentTo) })}</p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field id="find-email" label={t('find.email')} error={state.fieldError}>
            {(aria) => (
              <input id="find-email" type="email" dir="ltr" inputMode="email" autocomplete="email" maxLength={254} value={email} onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} {...aria} />
            )}
          </Field>
          <button type="submit" class="button" disabled={state.busy} data-testid="find-submit">
            {state.busy ? t('find.sending') : t('find.submit')}
          </button>
          {state.error && (
            <p class="form-error" role="alert">
              {state.error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
