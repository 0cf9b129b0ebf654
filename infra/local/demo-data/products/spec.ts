import type { CategorySlug, Product, ProductStatus } from '../../../../shared/domain/catalogue.ts';
import type { Locale } from '../../../../shared/domain/locales.ts';
import type { ArtShape } from '../images.ts';

/** Text in all four of the store's languages: the demo data always gives every one. */
export type Text4 = Record<Locale, string>;

export interface VariantSpec {
  sku: string;
  label: Text4;
  /** MAD centimes. */
  price: number;
  stock: number;
}

/** How a craft file describes a product; products.ts adds dates, price and images. */
export interface ProductSpec {
  id: string;
  shopId: string;
  category: CategorySlug;
  /** Which drawing illustrates it, and optionally its main colour. */
  art: ArtShape;
  tint?: string;
  title: Text4;
  description: Text4;
  materials: Text4;
  variants: VariantSpec[];
  weightGrams?: number;
  dimensionsCm?: Product['dimensionsCm'];
  leadTimeDays?: number;
  /** Published unless said otherwise. */
  status?: ProductStatus;
  /** Fixed dates, for products whose shop's own dates they must follow. */
  createdAt?: string;
  /** Two pictures instead of three. */
  twoImages?: boolean;
}

export const variant = (sku: string, label: Text4, price: number, stock: number): VariantSpec => ({ sku, label, price, stock });

// ---- labels shared by many products

export const ONE_SIZE: Text4 = { ar: 'مقاس واحد', fr: 'Taille unique', en: 'One size', es: 'Talla única' };
export const ONE_OF_A_KIND: Text4 = { ar: 'قطعة فريدة', fr: 'Pièce unique', en: 'One of a kind', es: 'Pieza única' };
export const STANDARD: Text4 = { ar: 'النموذج الأصلي', fr: 'Modèle standard', en: 'Standard', es: 'Modelo estándar' };

export const shoeSize = (n: number): Text4 => ({ ar: `المقاس ${n}`, fr: `Pointure ${n}`, en: `EU size ${n}`, es: `Talla ${n}` });
export const ringSize = (n: number): Text4 => ({ ar: `مقاس الخاتم ${n}`, fr: `Taille ${n}`, en: `Ring size ${n} (EU)`, es: `Talla ${n}` });
export const ml = (n: number): Text4 => ({ ar: `${n} مل`, fr: `${n} ml`, en: `${n} ml`, es: `${n} ml` });
export const grams = (n: number): Text4 => ({ ar: `${n} غ`, fr: `${n} g`, en: `${n} g`, es: `${n} g` });
export const diameter = (n: number): Text4 => ({ ar: `القطر ${n} سم`, fr: `Ø ${n} cm`, en: `Ø ${n} cm`, es: `Ø ${n} cm` });
export const setOf = (n: number): Text4 => ({ ar: `طقم من ${n}`, fr: `Lot de ${n}`, en: `Set of ${n}`, es: `Lote de ${n}` });

export const SIZES = {
  S: { ar: 'صغير', fr: 'Petit', en: 'Small', es: 'Pequeño' },
  M: { ar: 'متوسط', fr: 'Moyen', en: 'Medium', es: 'Mediano' },
  L: { ar: 'كبير', fr: 'Grand', en: 'Large', es: 'Grande' },
  XL: { ar: 'كبير جدا', fr: 'Très grand', en: 'Extra large', es: 'Muy grande' },
} satisfies Record<string, Text4>;

