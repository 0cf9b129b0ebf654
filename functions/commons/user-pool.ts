import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { credentials } from './env-credentials.ts';
import { traced } from './tracing.ts';

/**
 * The Cognito user pool API client, built once per process. Locally the SDK's
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points it at cognito-local.
 */
export const userPool = traced(new CognitoIdentityProviderClient({ credentials }));

/** The MFA methods a user has on (e.g. SOFTWARE_TOKEN_MFA): AdminGetUser's UserMFASettingList. */
export async function mfaMethods(userPoolId: string, username: string): Promise<string[] | undefined> {
  const user = await userPool.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return user.UserMFASettingList;
}
