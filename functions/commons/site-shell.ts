/**
 * The web store's built index.html, as the site serves it (`<store URL>/index.html`: S3 through
 * CloudFront in AWS, web/dist through the local gateway), for the page functions to fill in.
 * Read over HTTP rather than bundled, so a page always names the assets the site has now (a
 * deploy uploads new ones and prunes the old); kept `freshMs`, then revalidated with its ETag
 * (a 304 costs no body). If the site cannot be read, the last copy is used.
 */
export function siteShell(url: string, options: { freshMs?: number; timeoutMs?: number; now?: () => number } = {}) {
  const freshMs = options.freshMs ?? 5_000;
  const now = options.now ?? Date.now;
  let kept: { body: string; etag?: string; at: number } | undefined;
  return async (): Promise<string> => {
    if (kept && now() - kept.at < freshMs) return kept.body;
    try {
      const response = await fetch(url, {
        headers: kept?.etag ? { 'if-none-match': kept.etag } : {},
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
      if (response.status === 304 && kept) {
        kept.at = now();
        return kept.body;
      }
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const body = await response.text();
      const etag = response.headers.get('etag') ?? undefined;
      kept = { body, at: now(), ...(etag ? { etag } : {}) };
      return body;
    } catch (error) {
      if (kept) return kept.body;
      throw error;
    }
  };
}
