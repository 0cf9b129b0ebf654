import type { Product } from '../../../shared/domain/catalogue.ts';
import type { Localized } from '../../../shared/domain/locales.ts';
import type { DemoImage, DemoProduct } from './index.ts';
import { PRODUCT_IMAGE_SIZE, productImageSvg } from './images.ts';
import { basketry } from './products/basketry.ts';
import { cosmetics } from './products/cosmetics.ts';
import { jewellery } from './products/jewellery.ts';
import { leather } from './products/leather.ts';
import { pottery } from './products/pottery.ts';
import type { ProductSpec, Text4 } from './products/spec.ts';
import { shellcraft } from './products/shellcraft.ts';
import { textiles } from './products/textiles.ts';
import { woodwork } from './products/woodwork.ts';

/**
 * Turns the craft files' specs into catalogue products: price from the cheapest variant,
 * dates spread over 2025-2026 with the crafts interleaved (so "newest first" mixes them),
 * and two or three generated pictures each.
 */

const CRAFTS: ProductSpec[][] = [leather, pottery, jewellery, textiles, basketry, woodwork, shellcraft, cosmetics];

const FIRST_DAY = Date.parse('2025-02-10T08:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const VIEWS: Text4[] = [
  { ar: 'منظر عام', fr: 'vue d’ensemble', en: 'full view', es: 'vista general' },
  { ar: 'تفاصيل عن قرب', fr: 'détail', en: 'close-up', es: 'detalle' },
  { ar: 'مع قطعة بلون آخر', fr: 'avec une pièce d’un autre coloris', en: 'with a piece in another colour', es: 'con una pieza de otro color' },
];

/** Round-robin over the crafts: the order in which the products were "created". */
function interleaved(): ProductSpec[] {
  const out: ProductSpec[] = [];
  const longest = Math.max(...CRAFTS.map((c) => c.length));
  for (let i = 0; i < longest; i++) for (const craft of CRAFTS) if (craft[i]) out.push(craft[i]!);
  return out;
}

function dates(spec: ProductSpec, rank: number): Pick<Product, 'createdAt' | 'updatedAt' | 'publishedAt'> {
  const status = spec.status ?? 'published';
  const created = spec.createdAt
    ? Date.parse(spec.createdAt)
    : FIRST_DAY + rank * 8 * DAY + ((rank * 7) % 10) * HOUR + ((rank * 13) % 60) * 60_000;
  const iso = (t: number) => new Date(t).toISOString();
  if (status === 'draft') return { createdAt: iso(created), updatedAt: iso(created + 3 * DAY) };
  const published = created + (spec.createdAt ? 1 : 1 + (rank % 3)) * DAY + 2 * HOUR;
  const updated = status === 'archived' ? published + 45 * DAY : published + ((Math.max(rank, 0) * 5) % 40) * DAY;
  return { createdAt: iso(created), updatedAt: iso(updated), publishedAt: iso(published) };
}

function images(spec: ProductSpec): DemoImage[] {
  const count = spec.twoImages ? 2 : 3;
  return Array.from({ length: count }, (_, view) => {
    const id = `img-${spec.id.replace(/^prd-/, '')}-${view + 1}`;
    const alt: Localized = {
      ar: `${spec.title.ar}، ${VIEWS[view]!.ar}`,
      fr: `${spec.title.fr} – ${VIEWS[view]!.fr}`,
      en: `${spec.title.en} – ${VIEWS[view]!.en}`,
      es: `${spec.title.es} – ${VIEWS[view]!.es}`,
    };
    const svg = productImageSvg({ seed: spec.id, category: spec.category, shape: spec.art, view, ...(spec.tint ? { tint: spec.tint } : {}) });
    return { id, key: `products/${spec.id}/${id}.svg`, position: view, alt, width: PRODUCT_IMAGE_SIZE, height: PRODUCT_IMAGE_SIZE, svg };
  });
}

function toDemoProduct(spec: ProductSpec, rank: number): DemoProduct {
  const product: Product = {
    id: spec.id,
    shopId: spec.shopId,
    category: spec.category,
    title: spec.title,
    description: spec.description,
    materials: spec.materials,
    status: spec.status ?? 'published',
    price: Math.min(...spec.variants.map((v) => v.price)),
    ...(spec.weightGrams ? { weightGrams: spec.weightGrams } : {}),
    ...(spec.dimensionsCm ? { dimensionsCm: spec.dimensionsCm } : {}),
    ...(spec.leadTimeDays !== undefined ? { leadTimeDays: spec.leadTimeDays } : {}),
    ...dates(spec, rank),
  };
  return { product, variants: spec.variants.map((v) => ({ ...v })), images: images(spec) };
}

export const products: DemoProduct[] = (() => {
  let rank = 0;
  return interleaved().map((spec) => toDemoProduct(spec, spec.createdAt ? -1 : rank++));
})();
