import { describe, expect, it } from 'vitest';
import { commissionOn, DEFAULT_COMMISSION_BPS, editSetting, orderTerms, SETTING_DEFAULTS, SETTING_SCHEMAS, type Setting } from './settings.ts';
import { DEFAULT_SHIPPING_RATES } from './shipping.ts';

describe('platform settings', () => {
  it('an edit makes the next version and records who, when, before and after', () => {
    const current: Setting<'commission'> = { name: 'commission', value: { basisPoints: 1000 }, version: 3 };
    const by = { sub: 'u-1', email: 'op@dakhla.market' };
    const { setting, change } = editSetting(current, { basisPoints: 1250 }, by, '2026-12-01T10:00:00.000Z');
    expect(setting).toEqual({ name: 'commission', value: { basisPoints: 1250 }, version: 4, updatedAt: '2026-12-01T10:00:00.000Z', updatedBy: by });
    expect(change).toEqual({ name: 'commission', version: 4, at: '2026-12-01T10:00:00.000Z', by, before: { basisPoints: 1000 }, after: { basisPoints: 1250 } });
  });

  it('an order keeps its commission and its zone’s shipping rate; orders from before are charged 10 %', () => {
    const terms = orderTerms({ commissionBasisPoints: 1250, shipping: DEFAULT_SHIPPING_RATES }, 'morocco');
    expect(terms).toEqual({ commissionBasisPoints: 1250, shippingRate: DEFAULT_SHIPPING_RATES.morocco });
    expect(commissionOn(15_000, { terms })).toBe(1875);
    expect(commissionOn(15_000, {})).toBe(1500);
    expect(DEFAULT_COMMISSION_BPS).toBe(1000);
    expect(commissionOn(333, { terms: { commissionBasisPoints: 1250 } })).toBe(42); // rounded to the centime
  });

  it('the defaults are values the edit schemas accept; the schemas refuse what the API refuses', () => {
    for (const name of ['commission', 'shipping', 'display-rates'] as const) expect(SETTING_SCHEMAS[name].safeParse(SETTING_DEFAULTS[name]).success, name).toBe(true);
    expect(SETTING_SCHEMAS.commission.safeParse({ basisPoints: 3000 }).success).toBe(true);
    for (const basisPoints of [3001, -1, 10.5]) expect(SETTING_SCHEMAS.commission.safeParse({ basisPoints }).success, String(basisPoints)).toBe(false);
    expect(SETTING_SCHEMAS['display-rates'].safeParse({ rates: { EUR: 0, USD: 0.1 } }).success).toBe(false);
  });
});
