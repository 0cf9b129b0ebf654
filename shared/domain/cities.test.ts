import { describe, expect, it } from 'vitest';
import { CITIES, cityId, cityName, findCity } from './cities.ts';
import { LOCALES } from './locales.ts';
import { shippingZone } from './shipping.ts';

describe('Moroccan cities', () => {
  it('names every city in four languages, each name leading back to its city', () => {
    for (const city of CITIES) for (const locale of LOCALES) expect(findCity(city.names[locale])?.id).toBe(city.id);
  });

  it('stores the Latin id whatever the language typed, shows it in the reader’s', () => {
    expect(cityId('الداخلة')).toBe('Dakhla');
    expect(cityId(' fes ')).toBe('Fès');
    expect(cityId('Tánger')).toBe('Tanger');
    expect(cityId('Smara-Nord')).toBe('Smara-Nord');
    expect(cityName('Casablanca', 'ar')).toBe('الدار البيضاء');
    expect(cityName('Dakhla', 'es')).toBe('Dajla');
    expect(cityName('Smara-Nord', 'ar')).toBe('Smara-Nord');
  });

  it('Dakhla\'s shipping zone in any of its names', () => {
    for (const name of Object.values(findCity('Dakhla')!.names)) expect(shippingZone({ country: 'MA', city: name })).toBe('dakhla');
    expect(shippingZone({ country: 'MA', city: 'الدار البيضاء' })).toBe('morocco');
  });
});
