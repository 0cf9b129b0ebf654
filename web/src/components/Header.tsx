import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/index.ts';
import { useI18n } from '../i18n/context.ts';
import { clearSession, currentSession, isOperator, useSession } from '../auth/session.ts';
import { inLanguage, navigate, paths } from '../router.ts';
import { cartCount, useCart } from '../cart/cart.ts';
import { formatNumber } from '../format.ts';
import { CartIcon, Logo, SearchIcon } from './Icon.tsx';

/** Sticky header: skip link, brand, search, language switcher and the main navigation. */
export function Header({ query }: { query: string }): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  const [text, setText] = useState(query);
  const session = useSession();
  const operator = isOperator(session);
  const count = cartCount(useCart());
  const [signingOut, setSigningOut] = useState(false);
  useEffect(() => setText(query), [query]);

  // Revokes the refresh token at Cognito first (auth/sign-out.ts, loaded on demand), then
  // forgets the session; offline (even the module cannot load), it is forgotten all the same.
  const signOut = async () => {
    setSigningOut(true);
    const refreshToken = currentSession()?.refreshToken;
    try {
      if (refreshToken) await (await import('../auth/sign-out.ts')).revokeRefreshToken(refreshToken);
    } catch {
      // not revoked: signed out on this device only
    } finally {
      clearSession();
      setSigningOut(false);
      navigate(paths.home());
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const q = text.trim();
    if (q) navigate(paths.search(q));
  };

  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <div class="header-inner">
        <a class="brand" href={paths.home()}>
          <Logo />
          <span class="brand-name">{t('site.name')}</span>
        </a>
        <form class="search-form" role="search" action={inLanguage('/search')} method="get" onSubmit={onSubmit}>
          <label class="visually-hidden" for="site-search">
            {t('search.label')}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            enterKeyHint="search"
            autocomplete="off"
            maxLength={200}
            placeholder={t('search.placeholder')}
            value={text}
            onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="search-button">
            <SearchIcon />
            <span class="visually-hidden">{t('search.submit')}</span>
          </button>
        </form>
        <a class="cart-link" href={paths.cart()} data-testid="cart-link">
          <CartIcon />
          <span class="visually-hidden">{t('cart.title')}</span>
          {count > 0 && (
            <span class="cart-badge" data-testid="cart-count">
              {formatNumber(count, locale)}
              <span class="visually-hidden"> {t('cart.items')}</span>
            </span>
          )}
        </a>
        <div class="lang-switch">
          <label for="lang-select" class="visually-hidden">
            {t('lang.label')}
          </label>
          <select
            id="lang-select"
            value={locale}
            onChange={(event) => setLocale((event.currentTarget as HTMLSelectElement).value as Locale)}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <nav class="main-nav" aria-label={t('a11y.mainNav')}>
          <a href={paths.home()}>{t('nav.home')}</a>
          <a href={paths.shops()}>{t('nav.shops')}</a>
          {!session && (
            <a class="nav-sell" href={paths.sell()}>
              {t('nav.sell')}
            </a>
          )}
          {session && (
            <a href={paths.myPurchases()} data-testid="nav-my-purchases">
              {t('nav.myPurchases')}
            </a>
          )}
          {session && !operator && <a href={paths.dashboard()}>{t('nav.myShop')}</a>}
          {session && operator && <a href={paths.operator()}>{t('nav.operator')}</a>}
          {session && (
            <button type="button" class="nav-button" title={session.email || undefined} disabled={signingOut} onClick={signOut}>
              {t('nav.signOut')}
            </button>
          )}
        </nav>
      </div>
    </header>
  );
}
