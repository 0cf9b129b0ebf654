import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { InfoPageView } from '#shared/domain/info-pages/index.ts';
import { LOCALES } from '#shared/domain/locales.ts';
import { demoOperator, newAccount, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';

/**
 * The store's information pages: read by anyone (`GET /api/info-pages/{slug}`), edited by operators
 * as settings (`page-<slug>`: from the version read, each edit recorded with who, when, before and
 * after), and the consent checkout asks for: refused without it, recorded on the order with the
 * versions of the terms and the privacy notice in force.
 *
 * Other test files share the store: each edit here is put back at once.
 */
let operator: Account;
let product: { productId: string; sku: string };
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
const read = async (slug: string) => (await request<InfoPageView>('GET', `/api/info-pages/${slug}`)).body;
const put = (body: unknown) => operator.call('PUT', '/api/operator/settings', body);

beforeAll(async () => {
  operator = await demoOperator();
  const artisan = await newAccount('info-artisan');
  const listed = await artisanWithListedProduct(artisan, operator, `info-${Date.now()}`);
  product = { productId: listed.productId, sku: listed.variants[0]!.sku };
});

describe('reading an information page', () => {
  it('answers each page in the four languages, and names a wrong slug', async () => {
    for (const slug of ['about', 'contact', 'legal', 'terms', 'returns', 'privacy']) {
      const page = await read(slug);
      expect(page.slug).toBe(slug);
      for (const locale of LOCALES) expect(page.texts[locale].title.length, `${slug} ${locale}`).toBeGreaterThan(2);
    }
    expect((await read('returns')).texts.es.body).toContain('14 días');
    expect((await read('privacy')).texts.fr.body).toContain('09-08');
    expect((await read('contact')).contact).toEqual(expect.objectContaining({ email: expect.any(String), phone: expect.any(String) }));
    const wrong = await request('GET', '/api/info-pages/cookies');
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields)).toEqual(['slug']);
  });
});

describe('operators edit a page', () => {
  it('from the version read, recorded with who, when, before and after; the store shows it at once', async () => {
    await expectOperatorsOnly('PUT', '/api/operator/settings', { name: 'page-about', version: 0, value: { texts: (await read('about')).texts } });
    const before = await read('about');
    const texts = { ...before.texts, fr: { title: 'Qui sommes-nous', body: `## Notre histoire\nÉcrit par le test ${Date.now()}.` } };
    const saved = await put({ name: 'page-about', version: before.version, value: { texts } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = await read('about');
    expect(after.version).toBe(before.version + 1);
    expect(after.texts.fr).toEqual(texts.fr);
    expect(after.texts.ar).toEqual(before.texts.ar);
    expect(after).not.toHaveProperty('updatedBy');

    const changes = await operator.call('GET', '/api/operator/settings/page-about/changes');
    expect(changes.body.items[0]).toEqual(expect.objectContaining({ name: 'page-about', version: after.version, before: { texts: before.texts }, after: { texts }, by: expect.objectContaining({ email: expect.any(String) }), at: expect.any(String) }));

    // An edit from the old version is refused; the page is put back as it was.
    expect((await put({ name: 'page-about', version: before.version, value: { texts: before.texts } })).status).toBe(409);
    expect((await put({ name: 'page-about', version: after.version, value: { texts: before.texts } })).status).toBe(200);
    expect((await read('about')).texts).toEqual(before.texts);
  });

  it('refuses bad contact details and markup-free text rules, naming the field', async () => {
    const contact = await read('contact');
    const bad = await put({ name: 'page-contact', version: contact.version, value: { texts: contact.texts, contact: { email: 'not-mail', phone: '0612', address: '' } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['value.contact.email', 'value.contact.phone']);
    const control = await put({ name: 'page-terms', version: (await read('terms')).version, value: { texts: { ...contact.texts, en: { title: 'x\u0000', body: 'y' } } } });
    expect(control.status).toBe(400);
    expect(Object.keys(control.body.error.fields)).toEqual(['value.texts.en.title']);
    expect((await read('contact')).version).toBe(contact.version);
  });
});

describe('consent at checkout', () => {
  const body = (country: string, extra: Record<string, unknown>) => ({
    lines: [{ productId: product.productId, sku: product.sku, quantity: 1 }],
    customer: { name: 'Lucía García', ...newShopperContact(`consent-${country}`), ...(country === 'ES' ? { phone: '+34612345678' } : {}), address: { line1: 'Calle Mayor 5', city: country === 'ES' ? 'Madrid' : 'Dakhla', country } },
    payment: country === 'MA' ? 'cod' : 'card',
    ...extra,
  });
  const checkout = (b: unknown) => request('POST', '/api/orders', b, undefined, { 'idempotency-key': `consent-${Date.now()}-${Math.random().toString(36).slice(2)}` });

  it('refuses a checkout without the terms accepted (400 naming termsAccepted), and abroad without the withdrawal notice', async () => {
    const none = await checkout(body('MA', {}));
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields)).toEqual(['termsAccepted']);
    const falsy = await checkout(body('MA', { termsAccepted: false }));
    expect(Object.keys(falsy.body.error.fields)).toEqual(['termsAccepted']);
    const abroad = await checkout(body('ES', { termsAccepted: true }));
    expect(abroad.status).toBe(400);
    expect(Object.keys(abroad.body.error.fields)).toEqual(['withdrawalAcknowledged']);
  });

  it('records on the order which versions of the terms and privacy notice were accepted, and when', async () => {
    const [terms, privacy] = await Promise.all([read('terms'), read('privacy')]);
    const placedAt = Date.now();
    const placed = await checkout(body('ES', { termsAccepted: true, withdrawalAcknowledged: true }));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const consent = placed.body.order.consent;
    expect(consent).toEqual({ termsVersion: terms.version, privacyVersion: privacy.version, acceptedAt: expect.any(String), withdrawalAcknowledged: true });
    expect(Date.parse(consent.acceptedAt)).toBeGreaterThanOrEqual(placedAt - 1000);
    const stored = await db.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `ORDER#${placed.body.order.id}`, sk: 'ORDER' } }));
    expect(stored.Item!.consent).toEqual(consent);

    const morocco = await checkout(body('MA', { termsAccepted: true }));
    expect(morocco.status, JSON.stringify(morocco.body)).toBe(201);
    expect(morocco.body.order.consent).toEqual(expect.objectContaining({ termsVersion: terms.version, withdrawalAcknowledged: false }));
  });
});
