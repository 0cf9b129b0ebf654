import type { CategorySlug } from '../../../shared/domain/catalogue.ts';

/**
 * Procedural SVG illustrations for the demo catalogue: one drawing per kind of object
 * (a glazed jar, a silver pendant, a hanging melhfa…), shaped and coloured from a seed so
 * that every product gets its own picture, and the same picture on every run. No text.
 */

export const PRODUCT_IMAGE_SIZE = 800;
export const PORTRAIT_SIZE = 600;

export const SHAPES_BY_CATEGORY = {
  leather: ['bag', 'pouf', 'sandal'],
  pottery: ['jar', 'tajine', 'bowl'],
  jewellery: ['pendant', 'ring', 'bracelet'],
  textiles: ['melhfa', 'rug'],
  basketry: ['basket', 'tray'],
  woodwork: ['box', 'spoon'],
  shellcraft: ['shells', 'mirror', 'necklace'],
  cosmetics: ['bottle', 'jar', 'perfume'],
} as const satisfies Record<CategorySlug, readonly string[]>;

export type ArtShape = { [C in CategorySlug]: `${C}:${(typeof SHAPES_BY_CATEGORY)[C][number]}` }[CategorySlug];
type ShapeName = (typeof SHAPES_BY_CATEGORY)[CategorySlug][number];

/** Main colours an object may take (the `color` of its <use>), by category. */
const MAIN_COLOURS: Record<CategorySlug, readonly string[]> = {
  leather: ['#A0522D', '#7B4A2A', '#B8743A', '#8C3B22', '#C98B4B'],
  pottery: ['#B5562D', '#C8743A', '#E3CFA6', '#2F7F7A', '#34467A'],
  jewellery: ['#B23A2A', '#2FA4A0', '#D98E1F', '#2B4C9B', '#2A2A2A'],
  textiles: ['#2B3A78', '#E2A21B', '#C4566B', '#1E7A78', '#8C3A1B', '#5B2A6E'],
  basketry: ['#B23A2A', '#2E6B4F', '#2B3A67', '#C4566B', '#1F1F1F'],
  woodwork: ['#8A5A33', '#6B4226', '#A8713F', '#5A3A22'],
  shellcraft: ['#F0D9C4', '#E9A38A', '#F4E6CF', '#E7B7A8', '#D9C2A0'],
  cosmetics: ['#D99A1E', '#C77A12', '#6F7A2E', '#8B5A3C', '#B0466A'],
};

const ACCENTS = ['#C47A2C', '#E6A519', '#2B3A67', '#1E7A78', '#B4532A', '#F7EFDD', '#3E2A1C'];

const BACKGROUNDS: readonly (readonly [string, string])[] = [
  ['#FBF3E4', '#EBD3A8'],
  ['#F7EEDD', '#DDBB86'],
  ['#EEF3EE', '#C9DDD5'],
  ['#F8EBE0', '#E4C3A8'],
  ['#F5F0E6', '#D8CCB4'],
  ['#F3ECF0', '#DCC6C4'],
];

type Rand = () => number;

/** Deterministic pseudo-random numbers from a string (FNV-1a into mulberry32). */
export function seededRandom(seed: string): Rand {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f = (x: number): string => String(Math.round(x * 10) / 10);
const between = (r: Rand, a: number, b: number): number => a + (b - a) * r();
function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length) % xs.length] as T;
}
function pickOther<T>(r: Rand, xs: readonly T[], not: T): T {
  const rest = xs.filter((x) => x !== not);
  return pick(r, rest.length ? rest : xs);
}
const pts = (ps: readonly (readonly [number, number])[]): string => ps.map(([x, y]) => `${f(x)} ${f(y)}`).join(' ');

/** What a drawing needs: its random source, an id prefix for its defs, and a place to put them. */
interface Ctx {
  r: Rand;
  id: string;
  defs: string[];
  acc: string;
  acc2: string;
}

/** Side-lit volume: a translucent overlay that darkens the edges of any shape it fills. */
function volume(c: Ctx): string {
  const id = `${c.id}v`;
  if (!c.defs.some((d) => d.includes(`id="${id}"`))) {
    c.defs.push(
      `<linearGradient id="${id}"><stop offset="0" stop-opacity=".3"/><stop offset=".4" stop-color="#fff" stop-opacity=".18"/><stop offset=".62" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-opacity=".32"/></linearGradient>`,
    );
  }
  return `url(#${id})`;
}

function silver(c: Ctx): string {
  const id = `${c.id}s`;
  if (!c.defs.some((d) => d.includes(`id="${id}"`))) {
    c.defs.push(
      `<linearGradient id="${id}" x2="1" y2="1"><stop offset="0" stop-color="#F6F8FA"/><stop offset=".5" stop-color="#A3ABB6"/><stop offset="1" stop-color="#E4E8ED"/></linearGradient>`,
    );
  }
  return `url(#${id})`;
}

function clip(c: Ctx, name: string, d: string): string {
  c.defs.push(`<clipPath id="${c.id}${name}"><path d="${d}"/></clipPath>`);
  return `url(#${c.id}${name})`;
}

/** A zigzag line between x0 and x1 around y. */
function zigzag(x0: number, x1: number, y: number, amp: number, step: number): string {
  const p: [number, number][] = [];
  for (let x = x0, i = 0; x <= x1 + step; x += step, i++) p.push([x, i % 2 ? y - amp : y + amp]);
  return `M${pts(p)}`;
}

/** A row of triangles along y, pointing down (or up). */
function triangles(x0: number, x1: number, y: number, size: number, up = false): string {
  let d = '';
  for (let x = x0; x < x1; x += size * 1.6) {
    d += up ? `M${f(x)} ${f(y + size)}l${f(size / 2)} ${f(-size)}l${f(size / 2)} ${f(size)}z` : `M${f(x)} ${f(y)}l${f(size / 2)} ${f(size)}l${f(size / 2)} ${f(-size)}z`;
  }
  return d;
}

/** An n-pointed star path around (cx, cy). */
function star(cx: number, cy: number, outer: number, inner: number, n: number, sy = 1): string {
  const p: [number, number][] = [];
  for (let i = 0; i < n * 2; i++) {
    const a = (Math.PI * i) / n - Math.PI / 2;
    const rad = i % 2 ? inner : outer;
    p.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a) * sy]);
  }
  return `M${pts(p)}Z`;
}

// ---------------------------------------------------------------- pottery

