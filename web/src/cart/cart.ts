import { useEffect, useState } from 'preact/hooks';
import type { Localized } from '../../../shared/domain/locales.ts';
import { MAX_CART_LINES, MAX_QUANTITY } from '../cart/limits.ts';

/**
 * The shopper's cart, kept in localStorage (across reloads, and shared by the tabs). Part of the
 * public bundle, so it stays small: the cart and checkout pages live in a lazy chunk.
 * Each line keeps what the product page showed (title, option, price, artisan) so that the
 * cart can be drawn before the API prices it again.
 */
export interface CartLine {
  productId: string;
  sku: string;
  quantity: number;
  title: Localized;
  label: Localized;
  unitPrice: number;
  shopId: string;
  shopName: Localized;
  shopSlug?: string;
  coverKey?: string;
  /** Stock when added: the most that may be put in the cart from the product page. */
  stock: number;
}

export const CART_KEY = 'dm.cart';
const CHANGE_EVENT = 'dm-cart';

let memory: CartLine[] = [];

const isLine = (l: Partial<CartLine> | null): l is CartLine =>
  Boolean(l && typeof l.productId === 'string' && typeof l.sku === 'string' && Number.isInteger(l.quantity) && l.quantity! > 0 && typeof l.unitPrice === 'number');

export function loadCart(): CartLine[] {
  try {
    const raw = localStorage.getItem(CART_KEY);
    if (raw === null) return memory;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isLine).slice(0, MAX_CART_LINES) : [];
  } catch {
    return memory;
  }
}

function saveCart(lines: CartLine[]): void {
  memory = lines;
  try {
    if (lines.length) localStorage.setItem(CART_KEY, JSON.stringify(lines));
    else localStorage.removeItem(CART_KEY);
  } catch {
    // Storage disabled: the cart lasts for this page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

const same = (l: { productId: string; sku: string }, productId: string, sku: string) => l.productId === productId && l.sku === sku;

/** The most of this item the cart may hold. */
export const maxQuantity = (stock: number) => Math.max(0, Math.min(stock, MAX_QUANTITY));

/** What `addToCart` would do, without doing it (pure, for tests and the button). */
export function withAdded(lines: CartLine[], line: Omit<CartLine, 'quantity'>, quantity: number): { lines: CartLine[]; added: number; full: boolean } {
  const existing = lines.find((l) => same(l, line.productId, line.sku));
  const have = existing?.quantity ?? 0;
  const added = Math.max(0, Math.min(quantity, maxQuantity(line.stock) - have));
  if (!existing && lines.length >= MAX_CART_LINES) return { lines, added: 0, full: true };
  if (added === 0) return { lines, added: 0, full: false };
  const next = existing
    ? lines.map((l) => (l === existing ? { ...l, ...line, quantity: have + added } : l))
    : [...lines, { ...line, quantity: added }];
  return { lines: next, added, full: false };
}

export function addToCart(line: Omit<CartLine, 'quantity'>, quantity: number): { added: number; full: boolean } {
  const result = withAdded(loadCart(), line, quantity);
  if (result.added) saveCart(result.lines);
  return result;
}

export function setQuantity(productId: string, sku: string, quantity: number): void {
  const q = Math.min(Math.max(1, Math.floor(quantity)), MAX_QUANTITY);
  saveCart(loadCart().map((l) => (same(l, productId, sku) ? { ...l, quantity: q } : l)));
}

export function removeLine(productId: string, sku: string): void {
  saveCart(loadCart().filter((l) => !same(l, productId, sku)));
}

export function clearCart(): void {
  saveCart([]);
}

export const cartCount = (lines: CartLine[]) => lines.reduce((n, l) => n + l.quantity, 0);

/** The cart, re-rendered on every change in this tab and in others. */
export function useCart(): CartLine[] {
  const [lines, setLines] = useState(loadCart);
  useEffect(() => {
    const update = () => setLines(loadCart());
    const onStorage = (event: StorageEvent) => (event.key === CART_KEY || event.key === null) && update();
    window.addEventListener(CHANGE_EVENT, update);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(CHANGE_EVENT, update);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return lines;
}
