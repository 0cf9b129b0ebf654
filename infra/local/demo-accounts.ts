import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { users } from '#shared/data/users.ts';
import { ensureAccount, type AccountSpec } from './cognito.ts';
import { SHOP } from './demo-data/shops.ts';

/**
 * The local store's demo accounts (listed in the README), ensured at every start: created when
 * missing, left as they are otherwise. The artisan owns the demo shop "Atelier Mina"; the
 * cooperative account runs "Coopérative Al Waha", so an order across two artisans can be
 * followed to delivery by hand.
 */
export const DEMO_ACCOUNTS = {
  operator: { email: 'operator@dakhla.market', password: 'Dakhla-Operator-2026', groups: ['operator'] },
  artisan: { email: 'artisan@dakhla.market', password: 'Dakhla-Artisan-2026', groups: ['artisan'], shopId: SHOP.mina },
  cooperative: { email: 'cooperative@dakhla.market', password: 'Dakhla-Cooperative-2026', groups: ['artisan'], shopId: SHOP.alWaha },
} as const satisfies Record<string, AccountSpec & { shopId?: string }>;

export async function ensureDemoAccounts(deps: {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  db: DynamoDBDocumentClient;
  tableName: string;
}): Promise<{ created: string[] }> {
  const created: string[] = [];
  const operator = await ensureAccount(deps.cognito, deps.userPoolId, DEMO_ACCOUNTS.operator);
  if (operator.created) created.push(DEMO_ACCOUNTS.operator.email);

  const profiles = users({ db: deps.db, tableName: deps.tableName });
  for (const spec of [DEMO_ACCOUNTS.artisan, DEMO_ACCOUNTS.cooperative]) {
    const account = await ensureAccount(deps.cognito, deps.userPoolId, spec);
    if (account.created) created.push(spec.email);
    const profile = await profiles.getProfile(account.sub);
    if (profile?.shopId !== spec.shopId) await profiles.linkShopOwner(account.sub, spec.email, spec.shopId);
  }
  return { created };
}
