import type { fr } from './fr.ts';

/** The artisans' help page and the operators' form for its contact details — Spanish. */
export const es: Record<keyof typeof fr, string> = {
  'help.title': '¿Necesita ayuda?',
  'help.intro': 'El equipo del Centro Regional de Inversión de Dajla – Oued Ed-Dahab le acompaña: su cuenta, sus productos, sus fotos, sus pedidos y sus envíos.',
  'help.phone': 'Teléfono',
  'help.whatsapp': 'WhatsApp',
  'help.email': 'Correo electrónico',
  'help.address': 'Dirección',
  'help.hours': 'Horario',
  'help.call': 'Llamar al {phone}',
  'help.writeWhatsapp': 'Escribir por WhatsApp',
  'help.whatsappText': 'Hola, necesito ayuda con mi tienda en Dakhla Market.',
  'help.notSet': 'Los datos de contacto del equipo aún no se han indicado. Vuelva pronto o pídalos al Centro Regional de Inversión.',
  'help.back': 'Volver a mi tienda',
  'help.console.title': 'Ayuda a los artesanos: datos de contacto',
  'help.console.intro': 'Lo que los artesanos leen en su página de ayuda. Deje vacío lo que no quiera mostrar.',
  'help.console.phoneHint': 'En formato internacional, por ejemplo +212528000000.',
};
