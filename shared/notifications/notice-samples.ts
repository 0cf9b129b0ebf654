import type { NoticeInputs, NoticeKind } from './whatsapp.ts';

/** One sample input per notice, for the tests (unit and local endpoint). */
export const NOTICE_SAMPLES: { [K in NoticeKind]: NoticeInputs[K] } = {
  'shop-approved': { shopName: 'Atelier Mina', shopUrl: 'https://dakhla.market/dashboard' },
  'shop-rejected': { shopName: 'Atelier Mina', reason: 'Ajoutez une photo de votre atelier', shopUrl: 'https://dakhla.market/dashboard/shop' },
  'new-order': { shopName: 'Atelier Mina', orderId: 'ord-abc123', deadline: '2026-03-01T10:00:00.000Z', orderUrl: 'https://dakhla.market/dashboard/orders?order=ord-abc123' },
  'deadline-reminder': { shopName: 'Atelier Mina', orderId: 'ord-abc123', deadline: '2026-03-01T10:00:00.000Z', orderUrl: 'https://dakhla.market/dashboard/orders?order=ord-abc123' },
  'payout-sent': { shopName: 'Atelier Mina', amount: 123_450, reference: 'VIR-77', earningsUrl: 'https://dakhla.market/dashboard/earnings' },
};
