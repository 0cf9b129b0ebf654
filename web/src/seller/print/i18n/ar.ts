import type { fr } from './fr.ts';

/** The packing slip and address label page — Arabic. */
export const ar: Record<keyof typeof fr, string> = {
  'print.title': 'ملصق الطرد ووصل التسليم',
  'print.intro': 'اختاري الحجم واطبعي، ثم الصقي الملصق على الطرد وضعي الوصل داخله.',
  'print.format': 'الحجم',
  'print.format.a6': 'ملصق الطرد (A6)',
  'print.format.a4': 'وصل التسليم (A4)',
  'print.print': 'طباعة',
  'print.back': 'العودة إلى الطلبات',
  'print.order': 'الطلب رقم',
  'print.date': 'تاريخ الطلب {date}',
  'print.to': 'المرسل إليه',
  'print.from': 'المرسل (عنوان الإرجاع)',
  'print.lines': 'محتوى الطرد',
  'print.item': 'المنتج',
  'print.qty': 'الكمية',
  'print.cod': 'المبلغ المطلوب تحصيله عند التسليم: {total}',
  'print.paid': 'مدفوع عبر الإنترنت: لا شيء للتحصيل',
  'print.qr': 'رمز QR للطلب {order}',
  'print.qrHint': 'امسحي الرمز لفتح الطلب.',
  'print.notFound': 'هذا الطلب ليس من متجرك.',
};
