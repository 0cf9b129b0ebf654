/**
 * Where artisans get help: the regional investment centre's real contact details (phone,
 * WhatsApp, e-mail, address, opening hours), set by operators as the `artisan-help` setting
 * (versioned and audited like the others, shared/domain/settings.ts) and shown on the artisans'
 * help page. Empty until an operator fills them in: the page then says so, it never shows a
 * made-up number.
 */
export interface ArtisanHelpContact {
  /** International format, `+212…`; '' when not set. */
  phone: string;
  /** The WhatsApp number, international format; '' when not set. */
  whatsapp: string;
  email: string;
  /** Postal address of the centre (multi-line plain text). */
  address: string;
  /** Opening hours as the operator writes them (e.g. "Mon–Fri 8:30–16:30"), plain text. */
  hours: string;
}

export interface ArtisanHelpValue {
  contact: ArtisanHelpContact;
}

/** What the artisans' help page reads: the contact details, their version and when they last changed. */
export interface ArtisanHelpView extends ArtisanHelpValue {
  version: number;
  updatedAt?: string;
}

/** Until an operator sets them: nothing (the page says the details are not set yet). */
export const ARTISAN_HELP_DEFAULT: ArtisanHelpValue = { contact: { phone: '', whatsapp: '', email: '', address: '', hours: '' } };

/** True when an operator has filled in at least one way to reach the centre. */
export const hasHelpContact = (contact: ArtisanHelpContact): boolean => Object.values(contact).some((v) => v.trim() !== '');
