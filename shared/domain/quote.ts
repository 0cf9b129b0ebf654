import type { QuoteLine, QuoteProblem, Quote, ShippingEstimate, ShopQuote } from '../api/orders.ts';
import type { Product, Shop, Variant } from './catalogue.ts';
import { isListed } from './catalogue-index.ts';
import { approximate, type DisplayRates } from './money.ts';
import { DEFAULT_WEIGHT_GRAMS, parcelShipping, shippingZone, type ShippingRates } from './shipping.ts';

/**
 * A cart priced now: current prices and stock, one parcel per artisan priced by zone and
 * weight. Pure: the caller reads the products, variants, shops and settings it names.
 */
export interface CatalogueSnapshot {
  products: Map<string, Product & { coverKey?: string }>;
  variants: Map<string, Variant>; // by `${productId}/${sku}`
  shops: Map<string, Shop>;
}

export function priceCart(
  lines: { productId: string; sku: string; quantity: number }[],
  destination: { country: string; city?: string | undefined },
  snapshot: CatalogueSnapshot,
  settings: { shipping: ShippingRates; rates: DisplayRates },
): Quote {
  const zone = shippingZone(destination);
  const problems: QuoteProblem[] = [];
  const byShop = new Map<string, { shop: Shop; lines: QuoteLine[] }>();
  for (const line of lines) {
    const product = snapshot.products.get(line.productId);
    const variant = snapshot.variants.get(`${line.productId}/${line.sku}`);
    const shop = product ? snapshot.shops.get(product.shopId) : undefined;
    if (!product || !variant || !shop || !isListed(product, shop)) {
      problems.push({ productId: line.productId, sku: line.sku, issue: 'unavailable' });
      continue;
    }
    if (shop.holiday) {
      problems.push({ productId: line.productId, sku: line.sku, issue: 'shop_on_holiday', ...(shop.holiday.message ? { message: shop.holiday.message } : {}) });
      continue;
    }
    if (variant.stock < line.quantity) {
      problems.push({ productId: line.productId, sku: line.sku, issue: 'insufficient_stock', available: variant.stock });
      continue;
    }
    const group = byShop.get(shop.id) ?? { shop, lines: [] };
    group.lines.push({
      productId: product.id,
      sku: variant.sku,
      title: product.title,
      label: variant.label,
      unitPrice: variant.price,
      quantity: line.quantity,
      weightGrams: product.weightGrams ?? DEFAULT_WEIGHT_GRAMS,
      approx: approximate(variant.price * line.quantity, settings.rates),
      ...(product.coverKey ? { coverKey: product.coverKey } : {}),
    });
    byShop.set(shop.id, group);
  }
  const shops: ShopQuote[] = [...byShop.values()].map(({ shop, lines: shopLines }) => {
    const subtotal = shopLines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    const weight = shopLines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
    const { shipping, days } = parcelShipping(settings.shipping, destination, weight);
    return { shopId: shop.id, shopName: shop.name, lines: shopLines, subtotal, shipping, total: subtotal + shipping, days };
  });
  const items = shops.reduce((sum, s) => sum + s.subtotal, 0);
  const shipping = shops.reduce((sum, s) => sum + s.shipping, 0);
  return { zone, shops, totals: { items, shipping, total: items + shipping }, approx: approximate(items + shipping, settings.rates), problems };
}

/**
 * The product page's estimate: the parcel this product (× quantity) makes on its own, priced as
 * `priceCart` prices each artisan's parcel (the same weight rule, the same `parcelShipping`).
 * Undefined when the product is not on sale.
 */
export function estimateShipping(
  item: { productId: string; quantity: number },
  destination: { country: string; city?: string | undefined },
  snapshot: CatalogueSnapshot,
  settings: { shipping: ShippingRates; rates: DisplayRates },
): Omit<ShippingEstimate, 'countryFrom'> | undefined {
  const product = snapshot.products.get(item.productId);
  const shop = product ? snapshot.shops.get(product.shopId) : undefined;
  if (!product || !shop || !isListed(product, shop)) return undefined;
  const { zone, shipping, days } = parcelShipping(settings.shipping, destination, (product.weightGrams ?? DEFAULT_WEIGHT_GRAMS) * item.quantity);
  return { shopId: shop.id, country: destination.country, zone, shipping, approx: approximate(shipping, settings.rates), days };
}
