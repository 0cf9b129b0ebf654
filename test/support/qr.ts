import { QR_QUIET_ZONE } from '../../web/src/seller/print/qr.ts';

/** Paints modules (with the quiet zone) as RGBA pixels, `scale` pixels a module, for a real decoder. */
export function rasterise(grid: boolean[][], scale = 4): { data: Uint8ClampedArray; width: number } {
  const side = (grid.length + 2 * QR_QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  grid.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + QR_QUIET_ZONE) * scale + dy) * side + (x + QR_QUIET_ZONE) * scale + dx) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
    }),
  );
  return { data, width: side };
}
