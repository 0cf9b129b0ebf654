import middy from '@middy/core';
import { remindDeadlines } from '#shared/use-cases/deadline-reminders.ts';
import { orderEmailDeps } from '../commons/mailer.ts';
import { invocation } from '../commons/telemetry.ts';

/**
 * Scheduled (shared/schedules.ts: every 30 minutes in AWS, every minute with `npm start`): each
 * new order still unanswered 12 hours before its deadline is told again to its artisan, once.
 */
export const handler = middy(invocation('remind-deadlines', () => ({}), () => remindDeadlines(orderEmailDeps)));
