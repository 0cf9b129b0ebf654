import type { FulfilmentAction } from '../api/orders.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { SubOrder, SubOrderStatus } from '../domain/order.ts';
import type { OrderSagaStore } from '../data/order-saga-store.ts';
import type { Orders } from '../data/orders.ts';
import { SAGA_ERRORS, type FulfilmentStep } from '../workflows/order-saga.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import { now, type SagaControl, type Store } from './ports.ts';

/**
 * An artisan acts on their part of an order: accept or decline, ship with a carrier and a
 * tracking number, confirm delivery. Each action resumes the saga step waiting for it, once.
 */
export interface FulfilmentDeps {
  store: Store;
  orders: Orders;
  saga: OrderSagaStore;
  control: SagaControl;
}

const STEP: Record<FulfilmentAction['action'], { step: FulfilmentStep; from: SubOrderStatus; to: SubOrderStatus }> = {
  accept: { step: 'accept', from: 'awaiting_acceptance', to: 'accepted' },
  decline: { step: 'accept', from: 'awaiting_acceptance', to: 'declined' },
  ship: { step: 'ship', from: 'accepted', to: 'shipped' },
  deliver: { step: 'deliver', from: 'shipped', to: 'delivered' },
};

export async function listMySubOrders(deps: Pick<FulfilmentDeps, 'store' | 'orders'>, caller: Caller, q: { status: string; limit: number; cursor?: string }) {
  const shop = await requireOwnShop(deps.store, caller);
  return deps.orders.listShopSubOrders(shop.id, q.status, q.limit, q.cursor);
}

export async function actOnSubOrder(deps: FulfilmentDeps, caller: Caller, orderId: string, action: FulfilmentAction): Promise<SubOrder> {
  const shop = await requireOwnShop(deps.store, caller);
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shop.id);
  if (!sub) throw new NotFoundError('Order');
  const rule = STEP[action.action];
  const notNow = () => new ConflictError('not_now', `This order is ${sub.status.replace('_', ' ')}: it cannot be ${action.action === 'ship' ? 'shipped' : `${action.action}ed`} now`);
  if (sub.status !== rule.from) throw notNow();
  const token = await deps.saga.takeTaskToken(orderId, rule.step, shop.id);
  if (!token) throw notNow();
  const extra = action.action === 'ship' ? { carrier: action.carrier, trackingNumber: action.trackingNumber } : action.action === 'decline' ? { declineReason: action.reason } : {};
  await deps.saga.moveSubOrder(orderId, shop.id, [rule.from], rule.to, now(), extra);
  if (action.action === 'decline') await deps.control.fail(token, SAGA_ERRORS.declined, action.reason);
  else await deps.control.resume(token, { step: rule.step, by: 'artisan' });
  const after = await deps.orders.getOrder(orderId);
  return after!.subOrders.find((s) => s.shopId === shop.id)!;
}
