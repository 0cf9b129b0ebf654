import { createContext, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../../../shared/api/artisan.ts';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Text } from '../components/Text.tsx';
import { useAsync, useTitle } from '../hooks.ts';
import { paths, type SellerPage } from '../router.ts';
import { sellerApi } from './api.ts';
import { homeSummary } from './home/home-summary.ts';
import { useT } from './i18n/index.ts';
import { ProductEditor } from './ProductEditor.tsx';
import { Earnings } from './Earnings.tsx';
import { Statement } from './payouts/Statement.tsx';
import { Orders } from './Orders.tsx';
import { ProductList } from './ProductList.tsx';
import { MyReviews } from './MyReviews.tsx';
import { Notifications } from './notifications/Notifications.tsx';
import { Preview } from './Preview.tsx';
import { Sales } from './sales/Sales.tsx';
import { ShopForm } from './ShopForm.tsx';
import { Wizard } from './Wizard.tsx';
import { Home } from './home/Home.tsx';
import { StockSheet } from './home/StockSheet.tsx';
import type { MyHome } from '../../../shared/api/home.ts';
import { formatNumber } from '../format.ts';

export interface MeState {
  me: Me;
  /** Loads /api/me again (after applying, saving the profile or onboarding). */
  reload: () => void;
}

export const MeContext = createContext<MeState | undefined>(undefined);
export const useMe = () => useContext(MeContext)!;

/** The artisan's area: where their application stands, the guided onboarding, products. */
export function Dashboard({ page, query }: { page: SellerPage; query: URLSearchParams }): JSX.Element {
  // Read again on each page of the area, so a decision or a finished onboarding shows at once.
  const me = useAsync((signal) => sellerApi.me(signal), [page.name]);
  if (me.status === 'loading') return <section class="section"><Loading /></section>;
  if (me.status === 'error') return <section class="section"><ErrorState error={me.error} onRetry={me.retry} /></section>;
  return (
    <MeContext.Provider value={{ me: me.data, reload: me.retry }}>
      <DashboardPage page={page} query={query} me={me.data} />
    </MeContext.Provider>
  );
}

function DashboardPage({ page, query, me }: { page: SellerPage; query: URLSearchParams; me: Me }): JSX.Element {
  const shop = me.shop;
  if (!shop) return <Apply />;
  if (page.name === 'notifications') return <NotificationsPage shop={shop} email={me.user.email} />;
  if (shop.status !== 'approved') return <ApplicationStatus shop={shop} />;
  const finished = me.onboarding?.finished === true;
  switch (page.name) {
    case 'welcome':
      return <Wizard />;
    case 'shopProfile':
      return (
        <Shell shop={shop} current="shop">
          <ShopProfile shop={shop} />
        </Shell>
      );
    case 'products':
      return (
        <Shell shop={shop} current="products">
          <ProductList status={query.get('status')} />
        </Shell>
      );
    case 'newProduct':
      return (
        <Shell shop={shop} current="products">
          <ProductEditor key="new" />
        </Shell>
      );
    case 'editProduct':
      return (
        <Shell shop={shop} current="products">
          <ProductEditor key={page.productId} productId={page.productId} />
        </Shell>
      );
    case 'orders':
      return (
        <Shell shop={shop} current="orders">
          <Orders status={query.get('status')} order={query.get('order')} />
        </Shell>
      );
    case 'parcel':
      return (
        <Shell shop={shop} current="orders">
          <Print orderId={page.orderId} format={query.get('format')} />
        </Shell>
      );
    case 'earnings':
      return (
        <Shell shop={shop} current="earnings">
          <Earnings />
        </Shell>
      );
    case 'statement':
      return (
        <Shell shop={shop} current="earnings">
          <Statement key={page.month} month={page.month} />
        </Shell>
      );
    case 'sales':
      return (
        <Shell shop={shop} current="sales">
          <Sales />
        </Shell>
      );
    case 'myReviews':
      return (
        <Shell shop={shop} current="reviews">
          <MyReviews />
        </Shell>
      );
    case 'stockSheet':
      return (
        <Shell shop={shop} current="products">
          <StockSheet />
        </Shell>
      );
    case 'previewProduct':
      return <Preview productId={page.productId} shop={shop} />;
    default:
      return <Landing shop={shop} finished={finished} />;
  }
}

/** A parcel's label and packing slip: its own chunk (the QR encoder stays out of the rest of the seller area). */
function Print({ orderId, format }: { orderId: string; format: string | null }): JSX.Element {
  const module = useAsync(() => import('./print/PrintPage.tsx'), []);
  if (module.status === 'loading') return <Loading />;
  if (module.status === 'error') return <ErrorState error={module.error} onRetry={module.retry} />;
  const { PrintPage, printFormat } = module.data;
  return <PrintPage orderId={orderId} format={printFormat(format)} />;
}

/**
 * Where /dashboard lands: a returning artisan (live products or any order) on her home, what
 * needs doing first; a beginner who has not finished it in the training (web/src/seller/home/).
 */
function Landing({ shop, finished }: { shop: Shop; finished: boolean }): JSX.Element {
  const home = useAsync(() => homeSummary(shop.id, () => sellerApi.myHome()), []);
  if (home.status === 'loading') return <section class="section"><Loading /></section>;
  if (home.status === 'error') return <section class="section"><ErrorState error={home.error} onRetry={home.retry} /></section>;
  if (!home.data.returning && !finished) return <Wizard />;
  return (
    <Shell shop={shop} current="home" home={home.data}>
      <Home home={home.data} onChanged={home.retry} />
    </Shell>
  );
}

type Tab = 'home' | 'sales' | 'orders' | 'earnings' | 'products' | 'reviews' | 'shop' | 'help';

/**
 * The approved artisan's frame: shop name, link to the public shop, and the sections; the orders
 * tab counts the parcels waiting for her (from her home: `home` when the page has it already).
 */
function Shell({ shop, current, children, home }: { shop: Shop; current: Tab; children: JSX.Element; home?: MyHome }): JSX.Element {
  const { t, locale } = useT();
  const fetched = useAsync(() => (home ? Promise.resolve(home) : homeSummary(shop.id, () => sellerApi.myHome())), [current, home]);
  const waiting = fetched.status === 'ok' ? fetched.data.orders.toAccept.count + fetched.data.orders.toShip.count : 0;
  const tabs: [Tab, string, string][] = [
    ['home', paths.dashboard(), t('dash.home')],
    ['sales', paths.mySales(), t('dash.sales')],
    ['orders', paths.myOrders(), t('dash.orders')],
    ['earnings', paths.myEarnings(), t('dash.earnings')],
    ['products', paths.myProducts(), t('dash.products')],
    ['reviews', paths.myReviews(), t('dash.reviews')],
    ['shop', paths.shopProfile(), t('dash.shopProfile')],
    ['help', paths.help(), t('dash.help')],
  ];
  return (
    <section class="section dashboard">
      <div class="dash-head">
        <div>
          <p class="kicker">{t('dash.myShop')}</p>
          <Text as="h1" value={shop.name} class="dash-title" />
        </div>
        <a class="button button-secondary button-small" href={paths.shop(shop.slug)}>
          {t('dash.viewPublic')}
        </a>
      </div>
      <nav class="dash-nav" aria-label={t('dash.sections')}>
        {tabs.map(([tab, href, label]) => (
          <a key={tab} href={href} aria-current={tab === current ? 'page' : undefined} data-tab={tab}>
            {label}
            {tab === 'orders' && waiting > 0 && (
              <span class="count-badge tab-badge" data-testid="orders-badge">
                {formatNumber(waiting, locale)}
              </span>
            )}
          </a>
        ))}
      </nav>
      {children}
    </section>
  );
}

function Apply(): JSX.Element {
  const { t } = useT();
  const { reload } = useMe();
  useTitle(t('apply.title'));
  return (
    <section class="section narrow-wide">
      <h1>{t('apply.title')}</h1>
      <p class="lead">{t('apply.intro')}</p>
      <ShopForm mode="apply" onSaved={reload} />
    </section>
  );
}

function ShopProfile({ shop }: { shop: Shop }): JSX.Element {
  const { t } = useT();
  const { reload } = useMe();
  useTitle(t('dash.shopProfile'));
  return (
    <>
      <h2>{t('dash.shopProfile')}</h2>
      <p class="notify-link">
        <a href={paths.myNotifications()}>{t('dash.notifications')}</a>
      </p>
      <ShopForm mode="edit" shop={shop} onSaved={reload} />
    </>
  );
}

/** Her notification settings: inside the shop's area once approved; on their own while the application waits. */
function NotificationsPage({ shop, email }: { shop: Shop; email: string }): JSX.Element {
  // Not reloaded after a save (the form keeps what it saved; /api/me is read again on the next page).
  const settings = <Notifications shop={shop} email={email} />;
  if (shop.status === 'approved')
    return (
      <Shell shop={shop} current="shop">
        {settings}
      </Shell>
    );
  return <section class="section narrow-wide">{settings}</section>;
}

/** Pending, rejected or suspended: the artisan always sees where the application stands. */
function ApplicationStatus({ shop }: { shop: Shop }): JSX.Element {
  const { t, locale } = useT();
  const { reload } = useMe();
  useTitle(t(`status.${shop.status}.title` as const));
  const date = (iso: string | undefined) => (iso ? new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : locale, { dateStyle: 'long' }).format(new Date(iso)) : '');
  const steps = [
    { key: 'status.stepSent', done: true },
    { key: 'status.stepReview', done: shop.status !== 'pending', current: shop.status === 'pending' },
    { key: 'status.stepDecision', done: false, current: shop.status !== 'pending' },
  ] as const;
  return (
    <section class="section narrow-wide">
      <p class="kicker">{t('dash.myShop')}</p>
      <Text as="h1" value={shop.name} />
      <div class={`status-card status-${shop.status}`} role="status" data-testid="application-status">
        <h2>{t(`status.${shop.status}.title` as const)}</h2>
        <p>{t(`status.${shop.status}.text` as const, { date: date(shop.createdAt) })}</p>
        {shop.status === 'rejected' && shop.rejectionReason && (
          <blockquote class="reason">
            <p class="reason-label">{t('status.reasonLabel')}</p>
            <p>{shop.rejectionReason}</p>
          </blockquote>
        )}
        {shop.status === 'suspended' && shop.suspensionReason && (
          <blockquote class="reason">
            <p class="reason-label">{t('status.reasonLabel')}</p>
            <p>{shop.suspensionReason}</p>
          </blockquote>
        )}
      </div>
      {shop.status === 'pending' && (
        <ol class="timeline">
          {steps.map((step) => (
            <li key={step.key} class={step.done ? 'done' : 'current' in step && step.current ? 'current' : ''} aria-current={'current' in step && step.current ? 'step' : undefined}>
              {t(step.key)}
            </li>
          ))}
        </ol>
      )}
      {shop.status === 'pending' && <p>{t('status.meanwhile')}</p>}
      {shop.status !== 'suspended' && (
        <p class="notify-link">
          <a href={paths.myNotifications()}>{t('dash.notifications')}</a>
        </p>
      )}
      {shop.status === 'rejected' && (
        <>
          <h2>{t('status.fixTitle')}</h2>
          <p>{t('status.fixText')}</p>
          <ShopForm mode="reapply" shop={shop} onSaved={reload} />
        </>
      )}
      {shop.status === 'suspended' && <p>{t('status.suspendedHelp')}</p>}
    </section>
  );
}
