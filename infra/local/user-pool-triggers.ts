import type { Context } from 'aws-lambda';
import { USER_POOL_TRIGGERS, type UserPoolTrigger } from '#shared/domain/accounts.ts';
import { routeFunctionName } from '#shared/routes.ts';
import { lambdaContext } from './api-event.ts';
import type { TriggerRunner } from './cognito.ts';
import type { LoadModule } from './handler-modules.ts';

/**
 * The user pool's triggers as cognito-local runs them locally: the same handler modules the
 * stateful stack attaches to the pool in AWS (shared/domain/accounts.ts USER_POOL_TRIGGERS), each
 * imported on its first use (after the handlers' environment is set) with a Lambda context.
 */
type TriggerHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Cognito gives a trigger 5 seconds (and so does the stateful stack's function timeout). */
const TRIGGER_TIMEOUT_MS = 5000;

export function userPoolTriggers(modules: LoadModule): TriggerRunner {
  const loaded = new Map<UserPoolTrigger, Promise<TriggerHandler>>();
  const load = (trigger: UserPoolTrigger) => {
    let handler = loaded.get(trigger);
    if (!handler) {
      const module = USER_POOL_TRIGGERS[trigger];
      handler = modules(module).then((m) => {
        if (typeof m.handler !== 'function') throw new Error(`functions/${module}.ts does not export a handler`);
        return m.handler as TriggerHandler;
      });
      loaded.set(trigger, handler);
    }
    return handler;
  };
  return async (trigger, event) => {
    const handler = await load(trigger);
    return handler(event, lambdaContext(routeFunctionName({ handler: USER_POOL_TRIGGERS[trigger] }), TRIGGER_TIMEOUT_MS));
  };
}
