import { DEADLINE_REMINDER } from './domain/deadline-reminder.ts';
import { RECONCILER } from './domain/reconcile.ts';

/**
 * The one table of scheduled functions. It drives both the CDK (infra/stacks/api-stack.ts: one
 * function and one EventBridge rule each, grants from `access`) and `npm start`
 * (infra/local/schedules.ts: the same handler on a timer, and on demand at `POST /dev/run/<name>`).
 */
export interface Schedule {
  /** e.g. "reconcile-orders": the local trigger's path, and the function's name in AWS. */
  name: string;
  /** Module under functions/ (without .ts) that exports `handler`. */
  handler: string;
  /** How often AWS runs it (an EventBridge rule, `rate(<n> minutes)`). */
  rateMinutes: number;
  /** How often `npm start` runs it. */
  localEverySeconds: number;
  /** The function's timeout: a run's work is bounded well below it. */
  timeoutSeconds: number;
  /** What the handler needs; infra turns this into least-privilege grants (as a route's `access`). */
  access: {
    table: 'read' | 'read-write';
    /** Workflows it inspects and starts: ListExecutions on the state machine, DescribeExecution on its executions, StartExecution. */
    workflows?: readonly 'order-saga'[];
    /** Sends email (its compensations tell people): `ses:SendEmail` as the sender identity only. */
    email?: 'send';
    /** Reads the payment providers' secret (its compensations void and refund). */
    paymentSecret?: boolean;
    /** Tells artisans through the notification port: with `email`, WhatsApp too (as a route's `notify`). */
    notify?: boolean;
  };
}

export const schedules = [
  {
    name: 'reconcile-orders',
    handler: 'orders/reconcile-orders',
    rateMinutes: RECONCILER.rateMinutes,
    localEverySeconds: RECONCILER.localEverySeconds,
    timeoutSeconds: 120,
    access: { table: 'read-write', workflows: ['order-saga'], email: 'send', paymentSecret: true },
  },
  {
    // "Deadline approaching": a new order still unanswered 12 h before its deadline, told again once.
    name: 'remind-deadlines',
    handler: 'orders/remind-deadlines',
    rateMinutes: DEADLINE_REMINDER.rateMinutes,
    localEverySeconds: DEADLINE_REMINDER.localEverySeconds,
    timeoutSeconds: 60,
    access: { table: 'read-write', email: 'send', notify: true },
  },
] as const satisfies readonly Schedule[];
