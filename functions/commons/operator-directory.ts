import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersInGroupCommand,
  UsernameExistsException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OperatorDirectory } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { userPool } from './user-pool.ts';

/**
 * The user pool's `operator` group for the console's team routes (USER_POOL_ID; each route is
 * granted only the actions it uses: shared/routes.ts USER_POOL_ACCESS). The pool signs people in
 * by e-mail, so an e-mail is a username for Cognito's Admin* calls.
 */
const GROUP = 'operator';
const attribute = (user: UserType, name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;

export const operatorDirectory: OperatorDirectory = {
  async listOperators() {
    const users: UserType[] = [];
    let NextToken: string | undefined;
    do {
      const page = await userPool.send(new ListUsersInGroupCommand({ UserPoolId: config.userPoolId, GroupName: GROUP, Limit: 60, NextToken }));
      users.push(...(page.Users ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    // ListUsersInGroup does not say who has an authenticator app: one AdminGetUser each (a team is a handful of people).
    return Promise.all(
      users.map(async (user) => {
        const detail = await userPool.send(new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: user.Username! }));
        return {
          username: user.Username!,
          sub: attribute(user, 'sub') ?? user.Username!,
          email: attribute(user, 'email') ?? '',
          status: user.UserStatus ?? 'UNKNOWN',
          enabled: user.Enabled ?? true,
          totp: detail.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false,
          ...(user.UserCreateDate ? { createdAt: new Date(user.UserCreateDate).toISOString() } : {}),
        };
      }),
    );
  },

  async createInvited(email, locale) {
    try {
      await userPool.send(
        new AdminCreateUserCommand({
          UserPoolId: config.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            ...(locale ? [{ Name: 'locale', Value: locale }] : []),
          ],
          // Cognito e-mails the invitation with a temporary password, written by the custom-message
          // trigger in this language (functions/auth/custom-message.ts).
          DesiredDeliveryMediums: ['EMAIL'],
          ...(locale ? { ClientMetadata: { locale } } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof UsernameExistsException) return false;
      throw error;
    }
  },

  async addToOperators(username) {
    await userPool.send(new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId, Username: username, GroupName: GROUP }));
  },

  async removeFromOperators(username) {
    await userPool.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: config.userPoolId, Username: username, GroupName: GROUP }));
  },

  async signOutEverywhere(username) {
    await userPool.send(new AdminUserGlobalSignOutCommand({ UserPoolId: config.userPoolId, Username: username }));
  },
};
