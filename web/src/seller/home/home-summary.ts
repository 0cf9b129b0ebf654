import type { MyHome } from '../../../../shared/api/home.ts';

/**
 * The artisan's home summary (`GET /api/me/home`, 8 DynamoDB requests) shared by the dashboard's
 * frame — the orders tab's count, on every tab — and the home itself: fetched once per shop and
 * minute instead of at every tab, forgotten after any change the artisan makes through the seller
 * API (web/src/seller/api.ts), so what she did shows at once. New orders from shoppers show within
 * the minute.
 */
export const HOME_SUMMARY_FRESH_MS = 60_000;

let cached: { shopId: string; at: number; home: Promise<MyHome> } | undefined;

export function homeSummary(shopId: string, load: () => Promise<MyHome>, now = Date.now()): Promise<MyHome> {
  if (cached && cached.shopId === shopId && now - cached.at < HOME_SUMMARY_FRESH_MS) return cached.home;
  const home = load();
  const entry = { shopId, at: now, home };
  cached = entry;
  // A failed read is not kept: the next tab asks again.
  home.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return home;
}

export function forgetHomeSummary(): void {
  cached = undefined;
}
