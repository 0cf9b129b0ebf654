import { sortableAmount } from '../domain/money.ts';
import type { SettingName } from '../domain/settings.ts';

/**
 * Every key of the single table is built here and nowhere else.
 * See shared/data/DATA-MODEL.md for the entities and the access pattern each key serves.
 *
 * Physical attributes: pk/sk (table), gsi1pk/gsi1sk ("collection, newest first"),
 * gsi2pk/gsi2sk ("collection, by amount"), gsi3pk/gsi3sk ("lookup by another id").
 */
export const INDEX = {
  /** Collections ordered by time: catalogue scopes, shops by status, orders by owner/status. */
  byTime: 'gsi1',
  /** Collections ordered by price: catalogue scopes. */
  byPrice: 'gsi2',
  /** A person's own collection: a signed-in shopper's orders, newest first. */
  byAltId: 'gsi3',
} as const;

export interface TableKey {
  pk: string;
  sk: string;
}

/** A catalogue scope is one list of published products: all, a category, a shop, a shop's category, a search term. */
export const scope = {
  all: () => 'CATALOGUE#ALL',
  category: (category: string) => `CATALOGUE#CAT#${category}`,
  shop: (shopId: string) => `CATALOGUE#SHOP#${shopId}`,
  shopCategory: (shopId: string, category: string) => `CATALOGUE#SHOP#${shopId}#CAT#${category}`,
  term: (term: string) => `CATALOGUE#TERM#${term}`,
};

