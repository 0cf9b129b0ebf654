import { describe, expect, it } from 'vitest';
import { dynamoItemSize } from '../../test/support/dynamo-item-size.ts';
import { productBody, shopProfileBody } from '../api/artisan.ts';
import { checkoutBody, customerSchema, MAX_CART_LINES, MAX_QUANTITY } from '../api/orders.ts';
import { catalogueEntries, productItem } from './catalogue-writes.ts';
import { toItem } from './items.ts';
import { MAX_LINK_HASHES } from './operator-orders.ts';
import { keys, orderIndexes, subOrderIndexes } from './keys.ts';
import { MAX_SEARCH_TERMS } from '../domain/catalogue-index.ts';
import { TEXT_LIMITS, type Category, type Product, type Shop, type Variant } from '../domain/catalogue.ts';
import { variantKey } from '../domain/images.ts';
import { LOCALES } from '../domain/locales.ts';
import type { Order, SubOrder } from '../domain/order.ts';
import { priceCart, type CatalogueSnapshot } from '../domain/quote.ts';
import { DEFAULT_SHIPPING_RATES } from '../domain/shipping.ts';
import { searchTerms } from '../domain/text-search.ts';

/**
 * The largest order the API can accept, item by item, against DynamoDB's 400 KB item limit:
 * every text at its maximum length in all four languages, written in a script whose characters
 * take 3 bytes of UTF-8 each (Tifinagh: the most a character counted by `maxLength` can take),
 * 20 lines of 20, every optional field filled. Each input is first checked to be one the API
 * takes, so "largest" means largest accepted.
 */
const ITEM_LIMIT = 400 * 1024;
const widest = (length: number) => 'ⵣ'.repeat(length);
const inAll = (length: number) => Object.fromEntries(LOCALES.map((l) => [l, widest(length)]));
const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(40 - prefix.length - 1, '0')}`;
const at = '2026-12-01T10:00:00.000Z';

const customer = customerSchema.parse({
  name: widest(120),
  email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.ma`,
  phone: '+212612345678',
  address: { line1: widest(200), line2: widest(200), city: widest(80), region: widest(80), postalCode: widest(20), country: 'MA' },
  locale: 'ar',
});

function shopNumber(n: number): Shop {
  const body = shopProfileBody.parse({ name: inAll(TEXT_LIMITS.shopName), craft: 'pottery', story: inAll(TEXT_LIMITS.story), town: widest(TEXT_LIMITS.town), kind: 'cooperative', languages: [...LOCALES], phone: '+212612345678' });
  return { id: id('shp', n), slug: 'x'.repeat(60), status: 'approved', ownerSub: 'u'.repeat(36), createdAt: at, updatedAt: at, approvedAt: at, ...body };
}

function productNumber(n: number, shopId: string): { product: Product & { coverKey: string }; variant: Variant } {
  const body = productBody.parse({
    title: inAll(TEXT_LIMITS.title),
    description: inAll(TEXT_LIMITS.description),
    materials: inAll(TEXT_LIMITS.materials),
    category: 'pottery',
    variants: [{ sku: 'S'.repeat(40), label: inAll(TEXT_LIMITS.variantLabel), price: 100_000_000_00, stock: 100_000 }],
    weightGrams: 100_000,
    dimensionsCm: { length: 1000, width: 1000, height: 1000 },
    leadTimeDays: 120,
  });
  const { variants, ...fields } = body;
  const productId = id('prd', n);
  return {
    product: { ...fields, id: productId, shopId, status: 'published', price: 100_000_000_00, createdAt: at, updatedAt: at, publishedAt: at, coverKey: variantKey(productId, id('img', n), 1600) },
    variant: variants[0]!,
  };
}

