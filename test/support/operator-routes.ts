import { expect } from 'vitest';
import { anonymous, newAccount, type Account } from './accounts.ts';

/**
 * Who may not call an operator route, each refused as the edge says: nobody signed in (401), a
 * signed-in person outside the operator group (403 forbidden), an operator whose token did not
 * come from a sign-in with TOTP (403 mfa_required). Nothing is read or written for them.
 */
let outsiders: Promise<{ artisan: Account; operatorWithoutTotp: Account }> | undefined;

export async function expectOperatorsOnly(method: string, path: string, body?: unknown): Promise<void> {
  const { artisan, operatorWithoutTotp } = await (outsiders ??= (async () => ({
    artisan: await newAccount('not-an-operator', 'artisan'),
    operatorWithoutTotp: await newAccount('operator-no-totp', 'operator', { totp: false }),
  }))());
  const what = `${method} ${path}`;
  const none = await anonymous.call(method, path, body);
  expect(none.status, what).toBe(401);
  const notOperator = await artisan.call(method, path, body);
  expect([notOperator.status, notOperator.body.error?.code], what).toEqual([403, 'forbidden']);
  const noTotp = await operatorWithoutTotp.call(method, path, body);
  expect([noTotp.status, noTotp.body.error?.code], what).toEqual([403, 'mfa_required']);
}
