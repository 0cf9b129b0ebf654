/**
 * The information pages' names and limits, without zod or the default texts: what the web store's
 * main bundle imports (zod there would trip the store's CSP, which forbids eval). See index.ts.
 */
export const INFO_PAGES = ['about', 'contact', 'legal', 'terms', 'returns', 'privacy'] as const;
export type InfoPageSlug = (typeof INFO_PAGES)[number];
export const MAX_INFO_TITLE = 120;
export const MAX_INFO_BODY = 20_000;
export const isInfoPage = (value: string): value is InfoPageSlug => (INFO_PAGES as readonly string[]).includes(value);
export const infoSettingName = <S extends InfoPageSlug>(slug: S) => `page-${slug}` as `page-${S}`;
/** Whether a shopper delivered to this country is owed the withdrawal notice (outside Morocco: EU and other distance-selling laws). */
export const needsWithdrawalNotice = (country: string) => country.toUpperCase() !== 'MA';
