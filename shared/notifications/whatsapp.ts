import type { Locale } from '../domain/locales.ts';
import { formatFor, plainLine } from './templates.ts';

/**
 * The WhatsApp side of the artisans' notifications: one approved **utility** template per event
 * (Meta's WhatsApp Manager holds the same names, bodies and parameters: infra/RUNBOOK.md lists
 * them for the operator to submit), and the Cloud API request that sends one. The bodies are
 * also how the local WhatsApp outbox (/dev/whatsapp) shows a message, and how an e-mail reads for
 * an event with no e-mail of its own (shop approved or rejected, deadline approaching). Pure.
 */
export interface NoticeInputs {
  'shop-approved': { shopName: string; shopUrl: string };
  'shop-rejected': { shopName: string; reason: string; shopUrl: string };
  'new-order': { shopName: string; orderId: string; deadline: string; orderUrl: string };
  'deadline-reminder': { shopName: string; orderId: string; deadline: string; orderUrl: string };
  'payout-sent': { shopName: string; amount: number; reference: string; earningsUrl: string };
}
export type NoticeKind = keyof NoticeInputs;
export const NOTICE_KINDS = ['shop-approved', 'shop-rejected', 'new-order', 'deadline-reminder', 'payout-sent'] as const satisfies readonly NoticeKind[];

/** Meta's language codes for the store's four languages. */
export const WHATSAPP_LANGUAGE: Record<Locale, string> = { ar: 'ar', fr: 'fr', en: 'en', es: 'es' };

interface TemplateSpec<K extends NoticeKind> {
  /** The template's name in WhatsApp Manager (lowercase, digits and _). */
  name: string;
  /** What each {{n}} holds, in order: the operator's guide, and the sample values Meta asks for. */
  parameters: readonly string[];
  /** The body parameters, as text, in the artisan's language. */
  values(input: NoticeInputs[K], locale: Locale): string[];
  /** The approved body, per language, with {{1}}…{{n}}; the first line is also an e-mail's subject. */
  body: Record<Locale, string>;
}

const when = (iso: string, locale: Locale) => formatFor(locale).dateTime(iso);

/** The one table: event → template name, parameters and bodies. */
export const WHATSAPP_TEMPLATES: { [K in NoticeKind]: TemplateSpec<K> } = {
  'shop-approved': {
    name: 'dakhla_shop_approved',
    parameters: ['shop name', 'link to the seller area'],
    values: (i) => [i.shopName, i.shopUrl],
    body: {
      fr: 'Votre boutique {{1}} est approuvée sur Dakhla Market.\nVos produits publiés sont en vente dès maintenant.\nVotre espace vendeur : {{2}}',
      ar: 'تمت الموافقة على متجرك {{1}} في سوق الداخلة.\nمنتجاتك المنشورة معروضة للبيع من الآن.\nفضاء البائع: {{2}}',
      en: 'Your shop {{1}} is approved on Dakhla Market.\nYour published products are on sale from now on.\nYour seller area: {{2}}',
      es: 'Su tienda {{1}} ha sido aprobada en Dakhla Market.\nSus productos publicados ya están a la venta.\nSu espacio de vendedor: {{2}}',
    },
  },
  'shop-rejected': {
    name: 'dakhla_shop_rejected',
    parameters: ['shop name', "the team's reason", 'link to the shop profile'],
    values: (i) => [i.shopName, i.reason, i.shopUrl],
    body: {
      fr: "Votre demande de boutique {{1}} n'est pas encore acceptée.\nMotif : {{2}}\nCorrigez votre profil et envoyez-le à nouveau : {{3}}",
      ar: 'لم يُقبل طلب متجرك {{1}} بعد.\nالسبب: {{2}}\nصحّح ملفك وأرسله من جديد: {{3}}',
      en: 'Your application for the shop {{1}} is not accepted yet.\nReason: {{2}}\nCorrect your profile and send it again: {{3}}',
      es: 'Su solicitud de la tienda {{1}} aún no ha sido aceptada.\nMotivo: {{2}}\nCorrija su perfil y envíelo de nuevo: {{3}}',
    },
  },
  'new-order': {
    name: 'dakhla_new_order',
    parameters: ['shop name', 'order number', 'deadline to accept (date and time, Morocco)', 'link that opens the order'],
    values: (i, locale) => [i.shopName, i.orderId, when(i.deadline, locale), i.orderUrl],
    body: {
      fr: 'Nouvelle commande {{2}} pour {{1}}.\nAcceptez-la ou refusez-la avant le {{3}} ; sans réponse, elle sera annulée.\nOuvrir la commande : {{4}}',
      ar: 'طلب جديد {{2}} لمتجر {{1}}.\nاقبله أو ارفضه قبل {{3}}؛ بدون رد سيُلغى.\nافتح الطلب: {{4}}',
      en: 'New order {{2}} for {{1}}.\nAccept or decline it before {{3}}; without an answer it will be cancelled.\nOpen the order: {{4}}',
      es: 'Nuevo pedido {{2}} para {{1}}.\nAcéptelo o rechácelo antes del {{3}}; sin respuesta, se cancelará.\nAbrir el pedido: {{4}}',
    },
  },
  'deadline-reminder': {
    name: 'dakhla_order_deadline',
    parameters: ['shop name', 'order number', 'deadline to accept (date and time, Morocco)', 'link that opens the order'],
    values: (i, locale) => [i.shopName, i.orderId, when(i.deadline, locale), i.orderUrl],
    body: {
      fr: "Rappel : la commande {{2}} de {{1}} attend votre réponse.\nElle sera annulée si vous ne l'acceptez pas avant le {{3}}.\nOuvrir la commande : {{4}}",
      ar: 'تذكير: الطلب {{2}} لمتجر {{1}} ينتظر ردك.\nسيُلغى إن لم تقبله قبل {{3}}.\nافتح الطلب: {{4}}',
      en: 'Reminder: order {{2}} for {{1}} is waiting for your answer.\nIt will be cancelled unless you accept it before {{3}}.\nOpen the order: {{4}}',
      es: 'Recordatorio: el pedido {{2}} de {{1}} espera su respuesta.\nSe cancelará si no lo acepta antes del {{3}}.\nAbrir el pedido: {{4}}',
    },
  },
  'payout-sent': {
    name: 'dakhla_payout_sent',
    parameters: ['shop name', 'amount (MAD)', "the bank transfer's reference", 'link to the earnings page'],
    values: (i, locale) => [i.shopName, formatFor(locale).mad(i.amount), i.reference, i.earningsUrl],
    body: {
      fr: 'Virement envoyé à {{1}} : {{2}} (référence {{3}}).\nIl arrive en général sous 1 à 3 jours ouvrés.\nVos gains : {{4}}',
      ar: 'أُرسل تحويل إلى {{1}}: {{2}} (المرجع {{3}}).\nيصل عادة خلال يوم إلى ثلاثة أيام عمل.\nأرباحك: {{4}}',
      en: 'Payout sent to {{1}}: {{2}} (reference {{3}}).\nIt usually arrives within 1 to 3 working days.\nYour earnings: {{4}}',
      es: 'Transferencia enviada a {{1}}: {{2}} (referencia {{3}}).\nSuele llegar en 1 a 3 días hábiles.\nSus ganancias: {{4}}',
    },
  },
};