function jar(c: Ctx): string {
  const { r } = c;
  const cx = 400;
  const base = 650;
  const h = between(r, 300, 420);
  const y0 = base - h;
  const m = between(r, 45, 75);
  const nk = m * between(r, 0.75, 0.95);
  const b = between(r, 125, 185);
  const yb = y0 + h * between(r, 0.5, 0.62);
  const bs = between(r, 55, 90);
  const d =
    `M${f(cx - m)} ${f(y0)}L${f(cx + m)} ${f(y0)}Q${f(cx + nk)} ${f(y0 + h * 0.1)} ${f(cx + nk)} ${f(y0 + h * 0.16)}` +
    `C${f(cx + nk)} ${f(y0 + h * 0.3)} ${f(cx + b)} ${f(yb - h * 0.22)} ${f(cx + b)} ${f(yb)}` +
    `C${f(cx + b)} ${f(yb + h * 0.25)} ${f(cx + bs + 30)} ${base} ${f(cx + bs)} ${base}L${f(cx - bs)} ${base}` +
    `C${f(cx - bs - 30)} ${base} ${f(cx - b)} ${f(yb + h * 0.25)} ${f(cx - b)} ${f(yb)}` +
    `C${f(cx - b)} ${f(yb - h * 0.22)} ${f(cx - nk)} ${f(y0 + h * 0.3)} ${f(cx - nk)} ${f(y0 + h * 0.16)}` +
    `Q${f(cx - nk)} ${f(y0 + h * 0.1)} ${f(cx - m)} ${f(y0)}Z`;
  const cp = clip(c, 'c', d);
  const handles =
    r() > 0.5
      ? `<path d="M${f(cx + nk)} ${f(y0 + h * 0.2)}C${f(cx + b + 40)} ${f(y0 + h * 0.12)} ${f(cx + b + 30)} ${f(yb - h * 0.2)} ${f(cx + b * 0.92)} ${f(yb - h * 0.1)}M${f(cx - nk)} ${f(y0 + h * 0.2)}C${f(cx - b - 40)} ${f(y0 + h * 0.12)} ${f(cx - b - 30)} ${f(yb - h * 0.2)} ${f(cx - b * 0.92)} ${f(yb - h * 0.1)}" fill="none" stroke="currentColor" stroke-width="14" stroke-linecap="round"/>`
      : '';
  const band = yb - h * between(r, 0.05, 0.15);
  return (
    handles +
    `<path d="${d}" fill="currentColor"/><g clip-path="${cp}">` +
    `<rect x="200" y="${f(band)}" width="400" height="${f(h * 0.1)}" fill="${c.acc}"/>` +
    `<path d="${zigzag(200, 600, band + h * 0.05, h * 0.025, 22)}" fill="none" stroke="${c.acc2}" stroke-width="5"/>` +
    `<path d="${triangles(200, 600, yb + h * 0.12, 22)}" fill="${c.acc}"/>` +
    `<path d="M200 ${f(y0 + h * 0.22)}h400M200 ${f(y0 + h * 0.26)}h400" stroke="#3A2415" stroke-opacity=".5" stroke-width="4"/>` +
    `<rect x="200" y="${f(y0)}" width="400" height="${f(h)}" fill="${volume(c)}"/></g>` +
    `<ellipse cx="${cx}" cy="${f(y0)}" rx="${f(m + 10)}" ry="12" fill="currentColor" stroke="#3A2415" stroke-opacity=".4" stroke-width="3"/>` +
    `<ellipse cx="${cx}" cy="${f(y0)}" rx="${f(m - 4)}" ry="7" fill="#3A2415"/>`
  );
}

function tajine(c: Ctx): string {
  const { r } = c;
  const apex = between(r, 290, 340);
  const dish = `M170 560L630 560C615 600 570 615 550 618L250 618C230 615 185 600 170 560Z`;
  const lid = `M225 558C280 540 360 ${f(apex + 110)} 372 ${f(apex)}L428 ${f(apex)}C440 ${f(apex + 110)} 520 540 575 558Z`;
  const cp = clip(c, 'c', lid);
  return (
    `<path d="${dish}" fill="currentColor"/><path d="${dish}" fill="${volume(c)}"/>` +
    `<ellipse cx="400" cy="560" rx="232" ry="16" fill="currentColor" stroke="#3A2415" stroke-opacity=".35" stroke-width="3"/>` +
    `<path d="M190 585h420" stroke="${c.acc}" stroke-width="6"/>` +
    `<path d="${lid}" fill="currentColor"/><g clip-path="${cp}">` +
    `<rect x="200" y="505" width="400" height="26" fill="${c.acc}"/>` +
    `<path d="${zigzag(200, 600, 470, 9, 18)}" fill="none" stroke="${c.acc2}" stroke-width="5"/>` +
    `<path d="${triangles(200, 600, 420, 16, r() > 0.5)}" fill="${c.acc}"/>` +
    `<rect x="200" y="${f(apex + 40)}" width="400" height="8" fill="${c.acc2}"/>` +
    `<rect x="200" y="${f(apex)}" width="400" height="${f(560 - apex)}" fill="${volume(c)}"/></g>` +
    `<ellipse cx="400" cy="${f(apex - 8)}" rx="34" ry="14" fill="currentColor" stroke="#3A2415" stroke-opacity=".4" stroke-width="3"/>` +
    `<circle cx="400" cy="${f(apex - 32)}" r="22" fill="${c.acc}"/>`
  );
}

function bowl(c: Ctx): string {
  const body = `M160 430C170 560 280 610 330 615L340 650L460 650L470 615C520 610 630 560 640 430Z`;
  const cp = clip(c, 'c', body);
  return (
    `<path d="${body}" fill="currentColor"/><g clip-path="${cp}">` +
    `<rect x="150" y="475" width="500" height="30" fill="${c.acc}"/>` +
    `<path d="${triangles(150, 650, 520, 20)}" fill="${c.acc2}"/>` +
    `<path d="M150 600h500" stroke="${c.acc}" stroke-width="8"/>` +
    `<rect x="150" y="420" width="500" height="240" fill="${volume(c)}"/></g>` +
    `<ellipse cx="400" cy="430" rx="240" ry="55" fill="currentColor" stroke="#3A2415" stroke-opacity=".35" stroke-width="3"/>` +
    `<ellipse cx="400" cy="436" rx="226" ry="46" fill="#3A2415" fill-opacity=".22"/>` +
    `<ellipse cx="400" cy="440" rx="170" ry="34" fill="none" stroke="${c.acc}" stroke-width="8"/>` +
    `<path d="${star(400, 442, 70, 30, 8, 0.22)}" fill="${c.acc2}"/>`
  );
}

// ---------------------------------------------------------------- jewellery

function pendant(c: Ctx): string {
  const { r } = c;
  const s = silver(c);
  const w = between(r, 90, 125);
  const top = 352;
  const bottom = between(r, 590, 650);
  const mid = (top + bottom) / 2;
  const arms = r() > 0.4;
  const lz = (k: number) => `M400 ${f(mid - (mid - top) * k)}L${f(400 + w * k)} ${f(mid)}L400 ${f(mid + (bottom - mid) * k)}L${f(400 - w * k)} ${f(mid)}Z`;
  return (
    `<path d="M230 110C250 260 330 322 400 330C470 322 550 260 570 110" fill="none" stroke="${s}" stroke-width="7" stroke-dasharray="12 6" stroke-linecap="round"/>` +
    `<circle cx="400" cy="338" r="14" fill="none" stroke="${s}" stroke-width="7"/>` +
    (arms
      ? `<path d="M${f(400 - w - 36)} ${f(mid)}L${f(400 - w + 10)} ${f(mid - 30)}L${f(400 - w + 10)} ${f(mid + 30)}ZM${f(400 + w + 36)} ${f(mid)}L${f(400 + w - 10)} ${f(mid - 30)}L${f(400 + w - 10)} ${f(mid + 30)}Z" fill="${s}" stroke="#7E8590" stroke-width="3"/>` +
        `<circle cx="${f(400 - w - 8)}" cy="${f(mid)}" r="9" fill="currentColor"/><circle cx="${f(400 + w + 8)}" cy="${f(mid)}" r="9" fill="currentColor"/>`
      : '') +
    `<path d="${lz(1)}" fill="${s}" stroke="#7E8590" stroke-width="3"/>` +
    `<path d="${lz(0.78)}" fill="none" stroke="#6E7580" stroke-width="6" stroke-dasharray="1 11" stroke-linecap="round"/>` +
    `<path d="${lz(0.6)}" fill="none" stroke="#6E7580" stroke-width="3"/>` +
    `<circle cx="400" cy="${f(mid)}" r="${f(between(r, 26, 36))}" fill="currentColor" stroke="${s}" stroke-width="7"/>` +
    `<ellipse cx="392" cy="${f(mid - 9)}" rx="9" ry="6" fill="#fff" fill-opacity=".55"/>` +
    `<circle cx="400" cy="${f(bottom + 14)}" r="8" fill="${s}"/><circle cx="400" cy="${f(bottom + 34)}" r="6" fill="${s}"/>`
  );
}

