import { describe, expect, it } from 'vitest';
import * as artisan from '../../../shared/api/artisan.ts';
import * as catalogue from '../../../shared/domain/catalogue.ts';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import * as local from './constants.ts';

describe('seller constants (zod-free copies for the browser)', () => {
  it('match the shared contract', () => {
    expect(local.CATEGORY_SLUGS).toEqual(catalogue.CATEGORY_SLUGS);
    expect(local.PRODUCT_STATUSES).toEqual(catalogue.PRODUCT_STATUSES);
    expect(local.SHOP_STATUSES).toEqual(catalogue.SHOP_STATUSES);
    expect(local.ONBOARDING_STEPS).toEqual(artisan.ONBOARDING_STEPS);
    const shop: Shop = { id: 'shp_123456', slug: 'a-b', name: { fr: 'A' }, story: { fr: 'S' }, craft: 'leather', town: 'Dakhla', kind: 'individual', languages: ['fr'], status: 'approved', createdAt: '2026-01-01T00:00:00.000Z', ownerSub: 'u1' };
    expect(local.toShopSummary(shop)).toEqual(catalogue.toShopSummary(shop));
  });
});
