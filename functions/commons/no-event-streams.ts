/**
 * What the bundles have instead of `@smithy/core/event-streams` (an alias: BUNDLE_ALIASES in
 * infra/constructs/handler-function.ts). Event streams carry the SDK's streaming operations (S3
 * SelectObjectContent, Lambda InvokeWithResponseStream, Bedrock…), and no function here calls one;
 * yet every client's protocol imports the module (dynamically), and S3's configuration statically:
 * ~15 KB of every bundle. These are the names those imports take; a streaming call would fail
 * here, naming why.
 */
const refuse = (): never => {
  throw new Error('SDK event streams are not bundled (functions/commons/no-event-streams.ts): this function cannot make a streaming call');
};

/** The clients' configuration asks for a marshaller; it is given one that refuses to stream. */
export const eventStreamSerdeProvider = () => ({ serialize: refuse, deserialize: refuse });

/** As @smithy/core does: the marshaller from the provider the configuration names. */
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (config: T) => unknown }>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

/** The protocol's event-stream serde, created only for a streaming operation. */
export class EventStreamSerde {
  constructor() {
    refuse();
  }
}