function ring(c: Ctx): string {
  const { r } = c;
  const s = silver(c);
  const rx = between(r, 135, 165);
  return (
    `<ellipse cx="400" cy="545" rx="${f(rx)}" ry="58" fill="none" stroke="#8C939E" stroke-width="26"/>` +
    `<path d="M${f(400 - rx)} 545A${f(rx)} 58 0 0 0 ${f(400 + rx)} 545" fill="none" stroke="${s}" stroke-width="28"/>` +
    `<path d="M${f(400 - rx + 30)} 575A${f(rx)} 58 0 0 0 ${f(400 + rx - 30)} 575" fill="none" stroke="#6E7580" stroke-width="4" stroke-dasharray="2 10" stroke-linecap="round"/>` +
    `<path d="M400 375L485 465L400 545L315 465Z" fill="${s}" stroke="#7E8590" stroke-width="3"/>` +
    `<path d="M400 398L462 465L400 524L338 465Z" fill="none" stroke="#6E7580" stroke-width="5" stroke-dasharray="1 10" stroke-linecap="round"/>` +
    `<circle cx="400" cy="463" r="${f(between(r, 28, 36))}" fill="currentColor" stroke="${s}" stroke-width="6"/>` +
    `<ellipse cx="391" cy="452" rx="9" ry="6" fill="#fff" fill-opacity=".55"/>` +
    `<circle cx="400" cy="368" r="7" fill="${s}"/><circle cx="492" cy="465" r="6" fill="${s}"/><circle cx="308" cy="465" r="6" fill="${s}"/>`
  );
}

function bracelet(c: Ctx): string {
  const { r } = c;
  const s = silver(c);
  const rx = 230;
  const ry = between(r, 130, 160);
  const cy = 450;
  let marks = '';
  let stones = '';
  for (let i = 0; i <= 12; i++) {
    const a = (Math.PI * (15 + (150 * i) / 12)) / 180;
    const x = 400 + rx * Math.cos(a);
    const y = cy + ry * Math.sin(a);
    marks += i % 2 ? `M${f(x - 9)} ${f(y - 12)}l9 20l9 -20z` : `M${f(x - 9)} ${f(y + 10)}l9 -20l9 20z`;
    if (i % 4 === 2) stones += `<circle cx="${f(x)}" cy="${f(y)}" r="11" fill="currentColor" stroke="#6E7580" stroke-width="3"/>`;
  }
  return (
    `<ellipse cx="400" cy="${f(cy)}" rx="${rx}" ry="${f(ry)}" fill="none" stroke="#8C939E" stroke-width="64"/>` +
    `<path d="M${400 - rx} ${f(cy)}A${rx} ${f(ry)} 0 0 0 ${400 + rx} ${f(cy)}" fill="none" stroke="${s}" stroke-width="68"/>` +
    `<path d="M${400 - rx + 6} ${f(cy + 24)}A${rx} ${f(ry)} 0 0 0 ${400 + rx - 6} ${f(cy + 24)}M${400 - rx + 6} ${f(cy - 22)}A${rx} ${f(ry)} 0 0 0 ${400 + rx - 6} ${f(cy - 22)}" fill="none" stroke="#6E7580" stroke-width="3"/>` +
    `<path d="${marks}" fill="#5F6670"/>` +
    stones
  );
}

// ---------------------------------------------------------------- textiles

function melhfa(c: Ctx): string {
  const { r } = c;
  let hem = '';
  const waves = 6;
  const amp = between(r, 14, 26);
  for (let i = 0; i < waves; i++) {
    const x0 = 645 - (490 * i) / waves;
    const x1 = 645 - (490 * (i + 1)) / waves;
    hem += `Q${f((x0 + x1) / 2)} ${f(650 + (i % 2 ? -amp : amp) * 1.6)} ${f(x1)} 650`;
  }
  const d = `M190 160L610 160C622 350 640 500 645 650${hem}C150 500 178 350 190 160Z`;
  const light = pick(r, ['#F7EFDD', '#FFFFFF', '#F6D36B', '#F2C6CF']);
  const kind = Math.floor(r() * 3);
  const motif =
    kind === 0
      ? `<circle cx="30" cy="30" r="9" fill="${light}" fill-opacity=".6"/><circle cx="30" cy="30" r="18" fill="none" stroke="${light}" stroke-opacity=".4" stroke-width="3"/><circle cx="0" cy="0" r="5" fill="${light}" fill-opacity=".45"/><circle cx="60" cy="60" r="5" fill="${light}" fill-opacity=".45"/>`
      : kind === 1
        ? `<path d="M30 8L52 30L30 52L8 30Z" fill="none" stroke="${light}" stroke-opacity=".5" stroke-width="4"/><circle cx="30" cy="30" r="5" fill="${light}" fill-opacity=".6"/>`
        : `<path d="M0 15h60M0 45h60" stroke="${light}" stroke-opacity=".35" stroke-width="6"/><circle cx="15" cy="30" r="4" fill="${light}" fill-opacity=".55"/><circle cx="45" cy="30" r="4" fill="${light}" fill-opacity=".55"/>`;
  c.defs.push(
    `<pattern id="${c.id}p" width="60" height="60" patternUnits="userSpaceOnUse">${motif}</pattern>`,
    `<linearGradient id="${c.id}h" x2="0" y2="1"><stop offset=".35" stop-color="${c.acc}" stop-opacity="0"/><stop offset="1" stop-color="${c.acc}" stop-opacity=".65"/></linearGradient>`,
    `<linearGradient id="${c.id}f" x2=".1" spreadMethod="reflect"><stop offset="0" stop-opacity=".22"/><stop offset=".6" stop-color="#fff" stop-opacity=".1"/><stop offset="1" stop-opacity=".2"/></linearGradient>`,
  );
  return (
    `<path d="${d}" fill="currentColor"/><path d="${d}" fill="url(#${c.id}h)"/><path d="${d}" fill="url(#${c.id}p)"/><path d="${d}" fill="url(#${c.id}f)"/>` +
    `<path d="M645 650${hem}" fill="none" stroke="${c.acc2}" stroke-width="8"/>` +
    `<rect x="140" y="146" width="520" height="16" rx="8" fill="#6B4226"/><circle cx="140" cy="154" r="14" fill="#5A3A22"/><circle cx="660" cy="154" r="14" fill="#5A3A22"/>`
  );
}

