import { describe, expect, it } from 'vitest';
import { basisPointsToInput, madToShippingMinor, parseRate, percentToBasisPoints, rateToInput } from './settings-form.ts';

describe('the settings forms', () => {
  it('read a commission in per cent as basis points, 0 to 30 %, to the hundredth', () => {
    expect(percentToBasisPoints('10')).toBe(1000);
    expect(percentToBasisPoints('12,5')).toBe(1250);
    expect(percentToBasisPoints('12.25 %')).toBe(1225);
    expect(percentToBasisPoints('٣٠')).toBe(3000);
    expect(percentToBasisPoints('0')).toBe(0);
    for (const bad of ['30,01', '31', '-1', '12.345', 'dix', '']) expect(percentToBasisPoints(bad), bad).toBeUndefined();
    expect(basisPointsToInput(1250, 'fr')).toBe('12,5');
    expect(basisPointsToInput(1000, 'en')).toBe('10');
  });

  it('read shipping amounts in dirhams as centimes, at most 10,000 MAD', () => {
    expect(madToShippingMinor('45')).toBe(45_00);
    expect(madToShippingMinor('45,50')).toBe(45_50);
    expect(madToShippingMinor('10000')).toBe(10_000_00);
    for (const bad of ['10000,01', '-5', '4,555', 'x']) expect(madToShippingMinor(bad), bad).toBeUndefined();
  });

  it('read exchange rates above 0 and at most 10, up to 6 decimals', () => {
    expect(parseRate('0,092')).toBe(0.092);
    expect(parseRate('0.1')).toBe(0.1);
    expect(parseRate('10')).toBe(10);
    for (const bad of ['0', '0,0000001', '10,5', '-0.1', '']) expect(parseRate(bad), bad).toBeUndefined();
    expect(rateToInput(0.092, 'ar')).toBe('0,092');
    expect(rateToInput(0.092, 'en')).toBe('0.092');
  });
});
