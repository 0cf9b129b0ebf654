import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { accountMessage, isAccountMessageKind, messageLocale } from '#shared/domain/account-messages.ts';
import { invocation } from '../commons/telemetry.ts';

/**
 * The user pool's custom-message trigger: every e-mail Cognito sends about an account (sign-up
 * and resent codes, password resets, invitations, changed addresses) in the person's language
 * (shared/domain/account-messages.ts). In AWS on the pool; locally cognito-local's codes go
 * through this same handler to the outbox. A source it does not know keeps Cognito's own text.
 */
export const handler = invocation<CustomMessageTriggerEvent, CustomMessageTriggerEvent>(
  (event) => `custom-message ${event.triggerSource}`,
  (event) => ({ trigger: event.triggerSource, userPoolId: event.userPoolId }),
  async (event) => {
    const kind = event.triggerSource.replace(/^CustomMessage_/, '');
    if (!isAccountMessageKind(kind)) return event;
    const locale = messageLocale(event.request.clientMetadata, event.request.userAttributes);
    const message = accountMessage(kind, locale);
    event.response.emailSubject = message.subject;
    event.response.emailMessage = message.html;
    return event;
  },
);
