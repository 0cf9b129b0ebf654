/**
 * What the bundles have instead of `@aws-sdk/middleware-endpoint-discovery` (an alias:
 * BUNDLE_ALIASES in infra/constructs/handler-function.ts): endpoint discovery off. DynamoDB's
 * operations only *allow* it (none requires it), and the SDK uses it only when
 * AWS_ENABLE_ENDPOINT_DISCOVERY or a config file turns it on, which no function here does; the
 * real package still puts an LRU endpoint cache (mnemonist) and a middleware that reads the
 * credentials on every call into every DynamoDB bundle: ~8.5 KB. These are the names the clients
 * import; a client configured with `endpointDiscoveryEnabled: true`, or an operation that requires
 * discovery, fails here, naming why.
 */
const why = 'endpoint discovery is not bundled (functions/commons/no-endpoint-discovery.ts)';

/** Never from the environment or a config file: off. */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};

export const resolveEndpointDiscoveryConfig = <T extends { endpointDiscoveryEnabled?: boolean }>(input: T, { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown }) => {
  if (input.endpointDiscoveryEnabled === true) throw new Error(`endpointDiscoveryEnabled: true, but ${why}`);
  return Object.assign(input, { endpointDiscoveryCommandCtor, endpointDiscoveryEnabled: () => Promise.resolve(false), isClientEndpointDiscoveryEnabled: false });
};

export const endpointDiscoveryMiddlewareOptions = { name: 'endpointDiscoveryMiddleware', step: 'build', tags: ['ENDPOINT_DISCOVERY'], override: true } as const;

interface Stack {
  add(middleware: unknown, options: typeof endpointDiscoveryMiddlewareOptions): void;
}
const off = { applyToStack: (_stack: Stack) => {} };
const refusing = {
  applyToStack: (stack: Stack) =>
    stack.add(
      (_next: unknown, context: { commandName?: string }) => async () => {
        throw new Error(`${context.commandName ?? 'this operation'} requires endpoint discovery, but ${why}`);
      },
      endpointDiscoveryMiddlewareOptions,
    ),
};

export const getEndpointDiscoveryPlugin = (_config: unknown, middlewareConfig: { isDiscoveredEndpointRequired?: boolean }) => (middlewareConfig.isDiscoveredEndpointRequired ? refusing : off);
export const getEndpointDiscoveryRequiredPlugin = () => refusing;
export const getEndpointDiscoveryOptionalPlugin = () => off;
