import type { fr } from './fr.ts';

/** The artisans' help page and the operators' form for its contact details — Arabic. */
export const ar: Record<keyof typeof fr, string> = {
  'help.title': 'هل تحتاجين إلى مساعدة؟',
  'help.intro': 'يرافقك فريق المركز الجهوي للاستثمار الداخلة – وادي الذهب: حسابك ومنتجاتك وصورك وطلباتك وشحناتك.',
  'help.phone': 'الهاتف',
  'help.whatsapp': 'واتساب',
  'help.email': 'البريد الإلكتروني',
  'help.address': 'العنوان',
  'help.hours': 'أوقات العمل',
  'help.call': 'الاتصال بالرقم {phone}',
  'help.writeWhatsapp': 'مراسلة عبر واتساب',
  'help.whatsappText': 'مرحبا، أحتاج إلى مساعدة بخصوص متجري على سوق الداخلة.',
  'help.notSet': 'لم تتم إضافة معلومات الاتصال بالفريق بعد. عودي قريبا، أو اطلبيها من المركز الجهوي للاستثمار.',
  'help.back': 'العودة إلى متجري',
  'help.console.title': 'مساعدة الحرفيين: معلومات الاتصال',
  'help.console.intro': 'ما يقرؤه الحرفيون في صفحة المساعدة. اتركوا فارغا ما لا تريدون إظهاره.',
  'help.console.phoneHint': 'بالصيغة الدولية، مثلا ‎+212528000000.',
};
