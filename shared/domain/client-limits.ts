import { sha256 } from './ids.ts';

/**
 * How much one client may do, declared once. A client is an IP address (an IPv6 address counts
 * by its /64, which one household or phone holds whole), and at checkout also the shopper's
 * e-mail and phone. Counting is per fixed window (DynamoDB counters: shared/data/client-limits.ts);
 * the route table says which limit guards a route (shared/routes.ts `limit`).
 *
 * Shared addresses are the rule in Morocco (mobile carriers put many phones behind one IPv4
 * address; cafés, offices and cooperatives share one line), so per-IP numbers are generous and
 * the tight ones are per shopper. AWS WAF's per-IP rate rules sit in front of these.
 */
export interface WindowLimit {
  /** Requests counted in one window; the next one is refused (429) until the window ends. */
  max: number;
  windowSeconds: number;
}

export const CLIENT_LIMITS = {
  /** Placing an order (`POST /api/orders`, `POST /api/me/checkout`). Each Idempotency-Key counts once: a replay is free. */
  checkout: {
    oncePer: 'idempotency-key',
    /**
     * 20 new checkouts per 10 minutes per address: a shopper places one order per visit and may
     * retry a few times (sold out, cart changed); 20 leaves room for several shoppers behind one
     * carrier address, and keeps one script to 2 orders a minute.
     */
    ip: { max: 20, windowSeconds: 10 * 60 },
    /**
     * 5 per hour per e-mail and per phone: every order emails its address, so this bounds what a
     * script can send to one person (the store is not a mail relay); a real shopper rarely places
     * more than one or two orders in an hour.
     */
    email: { max: 5, windowSeconds: 60 * 60 },
    phone: { max: 5, windowSeconds: 60 * 60 },
  },
  /**
   * Reading an order by its link (`GET /api/orders/{orderId}`): the order page looks again every
   * 4 seconds while the order moves (75 reads per 5 minutes for one open page); 300 allows four
   * such pages behind one address and keeps a script to one read a second.
   */
  'order-link-read': { ip: { max: 300, windowSeconds: 5 * 60 } },
  /** Acting from the order link (`POST …/parcels/{shopId}/delivered`): a shopper confirms a few parcels; 20 per 10 minutes. */
  'order-link-write': { ip: { max: 20, windowSeconds: 10 * 60 } },
  /**
   * "Find my orders" (`POST /api/order-links`): each request may e-mail a mailbox, so 3 per hour
   * per e-mail (a shopper who lost her link asks once, maybe twice) keeps the store from being a
   * way to flood someone's inbox; 10 per hour per address leaves room for shared connections and
   * keeps a script from probing many mailboxes. Counted before any lookup: known and unknown
   * addresses reach the limit alike.
   */
  'order-links': { ip: { max: 10, windowSeconds: 60 * 60 }, email: { max: 3, windowSeconds: 60 * 60 } },
} as const satisfies Record<string, { ip: WindowLimit; email?: WindowLimit; phone?: WindowLimit; oncePer?: string }>;

export type ClientLimitName = keyof typeof CLIENT_LIMITS;

/**
 * Orders one client may have holding stock without a commitment at once: a card order not yet
 * paid (it holds its stock until the payment wait times out, SAGA_TIMEOUTS.paymentSeconds = 30
 * minutes) or a cash-on-delivery order some artisan has not accepted yet (until they accept or
 * decline, or the acceptance deadline passes: SAGA_TIMEOUTS.acceptanceSeconds = 48 hours).
 * 3 per e-mail and per phone (a shopper waiting on a payment page or on an artisan has one or
 * two such orders); 10 per address, which may be shared. With the checkout counts above, one
 * script from one address holds at most 10 orders' stock, each at most 20 lines of 20.
 */
export const OPEN_ORDER_LIMITS = { ip: 10, email: 3, phone: 3 } as const;

export type ClientKind = keyof typeof OPEN_ORDER_LIMITS;

/** What identifies a client: kind and a normalised value. Never stored as is: see `clientId`. */
export interface Client {
  kind: ClientKind;
  value: string;
}

/** The /64 prefix of an IPv6 address (expanded, lower-case); an IPv4 address (also IPv4-mapped) as it is. */
export function ipClient(ip: string): Client {
  const address = ip.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!address.includes(':')) return { kind: 'ip', value: address };
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return { kind: 'ip', value: `${groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':')}::/64` };
}

/**
 * An e-mail address as one mailbox: lower-case, without a "+tag" (which lands in the same
 * mailbox), and for Gmail without dots (which Gmail ignores).
 */
export function emailClient(email: string): Client {
  const [local = '', domain = ''] = email.trim().toLowerCase().split(/@(?=[^@]*$)/);
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  const box = local.replace(/\+.*$/, '');
  return { kind: 'email', value: `${gmail ? box.replace(/\./g, '') : box}@${gmail ? 'gmail.com' : domain}` };
}

/** A phone number (international form, as checkout accepts it). */
export const phoneClient = (phone: string): Client => ({ kind: 'phone', value: phone.replace(/[^\d+]/g, '') });

/** The clients a checkout counts against: the caller's address, the shopper's e-mail and phone. */
export const checkoutClients = (ip: string, customer: { email: string; phone: string }): Client[] => [ipClient(ip), emailClient(customer.email), phoneClient(customer.phone)];

/** How a client is named in the table: its kind and a SHA-256 of its value (no addresses or e-mails in keys). */
export async function clientId(client: Client): Promise<string> {
  return `${client.kind}#${(await sha256(`${client.kind}:${client.value}`)).slice(0, 32)}`;
}

/** The fixed window `nowMs` falls in: its start (epoch seconds, part of the counter's key), when it ends, and when its counter may go. */
export function fixedWindow(nowMs: number, windowSeconds: number) {
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % windowSeconds);
  const end = start + windowSeconds;
  return { start, retryAfterSeconds: Math.max(1, end - now), ttl: end + 60 * 60 };
}
