import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Identity } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';

/**
 * The user pool, for the few functions granted to manage its groups. Locally the SDK's
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points it at cognito-local.
 */
const cognito = new CognitoIdentityProviderClient({});

export const identity: Identity = {
  async addUserToGroup(username, group) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId, Username: username, GroupName: group }));
  },
};
