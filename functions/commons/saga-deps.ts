import { orderSagaStore } from '#shared/data/order-saga-store.ts';
import type { SagaDeps } from '#shared/use-cases/order-saga.ts';
import { db } from './clients.ts';
import { config } from './config.ts';
import { orders } from './orders.ts';
import { telemetry } from './telemetry.ts';

/** The parts of the saga's deps that bring an SDK client of their own: e-mail (SES, WhatsApp's secret), Step Functions, the payment providers (Secrets Manager). */
export type SagaClients = Pick<SagaDeps, 'emails' | 'control' | 'money'>;

/** A part nobody gave this process: reading it names it (a task whose use case starts to need it must give it). */
function notGiven(part: keyof SagaClients): never {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
        throw new Error(`The order saga's ${part} were not given to this function (asked for ${key}): its module must pass them to sagaDepsWith() (functions/commons/saga-deps.ts)`);
      },
    },
  ) as never;
}

/**
 * What the order saga's use cases work with, one object per process. The table's adapters and
 * telemetry are here; the parts with SDK clients of their own (SagaClients) are given by the
 * modules that use them, through `sagaDepsWith`: each saga task (functions/orders/saga/) gives
 * only what its use case calls, so its bundle carries no other client (CompleteOrder has no SES,
 * FlagForOperator none of them), and functions/commons/saga.ts gives all of them for the API's
 * functions. Being one object, what one module gives (or a test replaces, e.g. `control`) is
 * what every module of the process sees.
 */
export const sagaDeps: SagaDeps = {
  orders,
  saga: orderSagaStore({ db, tableName: config.tableName }),
  telemetry,
  emails: notGiven('emails'),
  control: notGiven('control'),
  money: notGiven('money'),
};

const given = new Set<keyof SagaClients>();

/** Gives the process's saga deps the parts a module uses (each part once: the first given stays, so a test's replacement is kept); returns them. */
export function sagaDepsWith(parts: Partial<SagaClients>): SagaDeps {
  for (const [part, value] of Object.entries(parts) as Array<[keyof SagaClients, never]>) {
    if (given.has(part)) continue;
    given.add(part);
    sagaDeps[part] = value;
  }
  return sagaDeps;
}
