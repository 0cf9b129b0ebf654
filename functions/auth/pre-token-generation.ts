import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { tokenClaims } from '#shared/use-cases/token-claims.ts';
import { invocation } from '../commons/telemetry.ts';
import { mfaMethods } from '../commons/user-pool.ts';

/**
 * The user pool's pre-token-generation trigger (V1: the ID token): marks each operator's token
 * with whether TOTP MFA is on (shared/domain/accounts.ts MFA_CLAIM), which the operator routes
 * require. Runs at every sign-in and refresh; in AWS on the pool, locally from cognito-local.
 * A failure fails the sign-in (Cognito answers the app an error): its Lambda Errors are alarmed.
 */
export const handler = invocation<PreTokenGenerationTriggerEvent, PreTokenGenerationTriggerEvent>(
  (event) => `pre-token-generation ${event.triggerSource}`,
  (event) => ({ trigger: event.triggerSource, userPoolId: event.userPoolId }),
  async (event) => {
    const claims = await tokenClaims(
      { mfaMethods: (username) => mfaMethods(event.userPoolId, username) },
      { username: event.userName, groups: event.request.groupConfiguration?.groupsToOverride ?? [] },
    );
    if (!claims) return event;
    const overrides = event.response.claimsOverrideDetails ?? {};
    event.response.claimsOverrideDetails = { ...overrides, claimsToAddOrOverride: { ...overrides.claimsToAddOrOverride, ...claims } };
    return event;
  },
);
