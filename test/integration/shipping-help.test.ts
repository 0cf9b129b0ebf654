import { beforeAll, describe, expect, it } from 'vitest';
import type { ArtisanHelpView } from '#shared/domain/shipping-help/help-contact.ts';
import type { ParcelSlip } from '#shared/use-cases/shipping-help.ts';
import { anonymous, demoOperator, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';
import { until } from '../support/saga.ts';

/**
 * Shipping help: an artisan reads one parcel of her own for its packing slip (never another
 * shop's: 404), and the centre's contact details that operators set (`artisan-help`, a setting
 * like the others) are what the help page reads. Other files share the store: the contacts are
 * put back as they were.
 */
let operator: Account;
let seller: { account: Account; shopId: string };
let other: Account;
let orderId: string;

beforeAll(async () => {
  operator = await demoOperator();
  const account = await newAccount('slip-artisan');
  const listed = await artisanWithListedProduct(account, operator, `slip-${Date.now()}`);
  seller = { account, shopId: listed.shopId };
  other = await newAccount('slip-other');
  await artisanWithListedProduct(other, operator, `slip-other-${Date.now()}`);
  const detail = (await anonymous.call('GET', `/api/products/${listed.productId}`)).body;
  const sku = detail.variants.find((v: { stock: number }) => v.stock > 0).sku;
  const placed = await request(
    'POST',
    '/api/orders',
    {
      lines: [{ productId: listed.productId, sku, quantity: 1 }],
      customer: { name: 'Fatima Zahra', ...newShopperContact('fatima'), address: { line1: '12 rue Tan-Tan', city: 'Laayoune', country: 'MA' }, locale: 'ar' },
      payment: 'cod',
      termsAccepted: true,
      withdrawalAcknowledged: true,
    },
    undefined,
    { 'idempotency-key': `slip-${Date.now()}` },
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  orderId = placed.body.order.id;
});

describe('a parcel for its packing slip', () => {
  it('is the artisan’s own, with the buyer, her language, the lines, the cash to collect and the sender', async () => {
    const slip = await until('the parcel', async () => {
      const answer = await seller.account.call<ParcelSlip>('GET', `/api/me/orders/${orderId}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(slip.parcel).toMatchObject({ orderId, shopId: seller.shopId, paymentMethod: 'cod', shipTo: { name: 'Fatima Zahra', locale: 'ar', address: { city: 'Laayoune' } } });
    expect(slip.parcel.shipTo.phone).toMatch(/^\+212[67]\d{8}$/);
    expect(slip.parcel.lines).toHaveLength(1);
    expect(slip.parcel.total).toBe(slip.parcel.subtotal + slip.parcel.shipping);
    expect(slip.from.name).toEqual(expect.objectContaining({ fr: expect.any(String) }));
    expect(slip.from.town.length).toBeGreaterThan(1);
  });

  it('is refused to another artisan (404), to a visitor (401), and names a malformed order id (400)', async () => {
    const theirs = await other.call('GET', `/api/me/orders/${orderId}`);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('Fatima');
    expect((await anonymous.call('GET', `/api/me/orders/${orderId}`)).status).toBe(401);
    const bad = await seller.account.call('GET', '/api/me/orders/not%20an%20id!');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['orderId']);
    expect((await seller.account.call('GET', '/api/me/orders/ZZZZZZZZZZZZ')).status).toBe(404);
  });
});

describe('the centre’s contact details for artisans', () => {
  const read = async () => (await request<ArtisanHelpView>('GET', '/api/artisan-help')).body;
  const put = (body: unknown) => operator.call('PUT', '/api/operator/settings', body);

  it('are set by operators only, from the version read, and read by artisans and visitors', async () => {
    const before = await read();
    const contact = { phone: '+212528930000', whatsapp: '+212661000111', email: `aide-${Date.now()}@cri-dakhla.test`, address: 'Centre régional d’investissement\nAvenue Mohammed V, Dakhla', hours: 'Lun–ven 8 h 30–16 h 30' };
    await expectOperatorsOnly('PUT', '/api/operator/settings', { name: 'artisan-help', version: before.version, value: { contact } });
    const saved = await put({ name: 'artisan-help', version: before.version, value: { contact } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    try {
      const after = await read();
      expect(after).toMatchObject({ contact, version: before.version + 1 });
      expect(after).not.toHaveProperty('updatedBy');
      expect((await seller.account.call('GET', '/api/artisan-help')).body.contact).toEqual(contact);
      expect((await put({ name: 'artisan-help', version: before.version, value: { contact } })).status).toBe(409);
      const changes = await operator.call('GET', '/api/operator/settings/artisan-help/changes');
      expect(changes.body.items[0]).toMatchObject({ name: 'artisan-help', version: after.version, after: { contact } });
    } finally {
      const now = await read();
      expect((await put({ name: 'artisan-help', version: now.version, value: { contact: before.contact } })).status).toBe(200);
    }
  });

  it('refuses bad details, naming each field', async () => {
    const current = await read();
    const bad = await put({ name: 'artisan-help', version: current.version, value: { contact: { phone: '0612', whatsapp: 'abc', email: 'nope', address: '', hours: 'x\u0000' } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['value.contact.email', 'value.contact.hours', 'value.contact.phone', 'value.contact.whatsapp']);
    expect((await read()).version).toBe(current.version);
  });
});
