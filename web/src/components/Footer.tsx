import type { JSX } from 'preact';
import { useI18n } from '../i18n/context.ts';
import { paths } from '../router.ts';

export function Footer(): JSX.Element {
  const { t } = useI18n();
  return (
    <footer class="site-footer">
      <div class="footer-inner">
        <p class="footer-brand">{t('site.name')}</p>
        <p>{t('footer.about')}</p>
        <p>{t('footer.currency')}</p>
        <p>
          <a href={paths.shops()}>{t('nav.shops')}</a>
        </p>
      </div>
    </footer>
  );
}
