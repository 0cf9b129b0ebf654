import { describe, expect, it } from 'vitest';
import type { Product } from './catalogue.ts';
import { isListed } from './catalogue-index.ts';
import { changeProductStatus, reviseProduct } from './product-lifecycle.ts';
import { hideProduct, restoreProduct } from './product-moderation.ts';

const product: Product = {
  id: 'prd-123456',
  shopId: 'shp-123456',
  category: 'pottery',
  title: { fr: 'Jarre' },
  description: { fr: 'Une jarre.' },
  status: 'published',
  price: 15_000,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  publishedAt: '2026-01-02T00:00:00.000Z',
};
const approved = { status: 'approved' as const };
const ready = [{ id: 'img-123456', key: 'k', position: 0, status: 'ready' as const }];

describe('product moderation', () => {
  it('a hidden product is listed nowhere, whatever its status; restored, it is listed as its artisan left it', () => {
    const hidden = hideProduct(product, { reason: 'photos', note: 'Floues', by: 'op-1', now: '2026-02-01T00:00:00.000Z' });
    expect(hidden).toMatchObject({ status: 'published', hidden: { reason: 'photos', note: 'Floues', by: 'op-1', at: '2026-02-01T00:00:00.000Z' }, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(isListed(product, approved)).toBe(true);
    expect(isListed(hidden, approved)).toBe(false);
    const restored = restoreProduct(hidden, '2026-02-02T00:00:00.000Z');
    expect(restored.hidden).toBeUndefined();
    expect(isListed(restored, approved)).toBe(true);
  });

  it('refuses to hide twice or restore what is not hidden', () => {
    const hidden = hideProduct(product, { reason: 'price', by: 'op-1', now: '2026-02-01T00:00:00.000Z' });
    expect(() => hideProduct(hidden, { reason: 'price', by: 'op-1', now: '2026-02-01T00:00:00.000Z' })).toThrow(expect.objectContaining({ statusCode: 409, code: 'already_hidden' }));
    expect(() => restoreProduct(product, '2026-02-01T00:00:00.000Z')).toThrow(expect.objectContaining({ statusCode: 409, code: 'not_hidden' }));
  });

  it('the artisan keeps the hold through edits and status moves, and cannot publish while it holds', () => {
    const hidden = hideProduct(product, { reason: 'misleading', by: 'op-1', now: '2026-02-01T00:00:00.000Z' });
    const revised = reviseProduct(hidden, { title: { fr: 'Jarre' }, description: { fr: 'Autre' }, category: 'pottery', variants: [{ sku: 'A-1', label: { fr: 'A' }, price: 100, stock: 1 }] }, '2026-02-03T00:00:00.000Z').product;
    expect(revised.hidden).toEqual(hidden.hidden);
    const draft = changeProductStatus(revised, 'draft', ready, '2026-02-04T00:00:00.000Z');
    expect(draft.hidden).toEqual(hidden.hidden);
    expect(() => changeProductStatus(draft, 'published', ready, '2026-02-05T00:00:00.000Z')).toThrow(expect.objectContaining({ statusCode: 409, code: 'hidden_by_operator', fields: { status: expect.any(String) } }));
    expect(changeProductStatus(restoreProduct(draft, '2026-02-06T00:00:00.000Z'), 'published', ready, '2026-02-07T00:00:00.000Z').status).toBe('published');
  });
});