function rug(c: Ctx): string {
  const { r } = c;
  let fringe = '';
  for (let x = 180; x <= 620; x += 14) fringe += `M${x} 250v-24M${x} 610v24`;
  let diamonds = '';
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) {
    const cy = 270 + ((i + 0.5) * 320) / n;
    const hh = 150 / n + 10;
    diamonds += `<path d="M400 ${f(cy - hh)}L480 ${f(cy)}L400 ${f(cy + hh)}L320 ${f(cy)}Z" fill="${c.acc}" stroke="#F7EFDD" stroke-width="6"/><path d="M400 ${f(cy - hh / 2)}L440 ${f(cy)}L400 ${f(cy + hh / 2)}L360 ${f(cy)}Z" fill="${c.acc2}"/>`;
  }
  return (
    `<g transform="translate(60 0) skewX(-8)">` +
    `<path d="${fringe}" stroke="#E9DCC0" stroke-width="5"/>` +
    `<rect x="170" y="250" width="460" height="360" fill="currentColor"/>` +
    `<rect x="195" y="275" width="410" height="310" fill="none" stroke="${c.acc2}" stroke-width="14"/>` +
    `<path d="${zigzag(215, 585, 302, 8, 20)}${zigzag(215, 585, 558, 8, 20)}" fill="none" stroke="#F7EFDD" stroke-width="5"/>` +
    diamonds +
    `<path d="${triangles(230, 330, 420, 18)}${triangles(480, 580, 420, 18)}" fill="#F7EFDD" fill-opacity=".8"/>` +
    `<rect x="170" y="250" width="460" height="360" fill="${volume(c)}" fill-opacity=".6"/></g>`
  );
}

// ---------------------------------------------------------------- basketry

function weave(c: Ctx, straw: string): string {
  c.defs.push(
    `<pattern id="${c.id}w" width="24" height="16" patternUnits="userSpaceOnUse"><rect width="24" height="16" fill="${straw}"/><path d="M0 4h12M12 12h12" stroke="#7A5A2A" stroke-opacity=".45" stroke-width="3"/><path d="M12 0v8M0 8v8" stroke="#fff" stroke-opacity=".3" stroke-width="2"/></pattern>`,
  );
  return `url(#${c.id}w)`;
}

function basket(c: Ctx): string {
  const { r } = c;
  const straw = pick(r, ['#D8B36A', '#C99A4E', '#E2C48A']);
  const w = weave(c, straw);
  const lid = r() > 0.5;
  const body = `M210 380L590 380C585 490 565 600 550 640L250 640C235 600 215 490 210 380Z`;
  const cp = clip(c, 'c', body);
  const top = lid
    ? `<path d="M200 382C250 320 340 268 400 264C460 268 550 320 600 382Z" fill="${w}"/><path d="M200 382C250 320 340 268 400 264C460 268 550 320 600 382Z" fill="${volume(c)}"/>` +
      `<path d="M236 350C300 325 500 325 564 350" fill="none" stroke="currentColor" stroke-width="14"/><circle cx="400" cy="256" r="20" fill="currentColor"/>`
    : `<path d="M258 386C250 190 550 190 542 386" fill="none" stroke="${straw}" stroke-width="20"/><path d="M258 386C250 190 550 190 542 386" fill="none" stroke="#7A5A2A" stroke-opacity=".4" stroke-width="20" stroke-dasharray="6 8"/>`;
  return (
    (lid ? '' : top) +
    `<path d="${body}" fill="${w}"/><g clip-path="${cp}">` +
    `<rect x="200" y="430" width="400" height="44" fill="currentColor"/>` +
    `<path d="${triangles(200, 600, 434, 18)}" fill="${c.acc2}"/>` +
    `<rect x="200" y="560" width="400" height="16" fill="${c.acc}"/>` +
    `<rect x="200" y="380" width="400" height="260" fill="${volume(c)}"/></g>` +
    `<ellipse cx="400" cy="382" rx="194" ry="24" fill="${straw}" stroke="#7A5A2A" stroke-width="4"/>` +
    (lid ? top : `<ellipse cx="400" cy="384" rx="176" ry="16" fill="#4A3418"/>`)
  );
}

function tray(c: Ctx): string {
  const { r } = c;
  const straw = pick(r, ['#D8B36A', '#C99A4E', '#E2C48A']);
  let coils = '';
  for (let rad = 28; rad <= 236; rad += 16) coils += `<circle cx="400" cy="420" r="${rad}"/>`;
  const n = pick(r, [8, 10, 12]);
  let motif = '';
  for (let i = 0; i < n; i++) {
    const a0 = (2 * Math.PI * i) / n;
    const a1 = (2 * Math.PI * (i + 0.5)) / n;
    const p = (rad: number, a: number): [number, number] => [400 + rad * Math.cos(a), 420 + rad * Math.sin(a)];
    motif += `M${pts([p(120, a0), p(200, a1 - Math.PI / n / 2), p(120, a1)])}Z`;
  }
  return (
    `<g transform="translate(0 95) scale(1 .78)">` +
    `<circle cx="400" cy="420" r="244" fill="${straw}" stroke="#7A5A2A" stroke-width="10"/>` +
    `<path d="${motif}" fill="currentColor"/>` +
    `<path d="${star(400, 420, 95, 48, n)}" fill="${c.acc2}"/>` +
    `<circle cx="400" cy="420" r="36" fill="currentColor"/>` +
    `<g fill="none" stroke="#6A4A1A" stroke-opacity=".35" stroke-width="3">${coils}</g>` +
    `<circle cx="400" cy="420" r="214" fill="none" stroke="${c.acc}" stroke-width="12"/></g>`
  );
}

// ---------------------------------------------------------------- woodwork

function box(c: Ctx): string {
  const { r } = c;
  const h = between(r, 190, 250);
  const bottom = 400 + h;
  return (
    `<path d="M220 400L550 400L610 345L280 345Z" fill="currentColor"/><path d="M220 400L550 400L610 345L280 345Z" fill="#fff" fill-opacity=".2"/>` +
    `<path d="M550 400L610 345L610 ${f(bottom - 55)}L550 ${f(bottom)}Z" fill="currentColor"/><path d="M550 400L610 345L610 ${f(bottom - 55)}L550 ${f(bottom)}Z" fill="#000" fill-opacity=".28"/>` +
    `<rect x="220" y="400" width="330" height="${f(h)}" fill="currentColor"/>` +
    `<path d="M258 385L520 385L562 356L300 356Z" fill="none" stroke="#2E1C10" stroke-opacity=".45" stroke-width="4"/>` +
    `<path d="M220 440h330" stroke="#2E1C10" stroke-opacity=".6" stroke-width="4"/>` +
    `<rect x="240" y="458" width="290" height="${f(h - 76)}" fill="none" stroke="#2E1C10" stroke-opacity=".45" stroke-width="4"/>` +
    `<path d="${star(385, 458 + (h - 76) / 2, Math.min(62, (h - 90) / 2), 30, 8)}" fill="#2E1C10" fill-opacity=".2" stroke="#2E1C10" stroke-opacity=".55" stroke-width="4"/>` +
    `<circle cx="385" cy="${f(458 + (h - 76) / 2)}" r="12" fill="${c.acc}"/>` +
    `<path d="${triangles(250, 520, bottom - 36, 14, true)}" fill="#2E1C10" fill-opacity=".35"/>` +
    `<path d="M560 420C580 460 570 520 590 ${f(bottom - 60)}" fill="none" stroke="#2E1C10" stroke-opacity=".25" stroke-width="3"/>` +
    `<rect x="370" y="428" width="30" height="26" rx="4" fill="#D9A441" stroke="#7A5A1A" stroke-width="2"/>` +
    `<path d="M220 400h18v18h-18zM532 400h18v18h-18zM220 ${f(bottom - 18)}h18v18h-18zM532 ${f(bottom - 18)}h18v18h-18z" fill="#D9A441"/>` +
    `<rect x="220" y="400" width="330" height="${f(h)}" fill="${volume(c)}" fill-opacity=".5"/>`
  );
}

