import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { EmailSender } from '../config.ts';

/**
 * Lets a function send the store's emails through Amazon SES: `ses:SendEmail` on the sender's
 * identity only (not `*`, not other identities), and its EMAIL_FROM / EMAIL_TRANSPORT=ses —
 * in one call, so the grant and the setting cannot drift apart. (Locally the same code posts to
 * the outbox instead: infra/local/stack.ts sets EMAIL_TRANSPORT=outbox.)
 */
export function grantSendEmail(fn: lambda.Function, sender: EmailSender): iam.Grant {
  fn.addEnvironment('EMAIL_FROM', sender.from);
  fn.addEnvironment('EMAIL_TRANSPORT', 'ses');
  return iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['ses:SendEmail'],
    resourceArns: [Stack.of(fn).formatArn({ service: 'ses', resource: 'identity', resourceName: sender.identity })],
  });
}

/** Saga tasks that tell people about an order (the others send nothing). */
export const EMAIL_TASKS: Readonly<Record<string, readonly string[]>> = {
  'order-saga': ['AwaitArtisan', 'CancelSubOrder', 'CancelOrder'],
};
