import * as z from '../zod.ts';
import { ConflictError } from './errors.ts';
import { DEFAULT_DISPLAY_RATES, DISPLAY_CURRENCIES, type DisplayRates } from './money.ts';
import { DEFAULT_SHIPPING_RATES, SHIPPING_ZONES, type ShippingRates, type ShippingZone } from './shipping.ts';
import { artisanHelpSchema } from './shipping-help/artisan-help.ts';
import { ARTISAN_HELP_DEFAULT, type ArtisanHelpValue } from './shipping-help/help-contact.ts';
import { contactPageSchema, INFO_SETTING_NAMES, infoPageSchema, type ContactDetails, type InfoSettingName, type InfoTexts } from './info-pages/index.ts';

/**
 * The platform settings operators edit: the commission on artisans' sales, the shipping rates
 * by zone, the display exchange rates. Each is one item with a version (an edit names the version
 * it read: a concurrent edit is refused) and an audit list of its changes. An order keeps the
 * commission and shipping rate it was placed with (`OrderTerms`): a change applies to new orders only.
 * The store's information pages (`page-about` … `page-privacy`, shared/domain/info-pages/) are
 * settings too: the same versions and audit, read one at a time.
 */
/** The settings checkout and the catalogue read (all three at once). */
export const PLATFORM_SETTING_NAMES = ['commission', 'shipping', 'display-rates'] as const;
export type PlatformSettingName = (typeof PLATFORM_SETTING_NAMES)[number];
/** The artisans' help page's contact details (shared/domain/shipping-help/help-contact.ts). */
export const ARTISAN_HELP_SETTING = 'artisan-help';
export const SETTING_NAMES = [...PLATFORM_SETTING_NAMES, ...INFO_SETTING_NAMES, ARTISAN_HELP_SETTING] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** The most the platform may take of a sale: 30 %, in basis points (1 bp = 0.01 %). */
export const MAX_COMMISSION_BPS = 3000;
/** The platform's share of a sale when no operator has set one, and of every order placed before orders kept their own: 10 %. */
export const DEFAULT_COMMISSION_BPS = 1000;
/** A parcel's price, or its price per kilogram, at most 10,000 MAD (in centimes). */
const MAX_SHIPPING_MINOR = 10_000_00;

export const commissionSchema = z.strictObject({
  basisPoints: z.number().check(z.int('must be a whole number of basis points (1 bp = 0.01 %)'), z.gte(0), z.lte(MAX_COMMISSION_BPS, `must be at most ${MAX_COMMISSION_BPS} (30 %)`)),
});

const shippingAmount = z.number().check(z.int('must be a whole number of centimes'), z.gte(0), z.lte(MAX_SHIPPING_MINOR, `must be at most ${MAX_SHIPPING_MINOR} centimes (10,000 MAD)`));
const zoneRate = z.strictObject({ base: shippingAmount, perKg: shippingAmount });
export const shippingSettingSchema = z.strictObject({
  rates: z.strictObject(Object.fromEntries(SHIPPING_ZONES.map((zone) => [zone, zoneRate])) as Record<ShippingZone, typeof zoneRate>),
});

/** Units of the currency per 1 MAD: positive, and at most 10 (EUR and USD are about 0.1). */
const rate = z.number().check(z.positive('must be above 0'), z.lte(10, 'must be at most 10 (units of the currency per 1 MAD)'));
export const displayRatesSettingSchema = z.strictObject({
  rates: z.strictObject(Object.fromEntries(DISPLAY_CURRENCIES.map((c) => [c, rate])) as Record<(typeof DISPLAY_CURRENCIES)[number], typeof rate>),
});

/** Each setting's value, as stored on its item and as an edit sends it. */
export const SETTING_SCHEMAS = {
  commission: commissionSchema,
  shipping: shippingSettingSchema,
  'display-rates': displayRatesSettingSchema,
  'page-about': infoPageSchema,
  'page-contact': contactPageSchema,
  'page-legal': infoPageSchema,
  'page-terms': infoPageSchema,
  'page-returns': infoPageSchema,
  'page-privacy': infoPageSchema,
  'artisan-help': artisanHelpSchema,
} as const satisfies Record<SettingName, z.ZodMiniObject>;
type InfoValue = { texts: InfoTexts };
export interface SettingValues {
  commission: { basisPoints: number };
  shipping: { rates: ShippingRates };
  'display-rates': { rates: DisplayRates };
  'page-about': InfoValue;
  'page-contact': InfoValue & { contact: ContactDetails };
  'page-legal': InfoValue;
  'page-terms': InfoValue;
  'page-returns': InfoValue;
  'page-privacy': InfoValue;
  'artisan-help': ArtisanHelpValue;
}

/** A setting as it stands: its value, its version (0 until first edited) and who set it when. */
export interface Setting<N extends SettingName = SettingName> {
  name: N;
  value: SettingValues[N];
  version: number;
  updatedAt?: string;
  updatedBy?: SettingAuthor;
}

export interface SettingAuthor {
  sub: string;
  email: string;
}

/** One recorded edit of a setting: who, when, the value before and after. */
export interface SettingChange<N extends SettingName = SettingName> {
  name: N;
  /** The version the edit made (the one before is `version - 1`). */
  version: number;
  at: string;
  by: SettingAuthor;
  before: SettingValues[N];
  after: SettingValues[N];
}

/** An edit made from a version that is no longer the setting's (someone saved another edit meanwhile). */
export const staleSetting = () =>
  new ConflictError('changed', 'Someone changed this setting meanwhile; reload it and make your change again', { version: 'is no longer the current version of this setting' });

/** The setting after an edit made from `version`; the caller writes it only if `version` is still current. */
export function editSetting<N extends SettingName>(current: Setting<N>, value: SettingValues[N], by: SettingAuthor, at: string): { setting: Setting<N>; change: SettingChange<N> } {
  const version = current.version + 1;
  return {
    setting: { name: current.name, value, version, updatedAt: at, updatedBy: by },
    change: { name: current.name, version, at, by, before: current.value, after: value },
  };
}

/**
 * What an order keeps of the settings at checkout: the commission it will be charged and the
 * shipping rate of its zone. Orders placed before orders kept them have none: they are charged
 * DEFAULT_COMMISSION_BPS, as they were when placed.
 */
export interface OrderTerms {
  commissionBasisPoints: number;
  shippingRate: ShippingRates[ShippingZone];
}

export const orderTerms = (settings: { commissionBasisPoints: number; shipping: ShippingRates }, zone: ShippingZone): OrderTerms => ({
  commissionBasisPoints: settings.commissionBasisPoints,
  shippingRate: settings.shipping[zone],
});

/** The commission of a sub-order's sale under an order's terms (rounded to the centime). */
export function commissionOn(subtotal: number, order: { terms?: Pick<OrderTerms, 'commissionBasisPoints'> }): number {
  return Math.round((subtotal * (order.terms?.commissionBasisPoints ?? DEFAULT_COMMISSION_BPS)) / 10_000);
}

/**
 * Each setting's value until an operator first edits it — but the information pages', whose shipped
 * texts are a module of their own (shared/domain/info-pages/defaults.ts: INFO_SETTING_DEFAULTS),
 * given only to the settings stores that read them.
 */
export const SETTING_DEFAULTS: { [N in Exclude<SettingName, InfoSettingName>]: SettingValues[N] } = {
  commission: { basisPoints: DEFAULT_COMMISSION_BPS },
  shipping: { rates: DEFAULT_SHIPPING_RATES },
  'display-rates': { rates: DEFAULT_DISPLAY_RATES },
  'artisan-help': ARTISAN_HELP_DEFAULT,
};
