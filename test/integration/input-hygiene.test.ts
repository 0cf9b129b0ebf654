import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProductDetail } from '#shared/api/catalogue.ts';
import { MAX_SEARCH_TERMS } from '#shared/domain/catalogue-index.ts';
import { TEXT_LIMITS } from '#shared/domain/catalogue.ts';
import { LOCALES } from '#shared/domain/locales.ts';
import { TEXT_MESSAGES } from '#shared/domain/text.ts';
import { anonymous, newAccount, orderLink, request, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, markPhotoReady, shopApplication } from '../support/artisan-fixtures.ts';
import { newShopperContact } from '../support/connections.ts';

/**
 * Hostile input through the running store: prototype keys, text that hides or forges (control
 * and direction-override characters, lone surrogates, links in names), the longest texts the
 * API takes (an order of them, and the search index they make), another artisan's draft.
 * Each is a clear 4xx naming the field, or is taken and handled; never a 5xx.
 */
let artisan: Account;
let shopId: string;
let listed: { productId: string; sku: string };
const stamp = `${Date.now()}`;
const key = () => `hyg-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const customer = (changes: Record<string, unknown> = {}) => ({
  name: 'Nadia Tazi',
  ...newShopperContact('hygiene'),
  address: { line1: '4 avenue Al Walae', city: 'Dakhla', country: 'MA' },
  ...changes,
});
const checkout = (body: unknown) => request('POST', '/api/orders', body, undefined, { 'idempotency-key': key() });
const stockOf = async (productId: string, sku: string) => (await anonymous.call<ProductDetail>('GET', `/api/products/${productId}`)).body.variants.find((v) => v.sku === sku)!.stock;

beforeAll(async () => {
  const operator = await newAccount('hyg-operator', 'operator');
  artisan = await newAccount('hyg-artisan');
  const made = await artisanWithListedProduct(artisan, operator, `hyg-${stamp}`);
  shopId = made.shopId;
  const detail = (await anonymous.call<ProductDetail>('GET', `/api/products/${made.productId}`)).body;
  listed = { productId: made.productId, sku: detail.variants.find((v) => v.stock === 3)!.sku };
});

describe('prototype keys', () => {
  it('are refused by name wherever they are in a body (400), checkout and artisan routes alike', async () => {
    const line = { productId: listed.productId, sku: listed.sku, quantity: 1 };
    const before = await stockOf(listed.productId, listed.sku);
    const cases: Array<[string, unknown, string]> = [
      ['POST /api/orders', '{"__proto__":{"payment":"cod"},"lines":[],"payment":"cod"}', '__proto__'],
      ['POST /api/orders', `{"lines":[${JSON.stringify(line)}],"customer":${JSON.stringify(customer()).replace(/^\{/, '{"__proto__":{"isAdmin":true},')},"payment":"cod"}`, 'customer.__proto__'],
      ['POST /api/orders', `{"lines":[{"constructor":{"prototype":{"polluted":true}},"productId":"${line.productId}","sku":"${line.sku}","quantity":1}],"customer":${JSON.stringify(customer())},"payment":"cod"}`, 'lines.0.constructor'],
      ['POST /api/me/products', '{"title":{"fr":"Jarre","prototype":"x"},"description":{"fr":"Une jarre"},"category":"pottery","variants":[]}', 'title.prototype'],
      ['PUT /api/me/onboarding', '{"step":"product","__proto__":{"finished":true}}', '__proto__'],
    ];
    for (const [route, body, field] of cases) {
      const [method, path] = route.split(' ') as [string, string];
      const answer = await request(method, path, body, artisan.idToken, { 'idempotency-key': key() });
      expect(answer.status, `${route} ${field}`).toBe(400);
      expect(answer.body.error.fields, `${route} ${field}`).toHaveProperty([field], 'is not a field you can set');
    }
    expect(await stockOf(listed.productId, listed.sku)).toBe(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('free text', () => {
  const line = () => ({ productId: listed.productId, sku: listed.sku, quantity: 1 });

  it('refuses a checkout name that links, or holds control, override or broken characters (400 customer.name), reserving nothing', async () => {
    const before = await stockOf(listed.productId, listed.sku);
    const names: Array<[string, string]> = [
      ['https://evil.example', TEXT_MESSAGES.link],
      ['Gagnez sur www.evil', TEXT_MESSAGES.link],
      ['Salma evil.com', TEXT_MESSAGES.link],
      ['salma@evil.example', TEXT_MESSAGES.link],
      ['<b>Salma</b>', TEXT_MESSAGES.link],
      ['Salma\u202Egnp.exe', TEXT_MESSAGES.bidi],
      ['Salma\u2066x', TEXT_MESSAGES.bidi],
      ['Sal\u0000ma', TEXT_MESSAGES.control],
      ['Sal\u001bma', TEXT_MESSAGES.control],
      ['Salma\nBennani', TEXT_MESSAGES.lineBreak],
      ['Salma \ud800', TEXT_MESSAGES.surrogate],
    ];
    for (const [name, message] of names) {
      const answer = await checkout({ lines: [line()], customer: customer({ name }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(answer.body.error.fields, JSON.stringify(name)).toEqual({ 'customer.name': message });
    }
    // Cities are in the artisans' emails too; address lines only need to be text.
    expect((await checkout({ lines: [line()], customer: customer({ address: { line1: '4 av. Al Walae', city: 'evil.example', country: 'MA' } }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).body.error.fields).toEqual({ 'customer.address.city': TEXT_MESSAGES.link });
    expect((await checkout({ lines: [line()], customer: customer({ address: { line1: '4 av.\u0000', city: 'Dakhla', country: 'MA' } }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).body.error.fields).toEqual({ 'customer.address.line1': TEXT_MESSAGES.control });
    expect(await stockOf(listed.productId, listed.sku)).toBe(before);
    // What people really write is taken.
    expect((await checkout({ lines: [line()], customer: customer({ name: 'Aït-Baha J.R. Ñúñez سلمى' }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true })).status).toBe(201);
  });

  it('refuses the same in shop and product text, with newlines only in descriptions, stories and reasons', async () => {
    const product = (changes: Record<string, unknown>) => ({
      title: { fr: 'Jarre' },
      description: { fr: 'Une jarre.\nTournée à la main.' },
      category: 'pottery',
      variants: [{ sku: 'HYG-1', label: { fr: 'Petite' }, price: 15_000, stock: 1 }],
      ...changes,
    });
    const cases: Array<[string, string, unknown, string, string]> = [
      ['POST', '/api/me/products', product({ title: { fr: 'x'.repeat(TEXT_LIMITS.title + 1) } }), 'title.fr', `${TEXT_LIMITS.title}`],
      ['POST', '/api/me/products', product({ title: { fr: 'Jarre sur jarre.ma' } }), 'title.fr', TEXT_MESSAGES.link],
      ['POST', '/api/me/products', product({ title: { ar: 'جرة\nفخار' } }), 'title.ar', TEXT_MESSAGES.lineBreak],
      ['POST', '/api/me/products', product({ description: { fr: 'Une\u0000jarre' } }), 'description.fr', TEXT_MESSAGES.control],
      ['POST', '/api/me/products', product({ description: { fr: 'x'.repeat(TEXT_LIMITS.description + 1) } }), 'description.fr', `${TEXT_LIMITS.description}`],
      ['POST', '/api/me/products', product({ materials: { fr: 'Argile\u202E' } }), 'materials.fr', TEXT_MESSAGES.bidi],
      ['POST', '/api/me/products', product({ variants: [{ sku: 'HYG-1', label: { es: 'Grande\u2067' }, price: 15_000, stock: 1 }] }), 'variants.0.label.es', TEXT_MESSAGES.bidi],
      ['PATCH', '/api/me/shop', { name: { fr: 'Atelier www.evil' } }, 'name.fr', TEXT_MESSAGES.link],
      ['PATCH', '/api/me/shop', { town: 'Dakhla\nLaâyoune' }, 'town', TEXT_MESSAGES.lineBreak],
      ['PATCH', '/api/me/shop', { story: { fr: 'Une histoire \ud83d' } }, 'story.fr', TEXT_MESSAGES.surrogate],
    ];
    for (const [method, path, body, field, message] of cases) {
      const answer = await artisan.call(method, path, body);
      expect(answer.status, `${path} ${field}`).toBe(400);
      expect(answer.body.error.fields[field], `${path} ${field}`).toContain(message);
    }
    expect((await artisan.call('POST', '/api/me/products', product({}))).status).toBe(201);
    const search = await anonymous.call('GET', `/api/search?q=${encodeURIComponent('jarre\u0000')}`);
    expect(search.status).toBe(400);
    expect(search.body.error.fields).toEqual({ q: TEXT_MESSAGES.control });
  });
});

describe('the longest texts the API takes', () => {
  // Tifinagh letters: 3 bytes of UTF-8 each, the most a character counted by maxLength takes.
  const tifinagh = (n: number) => String.fromCodePoint(0x2d30 + (n % 0x37));
  let word = 0;
  /** Distinct five-letter words filling `length` characters exactly: as many search terms as the text can hold. */
  const words = (length: number) => {
    let text = '';
    while (text.length < length) {
      const w = Array.from({ length: 5 }, (_, i) => tifinagh(Math.floor(word / 0x37 ** i))).join('');
      word++;
      text += text ? ` ${w}` : w;
    }
    return text.slice(0, length).trim();
  };
  const inAll = (length: number) => Object.fromEntries(LOCALES.map((l) => [l, words(length)]));
  let productId: string;
  let skus: string[];

  beforeAll(async () => {
    const body = {
      title: inAll(TEXT_LIMITS.title),
      description: inAll(TEXT_LIMITS.description),
      materials: inAll(TEXT_LIMITS.materials),
      category: 'pottery',
      variants: Array.from({ length: 8 }, (_, i) => ({ sku: `${'L'.repeat(36)}-${String(i).padStart(3, '0')}`, label: inAll(TEXT_LIMITS.variantLabel), price: 100_000_000_00, stock: 100 })),
      weightGrams: 100_000,
    };
    const created = await artisan.call('POST', '/api/me/products', body);
    expect(created.status).toBe(201);
    productId = created.body.product.id;
    skus = body.variants.map((v) => v.sku);
    const upload = (await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 1000 })).body;
    await markPhotoReady(productId, upload.image.id);
  });

  it(`index a product in at most 4 + ${MAX_SEARCH_TERMS} catalogue entries, written in well under the function's 10 s`, async () => {
    const started = Date.now();
    const published = await artisan.call('POST', `/api/me/products/${productId}/status`, { status: 'published' });
    const ms = Date.now() - started;
    expect(published.status).toBe(200);
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }));
    const entries = await db.send(
      new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)', ExpressionAttributeValues: { ':pk': `PRODUCT#${productId}`, ':entry': 'ENTRY#' }, Select: 'COUNT' }),
    );
    console.info(`longest product: ${entries.Count} catalogue entries written, published in ${ms} ms`);
    expect(entries.Count).toBe(4 + MAX_SEARCH_TERMS);
    expect(ms).toBeLessThan(5_000);
    // The cap cut its own title's and materials' last words, not its shop's name ("Atelier hyg-<stamp>").
    const byShop = await anonymous.call('GET', `/api/search?q=${stamp}&limit=48`);
    expect(byShop.body.items.map((p: { id: string }) => p.id)).toContain(productId);
  });

  it('place in an 8-line order of those products, far from any item limit (201, not 500), and read back', async () => {
    const placed = await checkout({ lines: skus.map((sku) => ({ productId, sku, quantity: 20 })), customer: customer({ name: words(120).replace(/ /g, '') }), payment: 'cod', termsAccepted: true, withdrawalAcknowledged: true });
    expect(placed.status).toBe(201);
    expect(placed.body.subOrders[0].lines).toHaveLength(8);
    const view = await orderLink(placed.body.guestToken).call('GET', `/api/orders/${placed.body.order.id}`);
    expect(view.status).toBe(200);
    expect(view.body.subOrders[0].lines.map((l: { title: object }) => l.title)).toEqual(skus.map(() => expect.objectContaining({ fr: expect.any(String) })));
  });
});

