import type { fr } from './fr.ts';

/** The packing slip and address label page — English. */
export const en: Record<keyof typeof fr, string> = {
  'print.title': 'Parcel label and packing slip',
  'print.intro': 'Choose the format and print, then stick the label on the parcel and put the slip inside.',
  'print.format': 'Format',
  'print.format.a6': 'Parcel label (A6)',
  'print.format.a4': 'Packing slip (A4)',
  'print.print': 'Print',
  'print.back': 'Back to orders',
  'print.order': 'Order no.',
  'print.date': 'Ordered on {date}',
  'print.to': 'Ship to',
  'print.from': 'From (return address)',
  'print.lines': 'In this parcel',
  'print.item': 'Item',
  'print.qty': 'Qty',
  'print.cod': 'Collect on delivery: {total}',
  'print.paid': 'Paid online: nothing to collect',
  'print.qr': 'QR code of order {order}',
  'print.qrHint': 'Scan to open the order.',
  'print.notFound': 'This order is not in your shop.',
};
