import type { MyProduct, ProductBody } from '../../../shared/api/artisan.ts';
import { CATEGORY_SLUGS } from './constants.ts';
import { LOCALES, type Locale, type Localized } from '../../../shared/domain/locales.ts';
import { centimesToInput, parseDecimal, parseMadInput, parseWhole } from './money.ts';
import { slugify } from './slug.ts';

/**
 * The product editor's form: what the artisan types (strings, dirhams) ↔ the API's body
 * (integer centimes, whole numbers). Problems come back keyed like the API's `error.fields`
 * (`variants.0.price`), with a message key, so both land on the same field.
 */
export interface VariantRow {
  /** Stable key for rendering. */
  key: string;
  label: Localized;
  sku: string;
  /** True once the artisan typed a SKU of their own: stop suggesting one. */
  skuEdited: boolean;
  price: string;
  stock: string;
}

export interface ProductForm {
  title: Localized;
  description: Localized;
  materials: Localized;
  category: string;
  variants: VariantRow[];
  weight: string;
  length: string;
  width: string;
  height: string;
  madeToOrder: boolean;
  leadTime: string;
}

export type FormProblem = 'required' | 'oneLanguage' | 'price' | 'minPrice' | 'stock' | 'number' | 'sku' | 'skuTwice' | 'dimensions' | 'leadTime' | 'choose';

let rowCounter = 0;
export const newVariantRow = (over: Partial<VariantRow> = {}): VariantRow => ({
  key: `row-${++rowCounter}`,
  label: {},
  sku: '',
  skuEdited: false,
  price: '',
  stock: '1',
  ...over,
});

export const emptyProductForm = (): ProductForm => ({
  title: {},
  description: {},
  materials: {},
  category: '',
  variants: [newVariantRow()],
  weight: '',
  length: '',
  width: '',
  height: '',
  madeToOrder: false,
  leadTime: '',
});

export function formFromProduct(mine: MyProduct, locale: Locale): ProductForm {
  const { product, variants } = mine;
  return {
    title: product.title,
    description: product.description,
    materials: product.materials ?? {},
    category: product.category,
    variants: variants.map((v) => newVariantRow({ label: v.label, sku: v.sku, skuEdited: true, price: centimesToInput(v.price, locale), stock: String(v.stock) })),
    weight: product.weightGrams ? String(product.weightGrams) : '',
    length: product.dimensionsCm ? String(product.dimensionsCm.length) : '',
    width: product.dimensionsCm ? String(product.dimensionsCm.width) : '',
    height: product.dimensionsCm ? String(product.dimensionsCm.height) : '',
    madeToOrder: (product.leadTimeDays ?? 0) > 0,
    leadTime: product.leadTimeDays ? String(product.leadTimeDays) : '',
  };
}

function compact(value: Localized): Localized | undefined {
  const out: Localized = {};
  for (const l of LOCALES) {
    const text = value[l]?.trim();
    if (text) out[l] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A SKU suggested from the title: "SAC-EN-CUIR-1". */
export function suggestSku(title: Localized, index: number): string {
  const base = (LOCALES.map((l) => slugify(title[l] ?? '')).find((s) => s.length >= 2) ?? 'ART')
    .toUpperCase()
    .slice(0, 24)
    .replace(/-+$/, '');
  return `${base}-${index + 1}`;
}

/** Fills SKUs the artisan did not type, and keeps them unique. */
export function withSuggestedSkus(form: ProductForm): VariantRow[] {
  return form.variants.map((row, index) => (row.skuEdited && row.sku.trim() ? row : { ...row, sku: suggestSku(form.title, index) }));
}

export function toProductBody(form: ProductForm): { body?: ProductBody; problems: Record<string, FormProblem> } {
  const problems: Record<string, FormProblem> = {};
  const title = compact(form.title);
  const description = compact(form.description);
  if (!title) problems.title = 'oneLanguage';
  if (!description) problems.description = 'oneLanguage';
  if (!(CATEGORY_SLUGS as readonly string[]).includes(form.category)) problems.category = 'choose';
  if (form.variants.length === 0) problems.variants = 'required';
  const rows = withSuggestedSkus(form);
  const skus = new Set<string>();
  const variants = rows.map((row, i) => {
    const label = compact(row.label);
    if (!label) problems[`variants.${i}.label`] = 'oneLanguage';
    const sku = row.sku.trim().toUpperCase();
    if (!/^[A-Z0-9-]{3,40}$/.test(sku)) problems[`variants.${i}.sku`] = 'sku';
    else if (skus.has(sku)) problems[`variants.${i}.sku`] = 'skuTwice';
    skus.add(sku);
    const price = parseMadInput(row.price);
    if (price === undefined) problems[`variants.${i}.price`] = 'price';
    else if (price < 100) problems[`variants.${i}.price`] = 'minPrice';
    const stock = parseWhole(row.stock);
    if (stock === undefined || stock > 100_000) problems[`variants.${i}.stock`] = 'stock';
    return { sku, label: label ?? {}, price: price ?? 0, stock: stock ?? 0 };
  });
  let weightGrams: number | undefined;
  if (form.weight.trim()) {
    weightGrams = parseWhole(form.weight);
    if (!weightGrams || weightGrams > 100_000) problems.weightGrams = 'number';
  }
  let dimensionsCm: ProductBody['dimensionsCm'];
  const sizes = [form.length, form.width, form.height];
  if (sizes.some((s) => s.trim())) {
    const [length, width, height] = sizes.map((s) => parseDecimal(s));
    if (!length || !width || !height || length > 1000 || width > 1000 || height > 1000) problems.dimensionsCm = 'dimensions';
    else dimensionsCm = { length, width, height };
  }
  let leadTimeDays: number | undefined;
  if (form.madeToOrder) {
    leadTimeDays = parseWhole(form.leadTime);
    if (leadTimeDays === undefined || leadTimeDays < 1 || leadTimeDays > 120) problems.leadTimeDays = 'leadTime';
  }
  if (Object.keys(problems).length) return { problems };
  const materials = compact(form.materials);
  return {
    problems,
    body: {
      title: title!,
      description: description!,
      category: form.category as ProductBody['category'],
      variants: variants as ProductBody['variants'],
      ...(materials ? { materials } : {}),
      ...(weightGrams ? { weightGrams } : {}),
      ...(dimensionsCm ? { dimensionsCm } : {}),
      ...(leadTimeDays !== undefined ? { leadTimeDays } : {}),
    },
  };
}
