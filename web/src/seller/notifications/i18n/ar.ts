import type { fr } from './fr.ts';

/** The artisan's notification settings — Arabic. */
export const ar: Record<keyof typeof fr, string> = {
  'notify.title': 'إشعاراتي',
  'notify.intro': 'اختر كيف يخبرك سوق الداخلة: قبول متجرك أو رفضه، طلب جديد مع مهلته، تذكير قبل انتهاء المهلة، تحويل مُرسل.',
  'notify.channels': 'أخبرني عبر',
  'notify.email': 'البريد الإلكتروني (\u2066{email}\u2069)',
  'notify.whatsapp': 'واتساب',
  'notify.number': 'رقم واتساب الخاص بي',
  'notify.numberHint': 'رقم هاتف محمول، مثلا \u206606 12 34 56 78\u2069.',
  'notify.numberInvalid': 'هذا الرقم لا يستقبل واتساب: اكتب رقما محمولا، مثلا \u206606 12 34 56 78\u2069.',
  'notify.numberNeeded': 'اكتب رقم واتساب، أو اختر البريد الإلكتروني.',
  'notify.oneChannel': 'اختر وسيلة واحدة على الأقل: البريد الإلكتروني أو واتساب أو كليهما.',
  'notify.save': 'حفظ',
  'notify.saved': 'تم الحفظ. ستصلك رسائلك القادمة عبر {channels}.',
  'notify.and': ' و',
  'notify.back': 'العودة إلى متجري',
};
