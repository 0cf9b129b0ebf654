/** The orders placed from this browser (id and link token), so that their pages stay one tap away. */
const KEY = 'dm.orders';

type Remembered = { orderId: string; token: string; at: string };

function remembered(): Remembered[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? (list as Remembered[]) : [];
  } catch {
    return []; // storage disabled or unreadable
  }
}

export function rememberOrder(orderId: string, token: string): void {
  try {
    const next = [{ orderId, token, at: new Date().toISOString() }, ...remembered().filter((o) => o.orderId !== orderId)].slice(0, 10);
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage disabled
  }
}

/** The link token of an order placed from this browser (the card payment's return has none in its URL). */
export function rememberedToken(orderId: string): string | undefined {
  const token = remembered().find((o) => o?.orderId === orderId)?.token;
  return typeof token === 'string' ? token : undefined;
}
