import { describe, expect, it } from 'vitest';
import { holdEndsAt, holdsStockUncommitted } from './open-orders.ts';
import { SAGA_TIMEOUTS } from '../workflows/order-saga.ts';

describe('orders holding stock without a commitment', () => {
  const placedAt = '2026-12-01T10:00:00.000Z';
  it('are unpaid card orders and cash-on-delivery orders with a parcel not accepted yet', () => {
    const card = { status: 'placed' as const, payment: { method: 'card' as const, status: 'pending' as const }, createdAt: placedAt };
    const cod = { status: 'confirmed' as const, payment: { method: 'cod' as const, status: 'pending' as const }, createdAt: placedAt };
    expect(holdsStockUncommitted(card, [{ status: 'placed' }])).toBe(true);
    expect(holdsStockUncommitted({ ...card, status: 'confirmed', payment: { ...card.payment, status: 'authorized' } }, [{ status: 'awaiting_acceptance' }])).toBe(false);
    expect(holdsStockUncommitted(cod, [{ status: 'accepted' }, { status: 'awaiting_acceptance' }])).toBe(true);
    expect(holdsStockUncommitted(cod, [{ status: 'accepted' }, { status: 'cancelled' }])).toBe(false);
    for (const status of ['cancelled', 'failed', 'completed'] as const) expect(holdsStockUncommitted({ ...cod, status }, [{ status: 'awaiting_acceptance' }])).toBe(false);
    expect(holdEndsAt(card, [])).toBe(Date.parse(placedAt) + SAGA_TIMEOUTS.paymentSeconds * 1000);
    expect(holdEndsAt(cod, [{ status: 'awaiting_acceptance', due: '2026-12-03T10:00:00.000Z' }, { status: 'accepted', due: '2026-12-09T00:00:00.000Z' }])).toBe(Date.parse('2026-12-03T10:00:00.000Z'));
    expect(holdEndsAt(cod, [{ status: 'placed' }])).toBe(Date.parse(placedAt) + SAGA_TIMEOUTS.acceptanceSeconds * 1000);
  });
});
