import * as z from '../../zod.ts';
import { LOCALES, type Locale } from '../locales.ts';
import { text } from '../text.ts';

/**
 * The store's information pages (about, contact, legal notice, terms of sale, returns and the
 * right of withdrawal, privacy): each one platform setting (`page-<slug>`), versioned and audited
 * like the commission or the shipping rates (shared/domain/settings.ts), so an operator edits its
 * text in four languages from the console and an order records the version of the terms and the
 * privacy notice its shopper accepted. The texts shipped here are plain defaults that a lawyer
 * must review before the store opens (infra/RUNBOOK.md).
 *
 * A page's body is plain text: paragraphs separated by a blank line, a line starting with `## `
 * is a heading. No markup: the web renders it as text.
 */
import { INFO_PAGES, type InfoPageSlug } from './slugs.ts';
export * from './slugs.ts';
export type InfoSettingName = `page-${InfoPageSlug}`;
export const INFO_SETTING_NAMES = ['page-about', 'page-contact', 'page-legal', 'page-terms', 'page-returns', 'page-privacy'] as const satisfies readonly InfoSettingName[];

import { MAX_INFO_BODY, MAX_INFO_TITLE } from './slugs.ts';

export interface InfoText {
  title: string;
  body: string;
}
export type InfoTexts = Record<Locale, InfoText>;

/** The store's contact details, shown on the contact page (the operator fills them in). */
export interface ContactDetails {
  email: string;
  phone: string;
  address: string;
}

export interface InfoPageValue {
  texts: InfoTexts;
  /** The contact page only. */
  contact?: ContactDetails;
}

const infoText = z.strictObject({ title: text({ min: 1, max: MAX_INFO_TITLE }), body: text({ min: 1, max: MAX_INFO_BODY, multiline: true }) });
const texts = z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, infoText])) as Record<Locale, typeof infoText>);
export const contactDetailsSchema = z.strictObject({
  email: z.union([z.literal(''), z.email('must be an e-mail address').check(z.maxLength(254))]),
  phone: z.union([z.literal(''), z.string().check(z.trim(), z.regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +212528000000'))]),
  address: text({ max: 300, multiline: true }),
});

/** Every page's value: its texts; the contact page's also its contact details. */
export const infoPageSchema = z.strictObject({ texts });
export const contactPageSchema = z.strictObject({ texts, contact: contactDetailsSchema });

/** A page as the public API answers it: its texts in every language, its version and when it last changed. */
export interface InfoPageView {
  slug: InfoPageSlug;
  version: number;
  updatedAt?: string;
  texts: InfoTexts;
  contact?: ContactDetails;
}

/**
 * What an order keeps of the shopper's consent at checkout: the versions of the terms of sale and
 * of the privacy notice in force when she accepted them, when, and — for a delivery outside
 * Morocco — that she was told of her 14-day right of withdrawal.
 */
export interface OrderConsent {
  termsVersion: number;
  privacyVersion: number;
  acceptedAt: string;
  withdrawalAcknowledged: boolean;
}

