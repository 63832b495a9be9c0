/**
 * Shared settings of the fuzzers. CI runs the base counts; `pnpm fuzz:long` multiplies them
 * (FUZZ_SCALE, default 20 there) and a failure prints the seed and path to replay it
 * (FUZZ_SEED). Every case runs under a time budget: a hang detector, not a performance test —
 * the budget is hundreds of times what a case takes, and only an input that makes the loader
 * or decide() loop or blow up would exceed it. The synchronous work of a case runs in a `vm`
 * script with a timeout, so even an endless loop is interrupted and reported as a failing case
 * instead of stalling the test run.
 */
import { createContext, Script } from 'node:vm';
import type fc from 'fast-check';

const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check parameters for a property with `base` runs in CI. */
export function fuzzParameters<T>(base: number): fc.Parameters<T> {
  return { numRuns: Math.round(base * scale), ...(seed === undefined ? {} : { seed }), endOnFailure: true };
}

/** Milliseconds one case may take before it counts as a hang. */
export const caseBudgetMs = 3_000;

const sandbox = createContext({ run: undefined as (() => unknown) | undefined, result: undefined as unknown });
const callRun = new Script('result = run()');

/** Runs `run` synchronously, interrupted when it exceeds the budget (an endless loop included). */
function interruptible<T>(what: string, run: () => T, budgetMs = caseBudgetMs): T {
  sandbox.run = run;
  sandbox.result = undefined;
  try {
    callRun.runInContext(sandbox, { timeout: budgetMs });
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new Error(`${what} did not finish within the ${budgetMs} ms hang budget`);
    throw error;
  } finally {
    sandbox.run = undefined;
  }
  const result = sandbox.result as T;
  sandbox.result = undefined;
  return result;
}

function checkElapsed(what: string, started: number): void {
  const elapsed = performance.now() - started;
  if (elapsed > caseBudgetMs) throw new Error(`${what} took ${Math.round(elapsed)} ms, over the ${caseBudgetMs} ms hang budget`);
}

/** Runs one case and fails it when it loops or takes longer than the budget. */
export function withinBudget<T>(what: string, run: () => T, budgetMs = caseBudgetMs): T {
  const started = performance.now();
  const result = interruptible(what, run, budgetMs);
  checkElapsed(what, started);
  return result;
}

/**
 * The same for asynchronous work (decide): the synchronous part — all of it on the compiled
 * path — is interruptible; what runs after the first await is measured.
 */
export async function withinBudgetAsync<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await interruptible(what, run);
  checkElapsed(what, started);
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
