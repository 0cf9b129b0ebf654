import { describe, expect, inject, it, vi } from 'vitest';
import { CLIENT_LIMITS } from '#shared/domain/client-limits.ts';
import { tokenFromFragment } from '#shared/domain/order-link.ts';
import { storeUrl } from '../support/api-client.ts';
import { orderLink, request } from '../support/accounts.ts';
import { newConnection, newShopperContact, sendFrom } from '../support/connections.ts';
import { demoData, listedProducts } from '../support/demo-expectations.ts';

/**
 * "Find my orders" (POST /api/order-links) through the running store: the links it e-mails open
 * the orders as the checkout's link does; an address without orders gets the same answer and no
 * e-mail; a bad address is a 400 naming `email`; the mailbox and the address are limited.
 */
vi.setConfig({ testTimeout: 90_000 });

type Mail = { to: string; subject: string; text: string; html?: string; kind?: string };
/** The "find my orders" e-mails the store's outbox holds for an address (its checkouts' own e-mails left out), newest first. */
const outbox = async (to: string): Promise<Mail[]> =>
  ((await (await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages as Mail[]).filter((m) => m.kind === 'order-links');
const call = async (from: string, body: unknown) => {
  const answer = await sendFrom(from, 'POST', `${storeUrl()}/api/order-links`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: answer.status, retryAfter: answer.headers['retry-after'], body: JSON.parse(answer.text || 'null') };
};
const stocked = demoData.products.find((p) => listedProducts.includes(p.product) && p.variants.some((v) => v.stock >= 10))!;
const line = { productId: stocked.product.id, sku: stocked.variants.find((v) => v.stock >= 10)!.sku, quantity: 1 };
const place = async (contact: { email: string; phone: string }) => {
  const placed = await request('POST', '/api/orders', {
    lines: [line],
    customer: { name: 'Khadija Ait', ...contact, address: { line1: '4 avenue Al Walae', city: 'Dakhla', country: 'MA' } },
    payment: 'cod',
    termsAccepted: true,
    withdrawalAcknowledged: true,
  }, undefined, { 'idempotency-key': `links-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  expect(placed.status).toBe(201);
  return placed.body as { order: { id: string; totals: { total: number } }; guestToken: string };
};
/** Waits, when fewer than `seconds` of the current window are left, for the next one. */
async function inOneWindow(windowSeconds: number, seconds = 30) {
  const left = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
  if (left < seconds) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

describe('find my orders', () => {
  it('e-mails a fresh link to each of her orders, in the page\'s language; each opens its order as the checkout link does', async () => {
    const contact = newShopperContact('finder');
    const older = await place(contact);
    const newer = await place(contact);
    const other = await place(newShopperContact('someone-else'));
    // The same mailbox typed otherwise (case, a +tag) finds the same orders.
    const typed = contact.email.replace('@', '+orders@').toUpperCase();
    const answer = await call(newConnection(), { email: typed, locale: 'ar' });
    expect(answer.status).toBe(202);
    const [mail, ...rest] = await outbox(typed);
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({ kind: 'order-links', subject: 'طلباتك في سوق الداخلة' });
    expect(mail!.html).toContain('dir="rtl"');
    const links = [...mail!.text.matchAll(/https?:\/\/\S+\/orders\/([A-Za-z0-9_-]+)#t=([A-Za-z0-9_-]+)/g)].map((m) => ({ orderId: m[1]!, token: tokenFromFragment(`#t=${m[2]}`)! }));
    expect(links.map((l) => l.orderId)).toEqual([newer.order.id, older.order.id]);
    expect(mail!.text).not.toContain(other.order.id);
    for (const link of links) {
      expect(link.token).toBeDefined();
      const page = await orderLink(link.token).call('GET', `/api/orders/${link.orderId}`);
      expect(page.status).toBe(200);
      expect(page.body.order.id).toBe(link.orderId);
      expect(page.body.link.expiresAt).toMatch(/^\d{4}-/);
      // A link of one order opens no other.
      const wrong = links.find((l) => l.orderId !== link.orderId)!;
      expect((await orderLink(link.token).call('GET', `/api/orders/${wrong.orderId}`)).status).toBe(404);
    }
    // The checkout's own link still works.
    expect((await orderLink(older.guestToken).call('GET', `/api/orders/${older.order.id}`)).status).toBe(200);
  });

  it('answers an address without orders exactly the same, and sends it nothing', async () => {
    const known = newShopperContact('known');
    await place(known);
    const unknown = newShopperContact('nobody').email;
    const a = await call(newConnection(), { email: known.email, locale: 'fr' });
    const b = await call(newConnection(), { email: unknown, locale: 'fr' });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body).toEqual(a.body);
    expect((await outbox(known.email)).map((m) => m.subject)).toEqual(['Vos commandes sur Dakhla Market']);
    expect(await outbox(unknown)).toEqual([]);
  });

  it('refuses a bad body with a 400 naming the field, sending nothing', async () => {
    const bad = await call(newConnection(), { email: 'not-an-address', locale: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('email');
    const extra = await call(newConnection(), { email: newShopperContact('x').email, locale: 'fr', orderId: 'ord-1' });
    expect(extra.status).toBe(400);
    const noLocale = await call(newConnection(), { email: newShopperContact('y').email });
    expect(noLocale.status).toBe(400);
    expect(noLocale.body.error.fields).toHaveProperty('locale');
  });

  it(`takes ${CLIENT_LIMITS['order-links'].email.max} requests per mailbox per window from any addresses, then 429 naming email, known or not`, async () => {
    await inOneWindow(CLIENT_LIMITS['order-links'].email.windowSeconds);
    const contact = newShopperContact('limited');
    await place(contact);
    const max = CLIENT_LIMITS['order-links'].email.max;
    for (let i = 0; i < max; i++) expect((await call(newConnection(), { email: contact.email, locale: 'en' })).status).toBe(202);
    const refused = await call(newConnection(), { email: contact.email, locale: 'en' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.error.fields).toHaveProperty('email');
    expect(await outbox(contact.email)).toHaveLength(max);
    // An address without orders reaches the same limit the same way.
    const nobody = newShopperContact('limited-nobody').email;
    for (let i = 0; i < max; i++) expect((await call(newConnection(), { email: nobody, locale: 'en' })).status).toBe(202);
    const alike = await call(newConnection(), { email: nobody, locale: 'en' });
    expect(alike.status).toBe(429);
    expect(alike.body.error.fields).toEqual(refused.body.error.fields);
  });

  it(`takes ${CLIENT_LIMITS['order-links'].ip.max} requests per address per window, then 429`, async () => {
    await inOneWindow(CLIENT_LIMITS['order-links'].ip.windowSeconds);
    const from = newConnection();
    for (let i = 0; i < CLIENT_LIMITS['order-links'].ip.max; i++) expect((await call(from, { email: newShopperContact('ip').email, locale: 'es' })).status).toBe(202);
    const refused = await call(from, { email: newShopperContact('ip').email, locale: 'es' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect((await call(newConnection(), { email: newShopperContact('ip').email, locale: 'es' })).status).toBe(202);
  });
});
