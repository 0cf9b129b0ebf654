import type { MoneyQuery, MoneyView, RemittanceAnswer, RemittanceBody } from '../api/money.ts';
import { CARRIERS } from '../domain/carriers.ts';
import { checkRemittance, codAvailableAt, daysOut, remittanceEntry, remittanceId, RemittanceRefused, sameRemittance, type Remittance } from '../domain/cod.ts';
import { ConflictError, InvalidInputError } from '../domain/errors.ts';
import type { Earning } from '../domain/ledger.ts';
import { addFlows, carrierFigures, journalCsv, monthOf, monthsBetween, periodFigures, standing, type Flows } from '../domain/money-view.ts';
import type { EarningChange } from '../data/ledger.ts';
import type { Money } from '../data/money.ts';
import type { Caller } from './caller.ts';

/**
 * Cash on delivery reconciled per carrier, and the operators' money view (issue 9, parts 4–5).
 * DATA-MODEL.md, "Ledger"; the rules are shared/domain/cod.ts and shared/domain/money-view.ts.
 */

export interface MoneyDeps {
  money: Money;
  clock?: () => Date;
}

const now = (deps: MoneyDeps) => (deps.clock ? deps.clock() : new Date());

/** Allowed clock skew for a `receivedAt` typed on a phone. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * Records a carrier's remittance: the carrier's debt for the listed parcels settled by the net
 * transfer and its fee (`carrier.remitted`), each parcel's cash marked remitted and its earnings put in
 * the release queue, all in one transaction. The same reference again with the same figures changes
 * nothing (200, `replay`); with other figures 409 naming `reference`. Refused, naming the field: a
 * parcel not collected, by another carrier, listed twice (400), already remitted (409); figures that
 * do not add up (400 `received`).
 */
export async function recordRemittance(deps: MoneyDeps, caller: Caller, body: RemittanceBody): Promise<{ status: 200 | 201; answer: RemittanceAnswer }> {
  const id = remittanceId(body.carrier, body.reference);
  const at = now(deps).toISOString();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt).toISOString() : at;
  if (Date.parse(receivedAt) > Date.parse(at) + FUTURE_SKEW_MS) throw new InvalidInputError({ receivedAt: 'is in the future' });
  for (let attempt = 1; ; attempt++) {
    const existing = await deps.money.remittance(id);
    if (existing) return { status: 200, answer: replayOf(existing, body) };
    const cash = await deps.money.cashOf(body.parcels);
    let gross: number;
    try {
      ({ gross } = checkRemittance(body, cash));
    } catch (error) {
      if (!(error instanceof RemittanceRefused)) throw error;
      if (error.conflict) throw new ConflictError('already_remitted', 'A parcel listed was remitted already', error.fields);
      throw new InvalidInputError(error.fields);
    }
    const firstCollected = cash.reduce((first, c) => (c && c.collectedAt < first ? c.collectedAt : first), '9999');
    if (receivedAt < firstCollected) throw new InvalidInputError({ receivedAt: `is before the cash was collected (${firstCollected})` });
    const remittance: Remittance = {
      id,
      carrier: body.carrier,
      reference: body.reference,
      received: body.received,
      fee: body.fee,
      gross,
      parcels: body.parcels,
      receivedAt,
      recordedAt: at,
      recordedBy: { sub: caller.sub, email: caller.email },
      entryId: `remit:${id}`,
    };
    const earnings = await deps.money.earningsOf(body.parcels);
    const changes: EarningChange[] = earnings.filter((e): e is Earning => !!e && e.status === 'pending' && e.awaitingCash === true).map((e) => ({ cashIn: e, to: cashIn(e, receivedAt) }));
    const codes = await deps.money.recordRemittance(remittance, remittanceEntry(remittance), changes);
    if (!codes) return { status: 201, answer: { remittance, replay: false } };
    // Refused: recorded meanwhile (the same reference at once), or a parcel or an earning moved: read again and decide again.
    if (attempt >= 4) throw new ConflictError('busy', 'The parcels changed while recording: try again', { parcels: 'changed while recording' });
  }
}

