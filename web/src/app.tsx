import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { applyLocale, I18nContext, type I18n } from './i18n/context.ts';
import { translator, type Locale } from './i18n/index.ts';
import { Category } from './pages/Category.tsx';
import { Favourites } from './pages/Favourites.tsx';
import { Home } from './pages/Home.tsx';
import { InfoPage } from './pages/InfoPage.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Product } from './pages/Product.tsx';
import { Search } from './pages/Search.tsx';
import { Shop } from './pages/Shop.tsx';
import { Shops } from './pages/Shops.tsx';
import { localizedPath, splitLocalePath } from '../../shared/domain/store-urls.ts';
import { syncHead } from './head.ts';
import { navigate, parseLocation, setLinkLocale, startRouter, subscribe, type Location, type SellerPage, type ShopperPage } from './router.ts';
import { ErrorState, Loading } from './components/Status.tsx';
import { useAsync } from './hooks.ts';

/** The artisans' and operators' area: its own lazily loaded chunk, never downloaded by shoppers. */
const loadSeller = () => import('./seller/SellerArea.tsx');

function Seller({ page, query }: { page: SellerPage; query: URLSearchParams }): JSX.Element {
  const module = useAsync(() => loadSeller(), []);
  if (module.status === 'loading') return <section class="section"><Loading /></section>;
  if (module.status === 'error') return <section class="section"><ErrorState error={module.error} onRetry={module.retry} /></section>;
  const { SellerArea } = module.data;
  return <SellerArea page={page} query={query} />;
}

/** The cart, checkout and order pages: a lazy chunk too, fetched when a shopper opens one. */
const loadShopper = () => import('./checkout/ShopperArea.tsx');

function Shopper({ page, query }: { page: ShopperPage; query: URLSearchParams }): JSX.Element {
  const module = useAsync(() => loadShopper(), []);
  if (module.status === 'loading') return <section class="section"><Loading /></section>;
  if (module.status === 'error') return <section class="section"><ErrorState error={module.error} onRetry={module.retry} /></section>;
  const { ShopperArea } = module.data;
  return <ShopperArea page={page} query={query} />;
}

const current = () => parseLocation(location.pathname + location.search);

function Page({ where }: { where: Location }): JSX.Element {
  const { route, query } = where;
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'category':
      return <Category slug={route.category} query={query} />;
    case 'search':
      return <Search query={query} />;
    case 'product':
      return <Product productId={route.productId} />;
    case 'shop':
      return <Shop slug={route.slug} />;
    case 'shops':
      return <Shops />;
    case 'info':
      return <InfoPage slug={route.slug} key={route.slug} />;
    case 'favourites':
      return <Favourites />;
    case 'seller':
      return <Seller page={route.page} query={query} />;
    case 'shopper':
      return <Shopper page={route.page} query={query} />;
    default:
      return <NotFound />;
  }
}

export function App({ initialLocale }: { initialLocale: Locale }): JSX.Element {
  const [locale, setLocaleState] = useState(initialLocale);
  const [where, setWhere] = useState(current);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A page's URL names its language: links are written in it, and the language switcher moves to
  // the same page's URL in the new one (replacing the history entry: a language is not a step back).
  const shown = where.locale ?? locale;
  setLinkLocale(shown);
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
    const here = location.pathname + location.search + location.hash;
    if (splitLocalePath(location.pathname).locale) navigate(localizedPath(next, here), { replace: true });
  }, []);
  // Back or forward to a URL in another language: the page speaks it.
  useEffect(() => {
    if (where.locale && where.locale !== locale) {
      applyLocale(where.locale, { remember: false });
      setLocaleState(where.locale);
    }
  }, [where.locale]);
  const i18n = useMemo<I18n>(() => ({ locale: shown, t: translator(shown), setLocale }), [shown, setLocale]);

  useEffect(() => {
    const stop = startRouter();
    const unsubscribe = subscribe(() => setWhere(current()));
    return () => {
      stop();
      unsubscribe();
    };
  }, []);

  // On each client-side navigation: back to the top, and focus the main region so that
  // screen readers and keyboard users start on the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
    // The server wrote the first page's head; another page's canonical and alternates are this one's.
    syncHead(location.pathname, shown);
  }, [where.path]);

  const searchQuery = where.route.name === 'search' ? (where.query.get('q') ?? '') : '';

  return (
    <I18nContext.Provider value={i18n}>
      <Header query={searchQuery} />
      <main id="main" ref={main} tabIndex={-1}>
        <Page where={where} key={where.route.name} />
      </main>
      <Footer />
    </I18nContext.Provider>
  );
}
