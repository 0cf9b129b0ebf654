import type { Category, Product, Shop, Variant } from '../../../shared/domain/catalogue.ts';
import type { Localized } from '../../../shared/domain/locales.ts';
import { DEFAULT_DISPLAY_RATES, type DisplayRates } from '../../../shared/domain/money.ts';
import { categories } from './categories.ts';
import { shopPortraitSvg } from './images.ts';
import { products } from './products.ts';
import { COASTAL_TOWNS, portraitKey, shops } from './shops.ts';

/**
 * The demo catalogue `npm start` loads into the local store: categories, shops (with a
 * portrait each), products with their variants and generated pictures, and display rates.
 */

export interface DemoImage {
  id: string;
  key: string;
  position: number;
  alt: Localized;
  width: number;
  height: number;
  svg: string;
}
export interface DemoProduct {
  product: Product;
  variants: Variant[];
  images: DemoImage[];
}
export interface DemoShop {
  shop: Shop;
  portrait: { key: string; svg: string };
}
export interface DemoData {
  categories: Category[];
  shops: DemoShop[];
  products: DemoProduct[];
  rates: DisplayRates;
}

/** Approximate: units of each display currency per 1 MAD. */
const rates: DisplayRates = DEFAULT_DISPLAY_RATES;

export const demoData: DemoData = {
  categories,
  shops: shops.map((shop) => ({
    shop,
    portrait: {
      key: shop.portraitKey ?? portraitKey(shop.id),
      svg: shopPortraitSvg({ seed: shop.id, craft: shop.craft, coastal: COASTAL_TOWNS.has(shop.town) }),
    },
  })),
  products,
  rates,
};
