import type { Locale } from '../domain/locales.ts';
import type { EmittedMetric, MetricDimensions } from '../observability.ts';
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
  createInvited(email: string, locale?: Locale): Promise<boolean>;
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

/** What SagaControl's resume/fail throw for a token the saga no longer waits on (its step moved on, or timed out). */
export const STALE_TASK_TOKEN_ERRORS: ReadonlySet<string> = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/** Where one saga execution stands (Step Functions' DescribeExecution; PENDING_REDRIVE reads as RUNNING). */
export interface SagaExecution {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  startedAt?: string;
  stoppedAt?: string;
  error?: string;
  cause?: string;
}

/**
 * The order saga's executions, as the reconciler and the operators' order page look at them
 * (DescribeExecution, GetExecutionHistory, StartExecution, ListExecutions). Executions are named
 * per saga run: `<orderId>`, then `<orderId>.<n>` (shared/domain/reconcile.ts `sagaRunName`).
 */
export interface SagaExecutions {
  /** How the execution named `name` stands; undefined when there is none of that name. */
  describe(name: string): Promise<SagaExecution | undefined>;
  /** The state the execution entered last (in a Map, the newest of its iterations'), and when. */
  lastState(name: string): Promise<{ name: string; at: string } | undefined>;
  /** Starts the execution `name`; one of that name already there (running or ended) is left as it is. */
  start(name: string, input: { orderId: string; paymentMethod: string }): Promise<void>;
  /** The names of the running executions; undefined when they fill more than `maxPages` pages. */
  running(maxPages: number): Promise<Set<string> | undefined>;
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

/**
 * Where the use cases say what happened, as structured log lines: in Lambda the Powertools Logger,
 * whose lines carry the invocation's correlation ids (request, order, execution) by themselves.
 */
export interface Log {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Counts business events (shared/observability.ts names each): EMF through Powertools Metrics in Lambda. */
export interface Metrics {
  count<N extends EmittedMetric>(name: N, ...dimensions: MetricDimensions<N>): void;
}

/** What every use case that tells operators something needs: functions/commons/telemetry.ts provides it. */
export interface Telemetry {
  log: Log;
  metrics: Metrics;
  /** Ids learnt during the invocation (the order checkout just placed): its later log lines and counts carry them. */
  correlate(ids: { orderId?: string }): void;
}
