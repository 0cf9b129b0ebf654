import { render } from 'preact';
import { App } from './app.tsx';
import { storedLocale } from './i18n/context.ts';
import { chooseLocale, isRtl } from './i18n/index.ts';
import './styles.css';

// Stored choice, else the browser's languages, else French; set on <html> before the first render.
const locale = chooseLocale(storedLocale(), navigator.languages?.length ? navigator.languages : [navigator.language]);
document.documentElement.lang = locale;
document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';

render(<App initialLocale={locale} />, document.getElementById('app')!);
