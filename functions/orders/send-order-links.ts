import { orderLinksBody } from '#shared/api/orders.ts';
import { sendOrderLinks, type OrderLinksDeps } from '#shared/use-cases/order-links.ts';
import { clientLimits } from '../commons/client-limits.ts';
import { publicRoute } from '../commons/http.ts';
import { mailer } from '../commons/mailer.ts';
import { contacts, operatorOrderData } from '../commons/operator-orders.ts';
import { orders } from '../commons/orders.ts';
import { config } from '../commons/config.ts';
import { telemetry } from '../commons/telemetry.ts';

const deps: OrderLinksDeps = {
  contacts,
  orders,
  links: operatorOrderData,
  limits: clientLimits,
  mailer,
  telemetry,
  // The store's public URL (PUBLIC_BASE_URL), read when the e-mail is written.
  get siteUrl() {
    return config.publicBaseUrl;
  },
};

/** "Find my orders": e-mails a guest a fresh link to each of her recent orders; 202 whether or not there are any. */
export const handler = publicRoute({ body: orderLinksBody }, ({ body }) => sendOrderLinks(deps, body), { status: 202 });
