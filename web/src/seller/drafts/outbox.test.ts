import { describe, expect, it } from 'vitest';
import { draftFor, dropDraft, keepDraft, readDrafts, sendDrafts, STORAGE_KEY } from './outbox.ts';

function memory() {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

const draft = (key: string, savedAt = '2026-12-03T08:00:00.000Z') => ({ key, body: { title: key }, form: { title: key }, savedAt });

describe('drafts kept on the phone', () => {
  it('keeps one draft per product, the latest save replacing the earlier', () => {
    const storage = memory();
    keepDraft(storage, draft('new'));
    keepDraft(storage, draft('prd-1'));
    keepDraft(storage, { ...draft('new', '2026-12-03T08:01:00.000Z'), body: { title: 'later' } });
    expect(readDrafts(storage).map((d) => d.key)).toEqual(['prd-1', 'new']);
    expect(draftFor(storage, 'new')?.body).toEqual({ title: 'later' });
    dropDraft(storage, 'prd-1');
    expect(readDrafts(storage).map((d) => d.key)).toEqual(['new']);
  });

  it('reads nothing from a damaged store', () => {
    const storage = memory();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(readDrafts(storage)).toEqual([]);
    storage.setItem(STORAGE_KEY, JSON.stringify([{ nokey: 1 }, draft('ok')]));
    expect(readDrafts(storage).map((d) => d.key)).toEqual(['ok']);
  });

  it('sends them in order, drops what was sent, keeps what was refused, stops when still offline', async () => {
    const storage = memory();
    for (const key of ['a', 'refused', 'b', 'offline', 'c']) keepDraft(storage, draft(key));
    const sent: string[] = [];
    const outcomes = await sendDrafts(
      storage,
      async (d) => {
        if (d.key === 'refused') throw new Error('400');
        if (d.key === 'offline') throw new Error('network');
        sent.push(d.key);
        return d.key.toUpperCase();
      },
      (error) => (error as Error).message === 'network',
    );
    expect(sent).toEqual(['a', 'b']);
    expect(outcomes.map((o) => [o.key, o.sent])).toEqual([['a', true], ['refused', false], ['b', true], ['offline', false]]);
    expect(readDrafts(storage).map((d) => d.key)).toEqual(['refused', 'offline', 'c']);
  });

  it('keeps a draft saved again while the earlier one was being sent', async () => {
    const storage = memory();
    keepDraft(storage, draft('new'));
    await sendDrafts(storage, async () => keepDraft(storage, draft('new', '2026-12-03T09:00:00.000Z')), () => false);
    expect(draftFor(storage, 'new')?.savedAt).toBe('2026-12-03T09:00:00.000Z');
  });
});
