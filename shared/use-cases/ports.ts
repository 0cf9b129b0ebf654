import type { Listings } from '../data/listings.ts';
import type { ProductImages } from '../data/product-images.ts';
import type { Products } from '../data/products.ts';
import type { Shops } from '../data/shops.ts';
import type { Users } from '../data/users.ts';

/** What the use cases need from the outside world; functions/commons/clients.ts provides it. */
export interface Store {
  users: Users;
  shops: Shops;
  products: Products;
  images: ProductImages;
  listings: Listings;
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

/** The order saga, as its callers see it: start one per order, resume or fail a paused step. */
export interface SagaControl {
  /** Starts the order's execution, named after the order: a second start is a no-op. */
  start(orderId: string, input: { orderId: string; paymentMethod: string }): Promise<void>;
  resume(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

/** What SagaControl's resume/fail throw for a token the saga no longer waits on (its step moved on, or timed out). */
export const STALE_TASK_TOKEN_ERRORS: ReadonlySet<string> = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/** Where one order's saga execution stands (Step Functions' DescribeExecution and its newest state entered). */
export interface SagaExecution {
  /** NOT_STARTED: the workflow service has no execution for the order. */
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE' | 'NOT_STARTED';
  startedAt?: string;
  stoppedAt?: string;
  error?: string;
  cause?: string;
  /** The state entered last (in a Map, the newest of its iterations'), and when. */
  lastState?: { name: string; at: string };
}

/** Reads the order saga's executions (operators' order page). */
export interface SagaStatus {
  describe(orderId: string): Promise<SagaExecution>;
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