function spoon(c: Ctx): string {
  const { r } = c;
  const d = `M-14 -92L-10 225Q0 246 10 225L14 -92Z`;
  c.defs.push(
    `<g id="${c.id}k"><path d="${d}" fill="currentColor"/><ellipse cy="-168" rx="58" ry="84" fill="currentColor"/>` +
      `<ellipse cy="-164" rx="44" ry="68" fill="#2E1C10" fill-opacity=".28"/><path d="M-4 -40v14M-4 0v14M-4 40v14M-4 80v14M-4 120v14" stroke="#2E1C10" stroke-opacity=".5" stroke-width="5" stroke-linecap="round"/>` +
      `<path d="M0 150l10 18l-10 18l-10 -18z" fill="${c.acc}"/><path d="M-58 -168a58 84 0 0 0 116 0" fill="none" stroke="#fff" stroke-opacity=".25" stroke-width="6"/></g>`,
  );
  const three = r() > 0.5;
  return (
    `<use xlink:href="#${c.id}k" transform="translate(330 430) rotate(-18)"/>` +
    `<use xlink:href="#${c.id}k" transform="translate(470 440) rotate(16) scale(.9)"/>` +
    (three ? `<use xlink:href="#${c.id}k" transform="translate(400 470) scale(.7)"/>` : '')
  );
}

// ---------------------------------------------------------------- shellcraft

/** Shell pieces reused by the shell drawings: a scallop, a cowrie, a starfish, a turret shell. */
function shellDefs(c: Ctx): void {
  let ribs = '';
  for (let i = 0; i <= 8; i++) {
    const a = Math.PI * (1.12 + (0.76 * i) / 8);
    ribs += `M0 55L${f(90 * Math.cos(a))} ${f(55 + 110 * Math.sin(a))}`;
  }
  let edge = 'M-83 10';
  for (let i = 0; i < 9; i++) {
    const a0 = Math.PI * (1.12 + (0.76 * i) / 9);
    const a1 = Math.PI * (1.12 + (0.76 * (i + 1)) / 9);
    const am = (a0 + a1) / 2;
    edge += `Q${f(106 * Math.cos(am))} ${f(55 + 126 * Math.sin(am))} ${f(90 * Math.cos(a1))} ${f(55 + 110 * Math.sin(a1))}`;
  }
  c.defs.push(
    `<g id="${c.id}a"><path d="${edge}L0 55Z" fill="currentColor" stroke="#8A5A44" stroke-width="3"/><path d="${ribs}" stroke="#8A5A44" stroke-opacity=".45" stroke-width="4"/><path d="M-22 50h44v14h-44z" fill="currentColor" stroke="#8A5A44" stroke-width="3"/></g>`,
    `<g id="${c.id}b"><ellipse rx="36" ry="52" fill="#F4E8D4" stroke="#9A7A5A" stroke-width="3"/><ellipse cx="-6" cy="-8" rx="22" ry="34" fill="#E3C9A3"/><path d="M0 -40C8 -10 -8 10 0 40" fill="none" stroke="#6A4A2A" stroke-width="5"/><path d="M-6 -30h-8M-6 -10h-9M-4 10h-9M-4 30h-8M6 -30h8M8 -10h9M6 10h9M4 30h8" stroke="#6A4A2A" stroke-width="3"/></g>`,
    `<g id="${c.id}d"><path d="${star(0, 0, 78, 30, 5)}" fill="${c.acc}" stroke="#8A4A1A" stroke-width="4" stroke-linejoin="round"/><circle r="7" fill="#8A4A1A"/><path d="M0 -18v-40M17 -6l38 -12M11 15l23 32M-11 15l-23 32M-17 -6l-38 -12" stroke="#F7EFDD" stroke-width="6" stroke-dasharray="2 8" stroke-linecap="round"/></g>`,
    `<g id="${c.id}e"><path d="M0 -110L42 70Q0 96 -42 70Z" fill="#E8D2B4" stroke="#8A6A4A" stroke-width="3"/><path d="M-8 -76l20 14M-16 -40l32 18M-26 0l46 22M-34 40l62 22" stroke="#8A5A44" stroke-width="5"/></g>`,
  );
}

function shells(c: Ctx): string {
  const { r } = c;
  shellDefs(c);
  const spots: [string, number, number, number, number][] = [
    ['a', 330, 380, between(r, -25, 5), 1.25],
    ['a', 520, 470, between(r, 5, 35), 0.9],
    ['b', 300, 570, between(r, -40, 40), 1],
    ['e', 470, 300, between(r, 20, 60), 0.9],
    ['d', 430, 590, between(r, 0, 70), 0.85],
  ];
  const chosen = spots.filter((_, i) => i < 3 || r() > 0.35);
  return chosen.map(([k, x, y, a, s]) => `<use xlink:href="#${c.id}${k}" transform="translate(${x} ${y}) rotate(${f(a)}) scale(${s})"/>`).join('');
}

function mirror(c: Ctx): string {
  const { r } = c;
  shellDefs(c);
  const n = pick(r, [12, 14, 16]);
  let ring = '';
  for (let i = 0; i < n; i++) {
    const a = (360 * i) / n;
    const k = i % 2 ? 'b' : 'a';
    ring += `<use xlink:href="#${c.id}${k}" transform="rotate(${f(a)} 400 420) translate(400 ${k === 'a' ? 212 : 232}) scale(${k === 'a' ? 0.42 : 0.5})"/>`;
  }
  c.defs.push(`<linearGradient id="${c.id}m" x2="1" y2="1"><stop offset="0" stop-color="#F4FBFC"/><stop offset=".55" stop-color="#A9CBD2"/><stop offset="1" stop-color="#DDEEF0"/></linearGradient>`);
  return (
    `<circle cx="400" cy="420" r="262" fill="#C9A27A" stroke="#8A6A4A" stroke-width="6"/>` +
    `<circle cx="400" cy="420" r="236" fill="none" stroke="${c.acc}" stroke-width="6" stroke-dasharray="4 10"/>` +
    ring +
    `<circle cx="400" cy="420" r="150" fill="url(#${c.id}m)" stroke="#8A6A4A" stroke-width="8"/>` +
    `<path d="M320 380l60 -60M330 430l100 -100M360 470l40 -40" stroke="#fff" stroke-opacity=".7" stroke-width="10" stroke-linecap="round"/>`
  );
}

function necklace(c: Ctx): string {
  const { r } = c;
  shellDefs(c);
  const P = [
    [200, 150],
    [215, 560],
    [585, 560],
    [600, 150],
  ] as const;
  const at = (t: number): [number, number] => {
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return [w.reduce((s, k, i) => s + k * P[i]![0], 0), w.reduce((s, k, i) => s + k * P[i]![1], 0)];
  };
  const n = pick(r, [7, 9, 11]);
  let items = '';
  for (let i = 0; i <= n + 1; i++) {
    const t = 0.15 + (0.7 * i) / (n + 1);
    const [x, y] = at(t);
    const [x2, y2] = at(t + 0.01);
    const a = (Math.atan2(y2 - y, x2 - x) * 180) / Math.PI;
    items +=
      i % 2
        ? `<circle cx="${f(x)}" cy="${f(y)}" r="13" fill="${i % 4 === 1 ? c.acc : c.acc2}" stroke="#3A2415" stroke-opacity=".4" stroke-width="2"/>`
        : `<use xlink:href="#${c.id}b" transform="translate(${f(x)} ${f(y + 26)}) rotate(${f(a)}) scale(.55)"/>`;
  }
  return (
    `<path d="M200 150C215 560 585 560 600 150" fill="none" stroke="#5A3A22" stroke-width="5"/>` +
    items +
    `<use xlink:href="#${c.id}a" transform="translate(400 560) scale(.8)"/>`
  );
}

