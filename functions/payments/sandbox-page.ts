import { sandboxPageHeaders, sandboxPageQuery, sandboxSessionPath } from '#shared/api/payments.ts';
import { pageLocale, sandboxPageHtml } from '#shared/payments/sandbox-page.ts';
import { sandboxSession } from '#shared/use-cases/payments.ts';
import { publicRoute, rawResponse } from '../commons/http.ts';
import { sandbox } from '../commons/payments.ts';

/** The sandbox's hosted TEST payment page (HTML, four languages): Approve or Decline. 404 unless the sandbox is the card provider. */
export const handler = publicRoute(
  { path: sandboxSessionPath, query: sandboxPageQuery, headers: sandboxPageHeaders },
  async ({ path, query, headers }) => {
    const session = await sandboxSession(sandbox, path.sessionId);
    const locale = pageLocale(query.lang, headers['accept-language']);
    return rawResponse({
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-language': locale },
      body: sandboxPageHtml(session, locale),
    });
  },
  { contentSecurityPolicy: SANDBOX_PAGE_CSP() },
);

function SANDBOX_PAGE_CSP() {
  // Inline styles, a form posting to this origin, nothing else (no script at all). The edge
  // (CloudFront, the local gateway) replaces it with the store's one policy, which allows this
  // page's stylesheet by its hash (shared/edge/security-headers.ts).
  return { 'style-src': "'unsafe-inline'", 'form-action': "'self'", sandbox: 'allow-forms', 'upgrade-insecure-requests': false } as const;
}
