/** The orders placed from this browser (id and link token), so that their pages stay one tap away. */
const KEY = 'dm.orders';

export function rememberOrder(orderId: string, token: string): void {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as { orderId: string; token: string; at: string }[];
    const next = [{ orderId, token, at: new Date().toISOString() }, ...list.filter((o) => o.orderId !== orderId)].slice(0, 10);
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage disabled
  }
}