describe('the onboarding wizard', () => {
  it("keeps the artisan's own draft, and refuses another artisan's (404) or an unknown one", async () => {
    const mine = (await artisan.call('POST', '/api/me/products', { title: { fr: 'Brouillon' }, description: { fr: 'À finir' }, category: 'pottery', variants: [{ sku: 'DRAFT-1', label: { fr: 'Unique' }, price: 10_000, stock: 1 }] })).body;
    expect((await artisan.call('PUT', '/api/me/onboarding', { step: 'photos', productId: mine.product.id })).status).toBe(200);
    const other = await newAccount('hyg-other');
    expect((await other.call('POST', '/api/me/shop', shopApplication(`hyg-other-${Date.now()}`))).status).toBe(201);
    for (const productId of [mine.product.id, listed.productId, 'prd-does-not-exist']) {
      const answer = await other.call('PUT', '/api/me/onboarding', { step: 'photos', productId });
      expect(answer.status, productId).toBe(404);
    }
    // Nothing was saved for them; without a draft the step is saved as before.
    expect((await other.call('GET', '/api/me')).body.onboarding).toBeUndefined();
    expect((await other.call('PUT', '/api/me/onboarding', { step: 'product' })).status).toBe(200);
    expect(shopId).toBeTruthy();
  });
});
