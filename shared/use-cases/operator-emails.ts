import type { ResendEmailBody } from '../api/operator-orders.ts';
import { ConflictError, DomainError, NotFoundError } from '../domain/errors.ts';
import { newSecret, sha256 } from '../domain/ids.ts';
import { operatorEvent, type OrderEvent } from '../domain/order-events.ts';
import { MAX_LINK_HASHES, type OperatorOrdersData } from '../data/operator-orders.ts';
import type { Caller } from './caller.ts';
import { composeAgain, resendableEmails, sendNow, type OrderEmailDeps } from './order-emails.ts';
import { now } from './ports.ts';

/**
 * An operator sends one of the order's emails again (the shopper lost it, the artisan's went to
 * spam): written afresh from the order as it stands, sent once per press — the press is the
 * request's Idempotency-Key, and its event on the order's timeline (who, when, which email, to
 * whom, whether it went) is claimed before anything is sent, so a replay sends nothing again and
 * answers the same event. Resending "order placed" gives the shopper a new order link (its
 * secret's hash joins the order's; the old link keeps working).
 */
export interface ResendDeps {
  records: OperatorOrdersData;
  emails: OrderEmailDeps;
}

class EmailNotSent extends DomainError {
  constructor() {
    super(503, 'email_not_sent', 'The email could not be sent just now; press again in a moment');
  }
}

export async function resendEmail(deps: ResendDeps, caller: Caller, orderId: string, body: ResendEmailBody, pressKey: string): Promise<{ event: OrderEvent; replayed: boolean }> {
  const record = await deps.records.record(orderId);
  if (!record) throw new NotFoundError('Order');
  const id = `resend-${(await sha256(pressKey)).slice(0, 32)}`;
  const replay = (event: OrderEvent) => {
    if (event.email?.status === 'failed') throw new EmailNotSent();
    return { event, replayed: true };
  };
  const earlier = record.events.find((e) => e.id === id);
  if (earlier) return replay(earlier);

  const wanted = resendableEmails(record).find((e) => e.kind === body.kind && e.shopId === body.shopId);
  if (!wanted) {
    const known = record.subOrders.some((s) => s.shopId === body.shopId);
    if (body.shopId && !known) throw new NotFoundError('Parcel');
    throw new ConflictError('not_resendable', `The ${body.kind} email no longer tells the truth about this order, so it cannot be sent again now`, { kind: 'does not hold for this order now' });
  }
  if (wanted.kind === 'order-placed' && (record.order.linkHashes?.length ?? 0) >= MAX_LINK_HASHES) {
    throw new ConflictError('too_many_links', `This order has had ${MAX_LINK_HASHES} new links already`);
  }
  const guestToken = wanted.kind === 'order-placed' ? newSecret() : undefined;
  const email = await composeAgain(deps.emails, record, wanted, guestToken);
  if (!email) throw new ConflictError('no_recipient', "The artisan's shop has no e-mail address to write to", { shopId: 'has no e-mail address' });

  const event = operatorEvent(caller, {
    orderId,
    id,
    at: now(),
    action: 'resend-email',
    ...(wanted.shopId ? { shopId: wanted.shopId } : {}),
    email: { kind: wanted.kind, to: wanted.to, status: 'sending' },
  });
  if (!(await deps.records.addEvent(event, true))) {
    // The same press, at the same moment: answer what it recorded.
    const twin = (await deps.records.record(orderId))?.events.find((e) => e.id === id);
    return replay(twin ?? event);
  }
  try {
    if (guestToken && !(await deps.records.addLinkHash(orderId, await sha256(guestToken)))) {
      throw new ConflictError('too_many_links', `This order has had ${MAX_LINK_HASHES} new links already`);
    }
    const { messageId } = await sendNow(deps.emails, email);
    await deps.records.settleEmailEvent(orderId, id, { status: 'sent', ...(messageId ? { messageId } : {}) });
    return { event: { ...event, email: { ...event.email!, status: 'sent', ...(messageId ? { messageId } : {}) } }, replayed: false };
  } catch (error) {
    await deps.records.settleEmailEvent(orderId, id, { status: 'failed' });
    if (error instanceof DomainError) throw error;
    console.error(JSON.stringify({ level: 'ERROR', message: 'resent email not sent', orderId, kind: wanted.kind, error: String(error) }));
    throw new EmailNotSent();
  }
}
