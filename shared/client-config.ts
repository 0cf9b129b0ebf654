import type { CardProviderName } from './payments/provider.ts';

/**
 * The browser's run-time settings, served at `/config.json`: deployed with the site by the web
 * stack in AWS, served by the local gateway with `npm start`. One shape for both, for the web
 * store (web/src/auth/config.ts) and the smoke test (test/smoke/).
 */
export interface ClientConfig {
  auth: {
    /** Cognito's JSON API the browser calls directly: `https://cognito-idp.<region>.amazonaws.com/` in AWS, cognito-local here. */
    endpoint: string;
    region: string;
    userPoolId: string;
    clientId: string;
  };
  /** Which deployment this is; a production stage never offers the sandbox (TEST) payment page. */
  stage: { name: string; production: boolean };
  /** The provider card orders go through. */
  payments: { provider: CardProviderName };
}

/** The Cognito user-pool API of a region, as the browser calls it (`auth.endpoint` in AWS). */
export function cognitoEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/`;
}
