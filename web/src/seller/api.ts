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

/** The artisans' (/api/me) and operators' (/api/operator) API, typed from shared/api. */
const product = (id: string) => `/api/me/products/${encodeURIComponent(id)}`;

export const sellerApi = {
  me: (signal?: AbortSignal) => authJson<Me>('GET', '/api/me', { signal }),
  reviews: (query: { cursor?: string }, signal?: AbortSignal) => authJson<ReviewPage & { rating: RatingSummary }>('GET', '/api/me/reviews', { query, signal }),
  reply: (reviewId: string, text: string) => authJson<Review>('PUT', `/api/me/reviews/${encodeURIComponent(reviewId)}/reply`, { body: { text } }),
  applyForShop: (body: ApplyForShopBody) => authJson<Shop | { shop: Shop }>('POST', '/api/me/shop', { body }),
  startShopImage: (body: StartShopImageUploadBody) => authJson<ShopImageUpload>('POST', '/api/me/shop/images', { body }),
  updateShop: (body: UpdateShopBody) => authJson<Shop | { shop: Shop }>('PATCH', '/api/me/shop', { body }),
  saveOnboarding: (body: { step: OnboardingStep; productId?: string; finished?: boolean }) => authJson<unknown>('PUT', '/api/me/onboarding', { body }),
  products: (query: { status?: ProductStatus; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    authJson<MyProductPage>('GET', '/api/me/products', { query, signal }),
  createProduct: (body: ProductBody) => authJson<MyProduct>('POST', '/api/me/products', { body }),
  product: (id: string, signal?: AbortSignal) => authJson<MyProduct>('GET', product(id), { signal }),
  updateProduct: (id: string, body: ProductBody) => authJson<MyProduct>('PUT', product(id), { body }),
  setStatus: (id: string, status: ProductStatus) => authJson<MyProduct | unknown>('POST', `${product(id)}/status`, { body: { status } }),
  startUpload: (id: string, body: { contentType: string; size: number; imageId?: string }) => authJson<ImageUpload>('POST', `${product(id)}/images`, { body }),
  arrangeImages: (id: string, imageIds: string[]) => authJson<unknown>('PUT', `${product(id)}/images`, { body: { imageIds } }),
  removeImage: (id: string, imageId: string) => authJson<unknown>('DELETE', `${product(id)}/images/${encodeURIComponent(imageId)}`),
  myOrders: (query: { status: SubOrderStatus; limit?: number; cursor?: string }, signal?: AbortSignal) => authJson<Page<SubOrder>>('GET', '/api/me/orders', { query, signal }),
  /** One parcel of the artisan's own, for its packing slip and label (404 for another shop's). */
  myParcel: (orderId: string, signal?: AbortSignal) => authJson<ParcelSlip>('GET', `/api/me/orders/${encodeURIComponent(orderId)}`, { signal }),
  /** The centre's contact details for artisans (public: the sell page links to them). */
  help: (signal?: AbortSignal) => getJson<ArtisanHelpView>('/api/artisan-help', {}, signal),
  earnings: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) => authJson<MyEarnings>('GET', '/api/me/earnings', { query, signal }),
  /** A month's statement (`YYYY-MM`). */
  statement: (month: string, signal?: AbortSignal) => authJson<Statement & { shopName: Shop['name'] }>('GET', '/api/me/earnings', { query: { statement: month }, signal }),
  /** The bank account: the RIB and holder (a code is e-mailed), then the code. */
  payoutAccount: (payoutAccount: { rib: string; holder: string } | { code: string }) => authJson<PayoutAccountAnswer>('PATCH', '/api/me/shop', { body: { payoutAccount } }),
  mySales: (signal?: AbortSignal) => authJson<SalesSummary>('GET', '/api/me/sales', { signal }),
  myHome: (signal?: AbortSignal) => authJson<MyHome>('GET', '/api/me/home', { signal }),
  setHoliday: (body: HolidayBody) => authJson<Shop>('PUT', '/api/me/holiday', { body }),
  stockSheet: (signal?: AbortSignal) => authJson<StockSheet>('GET', '/api/me/stock', { signal }),
  saveStockSheet: (body: StockSheetBody) => authJson<StockSheet & { saved: number }>('PUT', '/api/me/stock', { body }),
  fulfil: (orderId: string, action: FulfilmentAction) => authJson<SubOrder>('POST', `/api/me/orders/${encodeURIComponent(orderId)}/fulfilment`, { body: action }),
  operatorShops: (query: { status: ShopStatus; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    authJson<OperatorShopPage>('GET', '/api/operator/shops', { query, signal }),
  decide: (shopId: string, decision: ShopDecision) =>
    authJson<OperatorShop | { shop: OperatorShop } | unknown>('POST', `/api/operator/shops/${encodeURIComponent(shopId)}/decision`, { body: decision }),
  attention: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) => authJson<OperatorAttentionPage>('GET', '/api/operator/attention', { query, signal }),
};

/** Handlers may answer a shop bare or wrapped as { shop }. */
export const unwrapShop = (value: Shop | { shop: Shop }): Shop => ('shop' in value && typeof value.shop === 'object' ? value.shop : (value as Shop));
