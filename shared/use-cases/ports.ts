import type { Listings } from '../data/listings.ts';
import type { ProductImages } from '../data/product-images.ts';
import type { Products } from '../data/products.ts';
import type { SettingsStore } from '../data/settings.ts';
import type { Shops } from '../data/shops.ts';
import type { TeamLock } from '../data/team-lock.ts';
import type { Users } from '../data/users.ts';

/** What the use cases need from the outside world; functions/commons/clients.ts provides it. */
export interface Store {
  users: Users;
  shops: Shops;
  products: Products;
  images: ProductImages;
  listings: Listings;
  settings: SettingsStore;
  team: TeamLock;
}

export interface UploadSigner {
  /** A presigned POST whose policy pins this key, type, size range and expiry. */
  presignImageUpload(input: { key: string; contentType: string; maxBytes: number; expiresSeconds: number }): Promise<{ url: string; fields: Record<string, string> }>;
}

export interface ImageFiles {
  /** Deletes files from the image bucket (missing ones are fine). */
  deleteImageFiles(keys: string[]): Promise<void>;
}

export interface Identity {
  /** Adds a user (by sign-in name) to a user-pool group. */
  addUserToGroup(username: string, group: 'artisan' | 'operator'): Promise<void>;
}

/** The user pool's `operator` group, as the console's team page sees it (functions/commons/operator-directory.ts). */
export interface OperatorDirectory {
  /** Everyone in the group, with their MFA settings. */
  listOperators(): Promise<Array<{ username: string; sub: string; email: string; status: string; enabled: boolean; totp: boolean; createdAt?: string }>>;
  /** Creates the account with Cognito's invitation e-mail (a temporary password); false when the e-mail already has one. */
  createInvited(email: string): Promise<boolean>;
  addToOperators(username: string): Promise<void>;
  removeFromOperators(username: string): Promise<void>;
  /** Revokes every refresh token of the user (their ID tokens run out within TOKEN_VALIDITY). */
  signOutEverywhere(username: string): Promise<void>;
}

/** The order saga, as its callers see it: start one per order, resume or fail a paused step. */
export interface SagaControl {
  /** Starts the order's execution, named after the order: a second start is a no-op. */
  start(orderId: string, input: { orderId: string; paymentMethod: string }): Promise<void>;
  resume(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export const now = () => new Date().toISOString();

/** An email to one person; `text` is the message, `html` an optional richer copy of it. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends email: Amazon SES in AWS, the local outbox on your machine (functions/commons/mailer.ts). */
export interface Mailer {
  send(email: Email & { kind?: string }): Promise<{ messageId?: string }>;
}
