import { isolateLtrFields } from '../domain/bidi.ts';
import { RTL_LOCALES, type Locale } from '../domain/locales.ts';
import { formatFor, plainInput, renderBlocks, type Block, type Format, type RenderedEmail } from './templates.ts';

/**
 * "Find my orders": to the e-mail a guest typed, in the language of the page she asked from, a
 * fresh link to each of her recent orders (the order page, as the checkout's link opens it).
 * Kept apart from the order e-mails: it is about several orders, and operators do not resend it.
 */
export interface OrderLinksEmail {
  orders: { orderId: string; createdAt: string; total: number; url: string }[];
  /** Days each link works from its order (ORDER_LINK_LIFETIME_DAYS). */
  lifetimeDays: number;
}

type Template = (i: OrderLinksEmail, f: Format) => { subject: string; blocks: Block[] };

const TEMPLATES: Record<Locale, Template> = {
  fr: (i, f) => ({
    subject: 'Vos commandes sur Dakhla Market',
    blocks: [
      'Bonjour,',
      i.orders.length > 1 ? `Voici le lien de vos ${i.orders.length} commandes récentes.` : 'Voici le lien de votre commande récente.',
      ...i.orders.map((o) => ({ link: o.url, label: `Commande ${o.orderId} du ${f.dateTime(o.createdAt)} · ${f.mad(o.total)}` })),
      `Gardez ces liens pour vous : chacun ouvre sa commande, sans compte, pendant ${i.lifetimeDays} jours après la commande.`,
      "Si vous n'avez rien demandé, ignorez ce message : personne d'autre ne reçoit ces liens.",
    ],
  }),
  ar: (i, f) => ({
    subject: 'طلباتك في سوق الداخلة',
    blocks: [
      'مرحبا،',
      i.orders.length > 1 ? `إليك روابط طلباتك الأخيرة (${i.orders.length}).` : 'إليك رابط طلبك الأخير.',
      ...i.orders.map((o) => ({ link: o.url, label: `الطلب ${o.orderId} بتاريخ ${f.dateTime(o.createdAt)} · ${f.mad(o.total)}` })),
      `احتفظ بهذه الروابط لنفسك: كل رابط يفتح طلبه، بدون حساب، لمدة ${i.lifetimeDays} يوما بعد الطلب.`,
      'إن لم تطلب ذلك فتجاهل هذه الرسالة: لا أحد غيرك يتلقى هذه الروابط.',
    ],
  }),
  en: (i, f) => ({
    subject: 'Your orders at Dakhla Market',
    blocks: [
      'Hello,',
      i.orders.length > 1 ? `Here are the links to your ${i.orders.length} recent orders.` : 'Here is the link to your recent order.',
      ...i.orders.map((o) => ({ link: o.url, label: `Order ${o.orderId} of ${f.dateTime(o.createdAt)} · ${f.mad(o.total)}` })),
      `Keep these links to yourself: each opens its order, without an account, for ${i.lifetimeDays} days after the order.`,
      'If you did not ask for this, ignore this e-mail: nobody else receives these links.',
    ],
  }),
  es: (i, f) => ({
    subject: 'Sus pedidos en Dakhla Market',
    blocks: [
      'Hola:',
      i.orders.length > 1 ? `Aquí tiene el enlace de sus ${i.orders.length} pedidos recientes.` : 'Aquí tiene el enlace de su pedido reciente.',
      ...i.orders.map((o) => ({ link: o.url, label: `Pedido ${o.orderId} del ${f.dateTime(o.createdAt)} · ${f.mad(o.total)}` })),
      `Guarde estos enlaces para usted: cada uno abre su pedido, sin cuenta, durante ${i.lifetimeDays} días después del pedido.`,
      'Si no lo ha pedido, ignore este mensaje: nadie más recibe estos enlaces.',
    ],
  }),
};

export function renderOrderLinksEmail(locale: Locale, input: OrderLinksEmail): RenderedEmail {
  const { subject, blocks } = TEMPLATES[locale](isolateLtrFields(plainInput(input), RTL_LOCALES.has(locale)), formatFor(locale));
  return renderBlocks(locale, subject, blocks);
}
