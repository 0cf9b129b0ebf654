import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { clientLimitsData } from '#shared/data/client-limits.ts';
import { CLIENT_LIMITS, type ClientLimitName } from '#shared/domain/client-limits.ts';
import { viewerIp } from '#shared/edge.ts';
import { routeKey, routes } from '#shared/routes.ts';
import { admitAddress } from '#shared/use-cases/client-limits.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The per-client counters and holds (shared/data/client-limits.ts), built once per process. */
export const clientLimits = clientLimitsData({ db, tableName: config.tableName });

/** Who is calling, as far as limits go. */
export interface Client {
  /** The viewer's IP from the edge's `CloudFront-Viewer-Address`, else the connection's. */
  ip: string;
}

export function clientOf(event: APIGatewayProxyEventV2): Client {
  return { ip: viewerIp(event.headers ?? {}) ?? event.requestContext?.http?.sourceIp ?? 'unknown' };
}

const limitByRouteKey = new Map<string, ClientLimitName>(routes.flatMap((r) => ('limit' in r ? [[routeKey(r), r.limit] as const] : [])));

/**
 * The HTTP edge's count of the caller against its route's per-client limit (the route table's
 * `limit`; 429 past it), after the input is parsed: a checkout counts once per Idempotency-Key.
 */
export async function admitClient(event: APIGatewayProxyEventV2, client: Client, headers: unknown): Promise<void> {
  const limit = limitByRouteKey.get(event.routeKey);
  if (!limit) return;
  const rule = CLIENT_LIMITS[limit];
  const once = 'oncePer' in rule ? (headers as Record<string, unknown> | undefined)?.[rule.oncePer] : undefined;
  await admitAddress(clientLimits, limit, client.ip, typeof once === 'string' ? once : undefined);
}
