/**
 * Product drafts kept on the phone while it is offline (issue 11 part 5): a save that cannot reach
 * the API is written to localStorage — the body to send and the form as it was typed — and sent by
 * itself when the phone is back online (the `online` event), or when the seller area opens again.
 * One entry per product (a new product's key is 'new'): a later save replaces an earlier one.
 */
export interface Draft<Body = unknown, Form = unknown> {
  /** The product's id, or 'new' for a product not yet created. */
  key: string;
  body: Body;
  form: Form;
  savedAt: string;
}

export const STORAGE_KEY = 'dakhla.productDrafts.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function readDrafts(storage: Storage): Draft[] {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((d): d is Draft => Boolean(d && typeof d === 'object' && typeof (d as Draft).key === 'string')) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, drafts: Draft[]): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(drafts));
}

export function keepDraft(storage: Storage, draft: Draft): void {
  write(storage, [...readDrafts(storage).filter((d) => d.key !== draft.key), draft]);
}

export function dropDraft(storage: Storage, key: string): void {
  write(storage, readDrafts(storage).filter((d) => d.key !== key));
}

export const draftFor = (storage: Storage, key: string): Draft | undefined => readDrafts(storage).find((d) => d.key === key);

/** What happened to one draft when sending was tried. */
export type SendOutcome<Saved> = { key: string; sent: true; saved: Saved } | { key: string; sent: false; offline: boolean; error: unknown };

/**
 * Sends every draft in the order kept; a sent one is dropped. A draft the API refuses (a 4xx) is
 * kept for the artisan to fix in the form; a network failure stops the round (still offline).
 */
export async function sendDrafts<Saved>(storage: Storage, send: (draft: Draft) => Promise<Saved>, isOffline: (error: unknown) => boolean): Promise<SendOutcome<Saved>[]> {
  const outcomes: SendOutcome<Saved>[] = [];
  for (const draft of readDrafts(storage)) {
    try {
      const saved = await send(draft);
      // Dropped only if not replaced by a newer save meanwhile.
      if (draftFor(storage, draft.key)?.savedAt === draft.savedAt) dropDraft(storage, draft.key);
      outcomes.push({ key: draft.key, sent: true, saved });
    } catch (error) {
      const offline = isOffline(error);
      outcomes.push({ key: draft.key, sent: false, offline, error });
      if (offline) break;
    }
  }
  return outcomes;
}
