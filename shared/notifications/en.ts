import type { CancelReason, ItemLine, MoneyOutcome, Templates, Format } from './templates.ts';

const items = (lines: ItemLine[], f: Format) => lines.map((l) => `${l.quantity} × ${l.title} (${l.label}) — ${f.mad(l.amount)}`);
const money: Record<MoneyOutcome, string> = {
  nothing_to_pay: 'Cash on delivery: you have nothing to pay.',
  not_charged: 'You have not been charged.',
  released: 'The amount held on your card is released; your bank shows it within a few days.',
  refunded: 'You are refunded to your card; your bank shows it within 5 to 10 days.',
};
const reasons: Record<CancelReason | 'order_cancelled', string> = {
  declined: 'the artisan cannot prepare it',
  deadline_missed: 'the artisan did not answer in time',
  failed: 'a problem stopped us from handling it',
  by_operator: 'the Dakhla Market team decided so',
  order_cancelled: 'the order was cancelled',
};

const noted = (note?: string) => (note ? [`Reason: “${note}”.`] : []);

export const en: Templates = {
  'order-placed': (i, f) => ({
    subject: `Order ${i.orderId} received — Dakhla Market`,
    blocks: [
      `Hello ${i.name},`,
      'Thank you for your order! Each artisan prepares and ships their own parcel; we write to you as each one leaves.',
      ...i.parcels.flatMap((p) => [`Parcel from ${p.shopName}:`, { list: items(p.items, f) }]),
      `Items: ${f.mad(i.totals.items)}\nShipping: ${f.mad(i.totals.shipping)}\nTotal: ${f.mad(i.totals.total)}`,
      i.payment === 'cod' ? 'You pay in cash on delivery.' : 'Card payment: we are waiting for your bank to confirm it.',
      { link: i.orderUrl, label: 'Follow your order (keep this link: it is yours only)' },
    ],
  }),
  'order-confirmed': (i, f) => ({
    subject: `Order ${i.orderId} confirmed — thank you!`,
    blocks: [
      `Hello ${i.name},`,
      i.payment === 'card' ? `Your card payment of ${f.mad(i.total)} is accepted: thank you for your order!` : `Noted: you pay ${f.mad(i.total)} in cash on delivery. Thank you for your order!`,
      i.parcels > 1 ? `Your ${i.parcels} artisans each prepare their parcel; we write to you as each one leaves.` : 'Your artisan is preparing your parcel; we write to you as soon as it leaves.',
    ],
  }),
  'parcel-shipped': (i) => ({
    subject: `Your parcel from ${i.shopName} is on its way — order ${i.orderId}`,
    blocks: [
      `Hello ${i.name},`,
      `${i.shopName} shipped your parcel with ${i.carrier}, tracking number ${i.trackingNumber}.`,
      ...(i.trackingUrl ? [{ link: i.trackingUrl, label: `Track it with ${i.carrier}` }] : []),
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Your order' }] : []),
    ],
  }),
  'parcel-delivered': (i) => ({
    subject: `Parcel from ${i.shopName} delivered — order ${i.orderId}`,
    blocks: [`Hello ${i.name},`, `Your parcel from ${i.shopName} has been delivered. Thank you for supporting Dakhla's artisans!`, ...(i.orderUrl ? [`Your review helps other shoppers and the workshop: rate your items from your order.`, { link: i.orderUrl, label: 'Rate your items' }] : [])],
  }),
  'parcel-cancelled': (i, f) => ({
    subject: `Part of your order ${i.orderId} is cancelled`,
    blocks: [`Hello ${i.name},`, `The parcel from ${i.shopName} (${f.mad(i.amount)}) is cancelled: ${reasons[i.reason]}.`, ...noted(i.note), money[i.money], ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Your order' }] : [])],
  }),
  'parcel-refunded': (i, f) => ({
    subject: `Your return from ${i.shopName} is refunded — order ${i.orderId}`,
    blocks: [
      `Hello ${i.name},`,
      `We received the parcel from ${i.shopName} you sent back: ${f.mad(i.amount)} is refunded to you.`,
      ...noted(i.note),
      i.money === 'refunded' ? money.refunded : 'You paid on delivery: our team will contact you to pay you back by bank transfer or in cash.',
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Your order' }] : []),
    ],
  }),
  'order-cancelled': (i, f) => ({
    subject: i.failed ? `Your order ${i.orderId} could not go through` : `Your order ${i.orderId} is cancelled`,
    blocks: [
      `Hello ${i.name},`,
      i.failed ? `Your order of ${f.mad(i.total)} could not go through (the payment was not confirmed).` : `Your order of ${f.mad(i.total)} is cancelled.`,
      ...noted(i.note),
      money[i.money],
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Your order' }] : []),
    ],
  }),
  'new-order': (i, f) => ({
    subject: `New order ${i.orderId}: accept it by ${f.dateTime(i.deadline)}`,
    blocks: [
      `Hello ${i.shopName},`,
      `A new order is waiting for you, to deliver to ${i.city} (${i.country}):`,
      { list: items(i.items, f) },
      `Items: ${f.mad(i.subtotal)} — shipping: ${f.mad(i.shipping)}`,
      `Accept or decline it by ${f.dateTime(i.deadline)}; without an answer it will be cancelled.`,
      { link: i.ordersUrl, label: 'My orders' },
    ],
  }),
  'artisan-cancelled': (i) => ({
    subject: `Order ${i.orderId} cancelled — do not ship it`,
    blocks: [`Hello ${i.shopName},`, `Your part of order ${i.orderId} is cancelled: ${reasons[i.reason]}. Do not ship it; its stock is back on sale.`, ...noted(i.note), { link: i.ordersUrl, label: 'My orders' }],
  }),
};