// ---------------------------------------------------------------- cosmetics

function bottle(c: Ctx): string {
  const { r } = c;
  const fill = between(r, 0.35, 0.6);
  const body = `M-60 -120Q-60 -150 -30 -160L-22 -190L22 -190L30 -160Q60 -150 60 -120L60 110Q60 130 40 130L-40 130Q-60 130 -60 110Z`;
  c.defs.push(
    `<clipPath id="${c.id}q"><path d="${body}"/></clipPath>`,
    `<g id="${c.id}k"><path d="${body}" fill="#fff" fill-opacity=".35" stroke="#7A6A55" stroke-width="4"/>` +
      `<rect x="-70" y="${f(-150 + 280 * fill)}" width="140" height="300" fill="currentColor" clip-path="url(#${c.id}q)"/>` +
      `<rect x="-46" y="-30" width="92" height="86" fill="#F7EFDD" stroke="#7A5A2A" stroke-width="2"/><path d="M0 -18L26 13L0 44L-26 13Z" fill="${c.acc}"/><path d="M-46 -22h92M-46 48h92" stroke="${c.acc2}" stroke-width="4"/>` +
      `<rect x="-26" y="-222" width="52" height="34" rx="5" fill="#3A2A20"/><path d="M-16 -222C-20 -275 20 -275 16 -222Z" fill="#2A1E18"/>` +
      `<path d="M-44 -110v200" stroke="#fff" stroke-opacity=".55" stroke-width="9" stroke-linecap="round"/></g>`,
  );
  const trio = r() > 0.4;
  return (
    (trio
      ? `<use xlink:href="#${c.id}k" transform="translate(255 500) scale(.72)"/><use xlink:href="#${c.id}k" transform="translate(545 505) scale(.62)"/>`
      : '') +
    `<use xlink:href="#${c.id}k" transform="translate(400 480)"/>` +
    `<path d="M205 640q35 -40 75 -8q-40 35 -75 8zM560 646q40 -35 80 0q-40 30 -80 0z" fill="#6E7F3A"/>` +
    `<ellipse cx="300" cy="650" rx="22" ry="16" fill="#8A5A2C"/><ellipse cx="328" cy="660" rx="18" ry="13" fill="#7A4A22"/><ellipse cx="520" cy="662" rx="20" ry="14" fill="#8A5A2C"/>`
  );
}

function cosmeticJar(c: Ctx): string {
  const body = `M250 480L550 480L545 620Q540 650 510 650L290 650Q260 650 255 620Z`;
  return (
    `<path d="${body}" fill="#F4EBDD" stroke="#8A7A65" stroke-width="4"/><path d="${body}" fill="${volume(c)}"/>` +
    `<rect x="250" y="560" width="300" height="22" fill="${c.acc}"/><path d="${triangles(262, 540, 586, 14)}" fill="${c.acc2}"/>` +
    `<ellipse cx="400" cy="480" rx="150" ry="34" fill="#EDE2D0" stroke="#8A7A65" stroke-width="4"/>` +
    `<ellipse cx="400" cy="484" rx="132" ry="25" fill="currentColor"/><path d="M300 480q50 -24 100 -6q50 -20 90 4" fill="none" stroke="#fff" stroke-opacity=".25" stroke-width="8"/>` +
    `<g transform="rotate(-18 590 420)"><ellipse cx="590" cy="420" rx="120" ry="30" fill="#EDE2D0" stroke="#8A7A65" stroke-width="4"/>` +
    `<path d="M470 420v-34q120 -40 240 0v34" fill="${c.acc}" stroke="#8A7A65" stroke-width="4"/><path d="${star(590, 388, 34, 16, 8, 0.3)}" fill="#F7EFDD"/></g>` +
    `<path d="M210 660q30 -40 70 -8q-40 35 -70 8z" fill="#6E7F3A"/><circle cx="590" cy="655" r="9" fill="currentColor"/><circle cx="614" cy="664" r="6" fill="currentColor"/>`
  );
}

function perfume(c: Ctx): string {
  const { r } = c;
  const rad = between(r, 95, 120);
  const cy = 520;
  c.defs.push(
    `<clipPath id="${c.id}q"><circle cx="400" cy="${cy}" r="${f(rad)}"/></clipPath>`,
    `<linearGradient id="${c.id}y" x2="1" y2="1"><stop offset="0" stop-color="#F8D77A"/><stop offset=".5" stop-color="#B9851E"/><stop offset="1" stop-color="#F1C75A"/></linearGradient>`,
  );
  const top = cy - rad;
  return (
    `<circle cx="400" cy="${cy}" r="${f(rad)}" fill="#fff" fill-opacity=".4" stroke="#7A6A55" stroke-width="4"/>` +
    `<rect x="280" y="${f(cy - rad * between(r, 0.1, 0.4))}" width="240" height="${f(rad * 2)}" fill="currentColor" fill-opacity=".85" clip-path="url(#${c.id}q)"/>` +
    `<path d="M350 ${f(cy + 20)}a50 50 0 0 0 100 0" fill="none" stroke="#fff" stroke-opacity=".4" stroke-width="6"/>` +
    `<rect x="376" y="${f(top - 46)}" width="48" height="50" fill="#fff" fill-opacity=".5" stroke="#7A6A55" stroke-width="4"/>` +
    `<rect x="366" y="${f(top - 56)}" width="68" height="16" rx="4" fill="url(#${c.id}y)"/>` +
    `<path d="M400 ${f(top - 56)}C340 ${f(top - 90)} 360 ${f(top - 150)} 400 ${f(top - 190)}C440 ${f(top - 150)} 460 ${f(top - 90)} 400 ${f(top - 56)}Z" fill="url(#${c.id}y)" stroke="#8A6A1A" stroke-width="3"/>` +
    `<path d="M400 ${f(top - 70)}V${f(top - 176)}M380 ${f(top - 90)}L400 ${f(top - 150)}L420 ${f(top - 90)}" fill="none" stroke="#8A6A1A" stroke-width="3"/>` +
    `<path d="M${f(400 - rad)} ${cy}h${f(2 * rad)}" stroke="url(#${c.id}y)" stroke-width="5" stroke-dasharray="3 7"/>` +
    `<path d="M${f(360 - rad * 0.5)} ${f(cy - 40)}q-20 50 10 90" fill="none" stroke="#fff" stroke-opacity=".7" stroke-width="10" stroke-linecap="round"/>` +
    `<path d="M560 630q12 -30 24 0a12 12 0 0 1 -24 0zM230 640q10 -24 20 0a10 10 0 0 1 -20 0z" fill="currentColor"/>`
  );
}

// ---------------------------------------------------------------- leather

