import { defineWorkflow, LAMBDA_INVOKE, LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN, LAMBDA_TRANSIENT_RETRY, TASK_TOKEN_PATH, taskContext } from './definition.ts';

/**
 * The order saga: one Standard execution per order, defined once for AWS Step Functions
 * and the local runner. Stock is already reserved by the checkout transaction, so the saga
 * starts at payment. People and payment providers resume it through task tokens; every wait
 * has a timeout; every failure path compensates (release stock, void or refund, tell people).
 *
 *   card: AwaitPayment ─┐                         ┌─ per artisan (Map) ──────────────────────────┐
 *   cod: ───────────────┴─► ConfirmOrder ─► Fulfil │ AwaitAcceptance → AwaitShipment → AwaitDelivery │ ─► CompleteOrder
 *                                                  │   ↘ declined / deadline missed: CancelSubOrder  │
 *   payment declined / timed out ─► CancelOrder     └──────────────────────────────────────────────┘
 *   CancelOrder failing after its retries ─► FlagForOperator (a "needs attention" record) ─► CompensationFailed
 *
 * States entered on the happy path: 8 for one artisan paid by card, 7 by cash on delivery; +3 per
 * extra artisan (measured by test/integration/fulfilment.test.ts: 10 for two artisans, cash).
 */

/** How long each wait may last before the saga gives up on it. */
export const SAGA_TIMEOUTS = {
  paymentSeconds: 30 * 60,
  acceptanceSeconds: 48 * 60 * 60,
  shipmentSeconds: 5 * 24 * 60 * 60,
  deliverySeconds: 30 * 24 * 60 * 60,
} as const;

/**
 * Errors the task handlers and the people's actions end a wait with. `cancelledByOperator`: an
 * operator cancelled the order or a parcel (the wait's task fails with it, and the Catch
 * compensates: CancelOrder, CancelSubOrder).
 */
export const SAGA_ERRORS = { paymentDeclined: 'PaymentDeclined', declined: 'Declined', cancelledByOperator: 'CancelledByOperator' } as const;

/** The steps an artisan (or an operator, or the shopper for delivery) resumes with a task token. */
export const FULFILMENT_STEPS = ['accept', 'ship', 'deliver'] as const;
export type FulfilmentStep = (typeof FULFILMENT_STEPS)[number];

/** Each step's wait, in seconds, by the step it waits for. */
export const STEP_TIMEOUT_SECONDS: Record<FulfilmentStep, number> = {
  accept: SAGA_TIMEOUTS.acceptanceSeconds,
  ship: SAGA_TIMEOUTS.shipmentSeconds,
  deliver: SAGA_TIMEOUTS.deliverySeconds,
};

/** When a step opened now must be done by (what the parcel shows as `due`). */
export const stepDeadline = (step: FulfilmentStep, from = Date.now()) => new Date(from + STEP_TIMEOUT_SECONDS[step] * 1000).toISOString();

const retry = [LAMBDA_TRANSIENT_RETRY];
const payload = (state: string, extra: Record<string, string>) => ({ 'orderId.$': '$.orderId', ...taskContext(state), ...extra });
const awaitStep = (state: string, step: FulfilmentStep, timeoutSeconds: number, next?: string) => ({
  Type: 'Task' as const,
  Comment: `Waits for the sub-order's "${step}" action`,
  Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
  Parameters: {
    FunctionName: '${AwaitArtisan}',
    Payload: { 'orderId.$': '$.orderId', 'shopId.$': '$.shopId', ...taskContext(state), step, timeoutSeconds, 'taskToken.$': TASK_TOKEN_PATH },
  },
  TimeoutSeconds: timeoutSeconds,
  ResultPath: null,
  Retry: retry,
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CancelSubOrder', ResultPath: '$.failure' }],
  ...(next ? { Next: next } : { End: true }),
});

