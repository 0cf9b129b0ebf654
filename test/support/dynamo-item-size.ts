/**
 * The size DynamoDB counts for an item (its 400 KB limit), by the rules AWS documents: attribute
 * names and string values in UTF-8 bytes; a number up to 21 bytes (counted at the maximum here);
 * a boolean or null 1 byte; a list or map 3 bytes plus 1 byte per element, plus its elements (and
 * a map's key names); a set the sum of its elements.
 */
export function dynamoItemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => (value === undefined ? sum : sum + utf8(name) + valueSize(value)), 0);
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function valueSize(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return 21;
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [k, v]) => (v === undefined ? sum : sum + 1 + utf8(k) + valueSize(v)), 0);
  }
  throw new Error(`no DynamoDB size for ${typeof value}`);
}
