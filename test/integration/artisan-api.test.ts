import { beforeAll, describe, expect, it } from 'vitest';
import type { Me, MyProduct } from '#shared/api/artisan.ts';
import { anonymous, newAccount, type Account } from '../support/accounts.ts';
import { markPhotoReady, productBody, shopApplication } from '../support/artisan-fixtures.ts';

/** An artisan's journey through the API: apply, wait for approval, list products, get listed. */
let artisan: Account;
let operator: Account;
const slug = `poterie-${Date.now()}`;

beforeAll(async () => {
  [artisan, operator] = await Promise.all([newAccount('potter'), newAccount('operator', 'operator')]);
});

const listedIds = async (q: string) => ((await anonymous.call('GET', `/api/search?q=${encodeURIComponent(q)}&limit=48`)).body.items as { id: string }[]).map((p) => p.id);

describe('artisan journey', () => {
  let shopId: string;
  let productId: string;

  it('starts with no shop', async () => {
    const me = await artisan.call<Me>('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(artisan.email);
    expect(me.body.shop).toBeUndefined();
    expect((await artisan.call('GET', '/api/me/products')).status).toBe(404);
  });

  it('applies for a shop, which waits for an operator', async () => {
    const applied = await artisan.call('POST', '/api/me/shop', shopApplication(slug));
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending');
    shopId = applied.body.id;
    expect((await artisan.call<Me>('GET', '/api/me')).body.shop?.status).toBe('pending');
    expect((await anonymous.call('GET', `/api/shops/${slug}`)).status).toBe(404);
  });

  it('cannot apply twice, and nobody can take the same slug', async () => {
    expect((await artisan.call('POST', '/api/me/shop', shopApplication(`${slug}-2`))).body.error.code).toBe('already_applied');
    const other = await newAccount('copycat');
    const taken = await other.call('POST', '/api/me/shop', shopApplication(slug));
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toHaveProperty('slug');
    expect((await other.call<Me>('GET', '/api/me')).body.shop, 'nothing half-written for the refused applicant').toBeUndefined();
  });

  it('refuses fields a client must not set, naming them', async () => {
    const sneaky = await artisan.call('POST', '/api/me/products', { ...productBody(), shopId: 'shp-other', status: 'published', createdAt: '2020-01-01T00:00:00.000Z' });
    expect(sneaky.status).toBe(400);
    expect(Object.keys(sneaky.body.error.fields).sort()).toEqual(['createdAt', 'shopId', 'status']);
    const bad = await artisan.call('POST', '/api/me/products', { ...productBody(), title: {}, variants: [{ sku: 'x', label: {}, price: -1, stock: 1.5 }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['title', 'variants.0.sku', 'variants.0.price', 'variants.0.stock']));
    expect((await artisan.call('POST', '/api/me/products', 'not json')).body.error.fields).toHaveProperty('body');
  });

  it('creates a draft with variants; the price is the cheapest variant', async () => {
    const created = await artisan.call<MyProduct>('POST', '/api/me/products', productBody('Jarre du matin'));
    expect(created.status).toBe(201);
    expect(created.body.product.status).toBe('draft');
    expect(created.body.product.price).toBe(15_000);
    productId = created.body.product.id;
    const list = await artisan.call('GET', '/api/me/products?status=draft');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(productId);
  });

  it('edits the product: removed variants go, the others change', async () => {
    const body = productBody('Jarre du soir');
    body.variants = [body.variants[1]!];
    const updated = await artisan.call<MyProduct>('PUT', `/api/me/products/${productId}`, body);
    expect(updated.status).toBe(200);
    const fresh = await artisan.call<MyProduct>('GET', `/api/me/products/${productId}`);
    expect(fresh.body.variants.map((v) => v.sku)).toEqual([body.variants[0]!.sku]);
    expect(fresh.body.product.price).toBe(25_050);
    expect(fresh.body.product.title.fr).toBe('Jarre du soir');
  });

  it('needs a ready photo to publish', async () => {
    const refused = await artisan.call('POST', `/api/me/products/${productId}/status`, { status: 'published' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('needs_photo');
    const upload = await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/jpeg', size: 2_000_000 });
    expect(upload.status).toBe(201);
    expect(upload.body.upload.fields.key).toMatch(new RegExp(`^uploads/${shopId}/${productId}/`));
    expect((await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/gif', size: 10 })).body.error.fields).toHaveProperty('contentType');
    expect((await artisan.call('POST', `/api/me/products/${productId}/images`, { contentType: 'image/png', size: 50 * 1024 * 1024 })).body.error.fields).toHaveProperty('size');
    await markPhotoReady(productId, upload.body.image.id);
    const published = await artisan.call<MyProduct>('POST', `/api/me/products/${productId}/status`, { status: 'published' });
    expect(published.status).toBe(200);
    expect(published.body.product.publishedAt).toBeTruthy();
  });

  it('is not in the public store while the shop is pending', async () => {
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(404);
    expect(await listedIds('Jarre du soir')).not.toContain(productId);
  });

  it('an operator sees the application and approves it: the product is listed at once', async () => {
    const pending = await operator.call('GET', '/api/operator/shops?status=pending&limit=48');
    const mine = pending.body.items.find((s: { id: string }) => s.id === shopId);
    expect(mine.ownerEmail).toBe(artisan.email);
    expect((await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'approve' })).body.status).toBe('approved');
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(200);
    expect(await listedIds('jarre soir')).toContain(productId);
    const shopPage = await anonymous.call('GET', `/api/shops/${slug}`);
    expect(shopPage.body.products.items.map((p: { id: string }) => p.id)).toContain(productId);
    expect(shopPage.body.shop.ownerSub, 'no owner or contact details in public').toBeUndefined();
    expect(shopPage.body.shop.phone).toBeUndefined();
  });

  it('unpublishing takes it out of the store; publishing again brings it back', async () => {
    await artisan.call('POST', `/api/me/products/${productId}/status`, { status: 'draft' });
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(404);
    await artisan.call('POST', `/api/me/products/${productId}/status`, { status: 'published' });
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(200);
  });

  it('suspending the shop takes its products out of the catalogue at once; reinstating brings them back', async () => {
    expect((await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'suspend' })).status).toBe(400);
    const suspended = await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'suspend', reason: 'Photos of another artisan' });
    expect(suspended.body.status).toBe('suspended');
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(404);
    expect(await listedIds('jarre soir')).not.toContain(productId);
    expect((await anonymous.call('GET', `/api/shops/${slug}`)).status).toBe(404);
    expect((await artisan.call<Me>('GET', '/api/me')).body.shop?.suspensionReason).toBe('Photos of another artisan');
    await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'reinstate' });
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(200);
  });

  it('refuses decisions the shop status does not allow', async () => {
    const again = await operator.call('POST', `/api/operator/shops/${shopId}/decision`, { action: 'approve' });
    expect(again.status).toBe(409);
    expect((await operator.call('POST', '/api/operator/shops/shp-nope-nope/decision', { action: 'approve' })).status).toBe(404);
  });

  it('archives a product', async () => {
    const archived = await artisan.call<MyProduct>('POST', `/api/me/products/${productId}/status`, { status: 'archived' });
    expect(archived.body.product.status).toBe('archived');
    expect((await anonymous.call('GET', `/api/products/${productId}`)).status).toBe(404);
    expect((await artisan.call('POST', `/api/me/products/${productId}/status`, { status: 'published' })).status).toBe(409);
  });
});

