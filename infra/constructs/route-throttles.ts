import type { CfnStage, HttpRoute, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { routeThrottle } from '#shared/edge/throttles.ts';
import { routeKey, type Route } from '#shared/routes.ts';

/**
 * Each route's throttle class (shared/edge/throttles.ts) as the stage's route settings; the
 * stage-wide default stays for a route without one. The stage then depends on the routes:
 * CloudFormation refuses route settings for a route key that does not exist yet.
 */
export function applyRouteThrottles(stage: HttpStage, routes: ReadonlyArray<{ route: Route; httpRoute: HttpRoute }>): void {
  const cfn = stage.node.defaultChild as CfnStage;
  const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  for (const { route, httpRoute } of routes) {
    const throttle = routeThrottle(routeKey(route));
    if (!throttle) continue;
    settings[routeKey(route)] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
    stage.node.addDependency(httpRoute);
  }
  cfn.routeSettings = settings;
}
