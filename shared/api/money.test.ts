import { describe, expect, it } from 'vitest';
import { moneyQuery } from './money.ts';

const fieldsOf = (query: Record<string, string>) => Object.fromEntries((moneyQuery.safeParse(query).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('moneyQuery', () => {
  it('takes a month, or a period of at most 12 months', () => {
    expect(moneyQuery.parse({ month: '2026-12' })).toEqual({ month: '2026-12', format: 'json' });
    expect(moneyQuery.parse({ from: '2026-01', to: '2026-12', format: 'csv' })).toEqual({ from: '2026-01', to: '2026-12', format: 'csv' });
    expect(fieldsOf({ from: '2025-12', to: '2026-12' })).toEqual({ from: 'the period is at most 12 months' });
    expect(fieldsOf({ from: '2026-12', to: '2026-01' })).toEqual({ to: 'must not be before from' });
  });

  it('answers a malformed end of the period at once, naming it (it used to count months from it forever)', () => {
    expect(fieldsOf({ from: '1', to: '2026-12' })).toEqual({ from: 'must be a month, YYYY-MM' });
    expect(fieldsOf({ from: '2026-01', to: '2026-99' })).toEqual({ to: 'must be a month, YYYY-MM' });
  });
});
