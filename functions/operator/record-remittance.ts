import { remittanceBody } from '#shared/api/money.ts';
import { recordRemittance } from '#shared/use-cases/money.ts';
import { signedInRoute, withStatus } from '../commons/http.ts';
import { money } from '../commons/money.ts';

/** A carrier's remittance statement recorded once: 201, or 200 for the same reference and figures again. */
export const handler = signedInRoute({ body: remittanceBody }, async ({ caller, body }) => {
  const { status, answer } = await recordRemittance({ money }, caller, body);
  return withStatus(status, answer);
});
