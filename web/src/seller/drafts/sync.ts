import type { MyProduct, ProductBody } from '../../../../shared/api/artisan.ts';
import { ApiRequestError } from '../../api.ts';
import { sellerApi } from '../api.ts';
import { sendDrafts, type SendOutcome } from './outbox.ts';

/**
 * Sends the product drafts kept on this phone (outbox.ts) once it is online again: one sender for
 * the whole seller area (so a draft is never sent twice), started when the product editor first
 * loads; an open editor hears what became of its own draft.
 */
type Listener = (outcome: SendOutcome<unknown>) => void;
const listeners = new Set<Listener>();
let sending: Promise<void> | undefined;
let installed = false;

export const isOffline = (error: unknown) => error instanceof ApiRequestError && error.isNetwork;

export function sendKeptDrafts(): Promise<void> {
  sending ??= sendDrafts(
    localStorage,
    (draft) => (draft.key === 'new' ? sellerApi.createProduct(draft.body as ProductBody) : sellerApi.updateProduct(draft.key, draft.body as ProductBody)) as Promise<MyProduct>,
    isOffline,
  )
    .then((outcomes) => outcomes.forEach((outcome) => listeners.forEach((listener) => listener(outcome))))
    .catch(() => undefined)
    .finally(() => {
      sending = undefined;
    });
  return sending;
}

export function watchDrafts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function installDraftSync(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  addEventListener('online', () => void sendKeptDrafts());
  if (navigator.onLine) void sendKeptDrafts();
}