/** The order and its sub-orders as checkout and the saga write them, with every field a parcel can gain filled. */
function largestOrder(shopCount: number) {
  const shops = Array.from({ length: shopCount }, (_, i) => shopNumber(i));
  const items = Array.from({ length: MAX_CART_LINES }, (_, i) => productNumber(i, shops[i % shopCount]!.id));
  const snapshot: CatalogueSnapshot = {
    products: new Map(items.map(({ product }) => [product.id, product])),
    variants: new Map(items.map(({ product, variant }) => [`${product.id}/${variant.sku}`, variant])),
    shops: new Map(shops.map((s) => [s.id, s])),
  };
  const lines = items.map(({ product, variant }) => ({ productId: product.id, sku: variant.sku, quantity: MAX_QUANTITY }));
  checkoutBody.parse({ lines, customer, payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
  const quote = priceCart(lines, { country: 'MA', city: customer.address.city }, snapshot, { shipping: DEFAULT_SHIPPING_RATES, rates: { EUR: 0.09, USD: 0.1 } });
  expect(quote.problems).toEqual([]);
  const orderId = id('ord', 1);
  const order: Order = {
    id: orderId,
    status: 'completed',
    payment: {
      method: 'card',
      status: 'refunded',
      provider: 'sandbox',
      sessionId: `sbx_${'s'.repeat(40)}`,
      paymentId: 'p'.repeat(60),
      // A void, a refund per sub-order, late payments refunded: more movements than one order can have.
      history: Array.from({ length: shopCount + 10 }, () => ({ kind: 'refunded' as const, amount: 100_000_000_00, at, ref: 'r'.repeat(60), reason: `sub-order declined ${'x'.repeat(60)}`, shopId: shops[0]!.id })),
    },
    customer,
    ownerSub: 'u'.repeat(36),
    guestTokenHash: 'h'.repeat(64),
    // An operator's cancel request and every further order link an operator may send.
    cancelRequest: { at, actor: 'u'.repeat(36), note: widest(500) },
    linkHashes: Array.from({ length: MAX_LINK_HASHES }, () => 'h'.repeat(64)),
    zone: quote.zone,
    totals: quote.totals,
    currency: 'MAD',
    createdAt: at,
    updatedAt: at,
  };
  const subOrders: SubOrder[] = quote.shops.map((s) => ({
    orderId,
    shopId: s.shopId,
    shopName: s.shopName,
    status: 'delivered',
    lines: s.lines,
    subtotal: s.subtotal,
    shipping: s.shipping,
    total: s.total,
    shipTo: { name: customer.name, phone: customer.phone, address: customer.address },
    paymentMethod: 'cod',
    // Placed → … → delivered with every step undone once (a stale token) and an operator's note on each.
    timeline: Array.from({ length: 12 }, () => ({ status: 'delivered' as const, at, by: 'operator' as const, actor: 'u'.repeat(36), cashCollected: true, note: widest(500) })),
    waitingFor: 'deliver',
    due: at,
    carrier: 'aramex',
    trackingNumber: 'T'.repeat(40),
    cashCollected: true,
    declineReason: widest(500),
    cancelReason: 'deadline_missed',
    cancelRequest: { at, actor: 'u'.repeat(36), note: widest(500) },
    createdAt: at,
    updatedAt: at,
  }));
  const orderItem = toItem('Order', keys.order(orderId), order, orderIndexes(order));
  const subItems = subOrders.map((sub) => toItem('SubOrder', keys.subOrder(orderId, sub.shopId), sub, subOrderIndexes(sub)));
  return { orderItem, subItems };
}

describe('the largest order the API accepts', () => {
  it('keeps its largest sub-order (one artisan, 20 lines) far below 400 KB', () => {
    const { subItems } = largestOrder(1);
    const size = dynamoItemSize(subItems[0]!);
    console.info(`largest sub-order item: ${(size / 1024).toFixed(1)} KB`);
    expect(size).toBeLessThan(ITEM_LIMIT / 4);
  });

  // The checkout's idempotency record keeps no answer, only ids, hashes and the sealed secret
  // (test/integration/order-link.test.ts holds it under 1 KB).
  it('keeps its order item and, spread over 20 artisans, each item far below 400 KB', () => {
    const { orderItem, subItems } = largestOrder(MAX_CART_LINES);
    const sizes = { order: dynamoItemSize(orderItem), subOrder: Math.max(...subItems.map(dynamoItemSize)) };
    console.info(`order item ${(sizes.order / 1024).toFixed(1)} KB, largest of 20 sub-orders ${(sizes.subOrder / 1024).toFixed(1)} KB`);
    expect(sizes.order).toBeLessThan(ITEM_LIMIT / 4);
    expect(sizes.subOrder).toBeLessThan(ITEM_LIMIT / 4);
  });
});

describe('the largest product the API accepts', () => {
  const shop = shopNumber(1);
  const { product } = productNumber(1, shop.id);
  const category: Category = { slug: 'pottery', name: { ar: 'فخار', fr: 'Poterie', en: 'Pottery', es: 'Cerámica' }, position: 1 };

  it('keeps its product item and each catalogue entry far below 400 KB', () => {
    const entries = catalogueEntries(product, [], shop, category);
    const sizes = { product: dynamoItemSize(productItem(product)), entry: Math.max(...entries.map(dynamoItemSize)) };
    console.info(`product item ${(sizes.product / 1024).toFixed(1)} KB, largest catalogue entry ${(sizes.entry / 1024).toFixed(1)} KB`);
    expect(sizes.product).toBeLessThan(ITEM_LIMIT / 4);
    expect(sizes.entry).toBeLessThan(ITEM_LIMIT / 4);
  });

  it(`writes at most 4 + ${MAX_SEARCH_TERMS} catalogue entries, however many words its texts hold, and keeps its category and shop searchable`, () => {
    // Distinct words in every text, as many as the lengths allow: far more terms than the cap.
    let n = 0;
    const words = (length: number) => {
      let text = '';
      while (text.length + 6 <= length) text += `${(n++).toString(36).padStart(4, 'q').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}x `;
      return text.trim();
    };
    const wordy = { ...product, title: Object.fromEntries(LOCALES.map((l) => [l, words(TEXT_LIMITS.title)])), materials: Object.fromEntries(LOCALES.map((l) => [l, words(TEXT_LIMITS.materials)])) };
    const wordyShop = { ...shop, name: { fr: `Atelier Unique ${words(100)}` }, town: 'Dakhla' };
    expect(productBody.shape.title.safeParse(wordy.title).success).toBe(true);
    const entries = catalogueEntries(wordy, [], wordyShop, category);
    expect(entries).toHaveLength(4 + MAX_SEARCH_TERMS);
    const terms = entries.filter((e) => String(e.sk).includes('#TERM#')).map((e) => String(e.sk).split('#TERM#')[1]);
    expect(terms).toEqual(expect.arrayContaining(searchTerms('poterie pottery atelier unique dakhla')));
  });
});
