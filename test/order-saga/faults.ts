/**
 * Fault injection for the order saga's tasks: a test says which task fails, how and how many
 * times; the wrappers in ./functions/ (same module paths as functions/orders/saga/) obey.
 * Kept on globalThis so the runtime's imports and the test share one plan.
 */
type Fault = { error: string; times: number; after?: boolean };
const plan: Map<string, Fault> = ((globalThis as { __sagaFaults?: Map<string, Fault> }).__sagaFaults ??= new Map());
const calls: Map<string, number> = ((globalThis as { __sagaCalls?: Map<string, number> }).__sagaCalls ??= new Map());

export const faults = {
  fail(task: string, error = 'InjectedFault', times = Number.POSITIVE_INFINITY) {
    plan.set(task, { error, times });
  },
  /** The task does its work, then fails anyway (a timeout after the write): its retry runs it again. */
  failAfter(task: string, error = 'Lambda.TooManyRequestsException', times = 1) {
    plan.set(task, { error, times, after: true });
  },
  clear() {
    plan.clear();
    calls.clear();
  },
  calls: (task: string) => calls.get(task) ?? 0,
};

export function withFaults<E, R>(task: string, real: (event: E) => Promise<R>): (event: E) => Promise<R> {
  return async (event) => {
    calls.set(task, (calls.get(task) ?? 0) + 1);
    const fault = plan.get(task);
    const fail = () => Object.assign(new Error(`injected ${fault!.error} in ${task}`), { name: fault!.error });
    if (fault && fault.times > 0 && !fault.after) {
      fault.times--;
      throw fail();
    }
    const result = await real(event);
    if (fault && fault.times > 0 && fault.after) {
      fault.times--;
      throw fail();
    }
    return result;
  };
}
