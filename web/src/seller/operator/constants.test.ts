import { describe, expect, it } from 'vitest';
import * as catalogue from '../../../../shared/domain/catalogue.ts';
import * as settings from '../../../../shared/domain/settings.ts';
import * as shipping from '../../../../shared/domain/shipping.ts';
import * as local from './constants.ts';

describe('console constants (zod-free copies for the browser)', () => {
  it('match the shared contract', () => {
    expect(local.HIDE_REASONS).toEqual(catalogue.HIDE_REASONS);
    expect(local.SETTING_NAMES).toEqual(settings.PLATFORM_SETTING_NAMES);
    expect(local.SHIPPING_ZONES).toEqual(shipping.SHIPPING_ZONES);
    expect(local.MAX_COMMISSION_BPS).toBe(settings.MAX_COMMISSION_BPS);
    // The ceilings the API refuses past.
    const shippingValue = (amount: number) => ({ rates: { dakhla: { base: amount, perKg: 0 }, morocco: { base: 0, perKg: 0 }, international: { base: 0, perKg: 0 } } });
    expect(settings.shippingSettingSchema.safeParse(shippingValue(local.MAX_SHIPPING_MINOR)).success).toBe(true);
    expect(settings.shippingSettingSchema.safeParse(shippingValue(local.MAX_SHIPPING_MINOR + 1)).success).toBe(false);
    expect(settings.displayRatesSettingSchema.safeParse({ rates: { EUR: local.MAX_DISPLAY_RATE, USD: 1 } }).success).toBe(true);
    expect(settings.displayRatesSettingSchema.safeParse({ rates: { EUR: local.MAX_DISPLAY_RATE + 0.01, USD: 1 } }).success).toBe(false);
  });
});
