/** New ids: a short type prefix and 16 random base-36 characters (e.g. "prd-k3x9…"). */
export function newId(prefix: 'shp' | 'prd' | 'img'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