function bag(c: Ctx): string {
  const { r } = c;
  const h = between(r, 250, 310);
  const bottom = 330 + h;
  let fringe = '';
  for (let x = 238; x <= 562; x += 12) fringe += `M${x} ${f(bottom - 4)}v${f(between(r, 40, 70))}`;
  const flap = `M220 350Q220 330 240 330L560 330Q580 330 580 350L580 470L400 ${f(330 + h * 0.78)}L220 470Z`;
  return (
    `<path d="M232 344C220 140 580 140 568 344" fill="none" stroke="currentColor" stroke-width="18"/>` +
    `<path d="M232 344C220 140 580 140 568 344" fill="none" stroke="#F7EFDD" stroke-opacity=".5" stroke-width="3" stroke-dasharray="8 6"/>` +
    `<path d="${fringe}" stroke="currentColor" stroke-width="6" stroke-linecap="round"/>` +
    `<rect x="220" y="330" width="360" height="${f(h)}" rx="28" fill="currentColor"/><rect x="220" y="330" width="360" height="${f(h)}" rx="28" fill="${volume(c)}"/>` +
    `<path d="${flap}" fill="currentColor"/><path d="${flap}" fill="#000" fill-opacity=".12"/>` +
    `<path d="M240 352h320v110L400 ${f(320 + h * 0.75)}L240 462Z" fill="none" stroke="#F7EFDD" stroke-opacity=".75" stroke-width="3" stroke-dasharray="8 6"/>` +
    `<path d="${triangles(260, 540, 368, 18)}" fill="${c.acc}"/>` +
    `<path d="M400 392L446 432L400 472L354 432Z" fill="${c.acc2}" stroke="#2E1C10" stroke-width="3"/><path d="M400 412L424 432L400 452L376 432Z" fill="${c.acc}"/>` +
    `<path d="M300 430l22 20l-22 20l-22 -20zM500 430l22 20l-22 20l-22 -20z" fill="${c.acc2}"/>` +
    `<circle cx="400" cy="${f(330 + h * 0.78)}" r="12" fill="#D9A441" stroke="#2E1C10" stroke-width="3"/>` +
    `<path d="M236 ${f(bottom - 40)}h328" stroke="${c.acc}" stroke-width="8"/>`
  );
}

function pouf(c: Ctx): string {
  const { r } = c;
  const h = between(r, 170, 220);
  const top = 640 - h;
  const body = `M200 ${f(top)}L600 ${f(top)}L600 640A200 62 0 0 1 200 640Z`;
  let stitch = '';
  for (let x = 240; x < 600; x += 54) stitch += `M${x} ${f(top + 50)}v${f(h - 40)}`;
  return (
    `<path d="${body}" fill="currentColor"/>` +
    `<path d="${stitch}" stroke="#F7EFDD" stroke-opacity=".6" stroke-width="4" stroke-dasharray="6 6"/>` +
    `<path d="M200 ${f(top + h * 0.55)}A200 62 0 0 0 600 ${f(top + h * 0.55)}" fill="none" stroke="${c.acc}" stroke-width="24"/>` +
    `<path d="M200 ${f(top + h * 0.55)}A200 62 0 0 0 600 ${f(top + h * 0.55)}" fill="none" stroke="${c.acc2}" stroke-width="8" stroke-dasharray="10 10"/>` +
    `<path d="${body}" fill="${volume(c)}"/>` +
    `<ellipse cx="400" cy="${f(top)}" rx="200" ry="62" fill="currentColor" stroke="#2E1C10" stroke-opacity=".3" stroke-width="3"/><ellipse cx="400" cy="${f(top)}" rx="200" ry="62" fill="#fff" fill-opacity=".12"/>` +
    `<path d="${star(400, top, 130, 62, 8, 0.3)}" fill="${c.acc}" stroke="#2E1C10" stroke-opacity=".4" stroke-width="3"/>` +
    `<path d="${star(400, top, 62, 30, 8, 0.3)}" fill="${c.acc2}"/><ellipse cx="400" cy="${f(top)}" rx="16" ry="6" fill="#2E1C10"/>` +
    `<ellipse cx="400" cy="${f(top)}" rx="178" ry="52" fill="none" stroke="#F7EFDD" stroke-opacity=".6" stroke-width="3" stroke-dasharray="6 6"/>`
  );
}

function sandal(c: Ctx): string {
  const sole = `M0 -150C55 -150 60 -60 52 0C46 60 60 120 40 150C20 172 -20 172 -40 150C-58 120 -46 60 -52 0C-60 -60 -55 -150 0 -150Z`;
  c.defs.push(
    `<g id="${c.id}k"><path d="${sole}" fill="#6B3F22" transform="scale(1.08)"/><path d="${sole}" fill="currentColor"/>` +
      `<path d="M-52 -30Q0 -60 52 -30L54 20Q0 -8 -54 20Z" fill="${c.acc}" stroke="#2E1C10" stroke-width="3"/>` +
      `<path d="M-44 -24Q0 -48 44 -24" fill="none" stroke="#F7EFDD" stroke-width="3" stroke-dasharray="6 5"/>` +
      `<circle cy="-4" r="9" fill="${c.acc2}"/><circle cx="-28" cy="-2" r="6" fill="${c.acc2}"/><circle cx="28" cy="-2" r="6" fill="${c.acc2}"/>` +
      `<path d="M0 -112V-40" stroke="${c.acc}" stroke-width="10"/><circle cy="-112" r="10" fill="${c.acc}"/>` +
      `<path d="M-38 60Q0 80 38 60" fill="none" stroke="#2E1C10" stroke-opacity=".3" stroke-width="3"/></g>`,
  );
  return `<use xlink:href="#${c.id}k" transform="translate(320 430) rotate(-9) scale(1.35)"/><use xlink:href="#${c.id}k" transform="translate(480 420) rotate(9) scale(-1.35 1.35)"/>`;
}

const DRAWINGS: Record<ShapeName, (c: Ctx) => string> = {
  bag,
  pouf,
  sandal,
  jar,
  tajine,
  bowl,
  pendant,
  ring,
  bracelet,
  melhfa,
  rug,
  basket,
  tray,
  box,
  spoon,
  shells,
  mirror,
  necklace,
  bottle,
  perfume,
};

function drawingFor(category: CategorySlug, shape: string): (c: Ctx) => string {
  if (category === 'cosmetics' && shape === 'jar') return cosmeticJar;
  return DRAWINGS[shape as ShapeName];
}

function parseShape(category: CategorySlug, shape?: ArtShape): string {
  const allowed: readonly string[] = SHAPES_BY_CATEGORY[category];
  const name = shape?.split(':')[1];
  if (shape && (!shape.startsWith(`${category}:`) || !name || !allowed.includes(name))) {
    throw new Error(`shape ${shape} does not belong to category ${category}`);
  }
  return name ?? (allowed[0] as string);
}

/** Draws the object once, as <g id="…o"> in defs; returns the defs and the object's main colour. */
function objectDefs(seed: string, category: CategorySlug, shape: string, tint?: string) {
  const r = seededRandom(`${seed}|object`);
  const id = `k${(seededRandom(seed)() * 36 ** 4).toString(36).slice(0, 4).replace('.', '')}`;
  const main = tint ?? pick(r, MAIN_COLOURS[category]);
  const acc = pickOther(r, ACCENTS, main);
  const acc2 = pickOther(r, ACCENTS, acc);
  const c: Ctx = { r, id, defs: [], acc, acc2 };
  const body = drawingFor(category, shape)(c);
  return { id, main, defs: `${c.defs.join('')}<g id="${id}o">${body}</g>` };
}

