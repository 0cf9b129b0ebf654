import { emailClient, phoneClient, type Client } from './client-limits.ts';
import { typedPhone } from './phone.ts';

/**
 * What an operator types into the order search, understood: an order number (`ord-…`), a
 * shopper's e-mail address (found as one mailbox: case, `+tag` and Gmail dots ignored, as the
 * per-client limits count it) or phone number (spaces, dots and dashes ignored; a Moroccan
 * number may be typed nationally, `06 12 34 56 78`, or with `00212`). Checkout files every order
 * under the shopper's normalised e-mail and phone (shared/data/order-contacts.ts), so the same
 * normalisation finds it. Pure.
 */
export type OrderSearch = { by: 'id'; orderId: string } | { by: 'email' | 'phone'; client: Client };

const ORDER_ID = /^ord-[0-9a-z]{16}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_TYPED = /^\+?[\d\s().-]{6,30}$/;

/** The search, or why it is not one (the message a 400 gives for `q`). */
export function parseOrderSearch(typed: string): OrderSearch | { problem: string } {
  const q = typed.trim();
  if (ORDER_ID.test(q.toLowerCase())) return { by: 'id', orderId: q.toLowerCase() };
  if (q.includes('@')) return EMAIL.test(q) && q.length <= 254 ? { by: 'email', client: emailClient(q) } : { problem: 'is not an e-mail address' };
  if (PHONE_TYPED.test(q)) {
    const phone = typedPhone(q);
    return phone ? { by: 'phone', client: phoneClient(phone) } : { problem: 'is not a phone number in international form, e.g. +212612345678 or 0612345678' };
  }
  return { problem: 'is not an order number (ord-…), an e-mail address or a phone number' };
}
