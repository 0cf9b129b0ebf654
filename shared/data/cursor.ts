import { InvalidInputError } from '../domain/errors.ts';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON.
 * A cursor that does not decode to a key of the expected shape, or whose partition is not
 * the one being read, is refused as bad input (400), never passed on to DynamoDB.
 */
export type StartKey = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export interface CursorShape {
  /** The key attributes a start key of this list has, exactly. */
  attributes: readonly string[];
  /** The index partition being read: a cursor from another list is refused. */
  partition: [string, string];
  /** Values the other attributes must start with (e.g. the table key of the entity listed). */
  prefixes?: Partial<Record<'pk' | 'sk', string>>;
}

export function decodeCursor(cursor: string | undefined, expect: CursorShape): StartKey | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalidCursor();
  const entries = Object.entries(decoded);
  const wanted = new Set(expect.attributes);
  if (entries.length !== wanted.size || entries.some(([k, v]) => !wanted.has(k) || typeof v !== 'string' || v.length === 0 || v.length > 1024)) {
    throw invalidCursor();
  }
  const key = decoded as StartKey;
  const [partitionAttribute, partitionValue] = expect.partition;
  if (key[partitionAttribute] !== partitionValue) throw invalidCursor();
  for (const [attribute, prefix] of Object.entries(expect.prefixes ?? {})) {
    if (!key[attribute]?.startsWith(prefix)) throw invalidCursor();
  }
  return key;
}

export function invalidCursor(): InvalidInputError {
  return new InvalidInputError({ cursor: 'is not a cursor this API gave for this list' });
}
