import { useMemo } from 'preact/hooks';
import { STORE_TIME_ZONE } from '../../../../shared/domain/store-day.ts';
import { intlLocale } from '../../format.ts';
import { useT } from '../i18n/index.ts';

/** Times as the operators read them: in Morocco's time zone (the console's days are Morocco's), in the page's language. */
export function useStoreTime(): (iso: string) => string {
  const { locale } = useT();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: STORE_TIME_ZONE });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}
