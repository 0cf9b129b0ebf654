import { clientId, OPEN_ORDER_LIMITS, type Client } from '../domain/client-limits.ts';
import { TooManyRequestsError } from '../domain/errors.ts';
import { holdEndsAt, holdsStockUncommitted } from '../domain/open-orders.ts';
import { HoldsChanged, type ClientLimitsData, type HoldsWrite } from '../data/client-limits.ts';
import type { Orders } from '../data/orders.ts';
import { SAGA_TIMEOUTS } from '../workflows/order-saga.ts';
import { FIELD } from './client-limits.ts';

/** The orders one client may have holding stock without a commitment (OPEN_ORDER_LIMITS), applied at checkout. */

export interface OpenOrderDeps {
  limits: ClientLimitsData;
  orders: Pick<Orders, 'getOrder'>;
}

/** A holds item outlives every hold it can list (the longest: acceptance), then goes. */
const HOLDS_TTL_SECONDS = SAGA_TIMEOUTS.paymentSeconds + SAGA_TIMEOUTS.acceptanceSeconds + 24 * 60 * 60;

/**
 * Counts a new order against each client's open orders: reads their holds, keeps the orders that
 * still hold stock without a commitment (read from the orders themselves), and refuses (429) when
 * a client already has its limit. The writes go in the order's own transaction, each only if that
 * client's holds are unchanged since they were read.
 */
async function claim(deps: OpenOrderDeps, clients: Client[], order: { id: string; createdAt: string }): Promise<HoldsWrite[]> {
  const ids = await Promise.all(clients.map(clientId));
  const held = await deps.limits.readHolds(ids);
  const named = [...new Set([...held.values()].flatMap((h) => Object.keys(h.orders)))];
  const found = new Map(await Promise.all(named.map(async (orderId) => [orderId, await deps.orders.getOrder(orderId)] as const)));
  const ttl = Math.floor(Date.now() / 1000) + HOLDS_TTL_SECONDS;
  return clients.map((client, i) => {
    const id = ids[i]!;
    const current = held.get(id);
    const open = Object.entries(current?.orders ?? {}).filter(([orderId]) => {
      const o = found.get(orderId);
      return !!o && holdsStockUncommitted(o.order, o.subOrders);
    });
    if (open.length >= OPEN_ORDER_LIMITS[client.kind]) {
      const freedAt = Math.min(...open.map(([orderId]) => holdEndsAt(found.get(orderId)!.order, found.get(orderId)!.subOrders)));
      const field = FIELD[client.kind];
      throw new TooManyRequestsError(
        'too_many_open_orders',
        `There are already ${open.length} orders waiting for payment or for an artisan to accept them${field ? ` for this ${client.kind === 'email' ? 'e-mail address' : 'phone number'}` : ' from your connection'}; pay for one, or wait until an artisan answers, then order again`,
        (freedAt - Date.now()) / 1000,
        field ? { [field]: `has ${open.length} orders waiting for payment or acceptance` } : undefined,
      );
    }
    return deps.limits.holdsWrite(id, current?.version ?? 0, { ...Object.fromEntries(open), [order.id]: order.createdAt }, ttl);
  });
}

/**
 * The open-order check of one checkout: `openOrderHolds` checks now (before a payment session is
 * opened) and `place` runs the order's transaction with the holds' writes, reading them again if
 * a concurrent checkout of the same client changed them. Without limits (`deps` undefined: tests
 * that run the use case in-process) it places the order as it is.
 */
export async function openOrderHolds(deps: OpenOrderDeps | undefined, clients: Client[], order: { id: string; createdAt: string }) {
  let writes = deps ? await claim(deps, clients, order) : [];
  return {
    async place(transaction: (holds: HoldsWrite[]) => Promise<void>): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await transaction(writes);
        } catch (error) {
          if (!(error instanceof HoldsChanged) || !deps || attempt >= 4) throw error;
          writes = await claim(deps, clients, order);
        }
      }
    },
  };
}