function replayOf(existing: Remittance, body: RemittanceBody): RemittanceAnswer {
  if (!sameRemittance(existing, body)) {
    throw new ConflictError('reference_used', `${existing.carrier} remittance ${existing.reference} was recorded already with other figures`, { reference: 'was recorded already with other figures' });
  }
  return { remittance: existing, replay: true };
}

/** The earning once its carrier remitted the cash: no longer awaiting it, payable at the later of the window's end and the remittance. */
function cashIn(e: Earning, remittedAt: string): Earning {
  const { awaitingCash: _awaiting, ...rest } = e;
  return { ...rest, cashRemittedAt: remittedAt, availableAt: codAvailableAt(e.availableAt, remittedAt) };
}

const CARRIER_PAGE = 25;

/** The period a query names: one month, a range of months, or this month. */
export function periodOf(q: Pick<MoneyQuery, 'month' | 'from' | 'to'>, at: Date) {
  const from = q.month ?? q.from ?? monthOf(at.toISOString());
  const to = q.month ?? q.to ?? from;
  return { from, to, months: monthsBetween(from, to) };
}

/**
 * The money view of a period: 1 Query of the months' totals (up to the later of its end and now), 1
 * Query of the latest remittances, and 1 Query per carrier that still owes cash (its oldest parcels).
 */
export async function moneyView(deps: MoneyDeps, q: MoneyQuery): Promise<MoneyView> {
  const at = now(deps);
  const period = periodOf(q, at);
  const thisMonth = monthOf(at.toISOString());
  const [totals, remittances] = await Promise.all([deps.money.totalsUpTo(thisMonth > period.to ? thisMonth : period.to), deps.money.remittances(10)]);
  const inPeriod: Flows = {};
  const upToEnd: Flows = {};
  const upToNow: Flows = {};
  let entries = 0;
  for (const { month, attributes } of totals) {
    if (month >= period.from && month <= period.to) {
      addFlows(inPeriod, attributes);
      entries += typeof attributes.entries === 'number' ? attributes.entries : 0;
    }
    if (month <= period.to) addFlows(upToEnd, attributes);
    addFlows(upToNow, attributes);
  }
  const owedNow = standing(upToNow).cashWithCarriers;
  const perCarrier = carrierFigures(inPeriod, upToEnd);
  const nowIso = at.toISOString();
  const parcels = await Promise.all(CARRIERS.map((c) => (owedNow[c] > 0 ? deps.money.carrierParcels(c, CARRIER_PAGE) : Promise.resolve({ items: [] }))));
  return {
    period,
    figures: periodFigures(inPeriod),
    standing: standing(upToEnd),
    carriers: perCarrier.map((figures, i) => ({
      ...figures,
      owedNow: owedNow[figures.carrier],
      parcels: parcels[i]!.items.map((p) => ({ orderId: p.orderId, shopId: p.shopId, amount: p.amount, collectedAt: p.collectedAt, ...(p.trackingNumber ? { trackingNumber: p.trackingNumber } : {}), daysOut: daysOut(p.collectedAt, nowIso) })),
      more: 'cursor' in parcels[i]! && !!parcels[i]!.cursor,
    })),
    remittances: remittances.items,
    entries,
  };
}

/** The period's journal as CSV (one row per ledger line; UTF-8 with BOM): one Query page per 500 entries of each month. */
export async function moneyCsv(deps: MoneyDeps, q: MoneyQuery): Promise<{ filename: string; body: string }> {
  const period = periodOf(q, now(deps));
  const months = await Promise.all(period.months.map((m) => deps.money.journalOfMonth(m)));
  const name = period.from === period.to ? period.from : `${period.from}_${period.to}`;
  return { filename: `dakhla-money-${name}.csv`, body: journalCsv(months.flat()) };
}
