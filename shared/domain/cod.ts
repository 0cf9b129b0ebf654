import { CARRIERS, type Carrier } from './carriers.ts';
import { accounts, checkEntry, type JournalEntry } from './ledger.ts';

/**
 * Cash on delivery, reconciled per carrier (issue 9, part 4). Pure.
 *
 * The carrier collects the shopper's cash at the door (`payment.cash`: carrier:<c> ← shoppers, at
 * delivery); it owes that cash to the platform until it remits it. Amana (Barid Al-Maghrib) and CTM
 * Messagerie send a remittance statement ("état de versement des fonds contre remboursement"): its
 * reference, the parcels it covers (each with the amount collected), their fee, and one net bank
 * transfer. A remittance here is that statement: carrier, reference, the parcels (order + shop),
 * the amount received (the net transfer) and the fee; it balances when received + fee = the cash
 * the listed parcels collected. Written once (`remit:<carrier>:<reference>`).
 *
 * The release rule for cash: a cash-on-delivery parcel's earnings become payable only once its
 * carrier remitted the cash AND its return window ended (`codAvailableAt`), never before: the
 * platform does not pay an artisan money it has not received.
 */

/** At most this many parcels per remittance (one DynamoDB transaction: 2 + 3 per parcel ≤ 100). A longer statement is recorded in parts (`<ref>/1`, `<ref>/2`). */
export const MAX_REMITTANCE_PARCELS = 30;

/** One parcel's cash, collected by a carrier at delivery and owed by it until remitted. */
export interface CodCash {
  orderId: string;
  shopId: string;
  carrier: Carrier;
  /** Centimes the carrier collected: the parcel's lines + shipping. */
  amount: number;
  collectedAt: string;
  /** The `payment.cash` entry that put it on the carrier's account. */
  cashEntryId: string;
  trackingNumber?: string;
  status: 'collected' | 'remitted';
  remittanceId?: string;
  remittedAt?: string;
}

export interface ParcelRef {
  orderId: string;
  shopId: string;
}

/** What an operator types from the carrier's statement. Amounts in centimes. */
export interface RemittanceInput {
  carrier: Carrier;
  /** The carrier's reference of the statement (or transfer): one remittance per carrier and reference. */
  reference: string;
  /** The net amount the bank received. */
  received: number;
  /** What the carrier kept as its fee. */
  fee: number;
  parcels: ParcelRef[];
  /** When the transfer reached the bank (ISO); defaults to when it is recorded. */
  receivedAt?: string | undefined;
}

export interface Remittance extends Omit<RemittanceInput, 'receivedAt'> {
  id: string;
  /** The cash the parcels collected: received + fee. */
  gross: number;
  receivedAt: string;
  recordedAt: string;
  recordedBy: { sub: string; email?: string | undefined };
  entryId: string;
}

/** A carrier's reference as it is keyed: trimmed, upper case, inner spaces as one. The operator's own spelling is kept on the record. */
export const referenceKey = (reference: string) => reference.trim().replace(/\s+/g, ' ').toUpperCase();

export const remittanceId = (carrier: Carrier, reference: string) => `${carrier}:${referenceKey(reference)}`;

export const parcelKey = (p: ParcelRef) => `${p.orderId}#${p.shopId}`;

/** A remittance that cannot be recorded: which field is wrong, and why (the use case answers 400 or 409 with it). */
export class RemittanceRefused extends Error {
  constructor(
    readonly conflict: boolean,
    readonly fields: Record<string, string>,
  ) {
    super(Object.entries(fields).map(([f, m]) => `${f} ${m}`).join('; '));
  }
}

/**
 * Checks a remittance against the cash its parcels collected (`cash`: each listed parcel's item as
 * read, undefined when none). Throws RemittanceRefused naming the field: a parcel listed twice, not
 * collected, collected by another carrier, already remitted (409); figures that do not add up.
 */
export function checkRemittance(input: RemittanceInput, cash: readonly (CodCash | undefined)[]): { gross: number } {
  if (!CARRIERS.includes(input.carrier)) throw new RemittanceRefused(false, { carrier: 'is not a carrier' });
  if (input.parcels.length === 0) throw new RemittanceRefused(false, { parcels: 'must list at least one parcel' });
  if (input.parcels.length > MAX_REMITTANCE_PARCELS) throw new RemittanceRefused(false, { parcels: `lists more than ${MAX_REMITTANCE_PARCELS} parcels: record the statement in parts` });
  const seen = new Set<string>();
  let gross = 0;
  const fields: Record<string, string> = {};
  let conflict = false;
  input.parcels.forEach((p, i) => {
    const field = `parcels.${i}`;
    const c = cash[i];
    if (seen.has(parcelKey(p))) fields[field] = 'is listed twice';
    else if (!c) fields[field] = 'has no cash collected on delivery (not delivered, or not cash on delivery)';
    else if (c.carrier !== input.carrier) fields[field] = `was collected by ${c.carrier}, not ${input.carrier}`;
    else if (c.status !== 'collected') {
      fields[field] = `was remitted already (${c.remittanceId ?? 'another remittance'})`;
      conflict = true;
    } else gross += c.amount;
    seen.add(parcelKey(p));
  });
  if (Object.keys(fields).length > 0) throw new RemittanceRefused(conflict && Object.values(fields).every((m) => m.startsWith('was remitted')), fields);
  if (!Number.isSafeInteger(input.received) || input.received < 0) throw new RemittanceRefused(false, { received: 'must be a whole number of centimes, 0 or more' });
  if (!Number.isSafeInteger(input.fee) || input.fee < 0) throw new RemittanceRefused(false, { fee: 'must be a whole number of centimes, 0 or more' });
  if (input.received + input.fee !== gross) {
    throw new RemittanceRefused(false, { received: `plus the fee (${input.received + input.fee} centimes) does not equal the cash the parcels collected (${gross} centimes)` });
  }
  return { gross };
}

/** The remittance's journal entry: the net transfer into the bank, the fee an expense, the carrier's debt settled by the gross. */
export function remittanceEntry(r: Pick<Remittance, 'id' | 'carrier' | 'gross' | 'received' | 'fee' | 'receivedAt' | 'reference'>): JournalEntry {
  const lines = [
    { account: accounts.bank, amount: r.received },
    { account: accounts.fees, amount: r.fee },
    { account: accounts.carrier(r.carrier), amount: -r.gross },
  ].filter((l) => l.amount !== 0);
  return checkEntry({ id: `remit:${r.id}`, kind: 'carrier.remitted', at: r.receivedAt, memo: `remittance ${r.reference} from ${r.carrier}`, lines });
}

/** Two submissions of one reference are the same remittance when they say the same thing. */
export const sameRemittance = (a: Pick<Remittance, 'received' | 'fee' | 'parcels'>, b: Pick<RemittanceInput, 'received' | 'fee' | 'parcels'>) =>
  a.received === b.received && a.fee === b.fee && a.parcels.map(parcelKey).sort().join(',') === b.parcels.map(parcelKey).sort().join(',');

/** When a cash parcel's earnings become payable: the end of its return window, or the remittance if that came later. */
export const codAvailableAt = (windowEnds: string, remittedAt: string) => (Date.parse(remittedAt) > Date.parse(windowEnds) ? remittedAt : windowEnds);

/** Whole days a parcel's cash has been with its carrier. */
export const daysOut = (collectedAt: string, now: string) => Math.max(0, Math.floor((Date.parse(now) - Date.parse(collectedAt)) / 86_400_000));
