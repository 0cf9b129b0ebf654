import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { users } from '#shared/data/users.ts';
import { ensureAccount, hasTotp, setUpTotp, type AccountSpec } from './cognito.ts';
import { SHOP } from './demo-data/shops.ts';
import type { TotpKeyring } from './totp-keyring.ts';

/**
 * The local store's demo accounts (listed in the README), ensured at every start: created when
 * missing, left as they are otherwise. The artisan owns the demo shop "Atelier Mina"; the
 * cooperative account runs "Coopérative Al Waha", so an order across two artisans can be
 * followed to delivery by hand. The operator signs in with TOTP, as every operator must: the
 * store sets up its authenticator app and keeps the secret in the local keyring, whose current
 * code /dev/totp.html shows.
 */
export const DEMO_ACCOUNTS = {
  operator: { email: 'operator@dakhla.market', password: 'Dakhla-Operator-2026', groups: ['operator'] },
  artisan: { email: 'artisan@dakhla.market', password: 'Dakhla-Artisan-2026', groups: ['artisan'], shopId: SHOP.mina },
  cooperative: { email: 'cooperative@dakhla.market', password: 'Dakhla-Cooperative-2026', groups: ['artisan'], shopId: SHOP.alWaha },
} as const satisfies Record<string, AccountSpec & { shopId?: string }>;

export async function ensureDemoAccounts(deps: {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  db: DynamoDBDocumentClient;
  tableName: string;
  totp: TotpKeyring;
}): Promise<{ created: string[]; problems: string[] }> {
  const created: string[] = [];
  const problems: string[] = [];
  const { operator: spec } = DEMO_ACCOUNTS;
  const operator = await ensureAccount(deps.cognito, deps.userPoolId, spec);
  if (operator.created) created.push(spec.email);
  if (!(await hasTotp(deps.cognito, deps.userPoolId, spec.email))) {
    deps.totp.set(spec.email, await setUpTotp(deps.cognito, deps.clientId, spec));
  } else if (!deps.totp.get(spec.email)) {
    problems.push(`the demo operator has TOTP on but its secret is not in the local keyring: delete the local data's cognito/ folder to make the demo accounts afresh`);
  }

  const profiles = users({ db: deps.db, tableName: deps.tableName });
  for (const artisan of [DEMO_ACCOUNTS.artisan, DEMO_ACCOUNTS.cooperative]) {
    const account = await ensureAccount(deps.cognito, deps.userPoolId, artisan);
    if (account.created) created.push(artisan.email);
    const profile = await profiles.getProfile(account.sub);
    if (profile?.shopId !== artisan.shopId) await profiles.linkShopOwner(account.sub, artisan.email, artisan.shopId);
  }
  return { created, problems };
}
