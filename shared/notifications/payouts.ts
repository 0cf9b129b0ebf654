import { isolateLtrFields } from '../domain/bidi.ts';
import { RTL_LOCALES, type Locale } from '../domain/locales.ts';
import { formatFor, plainInput, renderBlocks, type Block, type Format, type RenderedEmail } from './templates.ts';

/**
 * The e-mails about an artisan's payouts and bank account, in the artisan's language: the code that
 * confirms a RIB change, the change itself (old and new last 4 digits only), a payout sent, failed,
 * or returned by the bank. Kept apart from the order e-mails (operators cannot resend these).
 */
export interface PayoutEmailInputs {
  'rib-code': { shopName: string; code: string; minutes: number; last4: string };
  'rib-changed': { shopName: string; oldLast4?: string; newLast4: string; holdHours: number; earningsUrl: string };
  'payout-paid': { shopName: string; amount: number; reference: string; last4: string; batchId: string; earningsUrl: string };
  'payout-failed': { shopName: string; amount: number; reason: string; batchId: string; earningsUrl: string };
  'payout-returned': { shopName: string; amount: number; reason: string; batchId: string; earningsUrl: string };
}
export type PayoutEmailKind = keyof PayoutEmailInputs;
export const PAYOUT_EMAIL_KINDS = ['rib-code', 'rib-changed', 'payout-paid', 'payout-failed', 'payout-returned'] as const satisfies readonly PayoutEmailKind[];

type PayoutTemplates = { [K in PayoutEmailKind]: (i: PayoutEmailInputs[K], f: Format) => { subject: string; blocks: Block[] } };