export const orderSaga = defineWorkflow({
  name: 'order-saga',
  tasks: {
    AwaitPayment: 'orders/saga/await-payment',
    ConfirmOrder: 'orders/saga/confirm-order',
    AwaitArtisan: 'orders/saga/await-artisan',
    CancelSubOrder: 'orders/saga/cancel-sub-order',
    CompleteOrder: 'orders/saga/complete-order',
    CancelOrder: 'orders/saga/cancel-order',
    FlagForOperator: 'orders/saga/flag-for-operator',
  },
  definition: {
    Comment: 'Dakhla Market order: payment, per-artisan fulfilment, completion, with compensation',
    StartAt: 'HowToPay',
    States: {
      HowToPay: {
        Type: 'Choice',
        Choices: [{ Variable: '$.paymentMethod', StringEquals: 'card', Next: 'AwaitPayment' }],
        Default: 'ConfirmOrder',
      },
      AwaitPayment: {
        Type: 'Task',
        Comment: 'Waits for the payment provider to confirm (its webhook resumes the token)',
        Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
        Parameters: { FunctionName: '${AwaitPayment}', Payload: payload('AwaitPayment', { 'taskToken.$': TASK_TOKEN_PATH }) },
        TimeoutSeconds: SAGA_TIMEOUTS.paymentSeconds,
        ResultPath: null,
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CancelOrder', ResultPath: '$.failure' }],
        Next: 'ConfirmOrder',
      },
      ConfirmOrder: {
        Type: 'Task',
        Comment: 'Order confirmed: artisans are asked to accept, the shopper is told',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${ConfirmOrder}', Payload: payload('ConfirmOrder', {}) },
        ResultSelector: { 'shops.$': '$.Payload.shops' },
        ResultPath: '$.confirmed',
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CancelOrder', ResultPath: '$.failure' }],
        Next: 'Fulfil',
      },
      Fulfil: {
        Type: 'Map',
        ItemsPath: '$.confirmed.shops',
        ItemSelector: { 'orderId.$': '$.orderId', 'shopId.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'AwaitAcceptance',
          States: {
            AwaitAcceptance: awaitStep('AwaitAcceptance', 'accept', STEP_TIMEOUT_SECONDS.accept, 'AwaitShipment'),
            AwaitShipment: awaitStep('AwaitShipment', 'ship', STEP_TIMEOUT_SECONDS.ship, 'AwaitDelivery'),
            AwaitDelivery: awaitStep('AwaitDelivery', 'deliver', STEP_TIMEOUT_SECONDS.deliver),
            CancelSubOrder: {
              Type: 'Task',
              Comment: 'Declined or a deadline missed: release its stock, refund its part, tell people',
              Resource: LAMBDA_INVOKE,
              Parameters: { FunctionName: '${CancelSubOrder}', Payload: { 'orderId.$': '$.orderId', 'shopId.$': '$.shopId', ...taskContext('CancelSubOrder'), 'failure.$': '$.failure' } },
              ResultPath: null,
              Retry: retry,
              Catch: [{ ErrorEquals: ['States.ALL'], Next: 'SubOrderCompensationFailed' }],
              End: true,
            },
            SubOrderCompensationFailed: { Type: 'Fail', Error: 'CompensationFailed', Cause: 'Cancelling a sub-order failed: an operator must look' },
          },
        },
        ResultPath: null,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CancelOrder', ResultPath: '$.failure' }],
        Next: 'CompleteOrder',
      },
      CompleteOrder: {
        Type: 'Task',
        Comment: "Credits each delivered sub-order's earnings after commission; closes the order",
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${CompleteOrder}', Payload: payload('CompleteOrder', {}) },
        ResultPath: null,
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CancelOrder', ResultPath: '$.failure' }],
        End: true,
      },
      CancelOrder: {
        Type: 'Task',
        Comment: 'Payment failed or the order broke: release all stock, void or refund, tell people',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${CancelOrder}', Payload: payload('CancelOrder', { 'failure.$': '$.failure' }) },
        ResultPath: null,
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'FlagForOperator', ResultPath: '$.compensationFailure' }],
        Next: 'OrderCancelled',
      },
      FlagForOperator: {
        Type: 'Task',
        Comment: 'Cancelling the order failed: a "needs attention" record asks an operator to look (the reconciler tries the compensation again)',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${FlagForOperator}', Payload: { 'orderId.$': '$.orderId', 'execution.$': '$$.Execution.Name', 'failure.$': '$.compensationFailure' } },
        ResultPath: null,
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CompensationFailed' }],
        Next: 'CompensationFailed',
      },
      OrderCancelled: { Type: 'Fail', Error: 'OrderCancelled', Cause: 'The order was cancelled and compensated' },
      CompensationFailed: { Type: 'Fail', Error: 'CompensationFailed', Cause: 'Cancelling the order failed: an operator must look' },
    },
  },
});
