import { describe, expect, it } from 'vitest';
import { approximate, sortableAmount } from './money.ts';

describe('money', () => {
  it('keeps string order equal to numeric order', () => {
    const amounts = [0, 5, 45000, 9999, 100_000_00];
    const sorted = [...amounts].sort((a, b) => a - b).map(sortableAmount);
    expect([...sorted].sort()).toEqual(sorted);
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => sortableAmount(1.5)).toThrow(RangeError);
    expect(() => sortableAmount(-1)).toThrow(RangeError);
  });

  it('approximates other currencies in their minor units, rounded', () => {
    expect(approximate(45000, { EUR: 0.092, USD: 0.1 })).toEqual({ EUR: 4140, USD: 4500 });
  });
});
