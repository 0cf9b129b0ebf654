import { NotFoundError } from '../domain/errors.ts';
import type { Localized } from '../domain/locales.ts';
import type { SubOrder } from '../domain/order.ts';
import { ARTISAN_HELP_SETTING } from '../domain/settings.ts';
import type { ArtisanHelpView } from '../domain/shipping-help/help-contact.ts';
import type { SettingsStore } from '../data/settings.ts';
import type { Orders } from '../data/orders.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import type { Store } from './ports.ts';

/**
 * Shipping help for artisans: one parcel of her own, with what its packing slip and label print
 * (shared/domain/shipping-help/), and the centre's contact details operators set for the help page.
 */

/** A parcel as its packing slip prints it: the sub-order (the buyer's language filled in from the order) and the shop it is sent from. */
export interface ParcelSlip {
  parcel: SubOrder;
  /** The sender: the shop's name, town and phone (its return address). */
  from: { name: Localized; town: string; phone?: string };
}

/** The caller's own parcel of an order; 404 when the order has none of her shop's (another shop's parcel, or no such order). */
export async function getMyParcel(deps: { store: Store; orders: Pick<Orders, 'getOrder'> }, caller: Caller, orderId: string): Promise<ParcelSlip> {
  const shop = await requireOwnShop(deps.store, caller);
  const found = await deps.orders.getOrder(orderId);
  const sub = found?.subOrders.find((s) => s.shopId === shop.id);
  if (!found || !sub) throw new NotFoundError('Order');
  const locale = sub.shipTo.locale ?? found.order.customer.locale;
  return {
    parcel: { ...sub, shipTo: { ...sub.shipTo, ...(locale ? { locale } : {}) } },
    from: { name: shop.name, town: shop.town, ...(shop.phone ? { phone: shop.phone } : {}) },
  };
}

/** The centre's contact details for artisans, as operators last set them (all empty until then). */
export async function getArtisanHelp(settings: Pick<SettingsStore, 'get'>): Promise<ArtisanHelpView> {
  const setting = await settings.get(ARTISAN_HELP_SETTING);
  return { contact: setting.value.contact, version: setting.version, ...(setting.updatedAt ? { updatedAt: setting.updatedAt } : {}) };
}