describe('a rejected application', () => {
  it('shows the reason, and editing the shop sends it again', async () => {
    const applicant = await newAccount('rejected');
    const shop = (await applicant.call('POST', '/api/me/shop', shopApplication(`refus-${Date.now()}`))).body;
    await operator.call('POST', `/api/operator/shops/${shop.id}/decision`, { action: 'reject', reason: 'Please tell us more about your craft' });
    const me = await applicant.call<Me>('GET', '/api/me');
    expect(me.body.shop?.status).toBe('rejected');
    expect(me.body.shop?.rejectionReason).toBe('Please tell us more about your craft');
    const edited = await applicant.call('PATCH', '/api/me/shop', { story: { fr: 'Je tourne la terre depuis vingt ans, avec ma mère.' } });
    expect(edited.body.status).toBe('pending');
    expect(edited.body.rejectionReason).toBeUndefined();
  });
});

describe('onboarding', () => {
  it('is saved as the artisan goes, and read back where they left it', async () => {
    const newcomer = await newAccount('newcomer');
    expect((await newcomer.call<Me>('GET', '/api/me')).body.onboarding).toBeUndefined();
    expect((await newcomer.call('PUT', '/api/me/onboarding', { step: 'product' })).status).toBe(200);
    expect((await newcomer.call('POST', '/api/me/shop', shopApplication(`newcomer-${Date.now()}`))).status).toBe(201);
    const draft = (await newcomer.call<MyProduct>('POST', '/api/me/products', productBody('Premier brouillon'))).body;
    expect((await newcomer.call('PUT', '/api/me/onboarding', { step: 'photos', productId: draft.product.id })).status).toBe(200);
    const me = await newcomer.call<Me>('GET', '/api/me');
    expect(me.body.onboarding).toMatchObject({ step: 'photos', productId: draft.product.id });
    // Only a draft of their own (test/integration/input-hygiene.test.ts tries another artisan's).
    expect((await newcomer.call('PUT', '/api/me/onboarding', { step: 'photos', productId: 'prd-draft-123' })).status).toBe(404);
    expect((await newcomer.call('PUT', '/api/me/onboarding', { step: 'dance' })).body.error.fields).toHaveProperty('step');
  });
});

describe('demo accounts', () => {
  it('include two artisans running demo shops, so an order across two artisans can be fulfilled by hand', async () => {
    const { DEMO_ACCOUNTS } = await import('../../infra/local/demo-accounts.ts');
    const { signIn } = await import('../support/accounts.ts');
    for (const spec of [DEMO_ACCOUNTS.artisan, DEMO_ACCOUNTS.cooperative]) {
      const me = await (await signIn(spec.email, spec.password)).call<Me>('GET', '/api/me');
      expect(me.body.shop?.id).toBe(spec.shopId);
      expect(me.body.shop?.status).toBe('approved');
    }
  });
});
