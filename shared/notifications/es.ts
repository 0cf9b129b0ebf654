import type { CancelReason, ItemLine, MoneyOutcome, Templates, Format } from './templates.ts';

const items = (lines: ItemLine[], f: Format) => lines.map((l) => `${l.quantity} × ${l.title} (${l.label}) — ${f.mad(l.amount)}`);
const money: Record<MoneyOutcome, string> = {
  nothing_to_pay: 'Pago contra reembolso: no tiene nada que pagar.',
  not_charged: 'No se le ha cobrado nada.',
  released: 'El importe retenido en su tarjeta queda liberado; su banco lo mostrará en unos días.',
  refunded: 'Le devolvemos el importe en su tarjeta; su banco lo mostrará en 5 a 10 días.',
};
const reasons: Record<CancelReason | 'order_cancelled', string> = {
  declined: 'el artesano no puede prepararlo',
  deadline_missed: 'el artesano no respondió a tiempo',
  failed: 'un problema nos impidió tramitarlo',
  by_operator: 'así lo decidió el equipo de Dakhla Market',
  order_cancelled: 'el pedido fue cancelado',
};

const noted = (note?: string) => (note ? [`Motivo: «${note}».`] : []);

export const es: Templates = {
  'order-placed': (i, f) => ({
    subject: `Pedido ${i.orderId} recibido — Dakhla Market`,
    blocks: [
      `Hola, ${i.name}:`,
      '¡Gracias por su pedido! Cada artesano prepara y envía su paquete; le escribimos cuando sale cada uno.',
      ...i.parcels.flatMap((p) => [`Paquete de ${p.shopName}:`, { list: items(p.items, f) }]),
      `Artículos: ${f.mad(i.totals.items)}\nEnvío: ${f.mad(i.totals.shipping)}\nTotal: ${f.mad(i.totals.total)}`,
      i.payment === 'cod' ? 'Pagará en efectivo a la entrega.' : 'Pago con tarjeta: esperamos la confirmación de su banco.',
      { link: i.orderUrl, label: 'Seguir su pedido (guarde este enlace: es solo suyo)' },
    ],
  }),
  'order-confirmed': (i, f) => ({
    subject: `Pedido ${i.orderId} confirmado — ¡gracias!`,
    blocks: [
      `Hola, ${i.name}:`,
      i.payment === 'card' ? `Su pago de ${f.mad(i.total)} con tarjeta ha sido aceptado: ¡gracias por su pedido!` : `Anotado: pagará ${f.mad(i.total)} en efectivo a la entrega. ¡Gracias por su pedido!`,
      i.parcels > 1 ? `Sus ${i.parcels} artesanos preparan cada uno su paquete; le escribimos cuando sale cada uno.` : 'Su artesano prepara su paquete; le escribimos en cuanto salga.',
    ],
  }),
  'parcel-shipped': (i) => ({
    subject: `Su paquete de ${i.shopName} está en camino — pedido ${i.orderId}`,
    blocks: [
      `Hola, ${i.name}:`,
      `${i.shopName} ha enviado su paquete con ${i.carrier}, número de seguimiento ${i.trackingNumber}.`,
      ...(i.trackingUrl ? [{ link: i.trackingUrl, label: `Seguir el paquete en ${i.carrier}` }] : []),
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Su pedido' }] : []),
    ],
  }),
  'parcel-delivered': (i) => ({
    subject: `Paquete de ${i.shopName} entregado — pedido ${i.orderId}`,
    blocks: [`Hola, ${i.name}:`, `Su paquete de ${i.shopName} ha sido entregado. ¡Gracias por apoyar a los artesanos de Dajla!`, ...(i.orderUrl ? [`Su opinión ayuda a otros clientes y al taller: valore sus artículos desde su pedido.`, { link: i.orderUrl, label: 'Valore sus artículos' }] : [])],
  }),
  'parcel-cancelled': (i, f) => ({
    subject: `Parte de su pedido ${i.orderId} ha sido cancelada`,
    blocks: [`Hola, ${i.name}:`, `El paquete de ${i.shopName} (${f.mad(i.amount)}) queda cancelado: ${reasons[i.reason]}.`, ...noted(i.note), money[i.money], ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Su pedido' }] : [])],
  }),
  'parcel-refunded': (i, f) => ({
    subject: `Devolución del paquete de ${i.shopName} reembolsada — pedido ${i.orderId}`,
    blocks: [
      `Hola ${i.name}:`,
      `Hemos recibido el paquete de ${i.shopName} que nos devolvió: le reembolsamos ${f.mad(i.amount)}.`,
      ...noted(i.note),
      i.money === 'refunded' ? money.refunded : 'Pagó contra reembolso: nuestro equipo le contactará para devolverle el importe por transferencia o en efectivo.',
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Su pedido' }] : []),
    ],
  }),
  'order-cancelled': (i, f) => ({
    subject: i.failed ? `Su pedido ${i.orderId} no se ha podido completar` : `Su pedido ${i.orderId} ha sido cancelado`,
    blocks: [
      `Hola, ${i.name}:`,
      i.failed ? `Su pedido de ${f.mad(i.total)} no se ha podido completar (el pago no se confirmó).` : `Su pedido de ${f.mad(i.total)} ha sido cancelado.`,
      ...noted(i.note),
      money[i.money],
      ...(i.orderUrl ? [{ link: i.orderUrl, label: 'Su pedido' }] : []),
    ],
  }),
  'new-order': (i, f) => ({
    subject: `Nuevo pedido ${i.orderId}: acéptelo antes del ${f.dateTime(i.deadline)}`,
    blocks: [
      `Hola, ${i.shopName}:`,
      `Le espera un nuevo pedido, para entregar en ${i.city} (${i.country}):`,
      { list: items(i.items, f) },
      `Artículos: ${f.mad(i.subtotal)} — envío: ${f.mad(i.shipping)}`,
      `Acéptelo o rechácelo antes del ${f.dateTime(i.deadline)}; sin respuesta, se cancelará.`,
      { link: i.ordersUrl, label: 'Mis pedidos' },
    ],
  }),
  'artisan-cancelled': (i) => ({
    subject: `Pedido ${i.orderId} cancelado: no lo envíe`,
    blocks: [`Hola, ${i.shopName}:`, `Su parte del pedido ${i.orderId} queda cancelada: ${reasons[i.reason]}. No la envíe; el stock vuelve a estar a la venta.`, ...noted(i.note), { link: i.ordersUrl, label: 'Mis pedidos' }],
  }),
};