const TEMPLATES: Record<Locale, PayoutTemplates> = {
  fr: {
    'rib-code': (i) => ({ subject: `Votre code de confirmation : ${i.code}`, blocks: [`Bonjour ${i.shopName},`, `Pour enregistrer le RIB se terminant par ${i.last4}, saisissez ce code : ${i.code}`, `Il est valable ${i.minutes} minutes. Si vous n'avez rien demandé, ignorez ce message : votre RIB ne change pas.`] }),
    'rib-changed': (i) => ({
      subject: 'Votre RIB a changé',
      blocks: [`Bonjour ${i.shopName},`, i.oldLast4 ? `Le RIB de vos virements est passé de …${i.oldLast4} à …${i.newLast4}.` : `Vos virements iront au RIB se terminant par ${i.newLast4}.`, `Par sécurité, aucun virement ne part vers ce RIB pendant ${i.holdHours} heures. Si ce n'est pas vous, écrivez-nous tout de suite.`, { link: i.earningsUrl, label: 'Mes gains' }],
    }),
    'payout-paid': (i, f) => ({ subject: `Virement de ${f.mad(i.amount)} envoyé`, blocks: [`Bonjour ${i.shopName},`, `Nous avons viré ${f.mad(i.amount)} sur votre RIB …${i.last4} (lot ${i.batchId}, référence ${i.reference}).`, 'Il arrive en général sous 1 à 3 jours ouvrés.', { link: i.earningsUrl, label: 'Mes gains et relevés' }] }),
    'payout-failed': (i, f) => ({ subject: `Virement de ${f.mad(i.amount)} non effectué`, blocks: [`Bonjour ${i.shopName},`, `Le virement de ${f.mad(i.amount)} (lot ${i.batchId}) n'a pas pu être fait : ${i.reason}.`, 'La somme est revenue à votre solde disponible et partira au prochain virement. Vérifiez votre RIB.', { link: i.earningsUrl, label: 'Mes gains' }] }),
    'payout-returned': (i, f) => ({ subject: `Virement de ${f.mad(i.amount)} retourné par la banque`, blocks: [`Bonjour ${i.shopName},`, `La banque nous a renvoyé le virement de ${f.mad(i.amount)} (lot ${i.batchId}) : ${i.reason}.`, 'La somme est revenue à votre solde disponible. Vérifiez votre RIB.', { link: i.earningsUrl, label: 'Mes gains' }] }),
  },
  ar: {
    'rib-code': (i) => ({ subject: `رمز التأكيد: ${i.code}`, blocks: [`مرحبا ${i.shopName}،`, `لتسجيل الحساب البنكي المنتهي بـ ${i.last4}، أدخل هذا الرمز: ${i.code}`, `الرمز صالح لمدة ${i.minutes} دقيقة. إن لم تطلب ذلك فتجاهل هذه الرسالة: حسابك لا يتغير.`] }),
    'rib-changed': (i) => ({
      subject: 'تغيّر حسابك البنكي',
      blocks: [`مرحبا ${i.shopName}،`, i.oldLast4 ? `تغيّر الحساب البنكي لتحويلاتك من …${i.oldLast4} إلى …${i.newLast4}.` : `ستصل تحويلاتك إلى الحساب المنتهي بـ ${i.newLast4}.`, `للأمان، لا يُرسل أي تحويل إلى هذا الحساب خلال ${i.holdHours} ساعة. إن لم تكن أنت فراسلنا فورا.`, { link: i.earningsUrl, label: 'أرباحي' }],
    }),
    'payout-paid': (i, f) => ({ subject: `أُرسل تحويل بمبلغ ${f.mad(i.amount)}`, blocks: [`مرحبا ${i.shopName}،`, `حوّلنا ${f.mad(i.amount)} إلى حسابك …${i.last4} (الدفعة ${i.batchId}، المرجع ${i.reference}).`, 'يصل عادة خلال يوم إلى ثلاثة أيام عمل.', { link: i.earningsUrl, label: 'أرباحي وكشوفي' }] }),
    'payout-failed': (i, f) => ({ subject: `لم يتم تحويل ${f.mad(i.amount)}`, blocks: [`مرحبا ${i.shopName}،`, `تعذّر تحويل ${f.mad(i.amount)} (الدفعة ${i.batchId}): ${i.reason}.`, 'عاد المبلغ إلى رصيدك المتاح وسيُرسل مع التحويل القادم. تحقّق من حسابك البنكي.', { link: i.earningsUrl, label: 'أرباحي' }] }),
    'payout-returned': (i, f) => ({ subject: `أعاد البنك تحويل ${f.mad(i.amount)}`, blocks: [`مرحبا ${i.shopName}،`, `أعاد البنك إلينا تحويل ${f.mad(i.amount)} (الدفعة ${i.batchId}): ${i.reason}.`, 'عاد المبلغ إلى رصيدك المتاح. تحقّق من حسابك البنكي.', { link: i.earningsUrl, label: 'أرباحي' }] }),
  },
  en: {
    'rib-code': (i) => ({ subject: `Your confirmation code: ${i.code}`, blocks: [`Hello ${i.shopName},`, `To save the bank account (RIB) ending ${i.last4}, enter this code: ${i.code}`, `It works for ${i.minutes} minutes. If you did not ask for it, ignore this e-mail: your RIB stays as it is.`] }),
    'rib-changed': (i) => ({
      subject: 'Your bank account (RIB) changed',
      blocks: [`Hello ${i.shopName},`, i.oldLast4 ? `Your payouts' RIB changed from …${i.oldLast4} to …${i.newLast4}.` : `Your payouts will go to the RIB ending ${i.newLast4}.`, `For your safety, no payout goes to it for ${i.holdHours} hours. If this was not you, write to us at once.`, { link: i.earningsUrl, label: 'My earnings' }],
    }),
    'payout-paid': (i, f) => ({ subject: `Payout of ${f.mad(i.amount)} sent`, blocks: [`Hello ${i.shopName},`, `We transferred ${f.mad(i.amount)} to your RIB …${i.last4} (batch ${i.batchId}, reference ${i.reference}).`, 'It usually arrives within 1 to 3 working days.', { link: i.earningsUrl, label: 'My earnings and statements' }] }),
    'payout-failed': (i, f) => ({ subject: `Payout of ${f.mad(i.amount)} not made`, blocks: [`Hello ${i.shopName},`, `The transfer of ${f.mad(i.amount)} (batch ${i.batchId}) could not be made: ${i.reason}.`, 'The money is back in your available balance and goes with the next payout. Please check your RIB.', { link: i.earningsUrl, label: 'My earnings' }] }),
    'payout-returned': (i, f) => ({ subject: `Payout of ${f.mad(i.amount)} returned by the bank`, blocks: [`Hello ${i.shopName},`, `The bank sent back the transfer of ${f.mad(i.amount)} (batch ${i.batchId}): ${i.reason}.`, 'The money is back in your available balance. Please check your RIB.', { link: i.earningsUrl, label: 'My earnings' }] }),
  },
  es: {
    'rib-code': (i) => ({ subject: `Su código de confirmación: ${i.code}`, blocks: [`Hola ${i.shopName}:`, `Para guardar la cuenta bancaria (RIB) que termina en ${i.last4}, introduzca este código: ${i.code}`, `Vale ${i.minutes} minutos. Si no lo ha pedido, ignore este mensaje: su RIB no cambia.`] }),
    'rib-changed': (i) => ({
      subject: 'Su cuenta bancaria (RIB) ha cambiado',
      blocks: [`Hola ${i.shopName}:`, i.oldLast4 ? `El RIB de sus pagos ha pasado de …${i.oldLast4} a …${i.newLast4}.` : `Sus pagos irán al RIB que termina en ${i.newLast4}.`, `Por seguridad, ningún pago sale hacia él durante ${i.holdHours} horas. Si no ha sido usted, escríbanos enseguida.`, { link: i.earningsUrl, label: 'Mis ganancias' }],
    }),
    'payout-paid': (i, f) => ({ subject: `Transferencia de ${f.mad(i.amount)} enviada`, blocks: [`Hola ${i.shopName}:`, `Hemos transferido ${f.mad(i.amount)} a su RIB …${i.last4} (lote ${i.batchId}, referencia ${i.reference}).`, 'Suele llegar en 1 a 3 días hábiles.', { link: i.earningsUrl, label: 'Mis ganancias y extractos' }] }),
    'payout-failed': (i, f) => ({ subject: `Transferencia de ${f.mad(i.amount)} no realizada`, blocks: [`Hola ${i.shopName}:`, `La transferencia de ${f.mad(i.amount)} (lote ${i.batchId}) no se pudo hacer: ${i.reason}.`, 'El importe ha vuelto a su saldo disponible y saldrá con el próximo pago. Revise su RIB.', { link: i.earningsUrl, label: 'Mis ganancias' }] }),
    'payout-returned': (i, f) => ({ subject: `Transferencia de ${f.mad(i.amount)} devuelta por el banco`, blocks: [`Hola ${i.shopName}:`, `El banco nos ha devuelto la transferencia de ${f.mad(i.amount)} (lote ${i.batchId}): ${i.reason}.`, 'El importe ha vuelto a su saldo disponible. Revise su RIB.', { link: i.earningsUrl, label: 'Mis ganancias' }] }),
  },
};

export function renderPayoutEmail<K extends PayoutEmailKind>(kind: K, locale: Locale, input: PayoutEmailInputs[K]): RenderedEmail {
  const template = TEMPLATES[locale][kind] as (input: PayoutEmailInputs[K], f: Format) => { subject: string; blocks: Block[] };
  const { subject, blocks } = template(isolateLtrFields(plainInput(input), RTL_LOCALES.has(locale)), formatFor(locale));
  return renderBlocks(locale, subject, blocks);
}
