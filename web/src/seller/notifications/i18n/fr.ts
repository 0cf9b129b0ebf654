/** The artisan's notification settings — French, the reference catalogue. */
export const fr = {
  'notify.title': 'Mes notifications',
  'notify.intro': 'Choisissez comment Dakhla Market vous prévient : boutique approuvée ou refusée, nouvelle commande avec son délai, rappel avant la fin du délai, virement envoyé.',
  'notify.channels': 'Me prévenir par',
  'notify.email': 'E-mail ({email})',
  'notify.whatsapp': 'WhatsApp',
  'notify.number': 'Mon numéro WhatsApp',
  'notify.numberHint': 'Un numéro de mobile, par exemple 06 12 34 56 78.',
  'notify.numberInvalid': 'Ce numéro ne peut pas recevoir WhatsApp : écrivez un mobile, par exemple 06 12 34 56 78.',
  'notify.numberNeeded': 'Écrivez votre numéro WhatsApp, ou choisissez l’e-mail.',
  'notify.oneChannel': 'Choisissez au moins un moyen : e-mail, WhatsApp ou les deux.',
  'notify.save': 'Enregistrer',
  'notify.saved': 'C’est enregistré. Vos prochains messages arrivent par {channels}.',
  'notify.and': ' et ',
  'notify.back': 'Retour à ma boutique',
};
