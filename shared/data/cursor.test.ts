import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const expect1 = {
  attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  partition: ['gsi1pk', 'CATALOGUE#ALL'] as [string, string],
  prefixes: { pk: 'PRODUCT#', sk: 'ENTRY#CATALOGUE#ALL' },
};
const key = { pk: 'PRODUCT#p1', sk: 'ENTRY#CATALOGUE#ALL', gsi1pk: 'CATALOGUE#ALL', gsi1sk: '2026-01-01T00:00:00.000Z#p1' };

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(key), expect1)).toEqual(key);
  });

  it('is absent when there is no next page', () => {
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, expect1)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['an array', encodeCursor([1, 2] as unknown as Record<string, unknown>)],
    ['a key of another partition', encodeCursor({ ...key, gsi1pk: 'CATALOGUE#CAT#pottery' })],
    ['a key with extra attributes', encodeCursor({ ...key, price: '1' })],
    ['a key with a missing attribute', encodeCursor({ pk: key.pk, sk: key.sk, gsi1pk: key.gsi1pk })],
    ['a key with a number', encodeCursor({ ...key, gsi1sk: 5 })],
    ['a key of another entity in the same partition', encodeCursor({ ...key, pk: 'USER#1' })],
    ['a key of another catalogue entry', encodeCursor({ ...key, sk: 'SETTINGS#x' })],
  ])('refuses %s as invalid input naming the cursor', (_, cursor) => {
    try {
      decodeCursor(cursor, expect1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields).toHaveProperty('cursor');
      expect((error as InvalidInputError).statusCode).toBe(400);
    }
  });
});
