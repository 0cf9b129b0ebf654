import type { FulfilmentAction } from '#shared/api/orders.ts';
import { demoData } from '../../infra/local/demo-data/index.ts';
import { LOCAL_SANDBOX_WEBHOOK_SECRET } from '../../infra/local/stack.ts';
import { localStateMachineArn, type WorkflowRuntime } from '../../infra/local/workflows.ts';
import { useStoreEnvironment } from './in-process-env.ts';
import { privateTable } from './private-table.ts';
import { passPaymentDeadline, sfnServer, until } from './saga.ts';

/**
 * Where such a test's saga keeps its data: a table of the file's own (privateTable, with the demo
 * catalogue of `shopIds`) and the runtime's Step Functions API on a port of its own, both set in
 * the environment the store's modules read when imported (call this before importing them).
 */
export async function ownSagaStore(label: string, shopIds: readonly string[], runtime: () => WorkflowRuntime) {
  const tableName = await privateTable(label, shopIds);
  const sfn = await sfnServer(runtime);
  useStoreEnvironment();
  Object.assign(process.env, { TABLE_NAME: tableName, AWS_ENDPOINT_URL_SFN: sfn.endpoint, ORDER_SAGA_ARN: localStateMachineArn('order-saga') });
  return { tableName, sfn };
}

/**
 * The people around an order saga that runs in the test's own process (the reconciler's and the
 * ledger's tests): the shopper paying on the sandbox (its signed webhook, through the real use
 * case) and an artisan acting on a parcel once the saga waits for it. The store's modules are
 * imported when first used, so the test sets TABLE_NAME and the Step Functions endpoint first.
 */
export async function inProcessSaga() {
  const { receiveWebhook } = await import('#shared/use-cases/payments.ts');
  const { actOnSubOrder } = await import('#shared/use-cases/fulfilment.ts');
  const { sandboxEvent, signedSandboxWebhook } = await import('#shared/payments/sandbox.ts');
  const { sagaDeps } = await import('#functions/commons/saga.ts');
  const { orders } = await import('#functions/commons/orders.ts');
  const { store } = await import('#functions/commons/store.ts');
  const { orderEmailDeps } = await import('#functions/commons/mailer.ts');
  const { orderSaga } = await import('#functions/commons/workflows.ts');
  const { money } = await import('#functions/commons/payments.ts');
  const { telemetry } = await import('#functions/commons/telemetry.ts');
  const { checkoutPayments } = await import('#functions/commons/payments.ts');
  const { db } = await import('#functions/commons/clients.ts');

  /**
   * The sandbox's webhook for the order's payment; `send` sends it again (the same event). With
   * `press`, the session is decided first, as its page does; `amount`, a payment of another
   * amount than the order's (which the store refuses: the order fails at once).
   */
  async function payment(orderId: string, decision: 'approve' | 'decline' = 'approve', options: { press?: boolean; amount?: number } = {}) {
    const { order } = (await orders.getOrder(orderId))!;
    const at = new Date().toISOString();
    if (options.press) await money.payments.sandboxSessions.decide(order.payment.sessionId!, decision === 'approve' ? 'approved' : 'declined', at);
    const event = sandboxEvent({ sessionId: order.payment.sessionId!, orderId, amount: options.amount ?? order.totals.total }, decision, at);
    const signed = await signedSandboxWebhook(event, LOCAL_SANDBOX_WEBHOOK_SECRET);
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const send = () => receiveWebhook({ ...money, orders, saga: sagaDeps.saga, control: orderSaga, webhookProviders: ['sandbox'] }, 'sandbox', signed.body, headers);
    return { first: await send(), send };
  }

  /** An artisan acts on their parcel, once the saga waits for that step (`decline`'s step is accept). */
  async function act(caller: { sub: string; email: string; groups: string[] }, orderId: string, shopId: string, action: FulfilmentAction) {
    const step = action.action === 'decline' ? 'accept' : action.action;
    await until(`the ${step} step of ${shopId} on ${orderId}`, async () => ((await sagaDeps.saga.peekTaskToken(orderId, step, shopId)) ? true : undefined));
    return actOnSubOrder({ store, orders, saga: sagaDeps.saga, control: orderSaga, emails: orderEmailDeps, telemetry }, caller, orderId, action);
  }

  /** The payment deadline passes for this order (its wait fails as a timeout): a declined card order then fails. */
  const paymentDeadline = (orderId: string) => passPaymentDeadline(orderId, (id) => sagaDeps.saga.peekTaskToken(id, 'payment'), (token, error, cause) => orderSaga.fail(token, error, cause));

  /** The store's own modules these use, for the test's other steps. */
  const modules = { sagaDeps, orders, store, db, orderSaga, money, checkoutPayments, telemetry };
  return { payment, act, paymentDeadline, modules };
}

/** A published demo product of the shop with stock, to order in such a test's own table. */
export function demoProductOf(shopId: string): { productId: string; sku: string } {
  for (const { product, variants } of demoData.products) {
    const variant = variants.find((v) => v.stock >= 1);
    if (product.shopId === shopId && product.status === 'published' && variant) return { productId: product.id, sku: variant.sku };
  }
  throw new Error(`no demo product of ${shopId} with stock`);
}
