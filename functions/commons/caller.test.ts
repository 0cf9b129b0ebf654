import { describe, expect, it } from 'vitest';
import { parseGroups } from './caller.ts';

describe('parseGroups', () => {
  it('reads the shapes a groups claim arrives in', () => {
    expect(parseGroups('[operator artisan]')).toEqual(['operator', 'artisan']);
    expect(parseGroups(['operator'])).toEqual(['operator']);
    expect(parseGroups('artisan,operator')).toEqual(['artisan', 'operator']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('')).toEqual([]);
  });
});
