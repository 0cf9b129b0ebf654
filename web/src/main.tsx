import { render } from 'preact';
import { isLocalizedPage, localizedPath, splitLocalePath } from '../../shared/domain/store-urls.ts';
import { App } from './app.tsx';
import { storedLocale } from './i18n/context.ts';
import { chooseLocale, isRtl } from './i18n/index.ts';
import './styles.css';

// The URL's language (`/ar/…`), else the stored choice, else the browser's languages, else French;
// set on <html> before the first render. A store page opened without its language (the edge
// redirects those; a copy of the site served some other way may not) moves to its URL in that one.
const inUrl = splitLocalePath(location.pathname).locale;
const locale = inUrl ?? chooseLocale(storedLocale(), navigator.languages?.length ? navigator.languages : [navigator.language]);
if (!inUrl && isLocalizedPage(location.pathname)) history.replaceState(null, '', localizedPath(locale, location.pathname + location.search + location.hash));
document.documentElement.lang = locale;
document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';

render(<App initialLocale={locale} />, document.getElementById('app')!);
