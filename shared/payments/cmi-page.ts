import type { Locale } from '../domain/locales.ts';
import { escapeHtml, paymentPageHtml } from './sandbox-page.ts';

/**
 * The page that takes the shopper to CMI: CMI's gate takes a form POST, not a link, so the API
 * serves this small page with the signed fields in a form that submits itself (one script, allowed
 * by its hash in the store's one Content-Security-Policy, shared/edge/security-headers.ts) and a
 * visible button for a browser that runs no script. In the store's four languages; it reuses the
 * sandbox page's stylesheet (already allowed by its hash).
 */
export const CMI_PAGE_SCRIPT = `document.getElementById('cmi-pay').submit();`;

const TEXT: Record<Locale, Record<'title' | 'lead' | 'order' | 'amount' | 'pay' | 'closed' | 'back', string>> = {
  ar: {
    title: 'الدفع الآمن بالبطاقة',
    lead: 'يتم توجيهك إلى صفحة الدفع الآمنة للمركز المغربي للنقديات (CMI)…',
    order: 'الطلب',
    amount: 'المبلغ',
    pay: 'المتابعة إلى الدفع',
    closed: 'لم يعد هذا الدفع مفتوحا',
    back: 'العودة إلى الطلب',
  },
  fr: {
    title: 'Paiement sécurisé par carte',
    lead: 'Vous êtes redirigé vers la page de paiement sécurisée du CMI…',
    order: 'Commande',
    amount: 'Montant',
    pay: 'Continuer vers le paiement',
    closed: 'Ce paiement n’est plus ouvert',
    back: 'Retour à la commande',
  },
  en: {
    title: 'Secure card payment',
    lead: 'Taking you to CMI’s secure payment page…',
    order: 'Order',
    amount: 'Amount',
    pay: 'Continue to payment',
    closed: 'This payment is no longer open',
    back: 'Back to the order',
  },
  es: {
    title: 'Pago seguro con tarjeta',
    lead: 'Le llevamos a la página de pago segura de CMI…',
    order: 'Pedido',
    amount: 'Importe',
    pay: 'Continuar al pago',
    closed: 'Este pago ya no está abierto',
    back: 'Volver al pedido',
  },
};

export type CmiPage =
  | { open: true; orderId: string; amount: number; gatewayUrl: string; fields: Record<string, string> }
  | { open: false; orderId: string; amount: number; orderUrl: string };

export function cmiPageHtml(page: CmiPage, locale: Locale): string {
  const t = TEXT[locale];
  const body = page.open
    ? `<p>${escapeHtml(t.lead)}</p>
<form id="cmi-pay" method="post" action="${escapeHtml(page.gatewayUrl)}" accept-charset="UTF-8">
${Object.entries(page.fields)
  .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
  .join('\n')}
<button class="approve" type="submit">${escapeHtml(t.pay)}</button>
</form>
<script>${CMI_PAGE_SCRIPT}</script>`
    : `<p>${escapeHtml(t.closed)}.</p><p><a href="${escapeHtml(page.orderUrl)}">${escapeHtml(t.back)}</a></p>`;
  return paymentPageHtml({ locale, title: t.title, labels: t, orderId: page.orderId, amount: page.amount, body });
}
