import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { Schedule } from '#shared/schedules.ts';
import { lambdaContext } from './api-event.ts';
import type { LoadModule } from './handler-modules.ts';
import { LOCAL_REGION } from './emulators.ts';
import { LOCAL_ACCOUNT } from './workflows.ts';

/**
 * The local EventBridge: each scheduled function of shared/schedules.ts runs on a timer (its
 * `localEverySeconds`, first right after start), with the event a rule sends and the same handler
 * module as AWS. `run(name)` runs one now (after the run in flight, if any: runs of one schedule
 * never overlap here, as they may in AWS) and answers what the handler returned; the gateway
 * serves it at `POST /dev/run/<name>`, for tests and for trying things by hand.
 */
export interface LocalSchedules {
  readonly names: readonly string[];
  run(name: string): Promise<unknown>;
  /** Stops the timers and waits for the runs in flight. */
  stop(): Promise<void>;
}

type Handler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export async function startSchedules(options: {
  schedules: readonly Schedule[];
  /** Where each schedule's handler module comes from (infra/local/function-bundles.ts). */
  modules: LoadModule;
  /** Runs each on its timer; false: only when asked (`run`). @default true */
  timers?: boolean;
  log?: (line: string) => void;
}): Promise<LocalSchedules> {
  const log = options.log ?? (() => {});
  const loaded = new Map<string, { schedule: Schedule; handler: Handler; queue: Promise<unknown>; timer?: NodeJS.Timeout }>();
  for (const schedule of options.schedules) {
    // Imported up front: a broken handler fails the start, as a deploy would.
    const module = (await options.modules(schedule.handler)) as { handler?: Handler };
    if (typeof module.handler !== 'function') throw new Error(`functions/${schedule.handler}.ts does not export a handler (schedule ${schedule.name})`);
    loaded.set(schedule.name, { schedule, handler: module.handler, queue: Promise.resolve() });
  }
  let stopping = false;

  const invoke = async (name: string) => {
    const entry = loaded.get(name)!;
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: LOCAL_ACCOUNT,
      time: new Date().toISOString(),
      region: LOCAL_REGION,
      resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${name}`],
      detail: {},
    };
    return entry.handler(event, lambdaContext(name, entry.schedule.timeoutSeconds * 1000));
  };

  const run = (name: string): Promise<unknown> => {
    const entry = loaded.get(name);
    if (!entry) return Promise.reject(new Error(`no schedule named "${name}" (shared/schedules.ts has ${[...loaded.keys()].join(', ')})`));
    const result = entry.queue.then(() => invoke(name));
    entry.queue = result.catch(() => undefined);
    return result;
  };

  const tick = (name: string) => {
    if (stopping) return;
    run(name).then(
      (result) => {
        const line = summary(result);
        if (line) log(`${name}: ${line}`);
      },
      (error: unknown) => log(`${name} failed: ${(error as Error)?.message ?? String(error)}`),
    );
  };
  for (const [name, entry] of options.timers === false ? [] : loaded) {
    entry.timer = setInterval(() => tick(name), entry.schedule.localEverySeconds * 1000);
    entry.timer.unref();
    tick(name);
  }

  return {
    names: [...loaded.keys()],
    run: (name) => (stopping ? Promise.reject(new Error('the local schedules are stopping')) : run(name)),
    async stop() {
      stopping = true;
      for (const entry of loaded.values()) clearInterval(entry.timer);
      await Promise.allSettled([...loaded.values()].map((entry) => entry.queue));
    },
  };
}

/** A run worth a line in the log: what it did (`actions` with counts above zero), else nothing. */
function summary(result: unknown): string | undefined {
  const actions = (result as { actions?: Record<string, number> } | undefined)?.actions;
  if (!actions) return undefined;
  const done = Object.entries(actions).filter(([, n]) => n > 0);
  return done.length ? done.map(([action, n]) => `${action} ${n}`).join(', ') : undefined;
}