export const keys = {
  product: (productId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' }),
  /** Stock lives on the variant item: the item that conditional writes and transactions guard. */
  variant: (productId: string, sku: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: `VARIANT#${sku}` }),
  productImage: (productId: string, imageId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: `IMAGE#${imageId}` }),
  /** One catalogue index entry per (product, scope); only published products of approved shops have them. */
  catalogueEntry: (productId: string, scopeKey: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: `ENTRY#${scopeKey}` }),

  shop: (shopId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: 'SHOP' }),
  /** Holds the shop id: makes slugs unique (conditional put) and finds a shop by slug. */
  shopSlug: (slug: string): TableKey => ({ pk: `SHOPSLUG#${slug}`, sk: 'SHOPSLUG' }),

  category: (slug: string): TableKey => ({ pk: 'CATEGORIES', sk: `CATEGORY#${slug}` }),

  /** A signed-in person: their email and the shop they run. */
  userProfile: (sub: string): TableKey => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  /** An order's own item; its sub-orders (one per artisan, with their lines) share its partition. */
  order: (orderId: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  subOrder: (orderId: string, shopId: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `SUB#${shopId}` }),
  /** A paused saga step's task token: the payment, or one artisan's accept/ship/deliver. */
  sagaTask: (orderId: string, step: string, shopId?: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `${orderSk.taskPrefix}${step}${shopId ? `#${shopId}` : ''}` }),
  /** A shop's sales in one week (its Monday in Morocco, `YYYY-MM-DD`): orders, units, revenue, per product; changed with each parcel placed or cancelled. */
  salesWeek: (shopId: string, week: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: `${shopSk.salesPrefix}${week}` }),
  /** One journal entry of the ledger, by its id (derived from what caused it: written once by a conditional put). */
  journalEntry: (entryId: string): TableKey => ({ pk: `JOURNAL#${entryId}`, sk: 'ENTRY' }),
  /** A shop's balances (pending, available, payout, paid) and their version: updated in the transaction of every entry touching the shop. */
  shopBalance: (shopId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: 'BALANCE' }),
  /** One delivered parcel's earnings as the artisan reads them (what the shopper paid, commission, net, state). */
  earning: (shopId: string, orderId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: `EARNING#${orderId}` }),
  /** A pending earning's place in the release queue (gsi1 `RELEASES`, by the end of its return window); deleted when released or returned. */
  releaseDue: (shopId: string, orderId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: `RELEASE#${orderId}` }),
  /** One cash-on-delivery parcel's cash: collected by its carrier at delivery, then remitted (issue 9 part 4). */
  codCash: (orderId: string, shopId: string): TableKey => ({ pk: `CODCASH#${orderId}#${shopId}`, sk: 'CODCASH' }),
  /** A carrier's remittance (its statement), by `<carrier>:<reference>`: recorded once. */
  remittance: (remittanceId: string): TableKey => ({ pk: `REMITTANCE#${remittanceId}`, sk: 'REMITTANCE' }),
  /** One shard of one month's money totals (the operators' money view): every journal entry ADDs its lines to one. */
  moneyTotals: (month: string, shard: number): TableKey => ({ pk: 'MONEY', sk: `MONTH#${month}#${shard}` }),
  /** One checkout attempt, by the SHA-256 of its Idempotency-Key: the request's hash and the order it made (expires after a day). */
  idempotency: (keyHash: string): TableKey => ({ pk: `IDEMPOTENCY#${keyHash}`, sk: 'IDEMPOTENCY' }),
  /** A payment session's order (`PAYREF#<provider>#<sessionId>`): what a provider's webhook names. */
  paymentRef: (provider: string, sessionId: string): TableKey => ({ pk: `PAYREF#${provider}#${sessionId}`, sk: 'PAYREF' }),
  /** A sandbox payment session: amount, return URL, decision, voids and refunds (expires after a week). */
  sandboxSession: (sessionId: string): TableKey => ({ pk: `PAYSESSION#sandbox#${sessionId}`, sk: 'PAYSESSION' }),
  /** A provider's webhook event, applied once (expires after 30 days). */
  webhookEvent: (provider: string, eventId: string): TableKey => ({ pk: `WEBHOOK#${provider}#${eventId}`, sk: 'WEBHOOK' }),
  /** One money movement of an order (a void, a refund of the order or of one sub-order): claimed once. */
  paymentMovement: (orderId: string, movementId: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `PAYMENT#${movementId}` }),
  /**
   * An order filed under one of its shopper's contacts (`<kind>#<hash>` of the normalised e-mail or
   * phone, as `clientId` names it: no address in a key), newest first: the operators' search.
   */
  orderContact: (contactId: string, createdAt: string, orderId: string): TableKey => ({ pk: `CONTACT#${contactId}`, sk: `ORDER#${createdAt}#${orderId}` }),
  /** An email about an order, claimed once per (kind, recipient) before it is sent: a retried step sends nothing twice. */
  orderEmail: (orderId: string, kind: string, recipient: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `EMAIL#${kind}#${recipient.toLowerCase()}` }),
  /** A WhatsApp message about an order (its e-mail twin is `orderEmail`), claimed once per (record, number) before it is sent. */
  orderNotice: (orderId: string, record: string, channel: string, recipient: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `NOTICE#${record}#${channel}#${recipient.toLowerCase()}` }),
  /** A notice to a shop's artisan (approved, rejected, payout sent…), claimed once per (record, channel, recipient). */
  shopNotice: (shopId: string, record: string, channel: string, recipient: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: `NOTICE#${record}#${channel}#${recipient.toLowerCase()}` }),
  /** Where an artisan is in the first-run wizard. */
  onboarding: (sub: string): TableKey => ({ pk: `USER#${sub}`, sk: 'ONBOARDING' }),
  settings: (name: SettingName): TableKey => ({ pk: 'SETTINGS', sk: `SETTINGS#${name}` }),
  /** One recorded edit of a setting, by the version it made (zero-padded: the partition reads newest first). */
  settingChange: (name: string, version: number): TableKey => ({ pk: partitions.settingChanges(name), sk: `CHANGE#${String(version).padStart(10, '0')}` }),
  /** A product an operator hid, listed for the console (gsi1 `HIDDEN_PRODUCTS`, latest first); deleted when restored. */
  hiddenProduct: (productId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: 'HIDDEN' }),
  /** Held while an operator is removed, so two removals cannot leave the team without operators. */
  teamLock: (): TableKey => ({ pk: 'OPERATORS', sk: 'LOCK' }),
  /** Where a shop is paid: its RIB and holder (the only full copy besides each payout's own). */
  payoutAccount: (shopId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: 'PAYOUTACCOUNT' }),
  /** A RIB change waiting for the code e-mailed to the owner (its SHA-256 only; expires with `ttl`). */
  payoutAccountChange: (shopId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: 'PAYOUTACCOUNT#CHANGE' }),
  /** A payout batch (gsi1 `PAYOUTBATCHES`, newest first); its payouts share its partition. */
  payoutBatch: (batchId: string): TableKey => ({ pk: `PAYOUTBATCH#${batchId}`, sk: 'BATCH' }),
  /** One shop's payout in a batch (gsi1 `SHOPPAYOUTS#<shopId>`: a shop's payouts by date). */
  payout: (batchId: string, shopId: string): TableKey => ({ pk: `PAYOUTBATCH#${batchId}`, sk: `PAYOUT#${shopId}` }),
  /** Held while a batch is being made: a second "create" at the same moment is refused (409). */
  payoutLock: (): TableKey => ({ pk: 'PAYOUTS', sk: 'LOCK' }),
  /** One client's requests under one limit in one fixed window (a conditional ADD; `ttl` after the window). */
  clientCounter: (limit: string, clientId: string, windowStart: number): TableKey => ({ pk: `${COUNTER_PARTITION_PREFIX}${limit}#${clientId}`, sk: `WINDOW#${windowStart}` }),
  /** The orders one client has holding stock without a commitment (unpaid card, cash on delivery not accepted yet). */
  clientHolds: (clientId: string): TableKey => ({ pk: `HOLDS#${clientId}`, sk: 'HOLDS' }),
  /** An order an operator must look at, one record per kind of problem; it exists only while the problem does. */
  attention: (orderId: string, kind: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `${orderSk.attentionPrefix}${kind}` }),
  /** One entry of the order's own timeline (an operator's cancel, delivery, resent email; the reconciler's or the saga's action): `EVENT#<id>`. */
  orderEvent: (orderId: string, eventKey: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: `${orderSk.eventPrefix}${eventKey}` }),
  /** One term of the search's vocabulary: the word shown for it and how many listed products have it. */
  vocabularyTerm: (term: string): TableKey => ({ pk: partitions.vocabulary(), sk: `TERM#${term}` }),
  /** Which version of the term rules (shared/domain/text-search.ts) the catalogue's entries were built with. */
  searchIndex: (): TableKey => ({ pk: 'SEARCHINDEX', sk: 'SEARCHINDEX' }),
  /** One order line's review (`ORDERREVIEWS#<orderId>` / `REVIEW#<sku>`): the put only if new makes it one per line; an order's reviews are one Query. */
  review: (orderId: string, sku: string): TableKey => ({ pk: partitions.orderReviews(orderId), sk: `${reviewSk.prefix}${sku}` }),
  /** A product's approved ratings (`count`, `sum`), ADDed in the transaction of each decision; read with the product's own items. */
  productRating: (productId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: 'RATING' }),
  /** A shop's approved ratings over all its products, ADDed in the same transactions. */
  shopRating: (shopId: string): TableKey => ({ pk: `SHOP#${shopId}`, sk: 'RATING' }),
  /** Where the reconciler's sweep of the orders in one status stopped (bounded work per run). */
  reconcilerCursor: (status: string): TableKey => ({ pk: 'RECONCILER', sk: `CURSOR#${status}` }),
};

