/**
 * What a parcel's packing slip and label encode in their QR code: the seller-area URL that opens
 * the parcel (`/dashboard/orders/<orderId>`, the print page), which carries the order number a
 * carrier reads too. Pure and zod-free: the lazy print chunk imports it.
 */
export const parcelPath = (orderId: string): string => `/dashboard/orders/${encodeURIComponent(orderId)}`;

/** The QR payload for a parcel, on the store at `origin` (e.g. https://dakhla.market). */
export const parcelQrPayload = (origin: string, orderId: string): string => `${origin.replace(/\/+$/, '')}${parcelPath(orderId)}`;
