import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { OperatorShopPreview } from '../../../../shared/api/operator.ts';
import { Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { useAsync, useTitle } from '../../hooks.ts';
import { useLocalized } from '../../i18n/context.ts';
import { ShopView } from '../../pages/Shop.tsx';
import { paths } from '../../router.ts';
import { useT } from '../i18n/index.ts';
import { ShopReview } from '../Operator.tsx';
import { ShopForm } from '../ShopForm.tsx';
import { consoleApi } from './console-api.ts';
import { ConsoleError } from './ui.tsx';

/**
 * One shop in the console: its review card (decisions: approve, reject, suspend, reinstate), its
 * page exactly as shoppers will see it — the store's own shop page, fed by the console's preview —
 * and its profile, edited under the artisan's own rules.
 */
export function ShopPage({ shopId, tab }: { shopId: string; tab: 'preview' | 'edit' }): JSX.Element {
  const { t } = useT();
  const pick = useLocalized();
  // Read again when the view changes, so the preview shows an edit just saved.
  const loaded = useAsync((signal) => consoleApi.shop(shopId, {}, signal), [shopId, tab]);
  useTitle(loaded.status === 'ok' ? pick(loaded.data.shop.name).text : t('opnav.shops'));
  const [decided, setDecided] = useState<string>();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ConsoleError error={loaded.error} onRetry={loaded.retry} />;
  const { shop, preview }: OperatorShopPreview = loaded.data;
  const tabs: ['preview' | 'edit', string][] = [
    ['preview', t('console.shop.preview')],
    ['edit', t('console.shop.edit')],
  ];
  return (
    <>
      <p>
        <a href={paths.operator(shop.status === 'pending' ? undefined : shop.status)}>{t('console.shop.back')}</a>
      </p>
      <Text as="h1" value={shop.name} />
      {decided ? (
        <p class="op-done" role="status">
          {decided}
        </p>
      ) : (
        <ShopReview
          shop={shop}
          linkToPage={false}
          onDecided={(message) => {
            setDecided(message);
            loaded.retry();
          }}
        />
      )}
      <nav class="filter-chips" aria-label={t('console.shop.views')}>
        {tabs.map(([value, label]) => (
          <a key={value} class="chip-button" href={paths.operatorShop(shop.id, value === 'edit' ? 'edit' : undefined)} aria-current={value === tab ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {tab === 'preview' ? (
        <>
          <div class="preview-banner console-preview-banner" role="note">
            <div class="preview-banner-inner">
              <p>
                <strong>{t('console.shop.preview')}</strong> {shop.status === 'approved' ? t('console.shop.previewLive') : t('console.shop.previewPending')}
              </p>
            </div>
          </div>
          <div class="preview-frame" data-testid="shop-preview">
            <ShopView detail={preview} morePages={async (cursor, signal) => (await consoleApi.shop(shop.id, { ...(cursor ? { cursor } : {}), limit: 24 }, signal)).preview.products} />
          </div>
        </>
      ) : (
        <section aria-labelledby="shop-edit-title">
          <h2 id="shop-edit-title">{t('console.shop.edit')}</h2>
          <p class="lead">{t('console.shop.editIntro')}</p>
          <ShopForm mode="edit" shop={shop} save={(changes) => consoleApi.editShop(shop.id, changes)} onSaved={() => undefined} />
        </section>
      )}
    </>
  );
}
