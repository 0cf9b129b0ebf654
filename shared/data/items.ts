import type { TableKey } from './keys.ts';

/** Attributes that belong to the table's layout, not to the entity stored in an item. */
const LAYOUT_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type', 'ttl'] as const;

export type EntityType = 'Category' | 'Shop' | 'ShopSlug' | 'Product' | 'Variant' | 'ProductImage' | 'CatalogueEntry' | 'Settings' | 'UserProfile' | 'Onboarding' | 'Order' | 'SubOrder' | 'Idempotency' | 'SagaTask' | 'JournalEntry' | 'ShopBalance' | 'Earning' | 'ReleaseDue' | 'OrderEmail' | 'Notice' | 'PaymentRef' | 'SandboxSession' | 'WebhookEvent' | 'PaymentMovement' | 'ClientCounter' | 'ClientHolds' | 'Attention' | 'OrderEvent' | 'ReconcilerCursor' | 'OrderContact' | 'SettingChange' | 'HiddenProduct' | 'TeamLock' | 'VocabularyTerm' | 'SearchIndex' | 'PayoutAccount' | 'PayoutAccountChange' | 'PayoutBatch' | 'Payout' | 'PayoutLock' | 'CodCash' | 'Remittance' | 'MoneyTotals' | 'Review' | 'RatingTotals';

export type Item = Record<string, unknown> & TableKey & { type: EntityType };

/** An entity's item: its key, its index attributes, its type tag and its own fields. */
export function toItem<T extends object>(type: EntityType, key: TableKey, entity: T, indexes: Record<string, string> = {}): Item {
  return { ...entity, ...indexes, ...key, type };
}

/** The entity stored in an item, without the table's layout attributes. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const entity: Record<string, unknown> = { ...item };
  for (const attribute of LAYOUT_ATTRIBUTES) delete entity[attribute];
  return entity as T;
}
