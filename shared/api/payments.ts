import * as z from '../zod.ts';
import { CMI_SESSION_ID } from '../payments/cmi.ts';

/** Requests of the payment routes: provider webhooks and the sandbox's hosted page. */

export const sandboxSessionPath = z.strictObject({ sessionId: z.string().check(z.regex(/^sbx_[A-Za-z0-9_-]{8,80}$/, 'is not a sandbox payment session')) });

export const sandboxPageQuery = z.strictObject({ lang: z.optional(z.string().check(z.maxLength(10))) });

export const sandboxPageHeaders = z.object({ 'accept-language': z.optional(z.string().check(z.maxLength(500))) });

/** The page's form (application/x-www-form-urlencoded) or JSON: `decision=approve|decline`. */
export const sandboxDecision = z.object({ decision: z.enum(['approve', 'decline']) });

export function readDecision(rawBody: string, contentType: string | undefined): unknown {
  if ((contentType ?? '').includes('application/json')) {
    try {
      return JSON.parse(rawBody);
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(rawBody));
}

/** Every header as sent (lower-case names): the provider's signature header is among them. */
export const webhookHeaders = z.record(z.string(), z.string());

/** A CMI session (its `oid`): the order id, `-`, 12 random characters (shared/payments/cmi.ts). */
export const cmiSessionPath = z.strictObject({ sessionId: z.string().check(z.regex(CMI_SESSION_ID, 'is not a CMI payment session')) });

/** Where CMI sends the shopper back: okUrl or failUrl. */
export const cmiReturnPath = z.strictObject({ sessionId: cmiSessionPath.shape.sessionId, outcome: z.enum(['ok', 'fail']) });
