/**
 * The geometry of a small bar chart (one bar per week, oldest first in `values`), in pixels,
 * drawn as inline SVG by Sales.tsx. Right to left (Arabic), time runs from right to left: the
 * newest week is on the left and the value axis on the right. Pure, so it is unit-tested.
 */

export interface ChartBox {
  width: number;
  height: number;
  rtl: boolean;
  /** Room for the value axis' labels, on the reading start side. */
  axisWidth: number;
  /** Room under the bars for the weeks' labels. */
  labelHeight: number;
  /** The widest week label: fewer labels are shown when slots are narrower. */
  labelWidth: number;
}

export interface Bar {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  bars: Bar[];
  /** Horizontal lines at 0, half and the top of the scale, with the value each stands for. */
  grid: Array<{ y: number; value: number }>;
  /** Where the value labels go: x, and the anchor for left-to-right text drawn there. */
  axis: { x: number; anchor: 'start' | 'end' };
  /** The weeks labelled (the newest always), at the middle of their slot. */
  labels: Array<{ index: number; x: number }>;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The top of the scale (a round number at or above the largest value). */
  max: number;
}

const TOP_PADDING = 10;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value` (for integers, at least 1). */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function barChart(values: number[], box: ChartBox): ChartLayout {
  const max = niceMax(Math.max(0, ...values));
  // On the far side, room for the half of the newest week's label that sticks out of its slot
  // (the slot narrows as that room grows: far = labelWidth/2 − slot/2, slot = (plot − far)/n).
  const n = Math.max(1, values.length);
  const far = Math.max(0, (box.labelWidth / 2 - (box.width - box.axisWidth) / (2 * n)) / (1 - 1 / (2 * n)));
  const left = box.rtl ? far : box.axisWidth;
  const right = box.rtl ? box.width - box.axisWidth : box.width - far;
  const top = TOP_PADDING;
  const bottom = box.height - box.labelHeight;
  const slot = (right - left) / n;
  const barWidth = Math.max(2, Math.round(slot * 0.62));
  const slotStart = (i: number) => (box.rtl ? right - (i + 1) * slot : left + i * slot);
  const bars = values.map((value, index) => {
    const raw = (Math.max(0, value) / max) * (bottom - top);
    const height = value > 0 ? Math.max(2, raw) : 0;
    return { index, x: slotStart(index) + (slot - barWidth) / 2, y: bottom - height, width: barWidth, height };
  });
  const grid = [0, max / 2, max].map((value) => ({ y: bottom - (value / max) * (bottom - top), value }));
  const every = Math.max(1, Math.ceil(box.labelWidth / slot));
  const labels = values.flatMap((_, index) => ((values.length - 1 - index) % every === 0 ? [{ index, x: slotStart(index) + slot / 2 }] : []));
  const axis = box.rtl ? { x: right + 6, anchor: 'start' as const } : { x: left - 6, anchor: 'end' as const };
  return { bars, grid, axis, labels, plot: { left, right, top, bottom }, max };
}
