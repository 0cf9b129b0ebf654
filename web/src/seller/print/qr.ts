import { encode } from 'uqr';
import { paths } from '../../router.ts';

/**
 * A parcel's QR code: the seller-area URL that opens it (the print page, `/dashboard/orders/<id>`),
 * which carries the order number a carrier reads too. Drawn as one SVG path of dark modules (no
 * markup strings, no style attributes: the store's CSP), only in this lazy chunk.
 */
export const QR_QUIET_ZONE = 4;

/** What the QR code of a parcel encodes, on the store at `origin`. */
export const parcelQrPayload = (origin: string, orderId: string): string => new URL(paths.myParcel(orderId), origin).href;

export interface QrDrawing {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** An SVG path of the dark modules, one unit per module, rows merged into runs. */
  path: string;
}

/** The QR code of `payload` (error correction M: a label gets rubbed in transit) as an SVG path. */
export function qrDrawing(payload: string): QrDrawing {
  const { data, size } = encode(payload, { ecc: 'M', border: 0 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return { size, path };
}

/** The dark modules an SVG path of qrDrawing's covers (what a test reads back from the page). */
export function modulesOf(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(run); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}
