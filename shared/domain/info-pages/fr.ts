import type { InfoPageSlug, InfoText } from './index.ts';

/** Les textes français par défaut (à faire relire par un juriste avant l'ouverture : infra/RUNBOOK.md). */
export const INFO_DEFAULTS_FR: Record<InfoPageSlug, InfoText> = {
  about: {
    title: 'À propos de Dakhla Market',
    body: 'Dakhla Market est une place de marché pour les artisans marocains. Chaque boutique est tenue par l\'artisan qui fabrique ce qu\'il vend ; nous vérifions chaque boutique avant son ouverture et chaque produit avant sa mise en ligne.\n\nQuand vous achetez, votre argent va à l\'artisan, moins la commission de la plateforme, qui paie la boutique en ligne, les paiements et l\'assistance. Chaque artisan expédie son propre colis.\n\n## Logiciel libre\nLa boutique est un logiciel libre : chacun peut lire comment elle fonctionne.',
  },
  contact: {
    title: 'Nous contacter',
    body: 'Une question sur une commande, un produit ou une boutique ? Écrivez-nous ou appelez-nous : nous répondons en arabe, français, anglais et espagnol, en général sous deux jours ouvrés.\n\nPour une commande, donnez son numéro (il figure dans l\'e-mail reçu).',
  },
  legal: {
    title: 'Mentions légales',
    body: '## Éditeur\nCette boutique est éditée par la société qui exploite Dakhla Market, dont la dénomination, le siège, le numéro de registre du commerce et l\'identifiant fiscal figurent sur la page contact.\n\n## Hébergement\nLa boutique est hébergée par Amazon Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg.\n\n## Vendeurs\nChaque produit est vendu par l\'artisan dont la boutique le propose ; la plateforme agit en intermédiaire et encaisse les paiements pour le compte des artisans.',
  },
  terms: {
    title: 'Conditions générales de vente',
    body: '## Qui vend\nChaque produit est vendu par l\'artisan dont la boutique le propose. Dakhla Market exploite la boutique en ligne, encaisse le paiement et le reverse à l\'artisan, moins sa commission.\n\n## Prix\nLes prix sont en dirhams marocains (MAD), toutes taxes comprises. Les montants en euros ou en dollars sont indicatifs. La livraison est facturée par colis, selon la destination et le poids, et affichée avant la commande.\n\n## Commande\nVotre commande est passée quand vous la confirmez au moment du paiement après avoir accepté ces conditions. Vous recevez un e-mail avec son numéro et un lien pour la suivre.\n\n## Paiement\nPar carte, ou en espèces à la livraison pour les livraisons au Maroc. Une commande par carte est préparée une fois le paiement confirmé.\n\n## Livraison\nChaque artisan expédie son propre colis. Si un colis n\'arrive pas, contactez-nous : la commande est remboursée si elle ne peut pas être livrée.\n\n## Rétractation et retours\nVoir la page retours : hors du Maroc, vous avez 14 jours pour changer d\'avis.\n\n## Litiges\nContactez-nous d\'abord ; nous répondons sous deux jours ouvrés. Les consommateurs de l\'Union européenne peuvent aussi recourir au médiateur de la consommation de leur pays.',
  },
  returns: {
    title: 'Retours et droit de rétractation',
    body: '## 14 jours pour changer d\'avis\nSi vous résidez dans l\'Union européenne (ou dans un autre pays dont la loi vous donne ce droit), vous pouvez vous rétracter sans donner de motif dans les 14 jours suivant la réception du colis.\n\n## Comment\nPrévenez-nous avant la fin des 14 jours : écrivez-nous avec le numéro de commande et les articles renvoyés (un simple message suffit). Renvoyez ensuite les articles dans les 14 jours suivant votre message, non utilisés et dans leur emballage.\n\n## Remboursement\nNous remboursons le prix des articles et la livraison standard dans les 14 jours suivant votre message, par le moyen de paiement utilisé. Nous pouvons attendre le retour des articles. Les frais de renvoi sont à votre charge.\n\n## Exceptions\nLes articles faits selon vos spécifications ou nettement personnalisés ne peuvent pas être retournés, comme la loi le permet.\n\n## Au Maroc\nUn article arrivé abîmé ou non conforme à la commande est repris : contactez-nous dans les 7 jours suivant la livraison.',
  },
  privacy: {
    title: 'Confidentialité',
    body: '## Ce que nous gardons\nPour une commande : votre nom, votre adresse e-mail, votre téléphone et votre adresse de livraison, vos achats et le moyen de paiement (jamais votre numéro de carte, traité par le prestataire de paiement). Pour un compte artisan : l\'adresse e-mail et les informations de la boutique.\n\n## Pourquoi\nPour livrer votre commande, vous écrire à son sujet, vous répondre et tenir la comptabilité que la loi impose. L\'artisan qui expédie votre colis voit votre nom, votre téléphone et votre adresse à cette seule fin.\n\n## Combien de temps\nLes commandes sont gardées le temps qu\'exige la loi comptable (10 ans au Maroc) ; rien n\'est vendu ni utilisé pour la publicité.\n\n## Vos droits\nSelon le Règlement général sur la protection des données (RGPD) de l\'UE et la loi marocaine 09-08 relative à la protection des données à caractère personnel, vous pouvez demander à consulter, corriger ou effacer vos données, ou vous opposer à leur usage : écrivez-nous (page contact). Vous pouvez aussi saisir la CNDP au Maroc ou l\'autorité de protection des données de votre pays.\n\n## Cookies\nLa boutique garde votre langue, votre panier et vos favoris dans votre navigateur seulement ; elle ne pose aucun cookie publicitaire ni de suivi.',
  },
};
