import { defineWorkflow, LAMBDA_INVOKE, LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN, LAMBDA_TRANSIENT_RETRY } from '#shared/workflows/definition.ts';

/**
 * A small order-shaped saga for the runtime and CDK tests (its handlers are in ./tasks):
 * reserve (retried on FlakyUpstream with backoff) → pay → one callback per artisan (Map, 48 h
 * timeout each) → complete; a failure after the reservation releases it, then fails the order.
 */
export const testSaga = defineWorkflow({
  name: 'test-saga',
  tasks: {
    Reserve: 'reserve',
    Pay: 'pay',
    RequestConfirmation: 'request-confirmation',
    Release: 'release',
  },
  definition: {
    Comment: 'Test saga: reserve → pay → artisans confirm → complete, with compensation',
    StartAt: 'Reserve',
    States: {
      Reserve: {
        Type: 'Task',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${Reserve}', 'Payload.$': '$' },
        ResultSelector: { 'reservationId.$': '$.Payload.reservationId' },
        ResultPath: '$.reservation',
        Retry: [LAMBDA_TRANSIENT_RETRY, { ErrorEquals: ['FlakyUpstream'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'NONE' }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Cancelled' }],
        Next: 'Pay',
      },
      Pay: {
        Type: 'Task',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${Pay}', 'Payload.$': '$' },
        ResultSelector: { 'paymentId.$': '$.Payload.paymentId' },
        ResultPath: '$.payment',
        Retry: [LAMBDA_TRANSIENT_RETRY],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Release' }],
        Next: 'AwaitArtisans',
      },
      AwaitArtisans: {
        Type: 'Map',
        ItemsPath: '$.artisans',
        ItemSelector: { 'orderId.$': '$.orderId', 'artisanId.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'AwaitConfirmation',
          States: {
            AwaitConfirmation: {
              Type: 'Task',
              Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
              Parameters: {
                FunctionName: '${RequestConfirmation}',
                Payload: { 'orderId.$': '$.orderId', 'artisanId.$': '$.artisanId', 'taskToken.$': '$$.Task.Token' },
              },
              TimeoutSeconds: 172_800,
              Retry: [LAMBDA_TRANSIENT_RETRY],
              End: true,
            },
          },
        },
        ResultPath: '$.confirmations',
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Release' }],
        Next: 'Complete',
      },
      Complete: { Type: 'Succeed' },
      Release: {
        Type: 'Task',
        Resource: LAMBDA_INVOKE,
        Parameters: { FunctionName: '${Release}', Payload: { 'orderId.$': '$.orderId', 'error.$': '$.error.Error' } },
        ResultPath: null,
        Retry: [LAMBDA_TRANSIENT_RETRY],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.releaseError', Next: 'Cancelled' }],
        Next: 'Cancelled',
      },
      Cancelled: { Type: 'Fail', Error: 'OrderCancelled', Cause: 'the order was cancelled; its reservation is released' },
    },
  },
});

/**
 * A deadline-shaped workflow: a pause, then a reply kept alive by heartbeats, all within the
 * execution's own TimeoutSeconds.
 */
export const testDeadline = defineWorkflow({
  name: 'test-deadline',
  tasks: { RequestReply: 'request-confirmation' },
  definition: {
    StartAt: 'Pause',
    TimeoutSeconds: 4 * 3600,
    States: {
      Pause: { Type: 'Wait', Seconds: 3600, Next: 'AwaitReply' },
      AwaitReply: {
        Type: 'Task',
        Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
        Parameters: { FunctionName: '${RequestReply}', Payload: { 'orderId.$': '$.orderId', artisanId: 'reply', 'taskToken.$': '$$.Task.Token' } },
        HeartbeatSeconds: 3600,
        TimeoutSeconds: 30 * 24 * 3600,
        Retry: [LAMBDA_TRANSIENT_RETRY],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Expired' }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Expired: { Type: 'Fail', Error: 'ReplyExpired' },
    },
  },
});
