import type { fr } from './fr.ts';

/** The artisans' help page and the operators' form for its contact details — English. */
export const en: Record<keyof typeof fr, string> = {
  'help.title': 'Need help?',
  'help.intro': 'The team of the Dakhla – Oued Ed-Dahab Regional Investment Centre is here for you: your account, products, photos, orders and shipping.',
  'help.phone': 'Phone',
  'help.whatsapp': 'WhatsApp',
  'help.email': 'Email',
  'help.address': 'Address',
  'help.hours': 'Opening hours',
  'help.call': 'Call {phone}',
  'help.writeWhatsapp': 'Write on WhatsApp',
  'help.whatsappText': 'Hello, I need help with my shop on Dakhla Market.',
  'help.notSet': 'The team’s contact details have not been set yet. Come back soon, or ask the Regional Investment Centre for them.',
  'help.back': 'Back to my shop',
  'help.console.title': 'Help for artisans: contact details',
  'help.console.intro': 'What artisans read on their help page. Leave empty what you do not want to show.',
  'help.console.phoneHint': 'In international format, for example +212528000000.',
};
