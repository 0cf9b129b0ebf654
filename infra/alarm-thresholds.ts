/**
 * Every alarm's numbers, and why they are those numbers (infra/constructs/monitoring.ts makes the
 * alarms; infra/RUNBOOK.md "Alarms" says what to do when one fires). All alarms notify the stage's
 * alert topic (the Ops stack's; `alertEmail` subscribes to it) when they go to ALARM and when they
 * are OK again.
 *
 * A launch-size store sees a handful of orders an hour, so most alarms fire on the first event:
 * an error, a throttle or a stuck order is rare enough that each one is worth a look, and nothing
 * here pages anyone (it is an email).
 *
 * Missing data: most metrics are only published when something happens (no invocation, no error,
 * no request): missing is "nothing went wrong" (notBreaching). The one exception is the
 * reconciler's finding count, published at every run: missing means the reconciler stopped.
 */

export type MissingData = 'notBreaching' | 'breaching' | 'ignore' | 'missing';

export interface AlarmThreshold {
  /** The alarm fires at this value or above (`below: true`: at this value or below). */
  readonly threshold: number;
  readonly below?: boolean;
  /** Statistic over each period, e.g. Sum, Maximum, p99, SampleCount. */
  readonly statistic: string;
  readonly periodMinutes: number;
  /** Consecutive periods that must breach. */
  readonly evaluationPeriods: number;
  readonly missingData: MissingData;
  /** Why this number, this period and this treatment of missing data. */
  readonly why: string;
}

export const ALARM_THRESHOLDS = {
  lambdaErrors: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why:
      'Lambda counts an error only when a function throws past its own handling: route handlers answer every error themselves (4xx, or a logged 500), so an error there is a crash, a timeout or an init failure; a saga task error sends its order into compensation; a failed pre-token trigger is a failed sign-in. Each is worth a look. No invocation, no data: not breaching.',
  },
  lambdaThrottles: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why:
      "One alarm for the account's Lambda throttles (the metric without dimensions, all functions together), not one per function: no function here has reserved concurrency, so every throttle comes from the one regional concurrency pool the functions share (a new account may have as little as 10) — a throttle anywhere means the pool is full, and the runbook's step is the same whichever function it hit. It also covers functions added later. The stage should have its account to itself (production is pinned to one).",
  },
  api5xx: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why:
      'Bad input gets a 4xx, never a 5xx: any 5xx is ours — a bug (500, logged "unhandled error"), something the store depends on unavailable (503 try_again), a function that crashed or timed out (502/504). Handled 500s do not show in Lambda Errors: this is the alarm that sees them.',
  },
  apiLatencyP99: {
    threshold: 3000,
    statistic: 'p99',
    periodMinutes: 5,
    evaluationPeriods: 3,
    missingData: 'notBreaching',
    why:
      "Milliseconds, API Gateway's Latency (the whole request). The slowest routes (checkout: a transaction, the saga's start, the card provider's session) take well under a second; the catalogue is mostly answered by CloudFront. A p99 above 3 s for 15 minutes means shoppers on mobile networks wait far longer than that: a slow dependency, cold starts after a deploy under load, or a hot partition. One slow 5 minutes is noise.",
  },
  sagaTimedOut: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: 'The order saga has no execution timeout of its own (every wait has its own and compensates): an execution that times out ended outside every compensation path.',
  },
  sagaAborted: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: 'Nothing in the store stops an execution: an aborted one was stopped by a person or a redeploy, and its order is left where it was (the reconciler picks it up; look at it).',
  },
  sagaFailedUnexpectedly: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why:
      "Every compensated cancellation (a declined card, a payment that never came) ends the saga in its Fail state OrderCancelled, so Step Functions' ExecutionsFailed counts ordinary cancellations. This alarm counts, from the state machine's own logs, the executions that failed with any other error. (Step Functions delivers logs best-effort: the reconciler's finding count is the backstop.)",
  },
  sagaFailureRate: {
    threshold: 0.5,
    statistic: 'Sum',
    periodMinutes: 60,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why:
      "Failed executions (ExecutionsFailed, cancellations included) over started ones, in an hour with at least 5 started: more than half failing means payments are failing for everyone (the card provider is down or refusing us), not a shopper's card.",
  },
  operatorMustLook: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: "A compensation failed (the saga's CompensationFailed and SubOrderCompensationFailed states): stock may still be reserved or money not given back. Each one needs a person.",
  },
  dynamoThrottles: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: 'On demand, the table throttles only past twice its previous peak or on a hot partition (one catalogue scope, one counter): a throttled checkout is a lost order. The requests the store makes, summed over their operations.',
  },
  dynamoSystemErrors: {
    threshold: 1,
    statistic: 'Sum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: "DynamoDB's own 500s: the SDK retries them, so those that reach the alarm are worth knowing about (and checking the AWS Health Dashboard).",
  },
  imageFailures: {
    threshold: 1,
    statistic: 'Maximum',
    periodMinutes: 5,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: "A photo whose processing failed three times (Lambda's two retries of the asynchronous event) lands in the failure queue: its artisan's photo stays 'processing'. Any message there needs a look (it is kept 14 days).",
  },
  noticesFailed: {
    threshold: 3,
    statistic: 'Sum',
    periodMinutes: 60,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: "Notices to artisans not sent (either channel) in an hour: one is a number Meta refuses; three or more is a token expired, a template unapproved or SES refusing, and artisans are not hearing of their orders.",
  },
  ordersNeedingAttention: {
    threshold: 1,
    statistic: 'Maximum',
    periodMinutes: 15,
    evaluationPeriods: 1,
    missingData: 'notBreaching',
    why: "The reconciler found an order it could not resume or compensate by itself (its 'needs attention' list in the operator console).",
  },
  reconcilerSilent: {
    threshold: 0,
    below: true,
    statistic: 'SampleCount',
    periodMinutes: 120,
    evaluationPeriods: 1,
    missingData: 'breaching',
    why: 'The reconciler publishes OrdersNeedingAttention at every run (0 when all is well): two hours without a value means it stopped running (schedule disabled, failing at start), and stuck orders would go unseen. Missing data is the breach here.',
  },
} as const satisfies Record<string, AlarmThreshold>;

export type AlarmName = keyof typeof ALARM_THRESHOLDS;

/** The smallest number of started executions in an hour for the failure-rate alarm to judge. */
export const SAGA_FAILURE_RATE_MIN_STARTED = 5;

/** The image function's failed events: kept this long in the failure queue (SQS's longest). */
export const IMAGE_FAILURE_RETENTION_DAYS = 14;

/** The monthly AWS Budget when the stage names none (`monthlyBudgetUsd`): alerts at 80 % actual and 100 % forecast. */
export const DEFAULT_MONTHLY_BUDGET_USD = 50;
export const BUDGET_ALERTS = {
  actualPercent: 80,
  forecastPercent: 100,
  why: 'Actual spend at 80 % leaves days to react before the month ends; a forecast above 100 % warns early in the month when something (a loop, a flood of requests, logs) runs away.',
} as const;
