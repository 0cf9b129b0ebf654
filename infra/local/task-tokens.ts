import { randomBytes } from 'node:crypto';
import type { Outcome } from './execution-store.ts';
import { at } from './timer.ts';

/**
 * The task tokens of callback Tasks (`.waitForTaskToken`): each open token with its deadlines —
 * the Task's TimeoutSeconds and HeartbeatSeconds as epoch milliseconds, so that a token re-opened
 * after a restart keeps the time it had left (and one whose deadline passed meanwhile expires at
 * once) — and every token ever handed out, so that a closed one answers TaskTimedOut as in AWS.
 * What a token's end means for its execution is its owner's business (the runner: `settle`,
 * `heartbeat`), which closes it.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;

export const mintToken = () => randomBytes(48).toString('base64url');

export interface TokenDeadlines {
  timeoutAt?: number;
  heartbeatAt?: number;
  /** Scaled HeartbeatSeconds, in ms: how far each heartbeat moves `heartbeatAt`. */
  heartbeatMs?: number;
}

/** How a deadline ends a Task: the library's States.Timeout. */
export const TIMED_OUT: Outcome = { error: { name: 'States.Timeout', message: 'States.Timeout', timeout: true } };

export interface OpenToken {
  /** SendTaskSuccess/SendTaskFailure, or a deadline passed (TIMED_OUT). */
  settle(outcome: Outcome): void;
  /** A heartbeat moved the heartbeat deadline to `heartbeatAt`. */
  heartbeat(heartbeatAt: number): void;
}

export function createTaskTokens() {
  const open = new Map<string, OpenToken & { cancel: () => void; deadlines: TokenDeadlines }>();
  const issued = new Set<string>();

  const arm = (token: string, owner: OpenToken, deadlines: TokenDeadlines) => {
    const timers = [deadlines.timeoutAt, deadlines.heartbeatAt].filter((due): due is number => due !== undefined).map((due) => at(due, () => owner.settle(TIMED_OUT)));
    open.set(token, { ...owner, deadlines, cancel: () => timers.forEach((cancel) => cancel()) });
  };

  return {
    /** A token handed out before (kept on disk): closed unless opened. */
    remember(token: string) {
      issued.add(token);
    },
    open(token: string, deadlines: TokenDeadlines, owner: OpenToken) {
      issued.add(token);
      open.get(token)?.cancel();
      arm(token, owner, deadlines);
    },
    close(token: string) {
      open.get(token)?.cancel();
      open.delete(token);
    },
    settle(token: string, outcome: Outcome) {
      open.get(token)?.settle(outcome);
    },
    /** `open`, `closed` (handed out, no longer waited on) or `unknown`. */
    status: (token: string): 'open' | 'closed' | 'unknown' => (open.has(token) ? 'open' : issued.has(token) ? 'closed' : 'unknown'),
    /** SendTaskHeartbeat: the heartbeat deadline starts again. */
    heartbeat(token: string) {
      const entry = open.get(token);
      if (!entry?.deadlines.heartbeatMs) return;
      const deadlines = { ...entry.deadlines, heartbeatAt: Date.now() + entry.deadlines.heartbeatMs };
      entry.cancel();
      arm(token, entry, deadlines);
      entry.heartbeat(deadlines.heartbeatAt);
    },
    /** The runtime stops: no deadline fires any more (the tokens stay open on disk). */
    disarm() {
      for (const entry of open.values()) entry.cancel();
    },
  };
}
export type TaskTokens = ReturnType<typeof createTaskTokens>;
