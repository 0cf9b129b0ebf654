import { DEFAULT_LOCALE, pickLocalized, type Locale, type Localized } from '../locales.ts';

/**
 * "Message the buyer on WhatsApp": a https://wa.me/<digits> link with a text prefilled in the
 * buyer's language. No zod here: the seller area's orders view imports it.
 */

/**
 * A phone number as the international digits wa.me wants (no +, no 00, no spaces): `+212 6…`,
 * `00212 6…` and the Moroccan national `06…`/`07…` (also `05…`/`08…`) all give `2126…`.
 * Undefined when what is left is not 8 to 15 digits.
 */
export function whatsappDigits(phone: string): string | undefined {
  const trimmed = phone.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (/^0[5-8]\d{8}$/.test(digits)) digits = `212${digits.slice(1)}`;
  return /^[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

const GREETING: Record<Locale, (p: { name: string; order: string; shop: string }) => string> = {
  ar: ({ name, order, shop }) => `مرحبا ${name}، معكم ${shop} على سوق الداخلة، بخصوص طلبكم رقم ${order}.`,
  fr: ({ name, order, shop }) => `Bonjour ${name}, ici ${shop} sur Dakhla Market, au sujet de votre commande n° ${order}.`,
  en: ({ name, order, shop }) => `Hello ${name}, this is ${shop} on Dakhla Market, about your order no. ${order}.`,
  es: ({ name, order, shop }) => `Hola ${name}, le escribe ${shop} en Dakhla Market, sobre su pedido n.º ${order}.`,
};

/** The prefilled text, in the buyer's language (French for orders that did not record it), naming the order and the shop. */
export function whatsappText(p: { buyerName: string; orderId: string; shopName: Localized; locale?: Locale }): string {
  const locale = p.locale ?? DEFAULT_LOCALE;
  // Left-to-right isolates keep the order number whole inside Arabic text.
  const order = locale === 'ar' ? `\u2066${p.orderId}\u2069` : p.orderId;
  return GREETING[locale]({ name: p.buyerName.trim().split(/\s+/)[0] ?? '', order, shop: pickLocalized(p.shopName, locale).text });
}

/** The wa.me link for a parcel's buyer, or undefined when her phone gives no usable number. */
export function whatsappLink(p: { phone: string; buyerName: string; orderId: string; shopName: Localized; locale?: Locale }): string | undefined {
  const digits = whatsappDigits(p.phone);
  return digits ? `https://wa.me/${digits}?text=${encodeURIComponent(whatsappText(p))}` : undefined;
}
