import type { ReviewPage } from '../../../../shared/api/reviews.ts';
import type { Review } from '../../../../shared/domain/reviews.ts';
import type { UpdateShopBody } from '../../../../shared/api/artisan.ts';
import type {
  Invitation,
  OperatorProduct,
  OperatorProductPage,
  OperatorSettings,
  OperatorShop,
  OperatorShopPreview,
  ProductModeration,
  SettingUpdate,
  Team,
} from '../../../../shared/api/operator.ts';
import type { Page } from '../../../../shared/domain/catalogue.ts';
import type { Setting, SettingChange, SettingName } from '../../../../shared/domain/settings.ts';
import type { BatchCreated, BatchView, OperatorPayoutsBody, PayoutView, Statement } from '../../../../shared/api/payouts.ts';
import type { PayoutBatch } from '../../../../shared/domain/payouts.ts';
import type { Shop } from '../../../../shared/domain/catalogue.ts';
import { authFetch, authJson } from '../../auth/auth-fetch.ts';

/** The operator console's products, shops, settings and team routes (/api/operator/...), typed from shared/api/operator.ts. */
const product = (id: string) => `/api/operator/products/${encodeURIComponent(id)}`;
const shop = (id: string) => `/api/operator/shops/${encodeURIComponent(id)}`;

export const consoleApi = {
  products: (query: { shop?: string; q?: string; cursor?: string; limit?: number }, signal?: AbortSignal) => authJson<OperatorProductPage>('GET', '/api/operator/products', { query, signal }),
  product: (id: string, signal?: AbortSignal) => authJson<OperatorProduct>('GET', product(id), { signal }),
  moderate: (id: string, body: ProductModeration) => authJson<OperatorProduct>('POST', `${product(id)}/moderation`, { body }),
  shop: (id: string, query: { cursor?: string; limit?: number } = {}, signal?: AbortSignal) => authJson<OperatorShopPreview>('GET', shop(id), { query, signal }),
  editShop: (id: string, body: UpdateShopBody) => authJson<OperatorShop>('PATCH', shop(id), { body }),
  settings: (signal?: AbortSignal) => authJson<OperatorSettings>('GET', '/api/operator/settings', { signal }),
  updateSetting: (body: SettingUpdate) => authJson<Setting>('PUT', '/api/operator/settings', { body }),
  settingChanges: (name: SettingName, query: { cursor?: string; limit?: number }, signal?: AbortSignal) =>
    authJson<Page<SettingChange>>('GET', `/api/operator/settings/${encodeURIComponent(name)}/changes`, { query, signal }),
  team: (signal?: AbortSignal) => authJson<Team>('GET', '/api/operator/team', { signal }),
  invite: (email: string, locale: string) => authJson<Invitation>('POST', '/api/operator/team', { body: { email, locale } }),
  shopStatement: (id: string, month: string, signal?: AbortSignal) => authJson<Statement & { shopName: Shop['name'] }>('GET', shop(id), { query: { statement: month }, signal }),
  batches: (query: { cursor?: string; limit?: number } = {}, signal?: AbortSignal) => authJson<Page<PayoutBatch>>('GET', '/api/operator/payouts', { query, signal }),
  batch: (batchId: string, signal?: AbortSignal) => authJson<BatchView>('GET', '/api/operator/payouts', { query: { batchId }, signal }),
  createBatch: () => authJson<BatchCreated>('POST', '/api/operator/payouts', { body: { action: 'create' } }),
  settlePayout: (body: Exclude<OperatorPayoutsBody, { action: 'create' }>) => authJson<PayoutView>('POST', '/api/operator/payouts', { body }),
  /** The batch's bank file, as the API sends it (UTF-8 with its BOM), for a download. */
  async batchCsv(batchId: string): Promise<Blob> {
    const response = await authFetch(`/api/operator/payouts?batchId=${encodeURIComponent(batchId)}&format=csv`);
    if (!response.ok) throw new Error(`the bank file answered ${response.status}`);
    return new Blob([await response.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  },
  reviews: (query: { status: string; cursor?: string }, signal?: AbortSignal) => authJson<ReviewPage>('GET', '/api/operator/reviews', { query, signal }),
  decideReview: (id: string, action: 'approve' | 'reject') => authJson<Review>('POST', `/api/operator/reviews/${encodeURIComponent(id)}/decision`, { body: { action } }),
  remove: (username: string) => authJson<Team>('DELETE', `/api/operator/team/${encodeURIComponent(username)}`),
};
