import type { Customer } from '../api/orders.ts';
import { CLIENT_LIMITS, clientId, emailClient, fixedWindow, ipClient, phoneClient, type Client, type ClientKind, type ClientLimitName, type WindowLimit } from '../domain/client-limits.ts';
import { TooManyRequestsError } from '../domain/errors.ts';
import type { ClientLimitsData } from '../data/client-limits.ts';

/**
 * Counting requests per client and fixed window: the HTTP edge counts the caller's address for
 * the routes the route table names; checkout counts the shopper's e-mail and phone. (The open
 * orders a client may hold are open-orders.ts.)
 */

/** The request field that names a client of this kind, when one does (the address is no field). */
export const FIELD: Record<ClientKind, string | undefined> = { ip: undefined, email: 'customer.email', phone: 'customer.phone' };
const inMinutes = (seconds: number) => (seconds < 90 ? `${seconds} seconds` : seconds < 90 * 60 ? `${Math.ceil(seconds / 60)} minutes` : `${Math.ceil(seconds / 3600)} hours`);

async function count(limits: ClientLimitsData, name: ClientLimitName, clients: Client[], once?: string, fields: Partial<Record<ClientKind, string>> = FIELD): Promise<void> {
  for (const client of clients) {
    const rule = (CLIENT_LIMITS[name] as Partial<Record<ClientKind, WindowLimit>>)[client.kind];
    if (!rule) continue;
    const window = fixedWindow(Date.now(), rule.windowSeconds);
    if (await limits.count(name, await clientId(client), window, rule.max, once)) continue;
    const field = fields[client.kind];
    const what = name === 'checkout' ? 'orders' : 'requests';
    throw new TooManyRequestsError(
      'too_many_requests',
      field
        ? `Too many ${what} for this ${client.kind === 'email' ? 'e-mail address' : 'phone number'} just now; try again in ${inMinutes(window.retryAfterSeconds)}`
        : `Too many requests from your connection just now; try again in ${inMinutes(window.retryAfterSeconds)}`,
      window.retryAfterSeconds,
      field ? { [field]: `has reached its limit of ${rule.max} ${what} per ${inMinutes(rule.windowSeconds)}` } : undefined,
    );
  }
}

/** The edge's count of one request from this address under the route's limit (once per `once` token, e.g. an Idempotency-Key). */
export const admitAddress = (limits: ClientLimitsData, name: ClientLimitName, ip: string, once?: string) => count(limits, name, [ipClient(ip)], once);

/** Checkout's count of one new checkout for the shopper's e-mail and phone (once per Idempotency-Key). */
export const admitShopper = (limits: ClientLimitsData, customer: Pick<Customer, 'email' | 'phone'>, once: string) =>
  count(limits, 'checkout', [emailClient(customer.email), phoneClient(customer.phone)], once);

/** "Find my orders"' count of one request for this mailbox (`email` names it in a 429). */
export const admitMailbox = (limits: ClientLimitsData, email: string) => count(limits, 'order-links', [emailClient(email)], undefined, { email: 'email' });
