import type { Route } from '#shared/routes.ts';

/**
 * Matches a request to the route table as API Gateway does: a literal segment beats a
 * `{parameter}`, and a method that has no route on a known path is a 404 as in HTTP APIs.
 */
export interface RouteMatch<R extends Route> {
  route: R;
  pathParameters: Record<string, string>;
}

export class MalformedPathError extends Error {}

export function createRouteMatcher<R extends Route>(routes: readonly R[]) {
  const compiled = routes
    .map((route) => ({ route, segments: route.path.split('/').slice(1) }))
    // More literal segments first, so /api/shops/featured would win over /api/shops/{slug}; a greedy route last.
    .sort((a, b) => Number(isGreedy(a.segments)) - Number(isGreedy(b.segments)) || literalCount(b.segments) - literalCount(a.segments));

  return (method: string, pathname: string): RouteMatch<R> | undefined => {
    const parts = pathname.split('/').slice(1);
    for (const { route, segments } of compiled) {
      if (route.method !== method) continue;
      // A greedy last parameter (`{path+}`, as API Gateway's) takes one or more whole segments.
      const greedy = /^\{(\w+)\+\}$/.exec(segments.at(-1) ?? '')?.[1];
      if (greedy ? parts.length < segments.length || parts.slice(segments.length - 1).some((p) => p === '') : segments.length !== parts.length) continue;
      const pathParameters: Record<string, string> = {};
      if (greedy) pathParameters[greedy] = parts.slice(segments.length - 1).map(decode).join('/');
      const matches = segments.slice(0, greedy ? -1 : undefined).every((segment, i) => {
        const part = parts[i] ?? '';
        const param = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (!param) return segment === part;
        if (part === '') return false;
        pathParameters[param] = decode(part);
        return true;
      });
      if (matches) return { route, pathParameters };
    }
    return undefined;
  };
}

function isGreedy(segments: string[]) {
  return /^\{\w+\+\}$/.test(segments.at(-1) ?? '');
}

function literalCount(segments: string[]) {
  return segments.filter((s) => !s.startsWith('{')).length;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new MalformedPathError(`malformed percent-encoding in path segment "${part}"`);
  }
}
