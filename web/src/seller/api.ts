import type { ReviewPage } from '../../../shared/api/reviews.ts';
import type { RatingSummary, Review } from '../../../shared/domain/reviews.ts';
import type { ApplyForShopBody, ImageUpload, Me, MyEarnings, MyProduct, MyProductPage, OnboardingStep, ProductBody, ShopImageUpload, StartShopImageUploadBody, UpdateShopBody } from '../../../shared/api/artisan.ts';
import type { OperatorAttentionPage, OperatorShop, OperatorShopPage, ShopDecision } from '../../../shared/api/operator.ts';
import type { ProductStatus, Shop, ShopStatus } from '../../../shared/domain/catalogue.ts';
import type { FulfilmentAction } from '../../../shared/api/orders.ts';
import type { Page } from '../../../shared/domain/catalogue.ts';
import type { SubOrder, SubOrderStatus } from '../../../shared/domain/order.ts';
import type { SalesSummary } from '../../../shared/domain/sales.ts';
import type { ArtisanHelpView } from '../../../shared/domain/shipping-help/help-contact.ts';
import type { ParcelSlip } from '../../../shared/use-cases/shipping-help.ts';
import { getJson } from '../api.ts';
import type { HolidayBody, MyHome, StockSheet, StockSheetBody } from '../../../shared/api/home.ts';
import type { PayoutAccountAnswer, Statement } from '../../../shared/api/payouts.ts';
import { authJson } from '../auth/auth-fetch.ts';
import { forgetHomeSummary } from './home/home-summary.ts';

/** The artisans' (/api/me) and operators' (/api/operator) API, typed from shared/api. */
const product = (id: string) => `/api/me/products/${encodeURIComponent(id)}`;

/** Every call of the seller API; a change (not a GET) makes the home summary be read again. */
const call: typeof authJson = (method, path, options) => {
  if (method !== 'GET') forgetHomeSummary();
  return authJson(method, path, options);
};

export const sellerApi = {
  me: (signal?: AbortSignal) => call<Me>('GET', '/api/me', { signal }),
  reviews: (query: { cursor?: string }, signal?: AbortSignal) => call<ReviewPage & { rating: RatingSummary }>('GET', '/api/me/reviews', { query, signal }),
  reply: (reviewId: string, text: string) => call<Review>('PUT', `/api/me/reviews/${encodeURIComponent(reviewId)}/reply`, { body: { text } }),
  applyForShop: (body: ApplyForShopBody) => call<Shop | { shop: Shop }>('POST', '/api/me/shop', { body }),
  startShopImage: (body: StartShopImageUploadBody) => call<ShopImageUpload>('POST', '/api/me/shop/images', { body }),
  updateShop: (body: UpdateShopBody) => call<Shop | { shop: Shop }>('PATCH', '/api/me/shop', { body }),
  saveOnboarding: (body: { step: OnboardingStep; productId?: string; finished?: boolean }) => call<unknown>('PUT', '/api/me/onboarding', { body }),
  products: (query: { status?: ProductStatus; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    call<MyProductPage>('GET', '/api/me/products', { query, signal }),
  createProduct: (body: ProductBody) => call<MyProduct>('POST', '/api/me/products', { body }),
  product: (id: string, signal?: AbortSignal) => call<MyProduct>('GET', product(id), { signal }),
  updateProduct: (id: string, body: ProductBody) => call<MyProduct>('PUT', product(id), { body }),
  setStatus: (id: string, status: ProductStatus) => call<MyProduct | unknown>('POST', `${product(id)}/status`, { body: { status } }),
  startUpload: (id: string, body: { contentType: string; size: number; imageId?: string }) => call<ImageUpload>('POST', `${product(id)}/images`, { body }),
  arrangeImages: (id: string, imageIds: string[]) => call<unknown>('PUT', `${product(id)}/images`, { body: { imageIds } }),
  removeImage: (id: string, imageId: string) => call<unknown>('DELETE', `${product(id)}/images/${encodeURIComponent(imageId)}`),
  myOrders: (query: { status: SubOrderStatus; limit?: number; cursor?: string }, signal?: AbortSignal) => call<Page<SubOrder>>('GET', '/api/me/orders', { query, signal }),
  /** One parcel of the artisan's own, for its packing slip and label (404 for another shop's). */
  myParcel: (orderId: string, signal?: AbortSignal) => call<ParcelSlip>('GET', `/api/me/orders/${encodeURIComponent(orderId)}`, { signal }),
  /** The centre's contact details for artisans (public: the sell page links to them). */
  help: (signal?: AbortSignal) => getJson<ArtisanHelpView>('/api/artisan-help', {}, signal),
  earnings: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) => call<MyEarnings>('GET', '/api/me/earnings', { query, signal }),
  /** A month's statement (`YYYY-MM`). */
  statement: (month: string, signal?: AbortSignal) => call<Statement & { shopName: Shop['name'] }>('GET', '/api/me/earnings', { query: { statement: month }, signal }),
  /** The bank account: the RIB and holder (a code is e-mailed), then the code. */
  payoutAccount: (payoutAccount: { rib: string; holder: string } | { code: string }) => call<PayoutAccountAnswer>('PATCH', '/api/me/shop', { body: { payoutAccount } }),
  mySales: (signal?: AbortSignal) => call<SalesSummary>('GET', '/api/me/sales', { signal }),
  myHome: (signal?: AbortSignal) => call<MyHome>('GET', '/api/me/home', { signal }),
  setHoliday: (body: HolidayBody) => call<Shop>('PUT', '/api/me/holiday', { body }),
  stockSheet: (signal?: AbortSignal) => call<StockSheet>('GET', '/api/me/stock', { signal }),
  saveStockSheet: (body: StockSheetBody) => call<StockSheet & { saved: number }>('PUT', '/api/me/stock', { body }),
  fulfil: (orderId: string, action: FulfilmentAction) => call<SubOrder>('POST', `/api/me/orders/${encodeURIComponent(orderId)}/fulfilment`, { body: action }),
  operatorShops: (query: { status: ShopStatus; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    call<OperatorShopPage>('GET', '/api/operator/shops', { query, signal }),
  decide: (shopId: string, decision: ShopDecision) =>
    call<OperatorShop | { shop: OperatorShop } | unknown>('POST', `/api/operator/shops/${encodeURIComponent(shopId)}/decision`, { body: decision }),
  attention: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) => call<OperatorAttentionPage>('GET', '/api/operator/attention', { query, signal }),
};

/** Handlers may answer a shop bare or wrapped as { shop }. */
export const unwrapShop = (value: Shop | { shop: Shop }): Shop => ('shop' in value && typeof value.shop === 'object' ? value.shop : (value as Shop));
