import type { ApplyForShopBody, UpdateShopBody } from '../api/artisan.ts';
import type { ShopDecision } from '../api/operator.ts';
import type { Shop, ShopStatus } from './catalogue.ts';
import { ConflictError } from './errors.ts';

/**
 * A shop's life: an artisan applies (pending); an operator approves or rejects with a
 * reason; an approved shop can be suspended with a reason and reinstated. A rejected
 * artisan who edits their application sends it again (pending).
 */
const DECISIONS: Record<ShopDecision['action'], { from: readonly ShopStatus[]; to: ShopStatus }> = {
  approve: { from: ['pending', 'rejected'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
};

export function newShopApplication(input: { id: string; ownerSub: string; body: ApplyForShopBody; now: string }): Shop {
  const { body } = input;
  return {
    id: input.id,
    slug: body.slug,
    name: body.name,
    craft: body.craft,
    story: body.story,
    town: body.town,
    kind: body.kind,
    languages: body.languages,
    ...(body.phone ? { phone: body.phone } : {}),
    status: 'pending',
    ownerSub: input.ownerSub,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The shop after an operator's decision; refuses a decision its current status does not allow. */
export function decideShop(shop: Shop, decision: ShopDecision, now: string): Shop {
  const rule = DECISIONS[decision.action];
  if (!rule.from.includes(shop.status)) {
    throw new ConflictError('invalid_transition', `Cannot ${decision.action} a shop that is ${shop.status}`);
  }
  const { rejectionReason: _r, suspensionReason: _s, ...rest } = shop;
  return {
    ...rest,
    status: rule.to,
    updatedAt: now,
    ...(rule.to === 'approved' && !shop.approvedAt ? { approvedAt: now } : {}),
    ...(decision.action === 'reject' ? { rejectionReason: decision.reason } : {}),
    ...(decision.action === 'suspend' ? { suspensionReason: decision.reason } : {}),
  };
}

/** An operator's edit of a shop's profile (the same fields and rules as its artisan's): its status stays as it is. */
export function editShopProfile(shop: Shop, changes: UpdateShopBody, now: string): Shop {
  return { ...shop, ...changes, updatedAt: now };
}

/** Lists and search show a shop's name and town: an edit of either rewrites its listed products' entries. */
export const changesListings = (changes: UpdateShopBody) => changes.name !== undefined || changes.town !== undefined;

/** The artisan's edit of their shop profile; editing a rejected application sends it again. */
export function reviseShop(shop: Shop, changes: UpdateShopBody, now: string): Shop {
  const revised = editShopProfile(shop, changes, now);
  // Choosing how to be told is no new application: only a profile edit sends a rejected one again.
  const profileEdited = Object.keys(changes).some((field) => field !== 'notify');
  if (shop.status !== 'rejected' || !profileEdited) return revised;
  const { rejectionReason: _r, ...resubmitted } = revised;
  return { ...resubmitted, status: 'pending' };
}
