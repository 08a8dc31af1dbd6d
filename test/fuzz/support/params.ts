/**
 * How much to fuzz, and from which seed. `npm test` runs a small, fixed-seed sample of every
 * property (the whole fuzz folder well under a minute on two busy cores); `npm run fuzz` runs many
 * more cases. Both read:
 *
 * - GOVCLOUD_FUZZ_SEED: the fast-check seed (default 20261201), so that a failure seen anywhere is
 *   replayed with the same seed (fast-check prints the seed and the counterexample path);
 * - GOVCLOUD_FUZZ_RUNS: cases for the cheapest property; the costlier ones run a fixed share of it.
 */
import * as fc from 'fast-check';

export const DEFAULT_SEED = 20261201;

function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}

export const SEED = positiveInt(process.env.GOVCLOUD_FUZZ_SEED, 'GOVCLOUD_FUZZ_SEED') ?? DEFAULT_SEED;
const LONG_RUNS = positiveInt(process.env.GOVCLOUD_FUZZ_RUNS, 'GOVCLOUD_FUZZ_RUNS');

/** Whether this is the long run (`npm run fuzz`). */
export const LONG = LONG_RUNS !== undefined;

/**
 * Cases for one property: `quick` inside `npm test`; in the long run GOVCLOUD_FUZZ_RUNS × `share`
 * (at least one), `share` reflecting what one case costs (a spawned `pr` far more than a load).
 */
export function runs(quick: number, share: number): number {
  return LONG_RUNS === undefined ? quick : Math.max(1, Math.round(LONG_RUNS * share));
}

/** Per-test time limit for jest: generous in the long run. */
export function timeoutMs(quickMs: number): number {
  return LONG ? 6 * 60 * 60 * 1000 : quickMs;
}

/** Counts cases and time per property, for the summary printed at the end of each file. */
export class Tally {
  private readonly rows: { name: string; cases: number; ms: number; outcomes: Map<string, number> }[] = [];
  private current: { name: string; cases: number; started: number; outcomes: Map<string, number> } | undefined;

  start(name: string): void {
    this.current = { name, cases: 0, started: Date.now(), outcomes: new Map() };
  }

  count(): void {
    if (this.current) this.current.cases++;
  }

  /** Counts what a case came to (`exit 0`, `exit 1`), to show what the generators reach. */
  outcome(what: string): void {
    if (this.current) this.current.outcomes.set(what, (this.current.outcomes.get(what) ?? 0) + 1);
  }

  stop(): void {
    if (!this.current) return;
    const { name, cases, outcomes } = this.current;
    this.rows.push({ name, cases, ms: Date.now() - this.current.started, outcomes });
    this.current = undefined;
  }

  summary(file: string): string {
    const cases = this.rows.reduce((n, r) => n + r.cases, 0);
    const ms = this.rows.reduce((n, r) => n + r.ms, 0);
    const rate = (c: number, t: number) => (t > 0 ? ((c * 1000) / t).toFixed(1) : '-');
    return [
      `fuzz ${file}: seed ${SEED}, ${cases} cases in ${(ms / 1000).toFixed(1)} s (${rate(cases, ms)} cases/s)`,
      ...this.rows.map(
        (r) =>
          `  ${r.name}: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s (${rate(r.cases, r.ms)}/s)` +
          (r.outcomes.size > 0
            ? `; ${[...r.outcomes]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, n]) => `${k}: ${n}`)
                .join(', ')}`
            : ''),
      ),
    ].join('\n');
  }
}

/** fast-check parameters of one property. */
export function params<T>(numRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns };
}