/** Meta refuses a body parameter with a line break, a tab or more than four spaces in a row (error 132018). */
export const whatsAppParameter = (value: string) => plainLine(value).replace(/ {4,}/g, '   ').trim() || '-';

/** The template's body with its parameters in place, as the artisan's phone shows it. */
export function fillTemplate(body: string, values: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (placeholder, n: string) => values[Number(n) - 1] ?? placeholder);
}

/** The Cloud API's template message (POST /{version}/{phone-number-id}/messages). */
export interface WhatsAppTemplateMessage {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  /** E.164 without the `+`, as Meta writes WhatsApp ids. */
  to: string;
  type: 'template';
  template: { name: string; language: { policy: 'deterministic'; code: string }; components: [{ type: 'body'; parameters: { type: 'text'; text: string }[] }] };
}

/** The request that sends an event's template to a number (E.164), in the artisan's language. */
export function whatsAppMessage<K extends NoticeKind>(kind: K, locale: Locale, to: string, input: NoticeInputs[K]): WhatsAppTemplateMessage {
  const spec = WHATSAPP_TEMPLATES[kind] as TemplateSpec<K>;
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: to.replace(/^\+/, ''),
    type: 'template',
    template: {
      name: spec.name,
      language: { policy: 'deterministic', code: WHATSAPP_LANGUAGE[locale] },
      components: [{ type: 'body', parameters: spec.values(input, locale).map((text) => ({ type: 'text', text: whatsAppParameter(text) })) }],
    },
  };
}

/** A template by its name and Meta language code, as the local endpoint looks it up. */
export function templateNamed(name: string, code: string): { kind: NoticeKind; locale: Locale; body: string; parameters: readonly string[] } | undefined {
  const kind = NOTICE_KINDS.find((k) => WHATSAPP_TEMPLATES[k].name === name);
  const locale = (Object.keys(WHATSAPP_LANGUAGE) as Locale[]).find((l) => WHATSAPP_LANGUAGE[l] === code);
  if (!kind || !locale) return undefined;
  const spec = WHATSAPP_TEMPLATES[kind];
  return { kind, locale, body: spec.body[locale], parameters: spec.parameters };
}
