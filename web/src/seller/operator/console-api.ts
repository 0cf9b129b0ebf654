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
import { authJson } from '../../auth/auth-fetch.ts';

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
  invite: (email: string) => authJson<Invitation>('POST', '/api/operator/team', { body: { email } }),
  remove: (username: string) => authJson<Team>('DELETE', `/api/operator/team/${encodeURIComponent(username)}`),
};
