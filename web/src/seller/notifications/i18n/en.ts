import type { fr } from './fr.ts';

/** The artisan's notification settings — English. */
export const en: Record<keyof typeof fr, string> = {
  'notify.title': 'My notifications',
  'notify.intro': 'Choose how Dakhla Market tells you: shop approved or declined, a new order with its deadline, a reminder before the deadline, a payout sent.',
  'notify.channels': 'Tell me by',
  'notify.email': 'E-mail ({email})',
  'notify.whatsapp': 'WhatsApp',
  'notify.number': 'My WhatsApp number',
  'notify.numberHint': 'A mobile number, for example 06 12 34 56 78.',
  'notify.numberInvalid': 'This number cannot get WhatsApp: write a mobile number, for example 06 12 34 56 78.',
  'notify.numberNeeded': 'Write your WhatsApp number, or choose e-mail.',
  'notify.oneChannel': 'Choose at least one way: e-mail, WhatsApp or both.',
  'notify.save': 'Save',
  'notify.saved': 'Saved. Your next messages come by {channels}.',
  'notify.and': ' and ',
  'notify.back': 'Back to my shop',
};
