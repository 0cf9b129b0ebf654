/**
 * Seeded pseudo-random numbers for tests that explore (a linear congruential generator): the
 * same seed gives the same run, so a failure names its seed and can be replayed.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Object.assign(next, {
    /** A whole number in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  });
}

/** The seed of a run: `SEED=<n>` replays one; otherwise a fresh one (print it). */
export const runSeed = (env: string | undefined) => (env && /^\d+$/.test(env) ? Number(env) : Math.floor(Math.random() * 2 ** 31));