/** Sort-key prefix of the reviews inside an order's reviews partition. */
export const reviewSk = { prefix: 'REVIEW#' };

/** Sort-key prefixes inside a shop's partition (`SHOP#<shopId>`). */
export const shopSk = {
  salesPrefix: 'SALES#',
};

/** Sort-key prefixes inside an order's partition (`ORDER#<orderId>`). */
export const orderSk = {
  attentionPrefix: 'ATTENTION#',
  eventPrefix: 'EVENT#',
  taskPrefix: 'TASK#',
};

/**
 * Every per-client counter's partition key starts with this: the routes that only read the table
 * but count their callers may write these items and no other (IAM `dynamodb:LeadingKeys`).
 */
export const COUNTER_PARTITION_PREFIX = 'LIMIT#';

/** Partition-key values that Query reads. */
export const partitions = {
  productItems: (productId: string) => `PRODUCT#${productId}`,
  categories: () => 'CATEGORIES',
  shopsByStatus: (status: string) => `SHOPS#${status}`,
  orderItems: (orderId: string) => `ORDER#${orderId}`,
  ordersByStatus: (status: string) => `ORDERS#${status}`,
  shopSubOrders: (shopId: string, status: string) => `SHOP#${shopId}#SUBORDERS#${status}`,
  shopperOrders: (sub: string) => `SHOPPER#${sub}`,
  /** The orders of one shopper contact (an e-mail or a phone), newest first. */
  contactOrders: (contactId: string) => `CONTACT#${contactId}`,
  /** Every product of a shop, drafts and archived included (gsi1, latest change first). */
  shopProducts: (shopId: string) => `SHOPPRODUCTS#${shopId}`,
  /** Every variant of a shop's products, with its stock (gsi1, by product): what the low-stock list reads. */
  shopVariants: (shopId: string) => `SHOPVARIANTS#${shopId}`,
  /** Every open attention record, newest first (gsi1). */
  openAttention: () => 'ATTENTION',
  /** A setting's recorded edits, newest first (table partition). */
  settingChanges: (name: string) => `SETTINGCHANGES#${name}`,
  /** The products operators hid (gsi1, latest first). */
  hiddenProducts: () => 'HIDDEN_PRODUCTS',
  /** The search's vocabulary (table partition): one item per term of the listed products, and nothing else. */
  vocabulary: () => 'VOCABULARY',
  /** Every journal entry of one month (gsi1, by time): the operators' money view (part 5) and audits. */
  journalMonth: (month: string) => `JOURNAL#${month}`,
  /** The journal entries touching one shop (gsi3, by time): what to read when an artisan disputes an amount. */
  shopJournal: (shopId: string) => `SHOPJOURNAL#${shopId}`,
  /** A shop's parcels' earnings, latest delivery first (gsi1). */
  shopEarnings: (shopId: string) => `SHOPEARNINGS#${shopId}`,
  /** Every shop's balance item (gsi1, by shop id): what a payout batch reads, one Query. */
  shopBalances: () => 'SHOPBALANCES',
  /** The payout batches, newest first (gsi1). */
  payoutBatches: () => 'PAYOUTBATCHES',
  /** A shop's payouts, newest first (gsi1): payouts per artisan per period. */
  shopPayouts: (shopId: string) => `SHOPPAYOUTS#${shopId}`,
  /** Pending earnings by the end of their return window, soonest first (gsi1): what the release job reads. */
  releasesDue: () => 'RELEASES',
  /** A carrier's parcels whose cash it still holds, oldest collection first (gsi1; sparse: a remitted parcel leaves it). */
  carrierCash: (carrier: string) => `CARRIERCASH#${carrier}`,
  /** Carriers' remittances, by when the money reached the bank (gsi1). */
  remittances: () => 'REMITTANCES',
  /** The reviews of one order's lines (table partition). */
  orderReviews: (orderId: string) => `ORDERREVIEWS#${orderId}`,
  /** A product's approved reviews, newest first (gsi1; a review is in it only while approved). */
  productReviews: (productId: string) => `PRODUCTREVIEWS#${productId}`,
  /** Reviews by moderation status, newest first (gsi2): the operators' queue. */
  reviewsByStatus: (status: string) => `REVIEWS#${status}`,
  /** A shop's reviews, every status, newest first (gsi3): what its artisan answers. */
  shopReviews: (shopId: string) => `SHOPREVIEWS#${shopId}`,
};

