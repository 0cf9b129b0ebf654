import { cmiSessionPath, sandboxPageHeaders, sandboxPageQuery } from '#shared/api/payments.ts';
import { cmiPageHtml } from '#shared/payments/cmi-page.ts';
import { pageLocale } from '#shared/payments/sandbox-page.ts';
import { cmiPaymentPage } from '#shared/use-cases/payments.ts';
import { publicRoute, rawResponse } from '../commons/http.ts';
import { orders } from '../commons/orders.ts';
import { cmi } from '../commons/payments.ts';

/**
 * `GET /api/payments/cmi/{sessionId}` (checkout's redirectUrl): the page that posts the signed
 * order to CMI's 3-D Secure gate (CMI takes a form POST, not a link). 404 unless CMI is the card provider.
 */
const deps = { ...cmi, orders };

export const handler = publicRoute(
  { path: cmiSessionPath, query: sandboxPageQuery, headers: sandboxPageHeaders },
  async ({ path, query, headers }) => {
    const { page, locale: orderLocale } = await cmiPaymentPage(deps, path.sessionId);
    const locale = pageLocale(query.lang ?? orderLocale, headers['accept-language']);
    return rawResponse({
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-language': locale },
      body: cmiPageHtml(page, locale),
    });
  },
  // The edge (CloudFront, the local gateway) replaces this with the store's one policy, which allows
  // the page's script and stylesheet by their hashes and the CMI gate in form-action.
  { contentSecurityPolicy: { 'style-src': "'unsafe-inline'", 'script-src': "'unsafe-inline'", 'form-action': 'https:', 'upgrade-insecure-requests': false } },
);
