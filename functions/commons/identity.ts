import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Identity } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { userPool } from './user-pool.ts';

/** The user pool, for the few functions granted to manage its groups (USER_POOL_ID). */

export const identity: Identity = {
  async addUserToGroup(username, group) {
    await userPool.send(new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId, Username: username, GroupName: group }));
  },
};
