import { useMemo } from 'preact/hooks';
import { interpolate, type Locale, type Params } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/context.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

/**
 * The seller area's own messages: they ship in its lazy chunk, not in the public store's
 * first load. French is the reference; each catalogue is typed against it.
 */
export type SellerKey = keyof typeof fr;
export type SellerMessages = Record<SellerKey, string>;
export type SellerT = (key: SellerKey, params?: Params) => string;

export const sellerCatalogues: Record<Locale, SellerMessages> = { ar, fr, en, es };

export function sellerTranslator(locale: Locale): SellerT {
  const messages = sellerCatalogues[locale];
  return (key, params) => interpolate(messages[key], params);
}

/** The seller area's translator, plus the store's own (`t0`) and the locale. */
export function useT() {
  const i18n = useI18n();
  const t = useMemo(() => sellerTranslator(i18n.locale), [i18n.locale]);
  return { t, t0: i18n.t, locale: i18n.locale };
}
