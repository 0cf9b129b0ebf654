/**
 * What the test workflows' task handlers did, for the tests to read: kept on globalThis, so the
 * handlers (imported by the local runtime) and the tests share it however their modules load.
 */
export interface Invocation {
  task: string;
  event: Record<string, unknown>;
  at: number;
}

interface Probe {
  invocations: Invocation[];
  /** `${orderId}/${artisanId}` → the task token the handler was given. */
  tokens: Map<string, string>;
}

const shared = globalThis as typeof globalThis & { __workflowProbe?: Probe };
const state: Probe = (shared.__workflowProbe ??= { invocations: [], tokens: new Map() });

export const probe = {
  /** Records one invocation; returns how many times `task` has now run for this order. */
  record(task: string, event: Record<string, unknown>): number {
    state.invocations.push({ task, event, at: Date.now() });
    return state.invocations.filter((call) => call.task === task && call.event.orderId === event.orderId).length;
  },
  invocations(task: string, orderId: string): Invocation[] {
    return state.invocations.filter((call) => call.task === task && call.event.orderId === orderId);
  },
  saveToken(key: string, token: string) {
    state.tokens.set(key, token);
  },
  /** The token handed out for `key` (`orderId/artisanId`), waiting for the handler to be called. */
  async token(key: string, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const token = state.tokens.get(key);
      if (token) return token;
      if (Date.now() > deadline) throw new Error(`no task token for ${key} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
};
