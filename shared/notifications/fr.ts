import type { CancelReason, ItemLine, MoneyOutcome, Templates, Format } from './templates.ts';

const items = (lines: ItemLine[], f: Format) => lines.map((l) => `${l.quantity} × ${l.title} (${l.label}) — ${f.mad(l.amount)}`);
const money: Record<MoneyOutcome, string> = {
  nothing_to_pay: "Paiement à la livraison : vous n'avez rien à payer.",
  not_charged: "Vous n'avez pas été débité.",
  released: "La somme réservée sur votre carte est libérée ; votre banque l'affiche sous quelques jours.",
  refunded: 'Vous êtes remboursé sur votre carte ; votre banque l’affiche sous 5 à 10 jours.',
};
const reasons: Record<CancelReason | 'order_cancelled', string> = {
  declined: "l'artisan ne peut pas la préparer",
  deadline_missed: "l'artisan n'a pas répondu à temps",
  failed: 'un incident nous a empêchés de la traiter',
  by_operator: "l'équipe de Dakhla Market l'a décidé",
  order_cancelled: 'la commande a été annulée',
};

const noted = (note?: string) => (note ? [`Motif : « ${note} ».`] : []);

export const fr: Templates = {
  'order-placed': (i, f) => ({
    subject: `Commande ${i.orderId} reçue — Dakhla Market`,
    blocks: [
      `Bonjour ${i.name},`,
      `Merci pour votre commande ! Chaque artisan prépare et expédie son colis ; nous vous écrivons à chaque envoi.`,
      ...i.parcels.flatMap((p) => [`Colis de ${p.shopName} :`, { list: items(p.items, f) }]),
      `Articles : ${f.mad(i.totals.items)}\nLivraison : ${f.mad(i.totals.shipping)}\nTotal : ${f.mad(i.totals.total)}`,
      i.payment === 'cod' ? 'Vous paierez en espèces à la livraison.' : 'Paiement par carte : nous attendons la confirmation de votre banque.',
      { link: i.orderUrl, label: 'Suivre votre commande (gardez ce lien, il est personnel)' },
    ],
  }),
  'order-confirmed': (i, f) => ({
    subject: `Commande ${i.orderId} confirmée — merci !`,
    blocks: [
      `Bonjour ${i.name},`,
      i.payment === 'card' ? `Votre paiement de ${f.mad(i.total)} par carte est accepté : merci pour votre commande !` : `C'est noté : vous paierez ${f.mad(i.total)} en espèces à la livraison. Merci pour votre commande !`,
      i.parcels > 1 ? `Vos ${i.parcels} artisans préparent chacun leur colis ; nous vous écrivons à chaque envoi.` : 'Votre artisan prépare votre colis ; nous vous écrivons dès son envoi.',
    ],
  }),
  'parcel-shipped': (i) => ({
    subject: `Votre colis de ${i.shopName} est en route — commande ${i.orderId}`,
    blocks: [
      `Bonjour ${i.name},`,
      `${i.shopName} a expédié votre colis avec ${i.carrier}, numéro de suivi ${i.trackingNumber}.`,
      ...(i.trackingUrl ? [{ link: i.trackingUrl, label: `Suivre le colis chez ${i.carrier}` }] : []),
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Votre commande' }] : []),
    ],
  }),
  'parcel-delivered': (i) => ({
    subject: `Colis de ${i.shopName} livré — commande ${i.orderId}`,
    blocks: [`Bonjour ${i.name},`, `Votre colis de ${i.shopName} est livré. Merci d'avoir soutenu les artisans de Dakhla !`, ...(i.orderUrl ? [`Votre avis aide les autres clients et l'atelier : notez vos articles depuis votre commande.`, { link: i.orderUrl, label: 'Notez vos articles' }] : [])],
  }),
  'parcel-cancelled': (i, f) => ({
    subject: `Une partie de votre commande ${i.orderId} est annulée`,
    blocks: [`Bonjour ${i.name},`, `Le colis de ${i.shopName} (${f.mad(i.amount)}) est annulé : ${reasons[i.reason]}.`, ...noted(i.note), money[i.money], ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Votre commande' }] : [])],
  }),
  'parcel-refunded': (i, f) => ({
    subject: `Retour du colis de ${i.shopName} remboursé — commande ${i.orderId}`,
    blocks: [
      `Bonjour ${i.name},`,
      `Nous avons bien reçu le colis de ${i.shopName} que vous avez renvoyé : ${f.mad(i.amount)} vous sont remboursés.`,
      ...noted(i.note),
      i.money === 'refunded' ? money.refunded : "Vous aviez payé à la livraison : notre équipe vous contacte pour vous rembourser par virement ou en espèces.",
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Votre commande' }] : []),
    ],
  }),
  'order-cancelled': (i, f) => ({
    subject: i.failed ? `Votre commande ${i.orderId} n'a pas pu aboutir` : `Votre commande ${i.orderId} est annulée`,
    blocks: [
      `Bonjour ${i.name},`,
      i.failed ? `Votre commande de ${f.mad(i.total)} n'a pas pu aboutir (paiement non confirmé).` : `Votre commande de ${f.mad(i.total)} est annulée.`,
      ...noted(i.note),
      money[i.money],
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Votre commande' }] : []),
    ],
  }),
  'new-order': (i, f) => ({
    subject: `Nouvelle commande ${i.orderId} à accepter avant le ${f.dateTime(i.deadline)}`,
    blocks: [
      `Bonjour ${i.shopName},`,
      `Une nouvelle commande vous attend, à livrer à ${i.city} (${i.country}) :`,
      { list: items(i.items, f) },
      `Articles : ${f.mad(i.subtotal)} — livraison : ${f.mad(i.shipping)}`,
      `Acceptez-la ou refusez-la avant le ${f.dateTime(i.deadline)} ; sans réponse, elle sera annulée.`,
      { link: i.ordersUrl, label: 'Mes commandes' },
    ],
  }),
  'artisan-cancelled': (i) => ({
    subject: `Commande ${i.orderId} annulée — ne l'expédiez pas`,
    blocks: [`Bonjour ${i.shopName},`, `Votre partie de la commande ${i.orderId} est annulée : ${reasons[i.reason]}. Ne l'expédiez pas ; le stock est remis en vente.`, ...noted(i.note), { link: i.ordersUrl, label: 'Mes commandes' }],
  }),
};
