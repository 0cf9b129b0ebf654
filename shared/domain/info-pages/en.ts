import type { InfoPageSlug, InfoText } from './index.ts';

/** The default English texts (to be reviewed by a lawyer before the store opens: infra/RUNBOOK.md). */
export const INFO_DEFAULTS_EN: Record<InfoPageSlug, InfoText> = {
  about: {
    title: 'About Dakhla Market',
    body: 'Dakhla Market is a marketplace for Moroccan artisans. Each shop is run by the artisan who makes what it sells; we check every shop before it opens and every product before it is shown.\n\nWhen you buy, your money goes to the artisan, less the platform commission that pays for the store, payments and support. Each artisan ships their own parcel.\n\n## Open source\nThe store is open-source software: anyone can read how it works.',
  },
  contact: {
    title: 'Contact us',
    body: 'A question about an order, a product or a shop? Write to us or call us: we answer in Arabic, French, English and Spanish, usually within two working days.\n\nFor an order, give its number (it is in the email you received).',
  },
  legal: {
    title: 'Legal notice',
    body: '## Publisher\nThis store is published by the company that operates Dakhla Market, whose name, registered office, trade register number and tax identifier are given on the contact page.\n\n## Hosting\nThe store is hosted by Amazon Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg.\n\n## Sellers\nEach product is sold by the artisan whose shop offers it; the platform acts as an intermediary and collects payments on the artisans\' behalf.',
  },
  terms: {
    title: 'Terms of sale',
    body: '## Who sells\nEach product is sold by the artisan whose shop offers it. Dakhla Market runs the store, takes the payment and passes it on to the artisan, less its commission.\n\n## Prices\nPrices are in Moroccan dirhams (MAD), taxes included. Amounts in euros or dollars are estimates only. Shipping is priced per parcel, by destination and weight, and shown before you order.\n\n## Order\nYour order is placed when you confirm it at checkout after accepting these terms. You receive an email with its number and a link to follow it.\n\n## Payment\nBy card, or cash on delivery for deliveries in Morocco. A card order is prepared once the payment is confirmed.\n\n## Delivery\nEach artisan ships their own parcel. If a parcel does not arrive, contact us: the order is refunded if it cannot be delivered.\n\n## Withdrawal and returns\nSee the returns page: shoppers outside Morocco have 14 days to change their mind.\n\n## Disputes\nContact us first; we answer within two working days. Consumers in the European Union may also use their national consumer mediator.',
  },
  returns: {
    title: 'Returns and right of withdrawal',
    body: '## 14 days to change your mind\nIf you live in the European Union (or another country whose law gives you this right), you may withdraw from your purchase without giving any reason within 14 days of receiving the parcel.\n\n## How\nTell us before the 14 days are over: write to us with your order number and the items you return (a simple message is enough). Then send the items back within 14 days of telling us, unused and in their packaging.\n\n## Refund\nWe refund the price of the items and the standard shipping within 14 days of your message, by the means you paid with. We may wait until the items come back. The cost of sending them back is yours.\n\n## Exceptions\nItems made to your own specifications or clearly personalised cannot be returned, as the law allows.\n\n## In Morocco\nAn item that arrives damaged or is not what was ordered is taken back: contact us within 7 days of delivery.',
  },
  privacy: {
    title: 'Privacy',
    body: '## What we keep\nFor an order: your name, email address, phone number and delivery address, what you bought, and how you paid (never your card number, which the payment provider handles). For an artisan account: the email address and the shop\'s details.\n\n## Why\nTo deliver your order, send you emails about it, answer you, and keep the accounts the law requires. The artisan who ships your parcel sees your name, phone and address for that purpose only.\n\n## How long\nOrders are kept for the period accounting law requires (10 years in Morocco); nothing is sold or used for advertising.\n\n## Your rights\nUnder the EU General Data Protection Regulation (GDPR) and Moroccan law 09-08 on the protection of personal data, you may ask to see, correct or delete your data, or object to its use: write to us (contact page). You may also complain to the CNDP in Morocco or your country\'s data protection authority.\n\n## Cookies\nThe store remembers your language, cart and favourites in your browser only; it sets no advertising or tracking cookies.',
  },
};
