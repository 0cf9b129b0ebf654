import { DEFAULT_LOCALE, isLocale, LOCALES, RTL_LOCALES, type Locale } from '../domain/locales.ts';
import { formatMad } from '../domain/money-format.ts';
import type { SandboxSession } from './sandbox.ts';

export { formatMad };

/**
 * The sandbox's hosted payment page: plainly a TEST page, in the store's four languages
 * (`?lang=` first, then Accept-Language), showing the amount in MAD with Approve and Decline
 * buttons that POST the decision. No script: a plain form works on any phone.
 */
const TEXT: Record<Locale, Record<'title' | 'test' | 'order' | 'amount' | 'approve' | 'decline' | 'decided' | 'back', string>> = {
  ar: {
    title: 'دفع تجريبي',
    test: 'صفحة اختبار — لا يتم خصم أي مبلغ حقيقي',
    order: 'الطلب',
    amount: 'المبلغ',
    approve: 'قبول الدفع',
    decline: 'رفض الدفع',
    decided: 'تم اتخاذ القرار بشأن هذا الدفع',
    back: 'العودة إلى الطلب',
  },
  fr: {
    title: 'Paiement de test',
    test: 'PAGE DE TEST — aucun argent réel n’est débité',
    order: 'Commande',
    amount: 'Montant',
    approve: 'Accepter le paiement',
    decline: 'Refuser le paiement',
    decided: 'Ce paiement a déjà été décidé',
    back: 'Retour à la commande',
  },
  en: {
    title: 'Test payment',
    test: 'TEST PAGE — no real money is charged',
    order: 'Order',
    amount: 'Amount',
    approve: 'Approve payment',
    decline: 'Decline payment',
    decided: 'This payment has already been decided',
    back: 'Back to the order',
  },
  es: {
    title: 'Pago de prueba',
    test: 'PÁGINA DE PRUEBA — no se cobra dinero real',
    order: 'Pedido',
    amount: 'Importe',
    approve: 'Aprobar el pago',
    decline: 'Rechazar el pago',
    decided: 'Este pago ya se decidió',
    back: 'Volver al pedido',
  },
};

/** `?lang=` if it names one of the four languages, else the first one Accept-Language names. */
export function pageLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(lang)) return lang;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { base: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted.map((w) => w.base).find(isLocale) as Locale | undefined) ?? DEFAULT_LOCALE;
}

/** Text for HTML (content and attribute values). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);


/**
 * The page's only styles, inline (the page loads nothing else). The store's one
 * Content-Security-Policy allows exactly this text by its hash (shared/edge/security-headers.ts).
 */
export const SANDBOX_PAGE_STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f6f1e7;color:#2b2118}
.banner{background:#b3261e;color:#fff;font-weight:700;text-align:center;padding:.75rem;letter-spacing:.03em}
main{max-width:26rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 2px 10px #0002}
dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}dt{color:#6b5d4f}dd{margin:0;font-weight:600}
.amount{font-size:1.6rem}
form{display:flex;gap:.75rem;margin-top:1.5rem;flex-wrap:wrap}
button{flex:1;font-size:1rem;padding:.9rem;border-radius:8px;border:0;cursor:pointer}
.approve{background:#1f7a3a;color:#fff}.decline{background:#eee;color:#2b2118;border:1px solid #bbb}
nav{text-align:center;margin-top:1rem;font-size:.9rem}
`;

/**
 * The shell of the payment pages the API serves (the sandbox's TEST page, CMI's redirect page): the
 * language and direction, the one stylesheet (allowed by its hash), a title, an optional banner,
 * the order and its amount, then the page's own part (already HTML).
 */
export function paymentPageHtml(page: { locale: Locale; title: string; banner?: string; labels: { order: string; amount: string }; orderId: string; amount: number; body: string }): string {
  const { locale } = page;
  return `<!doctype html>
<html lang="${locale}" dir="${RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}${page.banner ? ' — TEST' : ''}</title>
<style>${SANDBOX_PAGE_STYLE}</style>
</head>
<body>
${page.banner ? `<div class="banner" role="alert">TEST · ${escapeHtml(page.banner)}</div>\n` : ''}<main>
<h1>${escapeHtml(page.title)}</h1>
<dl>
<dt>${escapeHtml(page.labels.order)}</dt><dd>${escapeHtml(page.orderId)}</dd>
<dt>${escapeHtml(page.labels.amount)}</dt><dd class="amount" dir="ltr">${escapeHtml(formatMad(page.amount, locale))}</dd>
</dl>
${page.body}
</main>
</body>
</html>`;
}

export function sandboxPageHtml(session: Pick<SandboxSession, 'sessionId' | 'orderId' | 'amount' | 'status' | 'returnUrl'>, locale: Locale): string {
  const t = TEXT[locale];
  const action = `/api/payments/sandbox/${encodeURIComponent(session.sessionId)}/decision?lang=${locale}`;
  const languages = LOCALES.map((l) => (l === locale ? `<strong>${l}</strong>` : `<a href="?lang=${l}">${l}</a>`)).join(' · ');
  const body =
    session.status === 'open'
      ? `<form method="post" action="${escapeHtml(action)}">
<button class="approve" type="submit" name="decision" value="approve">${escapeHtml(t.approve)}</button>
<button class="decline" type="submit" name="decision" value="decline">${escapeHtml(t.decline)}</button>
</form>`
      : `<p>${escapeHtml(t.decided)} (${escapeHtml(session.status)}).</p><p><a href="${escapeHtml(session.returnUrl)}">${escapeHtml(t.back)}</a></p>`;
  return paymentPageHtml({ locale, title: t.title, banner: t.test, labels: t, orderId: session.orderId, amount: session.amount, body: `${body}\n<nav>${languages}</nav>` });
}