/** Index attributes of a review: its status's queue (gsi2), its shop's list (gsi3), and while approved its product's list (gsi1). */
export function reviewIndexes(review: { id: string; productId: string; shopId: string; status: string; createdAt: string }): Record<string, string> {
  const sort = `${review.createdAt}#${review.id}`;
  return {
    ...(review.status === 'approved' ? { gsi1pk: partitions.productReviews(review.productId), gsi1sk: sort } : {}),
    gsi2pk: partitions.reviewsByStatus(review.status),
    gsi2sk: sort,
    gsi3pk: partitions.shopReviews(review.shopId),
    gsi3sk: sort,
  };
}


/** Sort-key prefixes inside a product's partition. */
export const productSk = {
  entryPrefix: 'ENTRY#',
  /** Every item of a product but its catalogue entries sorts at or after this ("IMAGE#" < "PRODUCT" < "VARIANT#"). */
  detailFrom: 'IMAGE#',
};

/** Index attributes of a catalogue entry: newest first on gsi1, by price on gsi2. */
export function catalogueEntryIndexes(scopeKey: string, productId: string, publishedAt: string, price: number) {
  return {
    gsi1pk: scopeKey,
    gsi1sk: `${publishedAt}#${productId}`,
    gsi2pk: scopeKey,
    gsi2sk: `${sortableAmount(price)}#${productId}`,
  };
}

/** gsi2 sort-key bounds for a price range (inclusive). */
export function priceBounds(minPrice = 0, maxPrice = 99_999_999_999): { from: string; to: string } {
  return { from: `${sortableAmount(minPrice)}#`, to: `${sortableAmount(maxPrice)}#~` };
}

/** Index attributes of a product item: its shop's full list, latest change first. */
export function productIndexes(shopId: string, updatedAt: string, productId: string) {
  return { gsi1pk: partitions.shopProducts(shopId), gsi1sk: `${updatedAt}#${productId}` };
}

