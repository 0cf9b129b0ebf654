import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { EDGE_HEADERS } from '#shared/edge.ts';
import { ForbiddenError } from '#shared/domain/errors.ts';

/**
 * Only requests that came through the edge reach a handler: CloudFront (and, locally, the
 * gateway) adds the origin-verify header with a secret; a request without it, or with another
 * value, went around the edge (the API's execute-api URL) and gets a 403. Compared in constant
 * time (both sides hashed to the same length first). No secret configured, no check.
 */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function originVerify(secret: string | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const expected = secret ? digest(secret) : undefined;
  return {
    before: (request) => {
      if (!expected) return;
      const sent = request.event.headers?.[EDGE_HEADERS.originVerify];
      if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
        throw new ForbiddenError('This API answers through the store\'s own address only');
      }
    },
  };
}
