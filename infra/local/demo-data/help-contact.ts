import type { ArtisanHelpValue } from '#shared/domain/shipping-help/help-contact.ts';

/**
 * Local demo only: plausible contact details for the artisans' help page (the `artisan-help`
 * setting, stored at version 0 like an unedited setting). In AWS the setting starts empty and the
 * page says so until an operator fills it in (infra/RUNBOOK.md).
 */
export const DEMO_HELP_CONTACT: ArtisanHelpValue = {
  contact: {
    phone: '+212528930000',
    whatsapp: '+212661000000',
    email: 'artisans@cri-dakhla.example',
    address: 'Centre régional d’investissement Dakhla – Oued Ed-Dahab\nAvenue Mohammed V, Dakhla',
    hours: 'Lun–ven 8 h 30 – 16 h 30',
  },
};
