import type { OnboardingStep } from '../../../shared/api/artisan.ts';
import type { CategorySlug, ProductStatus, Shop, ShopStatus, ShopSummary } from '../../../shared/domain/catalogue.ts';

/**
 * The few contract constants the seller area needs at run time. shared/domain/catalogue.ts and
 * shared/api/*.ts define them next to their zod schemas, and importing a value from there
 * would pull zod (~40 KB gzip) into the browser; these copies are checked against the
 * shared types at compile time and against the shared values in constants.test.ts.
 */
export const CATEGORY_SLUGS = ['leather', 'pottery', 'jewellery', 'textiles', 'basketry', 'woodwork', 'shellcraft', 'cosmetics'] as const satisfies readonly CategorySlug[];
export const PRODUCT_STATUSES = ['draft', 'published', 'archived'] as const satisfies readonly ProductStatus[];
export const SHOP_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const satisfies readonly ShopStatus[];
export const ONBOARDING_STEPS = ['profile', 'product', 'photos', 'publish'] as const satisfies readonly OnboardingStep[];

export function toShopSummary(shop: Shop): ShopSummary {
  const { id, slug, name, craft, town, kind, portraitKey } = shop;
  return { id, slug, name, craft, town, kind, ...(portraitKey ? { portraitKey } : {}) };
}
