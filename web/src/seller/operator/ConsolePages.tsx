import type { JSX } from 'preact';
import { isOperator, mfaOf, useSession } from '../../auth/session.ts';
import type { ConsolePage } from '../../router.ts';
import { useT } from '../i18n/index.ts';
import { TotpSetup } from '../TotpSetup.tsx';
import { OperatorNav, type OperatorTab } from './OperatorNav.tsx';
import { ProductPage } from './ProductPage.tsx';
import { Products } from './Products.tsx';
import { Reviews } from './Reviews.tsx';
import { Settings } from './Settings.tsx';
import { ShopPage } from './ShopPage.tsx';
import { Money } from './money/Money.tsx';
import { Team } from './Team.tsx';
import { Payouts } from '../payouts/Payouts.tsx';
import { Statement } from '../payouts/Statement.tsx';
import { NotOperator } from './ui.tsx';
import './console.css';

/**
 * The operator console's products, shops, settings and team pages: a chunk of its own, loaded
 * when an operator opens one (artisans never download it). Operators only, with TOTP: without it
 * (the token says so, or the API answers mfa_required) the setup comes first.
 */
export function ConsolePages({ page, query }: { page: ConsolePage; query: URLSearchParams }): JSX.Element {
  const { t } = useT();
  const session = useSession();
  if (!isOperator(session)) return <NotOperator />;
  if (mfaOf(session) === 'none') return <TotpSetup email={session!.email} />;
  const section: OperatorTab =
    page.name === 'operatorShop' ? 'shops' : page.name === 'operatorSettings' ? 'settings' : page.name === 'operatorTeam' ? 'team' : page.name === 'operatorPayouts' || page.name === 'operatorStatement' ? 'payouts' : page.name === 'operatorMoney' ? 'money' : page.name === 'operatorReviews' ? 'reviews' : 'products';
  return (
    <section class="section operator console">
      <p class="kicker">{t('op.title')}</p>
      <OperatorNav current={section} />
      <ConsolePage page={page} query={query} />
    </section>
  );
}

function ConsolePage({ page, query }: { page: ConsolePage; query: URLSearchParams }): JSX.Element {
  switch (page.name) {
    case 'operatorProducts':
      return <Products q={query.get('q')} shop={query.get('shop')} />;
    case 'operatorProduct':
      return <ProductPage key={page.productId} productId={page.productId} />;
    case 'operatorShop':
      return <ShopPage key={page.shopId} shopId={page.shopId} tab={query.get('tab') === 'edit' ? 'edit' : 'preview'} />;
    case 'operatorSettings':
      return <Settings />;
    case 'operatorTeam':
      return <Team />;
    case 'operatorPayouts':
      return <Payouts batchId={query.get('batch')} />;
    case 'operatorStatement':
      return <Statement key={`${page.shopId}-${page.month}`} shopId={page.shopId} month={page.month} />;
    case 'operatorMoney':
      return <Money query={query} />;
    case 'operatorReviews':
      return <Reviews status={query.get('status')} />;
  }
}
