/**
 * The one route table. It drives both the CDK HTTP API (infra/stacks/api-stack.ts) and the
 * local gateway (infra/local/gateway.ts): method, path, handler, who may call it and what
 * the handler may touch (which becomes its IAM grants in AWS).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Auth = 'public' | 'signed-in' | 'artisan' | 'operator';

export interface Route {
  method: HttpMethod;
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  /** Module under functions/ (without .ts) that exports `handler`. */
  handler: string;
  auth: Auth;
  /** What the handler needs; infra turns this into least-privilege grants. */
  access: { table: 'read' | 'read-write' };
}

export const routes = [
  { method: 'GET', path: '/api/categories', handler: 'catalogue/list-categories', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/products', handler: 'catalogue/list-products', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/products/{productId}', handler: 'catalogue/get-product', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/search', handler: 'catalogue/search-products', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/shops', handler: 'catalogue/list-shops', auth: 'public', access: { table: 'read' } },
  { method: 'GET', path: '/api/shops/{slug}', handler: 'catalogue/get-shop', auth: 'public', access: { table: 'read' } },
] as const satisfies readonly Route[];

/** A route's API Gateway route key, e.g. "GET /api/products/{productId}". */
export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** A stable, CloudFormation-safe name for a route's function, e.g. "CatalogueGetProduct". */
export const routeFunctionName = (route: Pick<Route, 'handler'>) =>
  route.handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
