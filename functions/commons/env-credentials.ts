import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The SDK clients' credentials: Lambda always gives a function its role's credentials in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), and the local store
 * gives its handlers local ones the same way (infra/local/stack.ts, test/support/in-process-env.ts).
 * So every client reads them from there (`credentials`), and the bundles do without the SDK's
 * default chain (`@aws-sdk/credential-provider-node`: SSO, INI files, process, web identity,
 * IMDS, their STS/SSO clients; ~135 KB of every bundle): infra/constructs/handler-function.ts
 * aliases that package to this module, whose `defaultProvider` is the environment alone.
 */
export const credentials = fromEnv();

/** What `@aws-sdk/credential-provider-node` exports and the clients' runtime config calls, in the bundles: the environment only. */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
