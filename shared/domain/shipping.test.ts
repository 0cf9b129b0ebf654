import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RATES, DELIVERY_DAYS, estimateCountry, parcelShipping, shippingCost, shippingZone } from './shipping.ts';

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

  it('prices a parcel with its zone and delivery time, slower the farther it goes', () => {
    expect(parcelShipping(DEFAULT_SHIPPING_RATES, { country: 'ES', city: 'Madrid' }, 1500)).toEqual({ zone: 'international', shipping: 180_00 + 2 * 90_00, days: DELIVERY_DAYS.international });
    expect(parcelShipping(DEFAULT_SHIPPING_RATES, { country: 'MA', city: 'Dakhla' }, 1500).shipping).toBe(20_00);
    expect(DELIVERY_DAYS.dakhla.max).toBeLessThanOrEqual(DELIVERY_DAYS.morocco.min + 3);
    expect(DELIVERY_DAYS.morocco.max).toBeLessThan(DELIVERY_DAYS.international.min);
  });
});

describe('the country of a shipping estimate the shopper did not choose', () => {
  it('is hers when she chose one, else the edge’s viewer country, else the browser’s guess, else Morocco', () => {
    expect(estimateCountry({ country: 'FR', guess: 'ES' }, 'DE')).toEqual({ country: 'FR', countryFrom: 'asked' });
    expect(estimateCountry({ guess: 'ES' }, 'de')).toEqual({ country: 'DE', countryFrom: 'viewer' });
    expect(estimateCountry({ guess: 'ES' }, undefined)).toEqual({ country: 'ES', countryFrom: 'guess' });
    expect(estimateCountry({}, undefined)).toEqual({ country: 'MA', countryFrom: 'default' });
  });

  it('takes no country from what CloudFront cannot place: unknown, anonymous proxies, Tor, Europe at large', () => {
    for (const code of ['ZZ', 'A1', 'T1', 'EU', 'AP', 'X', 'ESP', '']) expect(estimateCountry({ guess: 'ES' }, code), code).toEqual({ country: 'ES', countryFrom: 'guess' });
  });
});
