import type { JSX } from 'preact';
import { ApiRequestError } from '../api.ts';
import { useI18n } from '../i18n/context.ts';

/** A polite, announced loading indicator. */
export function Loading(): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{t('status.loading')}</span>
    </div>
  );
}

/** An error with what to do about it, and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }): JSX.Element {
  const { t } = useI18n();
  const network = error instanceof ApiRequestError ? error.isNetwork : error instanceof TypeError;
  return (
    <div class="error-state" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{network ? t('error.network') : t('error.generic')}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}

export const isNotFound = (error: unknown) =>
  error instanceof ApiRequestError && (error.isNotFound || (error.status === 400 && Boolean(error.fields)));