/** Index attributes of a variant: its shop's variants (gsi1, by product and SKU; the stock moves with the item). */
export function variantIndexes(shopId: string, productId: string, sku: string) {
  return { gsi1pk: partitions.shopVariants(shopId), gsi1sk: `${productId}#${sku}` };
}

/** Index attributes of an order: operators' list by status (gsi1), a signed-in shopper's orders (gsi3). */
export function orderIndexes(order: { id: string; status: string; createdAt: string; ownerSub?: string }) {
  return {
    gsi1pk: partitions.ordersByStatus(order.status),
    gsi1sk: `${order.createdAt}#${order.id}`,
    ...(order.ownerSub ? { gsi3pk: partitions.shopperOrders(order.ownerSub), gsi3sk: `${order.createdAt}#${order.id}` } : {}),
  };
}

/** Index attributes of a sub-order: its artisan's list by status, oldest first (work queue). */
export function subOrderIndexes(sub: { orderId: string; shopId: string; status: string; createdAt: string }) {
  return { gsi1pk: partitions.shopSubOrders(sub.shopId, sub.status), gsi1sk: `${sub.createdAt}#${sub.orderId}` };
}

/** Index attributes of an open attention record: the operators' list, newest first (gsi1). */
export function attentionIndexes(raisedAt: string, orderId: string, kind: string) {
  return { gsi1pk: partitions.openAttention(), gsi1sk: `${raisedAt}#${orderId}#${kind}` };
}

/** Index attributes of a hidden product's marker: the operators' list of hidden products, latest first. */
export function hiddenProductIndexes(productId: string, hiddenAt: string) {
  return { gsi1pk: partitions.hiddenProducts(), gsi1sk: `${hiddenAt}#${productId}` };
}

/** Index attributes of a shop: listed by status, newest first. */
export function shopIndexes(status: string, createdAt: string, shopId: string) {
  return { gsi1pk: partitions.shopsByStatus(status), gsi1sk: `${createdAt}#${shopId}` };
}

/** Index attributes of a journal entry: its month (gsi1) and, when it touches a shop, the shop's journal (gsi3); both by `<at>#<id>`. */
export function journalEntryIndexes(entry: { id: string; at: string; shopId?: string }) {
  const sort = `${entry.at}#${entry.id}`;
  return {
    gsi1pk: partitions.journalMonth(entry.at.slice(0, 7)),
    gsi1sk: sort,
    ...(entry.shopId ? { gsi3pk: partitions.shopJournal(entry.shopId), gsi3sk: sort } : {}),
  };
}

/** Index attributes of an earning: its shop's list, latest delivery first (gsi1). */
export function earningIndexes(earning: { shopId: string; orderId: string; deliveredAt: string }) {
  return { gsi1pk: partitions.shopEarnings(earning.shopId), gsi1sk: `${earning.deliveredAt}#${earning.orderId}` };
}

/** Index attributes of a release-queue item: soonest first (gsi1 `RELEASES`). */
export function releaseDueIndexes(earning: { shopId: string; orderId: string; availableAt: string }) {
  return { gsi1pk: partitions.releasesDue(), gsi1sk: `${earning.availableAt}#${earning.shopId}#${earning.orderId}` };
}

/** Index attributes of a payout batch (gsi1 `PAYOUTBATCHES`, newest first). */
export function payoutBatchIndexes(batch: { id: string; createdAt: string }) {
  return { gsi1pk: partitions.payoutBatches(), gsi1sk: `${batch.createdAt}#${batch.id}` };
}

/** Index attributes of a payout (gsi1 `SHOPPAYOUTS#<shopId>`, by the batch's time). */
export function payoutIndexes(payout: { batchId: string; shopId: string; createdAt: string }) {
  return { gsi1pk: partitions.shopPayouts(payout.shopId), gsi1sk: `${payout.createdAt}#${payout.batchId}` };
}

/** Index attributes of a parcel's cash while its carrier holds it: the carrier's list, oldest first (gsi1). */
export function codCashIndexes(cash: { carrier: string; collectedAt: string; orderId: string; shopId: string }) {
  return { gsi1pk: partitions.carrierCash(cash.carrier), gsi1sk: `${cash.collectedAt}#${cash.orderId}#${cash.shopId}` };
}

/** Index attributes of a remittance: by when the money reached the bank (gsi1). */
export function remittanceIndexes(r: { id: string; receivedAt: string }) {
  return { gsi1pk: partitions.remittances(), gsi1sk: `${r.receivedAt}#${r.id}` };
}
