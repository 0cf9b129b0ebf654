import { orderEmails } from '#shared/data/order-emails.ts';
import { payouts as payoutsData } from '#shared/data/payouts.ts';
import type { PayoutDeps } from '#shared/use-cases/payouts.ts';
import { db } from './clients.ts';
import { config } from './config.ts';
import { ledger } from './ledger.ts';
import { mailer, notifier } from './mailer.ts';
import { store } from './store.ts';
import { log } from './telemetry.ts';

/** Payouts' data (shared/data/payouts.ts), built once per process. */
export const payouts = payoutsData({ db, tableName: config.tableName });
const contacts = orderEmails({ db, tableName: config.tableName });

/** What the payout use cases work with (shared/use-cases/payouts.ts). */
export const payoutDeps: PayoutDeps = {
  store,
  ledger,
  payouts,
  mailer,
  notifier,
  contact: (shopId) => contacts.artisanContact(shopId),
  log,
  // Links in e-mails: the store's public URL (PUBLIC_BASE_URL), read when an e-mail is written.
  get siteUrl() {
    return config.publicBaseUrl;
  },
};
