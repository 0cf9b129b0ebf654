import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { EmailSender } from '../config.ts';

/** The sender as the functions use it: with the SES configuration set of the stage's own sender (OpsStack), if it has one. */
export interface SesSender extends EmailSender {
  readonly configurationSetName?: string;
}

/**
 * Lets a function send the store's emails through Amazon SES: `ses:SendEmail` on the sender's
 * identity only (not `*`, not other identities) and on its configuration set, and its
 * EMAIL_FROM / EMAIL_TRANSPORT=ses / EMAIL_CONFIGURATION_SET — in one call, so the grant and the
 * setting cannot drift apart. (Locally the same code posts to the outbox instead:
 * infra/local/stack.ts sets EMAIL_TRANSPORT=outbox.)
 */
export function grantSendEmail(fn: lambda.Function, sender: SesSender): iam.Grant {
  fn.addEnvironment('EMAIL_FROM', sender.from);
  fn.addEnvironment('EMAIL_TRANSPORT', 'ses');
  const stack = Stack.of(fn);
  const resourceArns = [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: sender.identity })];
  if (sender.configurationSetName) {
    // SendEmail with a configuration set is authorised on the set too.
    fn.addEnvironment('EMAIL_CONFIGURATION_SET', sender.configurationSetName);
    resourceArns.push(stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: sender.configurationSetName }));
  }
  return iam.Grant.addToPrincipal({ grantee: fn, actions: ['ses:SendEmail'], resourceArns });
}

/** Saga tasks that tell people about an order (the others send nothing). */
export const EMAIL_TASKS: Readonly<Record<string, readonly string[]>> = {
  'order-saga': ['AwaitArtisan', 'CancelSubOrder', 'CancelOrder'],
};
