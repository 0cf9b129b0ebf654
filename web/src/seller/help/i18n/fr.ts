/** The artisans' help page and the operators' form for its contact details — French (the reference catalogue). */
export const fr = {
  'help.title': 'Besoin d’aide ?',
  'help.intro': 'L’équipe du Centre régional d’investissement de Dakhla – Oued Ed-Dahab vous accompagne : votre compte, vos produits, vos photos, vos commandes et vos envois.',
  'help.phone': 'Téléphone',
  'help.whatsapp': 'WhatsApp',
  'help.email': 'E-mail',
  'help.address': 'Adresse',
  'help.hours': 'Horaires',
  'help.call': 'Appeler le {phone}',
  'help.writeWhatsapp': 'Écrire sur WhatsApp',
  'help.whatsappText': 'Bonjour, j’ai besoin d’aide pour ma boutique sur Dakhla Market.',
  'help.notSet': 'Les coordonnées de l’équipe ne sont pas encore renseignées. Revenez bientôt, ou demandez-les au Centre régional d’investissement.',
  'help.back': 'Retour à ma boutique',
  'help.console.title': 'Aide aux artisans : coordonnées',
  'help.console.intro': 'Ce que les artisans lisent sur leur page d’aide. Laissez vide ce que vous ne voulez pas montrer.',
  'help.console.phoneHint': 'Au format international, par exemple +212528000000.',
} as const;
