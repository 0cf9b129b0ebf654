import type { CancelReason, ItemLine, MoneyOutcome, Templates, Format } from './templates.ts';

const items = (lines: ItemLine[], f: Format) => lines.map((l) => `${l.quantity} × ${l.title} (${l.label}) — ${f.mad(l.amount)}`);
const money: Record<MoneyOutcome, string> = {
  nothing_to_pay: 'الدفع عند الاستلام: لا شيء عليك أداؤه.',
  not_charged: 'لم يُقتطع أي مبلغ من حسابك.',
  released: 'تم تحرير المبلغ المحجوز على بطاقتك، وسيظهر ذلك لدى بنكك خلال أيام.',
  refunded: 'سيُعاد المبلغ إلى بطاقتك، وسيظهر لدى بنكك خلال 5 إلى 10 أيام.',
};
const reasons: Record<CancelReason | 'order_cancelled', string> = {
  declined: 'الحرفي لا يستطيع تحضيره',
  deadline_missed: 'لم يرد الحرفي في الوقت المحدد',
  failed: 'حال عطل دون معالجته',
  by_operator: 'فريق سوق الداخلة قرر ذلك',
  order_cancelled: 'أُلغي الطلب',
};

const noted = (note?: string) => (note ? [`السبب: «${note}».`] : []);

export const ar: Templates = {
  'order-placed': (i, f) => ({
    subject: `تم استلام الطلب ${i.orderId} — سوق الداخلة`,
    blocks: [
      `مرحبا ${i.name}،`,
      'شكرا على طلبك! يحضّر كل حرفي طرده ويرسله، وسنراسلك عند إرسال كل طرد.',
      ...i.parcels.flatMap((p) => [`طرد من ${p.shopName}:`, { list: items(p.items, f) }]),
      `المنتجات: ${f.mad(i.totals.items)}\nالتوصيل: ${f.mad(i.totals.shipping)}\nالمجموع: ${f.mad(i.totals.total)}`,
      i.payment === 'cod' ? 'ستدفع نقدا عند الاستلام.' : 'الدفع بالبطاقة: ننتظر تأكيد بنكك.',
      { link: i.orderUrl, label: 'تتبّع طلبك (احتفظ بهذا الرابط، فهو خاص بك)' },
    ],
  }),
  'order-confirmed': (i, f) => ({
    subject: `تم تأكيد الطلب ${i.orderId} — شكرا لك!`,
    blocks: [
      `مرحبا ${i.name}،`,
      i.payment === 'card' ? `تم قبول دفعك بالبطاقة بمبلغ ${f.mad(i.total)}: شكرا على طلبك!` : `تم التسجيل: ستدفع ${f.mad(i.total)} نقدا عند الاستلام. شكرا على طلبك!`,
      i.parcels > 1 ? `يحضّر كل واحد من حرفييك (${i.parcels}) طرده، وسنراسلك عند إرسال كل طرد.` : 'يحضّر الحرفي طردك، وسنراسلك فور إرساله.',
    ],
  }),
  'parcel-shipped': (i) => ({
    subject: `طردك من ${i.shopName} في الطريق — الطلب ${i.orderId}`,
    blocks: [
      `مرحبا ${i.name}،`,
      `أرسل ${i.shopName} طردك عبر ${i.carrier}، رقم التتبع ${i.trackingNumber}.`,
      ...(i.trackingUrl ? [{ link: i.trackingUrl, label: `تتبّع الطرد لدى ${i.carrier}` }] : []),
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'طلبك' }] : []),
    ],
  }),
  'parcel-delivered': (i) => ({
    subject: `تم تسليم طرد ${i.shopName} — الطلب ${i.orderId}`,
    blocks: [`مرحبا ${i.name}،`, `تم تسليم طردك من ${i.shopName}. شكرا لدعمك حرفيي الداخلة!`, ...(i.orderUrl ? [`رأيك يساعد الزبائن الآخرين والورشة: قيّم مشترياتك من صفحة طلبك.`, { link: i.orderUrl, label: 'قيّم مشترياتك' }] : [])],
  }),
  'parcel-cancelled': (i, f) => ({
    subject: `أُلغي جزء من طلبك ${i.orderId}`,
    blocks: [`مرحبا ${i.name}،`, `أُلغي طرد ${i.shopName} (${f.mad(i.amount)}) لأن ${reasons[i.reason]}.`, ...noted(i.note), money[i.money], ...(i.orderUrl ? [{ link: i.orderUrl, label: 'طلبك' }] : [])],
  }),
  'parcel-refunded': (i, f) => ({
    subject: `تم استرداد مبلغ الطرد المُرجَع من ${i.shopName} — الطلب ${i.orderId}`,
    blocks: [
      `مرحباً ${i.name}،`,
      `وصلنا الطرد الذي أرجعته من ${i.shopName}: سنرد لك ${f.mad(i.amount)}.`,
      ...noted(i.note),
      i.money === 'refunded' ? money.refunded : 'دفعت عند الاستلام: سيتصل بك فريقنا لرد المبلغ بتحويل بنكي أو نقداً.',
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'طلبك' }] : []),
    ],
  }),
  'order-cancelled': (i, f) => ({
    subject: i.failed ? `تعذّر إتمام طلبك ${i.orderId}` : `أُلغي طلبك ${i.orderId}`,
    blocks: [
      `مرحبا ${i.name}،`,
      i.failed ? `تعذّر إتمام طلبك بقيمة ${f.mad(i.total)} (لم يتأكد الدفع).` : `أُلغي طلبك بقيمة ${f.mad(i.total)}.`,
      ...noted(i.note),
      money[i.money],
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'طلبك' }] : []),
    ],
  }),
  'new-order': (i, f) => ({
    subject: `طلب جديد ${i.orderId}: اقبله قبل ${f.dateTime(i.deadline)}`,
    blocks: [
      `مرحبا ${i.shopName}،`,
      `طلب جديد في انتظارك، للتوصيل إلى ${i.city} (${i.country}):`,
      { list: items(i.items, f) },
      `المنتجات: ${f.mad(i.subtotal)} — التوصيل: ${f.mad(i.shipping)}`,
      `اقبله أو ارفضه قبل ${f.dateTime(i.deadline)}، وإلا فسيُلغى.`,
      { link: i.ordersUrl, label: 'طلباتي' },
    ],
  }),
  'artisan-cancelled': (i) => ({
    subject: `أُلغي الطلب ${i.orderId} — لا ترسله`,
    blocks: [`مرحبا ${i.shopName}،`, `أُلغي جزؤك من الطلب ${i.orderId} لأن ${reasons[i.reason]}. لا ترسله؛ وقد عاد مخزونه إلى البيع.`, ...noted(i.note), { link: i.ordersUrl, label: 'طلباتي' }],
  }),
};
