import { describe, expect, it } from 'vitest';
import { barChart, niceMax } from './chart.ts';

const box = { width: 360, height: 200, axisWidth: 60, labelHeight: 24, labelWidth: 44 };
const weeks = [0, 1, 2, 0, 4, 8, 0, 3, 0, 0, 5, 6];

describe('a weekly bar chart', () => {
  it('rounds the scale up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 20, 21, 85_050, 100_001].map(niceMax)).toEqual([1, 1, 5, 10, 20, 25, 100_000, 200_000]);
  });

  it('puts the oldest week first in reading order and the newest last; bars scale to the top', () => {
    const ltr = barChart(weeks, { ...box, rtl: false });
    expect(ltr.max).toBe(10);
    expect(ltr.bars[0]!.x).toBeLessThan(ltr.bars[11]!.x);
    expect(ltr.bars[5]!.height).toBeCloseTo((8 / 10) * (ltr.plot.bottom - ltr.plot.top));
    expect(ltr.bars.every((b) => b.y + b.height === ltr.plot.bottom)).toBe(true);
    expect(ltr.bars[0]!.height).toBe(0);
    expect(ltr.bars.every((b) => b.x >= ltr.plot.left && b.x + b.width <= ltr.plot.right)).toBe(true);
    expect(ltr.axis).toEqual({ x: 54, anchor: 'end' });
  });

  it('is mirrored right to left: newest on the left, the axis on the right', () => {
    const ltr = barChart(weeks, { ...box, rtl: false });
    const rtl = barChart(weeks, { ...box, rtl: true });
    rtl.bars.forEach((bar, i) => {
      expect(bar.x + bar.width).toBeCloseTo(box.width - ltr.bars[i]!.x);
      expect(bar.height).toBe(ltr.bars[i]!.height);
    });
    expect(rtl.bars[11]!.x).toBeLessThan(rtl.bars[0]!.x);
    expect(rtl.axis).toEqual({ x: 306, anchor: 'start' });
    expect(rtl.labels.map((l) => l.index)).toEqual(ltr.labels.map((l) => l.index));
  });

  it('keeps the newest week’s label inside the chart, on either side', () => {
    for (const rtl of [false, true]) {
      const layout = barChart(weeks, { ...box, rtl });
      const newest = layout.labels.at(-1)!;
      expect(newest.index).toBe(11);
      expect(newest.x - box.labelWidth / 2).toBeGreaterThanOrEqual(0);
      expect(newest.x + box.labelWidth / 2).toBeLessThanOrEqual(box.width);
    }
  });

  it('labels fewer weeks when they are narrow, always the newest', () => {
    // About 24 px a week: every other one for a 44 px label, every third for a 60 px one.
    expect(barChart(weeks, { ...box, rtl: false }).labels.map((l) => l.index)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(barChart(weeks, { ...box, labelWidth: 60, rtl: false }).labels.map((l) => l.index)).toEqual([2, 5, 8, 11]);
    expect(barChart(weeks, { ...box, width: 1000, rtl: false }).labels).toHaveLength(12);
  });

  it('draws a small bar for a small value, none for zero, and a scale of 1 when nothing sold', () => {
    const layout = barChart([0, 1, 1000], { ...box, rtl: false });
    expect(layout.bars[1]!.height).toBe(2);
    expect(barChart(new Array(12).fill(0), { ...box, rtl: false }).max).toBe(1);
  });
});
