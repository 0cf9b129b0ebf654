import * as z from '#shared/zod.ts';
import { readDecision, sandboxDecision, sandboxSessionPath } from '#shared/api/payments.ts';
import { InvalidInputError } from '#shared/domain/errors.ts';
import { decideSandboxPayment } from '#shared/use-cases/payments.ts';
import { publicRoute, rawResponse, zodFields } from '../commons/http.ts';
import { sandbox } from '../commons/payments.ts';

/**
 * The sandbox page's Approve/Decline (a form POST): the store is sent the signed webhook, and
 * the browser goes back to the order page (303). 404 unless the sandbox is the card provider.
 */
export const handler = publicRoute(
  { path: sandboxSessionPath, headers: z.object({ 'content-type': z.optional(z.string().check(z.maxLength(200))) }), rawBody: true },
  async ({ path, headers, rawBody }) => {
    const parsed = sandboxDecision.safeParse(readDecision(rawBody, headers['content-type']));
    if (!parsed.success) throw new InvalidInputError(zodFields(parsed.error));
    const { returnUrl } = await decideSandboxPayment(sandbox, path.sessionId, parsed.data.decision);
    return rawResponse({ statusCode: 303, headers: { location: returnUrl, 'cache-control': 'no-store' } });
  },
);
