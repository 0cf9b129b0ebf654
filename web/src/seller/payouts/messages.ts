import { useAreaMessages } from '../../area-messages.ts';
import { intlLocale } from '../../format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { Locale } from '../../i18n/index.ts';
import { loadedPayoutsMessages, loadPayoutsMessages, payoutsTranslator, type PayoutsT } from './i18n/index.ts';

/** The payouts pages' messages in the page's language (a lazy chunk): `t` once loaded. */
export function usePayoutsT(): { t?: PayoutsT; locale: Locale; failed: unknown; retry: () => void } {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedPayoutsMessages, loadPayoutsMessages);
  return { ...(messages ? { t: payoutsTranslator(messages) } : {}), locale, failed, retry };
}

/** A month (`2026-11`) as the language names it: "novembre 2026", "نونبر 2026". */
export const formatMonth = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(new Date(`${month}-01T12:00:00Z`));

/** This month and the `count − 1` before it, newest first (`YYYY-MM`, UTC: the journal's months). */
export function recentMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}
