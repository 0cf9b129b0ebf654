import type { HideReason } from '../../../../shared/domain/catalogue.ts';
import type { SettingName } from '../../../../shared/domain/settings.ts';
import type { ShippingZone } from '../../../../shared/domain/shipping.ts';

/**
 * The console's contract constants at run time: shared/domain/{catalogue,settings,shipping}.ts
 * define them beside their zod schemas (zod must not reach the browser), so these are copies,
 * checked against the shared types at compile time and the shared values in constants.test.ts.
 */
export const HIDE_REASONS = ['prohibited', 'counterfeit', 'misleading', 'photos', 'price', 'other'] as const satisfies readonly HideReason[];
export const SETTING_NAMES = ['commission', 'shipping', 'display-rates'] as const satisfies readonly SettingName[];
export const SHIPPING_ZONES = ['dakhla', 'morocco', 'international'] as const satisfies readonly ShippingZone[];
export const MAX_COMMISSION_BPS = 3000;
/** A shipping amount's ceiling, in centimes (shared/domain/settings.ts). */
export const MAX_SHIPPING_MINOR = 10_000_00;
/** A display rate's ceiling, in units of the currency per 1 MAD. */
export const MAX_DISPLAY_RATE = 10;
