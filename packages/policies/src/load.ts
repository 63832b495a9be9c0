/** `loadPolicies()`: the bundled policy set from its prebuilt bundle, or a policy folder from YAML. */
import { readFile } from 'node:fs/promises';
import {
  diagnostic,
  parseBundle,
  PolicyError,
  PolicySet,
  type DecidedOutcome,
  type DecideOptions,
  type Decision,
  type EvaluatorKind,
  type FactValue,
} from '@vot/engine/runtime';
import type { FactsOf, OutcomeOf, Point, StatusOf } from './generated/facts.js';
import { bundledPolicyDir, bundleFile, isBuiltPackage } from './location.js';

/** Options of loading the bundled policies. */
export interface BundledPoliciesOptions {
  /** Local choices within their allowed ranges, e.g. `{ 'exclusion.max-weeks': 8 }` (loads the bundled YAML). */
  settings?: Readonly<Record<string, FactValue>>;
  /** `compiled` (default, fast) or `json-rules-engine` (the reference semantics). */
  evaluator?: EvaluatorKind;
}

/** Options of loading policies, the bundled set or another policy folder (`dir`). */
export interface LoadPoliciesOptions extends BundledPoliciesOptions {
  /** Another policy folder (reviewers, tests); default: the bundled policies. */
  dir?: string;
}

/**
 * An outcome of point `P` of the bundled policies: checking its `id` narrows its `status` to the
 * statuses that outcome can have (`leader-follow-up` can be `recommended`, say).
 */
export type TypedOutcome<P extends Point> = P extends Point
  ? { [O in OutcomeOf<P>]: Omit<DecidedOutcome, 'id' | 'status'> & { id: O; status: StatusOf<P, O> } }[OutcomeOf<P>]
  : never;

/** A decision of the bundled policies, with the outcome ids of its point and the statuses of each. */
export type TypedDecision<P extends Point> = Omit<Decision, 'point' | 'outcomes'> & {
  point: P;
  outcomes: Array<TypedOutcome<P>>;
};

/** The bundled policy set, with `decide` checked against the vocabulary by the host's compiler. */
export interface Policies extends PolicySet {
  decide<P extends Point>(point: P, facts: FactsOf<P>, options?: DecideOptions): Promise<TypedDecision<P>>;
  decideSync<P extends Point>(point: P, facts: FactsOf<P>, options?: DecideOptions): TypedDecision<P>;
}

async function readBundledModel(evaluator: EvaluatorKind | undefined): Promise<PolicySet> {
  const file = bundleFile();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    throw new PolicyError(`the policy bundle ${file} is not usable: ${reason}`, [
      diagnostic({ code: 'bundle-invalid', file, args: { reason } }),
    ]);
  }
  return new PolicySet(parseBundle(text, file), { evaluator });
}

/**
 * Loads the policies once; decide with the returned set many times. Without `dir` or
 * `settings`, an installed package reads its prebuilt bundle and verifies its hashes (no YAML
 * parsing at start-up); the workspace sources load the YAML. Rejects with a `PolicyError`.
 */
export function loadPolicies(options?: BundledPoliciesOptions & { dir?: undefined }): Promise<Policies>;
export function loadPolicies(options: LoadPoliciesOptions): Promise<PolicySet>;
export async function loadPolicies(options: LoadPoliciesOptions = {}): Promise<PolicySet> {
  const { dir, settings, evaluator } = options;
  const withSettings = settings !== undefined && Object.keys(settings).length > 0;
  if (dir === undefined && !withSettings && isBuiltPackage()) return readBundledModel(evaluator);
  // Loading YAML needs the whole engine (yaml, zod, the checker): imported only on this path.
  const { loadPolicySet } = await import('@vot/engine');
  return loadPolicySet(dir ?? bundledPolicyDir(), { settings, evaluator });
}
