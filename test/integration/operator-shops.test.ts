import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, demoOperator, newAccount, type Account } from '../support/accounts.ts';
import { artisanWithListedProduct, markPhotoReady, productBody, shopApplication } from '../support/artisan-fixtures.ts';
import { expectOperatorsOnly } from '../support/operator-routes.ts';

/**
 * The operator console's shops: a pending application previewed exactly as its page will be
 * (the public shop and the products it would list), and a shop's profile edited under the
 * artisan's own rules — a new name reaching its products' catalogue entries.
 */
let operator: Account;
let pending: { shopId: string; slug: string; publishedId: string; draftId: string };
let approved: { shopId: string; productId: string; slug: string };

beforeAll(async () => {
  operator = await demoOperator();
  // An applicant still waiting for a decision, with a product ready to publish and a draft.
  const applicant = await newAccount('preview-applicant');
  const slug = `preview-${Date.now()}`;
  const shop = (await applicant.call('POST', '/api/me/shop', shopApplication(slug))).body;
  const ready = (await applicant.call('POST', '/api/me/products', productBody('Jarre prête'))).body.product;
  const upload = (await applicant.call('POST', `/api/me/products/${ready.id}/images`, { contentType: 'image/jpeg', size: 1000 })).body;
  await markPhotoReady(ready.id, upload.image.id);
  expect((await applicant.call('POST', `/api/me/products/${ready.id}/status`, { status: 'published' })).status).toBe(200);
  const draft = (await applicant.call('POST', '/api/me/products', productBody('Jarre en cours'))).body.product;
  pending = { shopId: shop.id, slug, publishedId: ready.id, draftId: draft.id };

  const artisan = await newAccount('edited-artisan');
  const editedSlug = `edited-${Date.now()}`;
  approved = { ...(await artisanWithListedProduct(artisan, operator, editedSlug)), slug: editedSlug };
});

describe('who may use the shop routes', () => {
  it('operators signed in with TOTP only', async () => {
    await expectOperatorsOnly('GET', `/api/operator/shops/${pending.shopId}`);
    await expectOperatorsOnly('PATCH', `/api/operator/shops/${approved.shopId}`, { town: 'Bir Gandouz' });
    expect((await anonymous.call('GET', `/api/shops/${approved.slug}`)).body.shop.town).toBe('Dakhla');
  });
});

describe('previewing a shop', () => {
  it('shows a pending application as its page will be: the public shop, and the published products it would list', async () => {
    expect((await anonymous.call('GET', `/api/shops/${pending.slug}`)).status).toBe(404);
    const answer = await operator.call('GET', `/api/operator/shops/${pending.shopId}`);
    expect(answer.status).toBe(200);
    const { shop, preview } = answer.body;
    expect(shop).toMatchObject({ id: pending.shopId, status: 'pending', phone: '+212612345678', ownerEmail: expect.stringContaining('preview-applicant') });
    // What shoppers get: no owner, contact or moderation details.
    expect(preview.shop).toMatchObject({ id: pending.shopId, slug: pending.slug, name: { fr: `Atelier ${pending.slug}` } });
    for (const secret of ['ownerSub', 'phone', 'rejectionReason', 'suspensionReason', 'ownerEmail']) expect(preview.shop).not.toHaveProperty(secret);
    // The products as a catalogue list shows them: the published one, not the draft.
    expect(preview.products.items).toEqual([
      expect.objectContaining({ id: pending.publishedId, shopId: pending.shopId, shopSlug: pending.slug, title: expect.objectContaining({ fr: 'Jarre prête' }), coverKey: expect.stringContaining(pending.publishedId) }),
    ]);
  });

  it('of an approved shop, lists what its public page lists', async () => {
    const preview = (await operator.call('GET', `/api/operator/shops/${approved.shopId}`)).body.preview;
    const live = (await anonymous.call('GET', `/api/shops/${approved.slug}`)).body;
    expect(preview.shop).toEqual(live.shop);
    expect(preview.products.items).toEqual(live.products.items);
  });

  it('answers 404 for an unknown shop, 400 for a bad id or parameter', async () => {
    expect((await operator.call('GET', '/api/operator/shops/shp-does-not-exist')).status).toBe(404);
    expect(Object.keys((await operator.call('GET', '/api/operator/shops/x')).body.error.fields)).toEqual(['shopId']);
    expect(Object.keys((await operator.call('GET', `/api/operator/shops/${pending.shopId}?limit=0`)).body.error.fields)).toEqual(['limit']);
  });
});

describe("editing a shop's profile", () => {
  it("refuses what the artisan's own form refuses, by field", async () => {
    for (const [body, field] of [
      [{ name: { fr: 'Visitez www.ailleurs.ma' } }, 'name'],
      [{ name: {} }, 'name'],
      [{ story: { fr: 'x'.repeat(5001) } }, 'story.fr'],
      [{ town: 'D' }, 'town'],
      [{ phone: '0612345678' }, 'phone'],
      [{ languages: [] }, 'languages'],
      [{ craft: 'plastic' }, 'craft'],
      [{ status: 'approved' }, 'status'],
      [{ slug: 'another-address' }, 'slug'],
      [{ ownerSub: 'someone' }, 'ownerSub'],
    ] as const) {
      const answer = await operator.call('PATCH', `/api/operator/shops/${approved.shopId}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.error.fields).join(' '), JSON.stringify(body)).toContain(field);
    }
    expect((await operator.call('PATCH', '/api/operator/shops/shp-does-not-exist', { town: 'Dakhla' })).status).toBe(404);
  });

  it('saves the public fields, keeps the status, and brings its products up to date in lists and search', async () => {
    const name = { fr: `Coopérative ${approved.slug}`, ar: 'تعاونية الاختبار' };
    const story = { fr: 'Une coopérative de potières, corrigée par l’équipe.' };
    const answer = await operator.call('PATCH', `/api/operator/shops/${approved.shopId}`, { name, story, town: 'Bir Gandouz' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: approved.shopId, status: 'approved', name, story, town: 'Bir Gandouz' });
    const live = (await anonymous.call('GET', `/api/shops/${approved.slug}`)).body.shop;
    expect(live).toMatchObject({ name, story, town: 'Bir Gandouz' });
    const listed = (await anonymous.call('GET', `/api/products?shop=${approved.shopId}`)).body.items;
    expect(listed.map((p: { id: string; shopName: unknown }) => [p.id, p.shopName])).toEqual([[approved.productId, name]]);
    // The new town is a search term of its products.
    const found = (await anonymous.call('GET', `/api/search?q=${encodeURIComponent(`gandouz ${approved.slug}`)}`)).body.items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([approved.productId]);
  });
});
