import { inject } from 'vitest';

/** A small fetch helper for the running local store. */
export const storeUrl = () => inject('storeUrl');

export async function get<T = unknown>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${storeUrl()}${path}`);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Follows cursors until the last page, returning every item. */
export async function getAll<T>(path: string, maxPages = 50): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await get<{ items: T[]; cursor?: string }>(cursor ? `${path}${separator}cursor=${cursor}` : path);
    if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
    items.push(...body.items);
    cursor = body.cursor;
    if (!cursor) return items;
  }
  throw new Error(`${path} still had a cursor after ${maxPages} pages`);
}
