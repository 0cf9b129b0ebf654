import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RATES, shippingCost, shippingZone } from './shipping.ts';

describe('shipping', () => {
  it('finds the zone from country and city, in any script or case', () => {
    expect(shippingZone({ country: 'MA', city: 'Dakhla' })).toBe('dakhla');
    expect(shippingZone({ country: 'ma', city: ' الداخلة ' })).toBe('dakhla');
    expect(shippingZone({ country: 'MA', city: 'Casablanca' })).toBe('morocco');
    expect(shippingZone({ country: 'MA' })).toBe('morocco');
    expect(shippingZone({ country: 'ES', city: 'Dakhla' })).toBe('international');
  });

  it('charges the base and each started kilogram', () => {
    expect(shippingCost(DEFAULT_SHIPPING_RATES, 'morocco', 1)).toBe(45_00 + 10_00);
    expect(shippingCost(DEFAULT_SHIPPING_RATES, 'morocco', 1000)).toBe(45_00 + 10_00);
    expect(shippingCost(DEFAULT_SHIPPING_RATES, 'morocco', 1001)).toBe(45_00 + 20_00);
    expect(shippingCost(DEFAULT_SHIPPING_RATES, 'dakhla', 9000)).toBe(20_00);
  });
});