/** Small objects are shown larger in the main view. */
const ZOOM: Partial<Record<string, number>> = { ring: 1.3, pendant: 1.1, bracelet: 1.15, sandal: 1.05, shells: 1.15, necklace: 1.05, perfume: 1.05 };

/** Where the object's centre (400, 420) goes, and at what scale. */
const place = (x: number, y: number, s: number): string =>
  `translate(${f(x - 400 * s)} ${f(y - 420 * s)}) scale(${Math.round(s * 100) / 100})`;

function background(r: Rand, id: string, size: number): { defs: string; body: string } {
  const [top, bottom] = pick(r, BACKGROUNDS);
  const s = size / 800;
  const sunX = between(r, 120, 680) * s;
  const dune = `M0 ${f(640 * s)}C${f(200 * s)} ${f(between(r, 580, 620) * s)} ${f(420 * s)} ${f(between(r, 660, 700) * s)} ${f(size)} ${f(610 * s)}V${size}H0Z`;
  return {
    defs: `<linearGradient id="${id}g" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
    body:
      `<rect width="${size}" height="${size}" fill="url(#${id}g)"/>` +
      `<circle cx="${f(sunX)}" cy="${f(150 * s)}" r="${f(between(r, 70, 120) * s)}" fill="#fff" fill-opacity=".35"/>` +
      `<path d="${dune}" fill="#C8A068" fill-opacity=".18"/>`,
  };
}

const svgOpen = (size: number): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`;

export interface ProductImageOptions {
  /** The product id: the same seed gives the same object in every view. */
  seed: string;
  category: CategorySlug;
  shape?: ArtShape;
  /** Overrides the object's main colour. */
  tint?: string;
  /** 0: the whole object; 1: a close-up; 2: two pieces in different colours. */
  view: number;
}

/** An 800×800 product illustration. */
export function productImageSvg({ seed, category, shape, tint, view }: ProductImageOptions): string {
  const name = parseShape(category, shape);
  const obj = objectDefs(seed, category, name, tint);
  const r = seededRandom(`${seed}|view${view}`);
  const bg = background(r, obj.id, PRODUCT_IMAGE_SIZE);
  const use = (transform: string, colour: string) => `<use xlink:href="#${obj.id}o" color="${colour}" transform="${transform}"/>`;
  const shadow = (x: number, y: number, rx: number) => `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(rx * 0.14)}" fill="#3A2415" fill-opacity=".16"/>`;
  let scene: string;
  if (view % 3 === 1) {
    const s = between(r, 1.6, 2);
    scene = use(place(400 + between(r, -120, 120), 400 + between(r, -80, 140), s), obj.main);
  } else if (view % 3 === 2) {
    const other = pickOther(r, MAIN_COLOURS[category], obj.main);
    scene = shadow(270, 690, 170) + shadow(590, 700, 120) + use(place(270, 440, 0.68), obj.main) + use(place(590, 530, 0.5), other);
  } else {
    const s = (ZOOM[name] ?? 1) * between(r, 0.9, 1);
    scene = shadow(400, 420 + 245 * s, 240 * s) + use(place(400, 420, s), obj.main);
  }
  return `${svgOpen(PRODUCT_IMAGE_SIZE)}<defs>${bg.defs}${obj.defs}</defs>${bg.body}${scene}</svg>`;
}

export interface PortraitOptions {
  seed: string;
  craft: CategorySlug;
  /** Shows the lagoon and the ocean behind the dunes. */
  coastal: boolean;
}

/** A 600×600 shop portrait: a stylised desert or lagoon scene with the craft in a medallion. */
export function shopPortraitSvg({ seed, craft, coastal }: PortraitOptions): string {
  const obj = objectDefs(seed, craft, SHAPES_BY_CATEGORY[craft][0]);
  const r = seededRandom(`${seed}|portrait`);
  const id = obj.id;
  const [skyTop, skyBottom] = pick(r, [
    ['#F2B98A', '#FBE9CF'],
    ['#AFD3D8', '#F6EEDC'],
    ['#E59A74', '#F7D9B5'],
    ['#C9B8DC', '#F8E2C8'],
  ] as const);
  const sunX = between(r, 80, 520);
  const horizon = between(r, 330, 370);
  const sea = coastal
    ? `<rect y="${f(horizon)}" width="600" height="80" fill="#1E7A78"/><path d="M40 ${f(horizon + 20)}h60M180 ${f(horizon + 34)}h80M380 ${f(horizon + 18)}h70M470 ${f(horizon + 44)}h60" stroke="#fff" stroke-opacity=".5" stroke-width="4" stroke-linecap="round"/>`
    : '';
  const d1 = `M0 ${f(horizon + (coastal ? 60 : 0))}C150 ${f(horizon - 40)} 300 ${f(horizon + 40)} 600 ${f(horizon - 10)}V600H0Z`;
  const d2 = `M0 ${f(horizon + 110)}C200 ${f(horizon + 50)} 380 ${f(horizon + 140)} 600 ${f(horizon + 80)}V600H0Z`;
  const tx = pick(r, [80, 520]);
  const landmark =
    r() > 0.5
      ? `<path d="M${tx - 70} ${f(horizon + 70)}L${tx - 44} ${f(horizon + 22)}Q${tx} ${f(horizon)} ${tx + 44} ${f(horizon + 22)}L${tx + 70} ${f(horizon + 70)}Z" fill="#4A2E1E"/><path d="M${tx - 12} ${f(horizon + 70)}L${tx} ${f(horizon + 34)}L${tx + 12} ${f(horizon + 70)}Z" fill="#E9C98F"/>`
      : `<path d="M${tx} ${f(horizon + 80)}C${tx - 6} ${f(horizon + 20)} ${tx + 8} ${f(horizon - 30)} ${tx + 4} ${f(horizon - 70)}" fill="none" stroke="#5A3A22" stroke-width="10"/>` +
        `<path d="M${tx + 4} ${f(horizon - 70)}q-50 -10 -70 30M${tx + 4} ${f(horizon - 70)}q50 -10 70 30M${tx + 4} ${f(horizon - 70)}q-30 -40 -70 -30M${tx + 4} ${f(horizon - 70)}q30 -40 70 -30" fill="none" stroke="#3E6B3A" stroke-width="12" stroke-linecap="round"/>`;
  return (
    `${svgOpen(PORTRAIT_SIZE)}<defs><linearGradient id="${id}g" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient><clipPath id="${id}r"><circle cx="300" cy="290" r="122"/></clipPath>${obj.defs}</defs>` +
    `<rect width="600" height="600" fill="url(#${id}g)"/>` +
    `<circle cx="${f(sunX)}" cy="${f(between(r, 90, 150))}" r="${f(between(r, 40, 60))}" fill="#FFF3D6" fill-opacity=".9"/>` +
    sea +
    `<path d="${d1}" fill="#E2BE84"/>` +
    landmark +
    `<path d="${d2}" fill="#D1A05F"/>` +
    `<circle cx="300" cy="290" r="142" fill="#F7EFDD" stroke="#7A4A22" stroke-width="10"/>` +
    `<circle cx="300" cy="290" r="125" fill="none" stroke="${pick(r, ['#C47A2C', '#1E7A78', '#2B3A67', '#B4532A'])}" stroke-width="8" stroke-dasharray="14 8"/>` +
    `<g clip-path="url(#${id}r)"><use xlink:href="#${id}o" color="${obj.main}" transform="${place(300, 296, 0.4)}"/></g>` +
    `</svg>`
  );
}
