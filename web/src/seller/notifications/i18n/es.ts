import type { fr } from './fr.ts';

/** The artisan's notification settings — Spanish. */
export const es: Record<keyof typeof fr, string> = {
  'notify.title': 'Mis avisos',
  'notify.intro': 'Elija cómo le avisa Dakhla Market: tienda aprobada o rechazada, un pedido nuevo con su plazo, un recordatorio antes del fin del plazo, una transferencia enviada.',
  'notify.channels': 'Avisarme por',
  'notify.email': 'Correo ({email})',
  'notify.whatsapp': 'WhatsApp',
  'notify.number': 'Mi número de WhatsApp',
  'notify.numberHint': 'Un número de móvil, por ejemplo 06 12 34 56 78.',
  'notify.numberInvalid': 'Este número no puede recibir WhatsApp: escriba un móvil, por ejemplo 06 12 34 56 78.',
  'notify.numberNeeded': 'Escriba su número de WhatsApp, o elija el correo.',
  'notify.oneChannel': 'Elija al menos una vía: correo, WhatsApp o ambos.',
  'notify.save': 'Guardar',
  'notify.saved': 'Guardado. Sus próximos mensajes llegan por {channels}.',
  'notify.and': ' y ',
  'notify.back': 'Volver a mi tienda',
};