export const COLOURS = {
  indigo: { ar: 'نيلي', fr: 'Indigo', en: 'Indigo', es: 'Índigo' },
  black: { ar: 'أسود', fr: 'Noir', en: 'Black', es: 'Negro' },
  saffron: { ar: 'زعفراني', fr: 'Safran', en: 'Saffron', es: 'Azafrán' },
  rose: { ar: 'وردي', fr: 'Rose', en: 'Rose', es: 'Rosa' },
  teal: { ar: 'أزرق بحري', fr: 'Bleu lagune', en: 'Lagoon teal', es: 'Azul laguna' },
  henna: { ar: 'لون الحناء', fr: 'Henné', en: 'Henna red', es: 'Rojo henna' },
  natural: { ar: 'لون طبيعي', fr: 'Naturel', en: 'Natural', es: 'Natural' },
  ochre: { ar: 'مغرة', fr: 'Ocre', en: 'Ochre', es: 'Ocre' },
  green: { ar: 'أخضر', fr: 'Vert', en: 'Green', es: 'Verde' },
  white: { ar: 'أبيض', fr: 'Blanc', en: 'White', es: 'Blanco' },
  violet: { ar: 'بنفسجي', fr: 'Violet', en: 'Violet', es: 'Violeta' },
} satisfies Record<string, Text4>;

// ---- materials shared by many products

export const MATERIALS = {
  goatLeather: {
    ar: 'جلد الماعز المدبوغ بالنباتات، خيط قطني',
    fr: 'Cuir de chèvre tanné aux végétaux, fil de coton',
    en: 'Vegetable-tanned goat leather, cotton thread',
    es: 'Cuero de cabra curtido con vegetales, hilo de algodón',
  },
  camelLeather: {
    ar: 'جلد الإبل، جلد الماعز المصبوغ',
    fr: 'Cuir de dromadaire, cuir de chèvre teint',
    en: 'Camel leather, dyed goat leather',
    es: 'Cuero de dromedario, cuero de cabra teñido',
  },
  clay: {
    ar: 'فخار من طين محلي، أكاسيد طبيعية',
    fr: 'Terre cuite locale, engobes aux oxydes naturels',
    en: 'Local earthenware clay, natural oxide slips',
    es: 'Barro local, engobes de óxidos naturales',
  },
  glazedClay: {
    ar: 'فخار مطلي بطلاء خال من الرصاص',
    fr: 'Terre cuite émaillée, émail sans plomb',
    en: 'Glazed earthenware, lead-free glaze',
    es: 'Barro esmaltado, esmalte sin plomo',
  },
  silver: {
    ar: 'فضة عيار 925',
    fr: 'Argent 925',
    en: 'Sterling silver (925)',
    es: 'Plata de ley 925',
  },
  voile: {
    ar: 'قماش الفوال القطني، أصباغ نسيجية',
    fr: 'Voile de coton, teintures textiles',
    en: 'Cotton voile, textile dyes',
    es: 'Gasa de algodón, tintes textiles',
  },
  wool: {
    ar: 'صوف الغنم ووبر الإبل، أصباغ طبيعية',
    fr: 'Laine de mouton et poil de dromadaire, teintures naturelles',
    en: 'Sheep wool and camel hair, natural dyes',
    es: 'Lana de oveja y pelo de dromedario, tintes naturales',
  },
  palm: {
    ar: 'سعف النخيل والدوم، أصباغ نباتية',
    fr: 'Feuilles de palmier et de doum, teintures végétales',
    en: 'Date-palm and doum-palm leaves, plant dyes',
    es: 'Hojas de palmera y de palmito doum, tintes vegetales',
  },
  acacia: {
    ar: 'خشب الطلح، زيت الكتان',
    fr: "Bois d'acacia, huile de lin",
    en: 'Acacia wood, linseed oil',
    es: 'Madera de acacia, aceite de linaza',
  },
  shells: {
    ar: 'أصداف وقواقع من شاطئ الداخلة',
    fr: 'Coquillages ramassés sur les plages de Dakhla',
    en: 'Shells gathered on the beaches of Dakhla',
    es: 'Conchas recogidas en las playas de Dajla',
  },
  argan: {
    ar: 'زيت أركان عضوي معصور على البارد',
    fr: "Huile d'argan biologique pressée à froid",
    en: 'Organic cold-pressed argan oil',
    es: 'Aceite de argán ecológico prensado en frío',
  },
} satisfies Record<string, Text4>;
