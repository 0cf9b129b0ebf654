import type { JSX } from 'preact';
import { useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';
import { paths } from '../router.ts';

export function NotFound(): JSX.Element {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <section class="section not-found">
      <p class="not-found-code" aria-hidden="true">404</p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <a class="button" href={paths.home()}>
        {t('notFound.home')}
      </a>
    </section>
  );
}
