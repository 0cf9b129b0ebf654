import type { JSX } from 'preact';
import { INFO_PAGES } from '../../../shared/domain/info-pages/slugs.ts';
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
          <a href={paths.shops()}>{t('nav.shops')}</a> · <a href={paths.favourites()}>{t('fav.nav')}</a> · <a href={paths.findOrders()} data-testid="footer-find-orders">{t('nav.findOrders')}</a>
        </p>
        <nav aria-label={t('footer.info')}>
          <ul class="footer-links" role="list">
            {INFO_PAGES.map((slug) => (
              <li key={slug}>
                <a href={paths.info(slug)}>{t(`info.${slug}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
