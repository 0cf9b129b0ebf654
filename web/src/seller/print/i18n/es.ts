import type { fr } from './fr.ts';

/** The packing slip and address label page — Spanish. */
export const es: Record<keyof typeof fr, string> = {
  'print.title': 'Etiqueta y albarán del paquete',
  'print.intro': 'Elija el formato e imprima; pegue la etiqueta en el paquete y ponga el albarán dentro.',
  'print.format': 'Formato',
  'print.format.a6': 'Etiqueta del paquete (A6)',
  'print.format.a4': 'Albarán (A4)',
  'print.print': 'Imprimir',
  'print.back': 'Volver a los pedidos',
  'print.order': 'Pedido n.º',
  'print.date': 'Pedido el {date}',
  'print.to': 'Destinatario',
  'print.from': 'Remitente (dirección de devolución)',
  'print.lines': 'Contenido del paquete',
  'print.item': 'Artículo',
  'print.qty': 'Cant.',
  'print.cod': 'A cobrar en la entrega: {total}',
  'print.paid': 'Pagado en línea: nada que cobrar',
  'print.qr': 'Código QR del pedido {order}',
  'print.qrHint': 'Escanee para abrir el pedido.',
  'print.notFound': 'Este pedido no es de su tienda.',
};
