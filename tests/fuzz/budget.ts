/**
 * Shared settings of the fuzzers. CI runs the base counts; `pnpm fuzz:long` multiplies them
 * (FUZZ_SCALE, default 20 there) and a failure prints the seed and path to replay it
 * (FUZZ_SEED). Every case runs under a time budget: a hang detector, not a performance test —
 * the budget is hundreds of times what a case takes, and only an input that makes the loader
 * or decide() loop or blow up would exceed it.
 */
import fc from 'fast-check';

const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check parameters for a property with `base` runs in CI. */
export function fuzzParameters<T>(base: number): fc.Parameters<T> {
  return { numRuns: Math.round(base * scale), ...(seed === undefined ? {} : { seed }), endOnFailure: true };
}

/** Milliseconds one case may take before it counts as a hang. */
export const caseBudgetMs = 3_000;

/** Runs one case and fails it when it takes longer than the budget. */
export function withinBudget<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  if (elapsed > caseBudgetMs) throw new Error(`${what} took ${Math.round(elapsed)} ms, over the ${caseBudgetMs} ms hang budget`);
  return result;
}

/** The same for asynchronous work (decide). */
export async function withinBudgetAsync<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const elapsed = performance.now() - started;
  if (elapsed > caseBudgetMs) throw new Error(`${what} took ${Math.round(elapsed)} ms, over the ${caseBudgetMs} ms hang budget`);
  return result;
}

/** Own property names of Object.prototype now, to compare after a run: pollution shows up here. */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/** Fails when Object.prototype gained or lost a property since `before`, or an empty object has an inherited value. */
export function assertUnpolluted(before: readonly string[]): void {
  const now = prototypeNames();
  if (now.join(',') !== before.join(',')) throw new Error(`Object.prototype changed: ${now.filter((n) => !before.includes(n)).join(', ')}`);
  for (const key of ['polluted', 'isAdmin', 'status', 'kind']) {
    if (key in {}) throw new Error(`every object now inherits \`${key}\``);
  }
}
