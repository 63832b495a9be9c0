/** `loadPolicies()`: the bundled policy set from its prebuilt bundle, or a policy folder from YAML. */
import { readFile, stat } from 'node:fs/promises';
import {
  bundlePublicKeysFromEnvironment,
  diagnostic,
  parseBundle,
  parseBundlePublicKeys,
  PolicyError,
  PolicySet,
  signatureFileOf,
  verifyBundleSignature,
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
  /**
   * Ed25519 public keys (PEM, or base64 DER on one line): load only a bundle signed by one of
   * them (`vot bundle sign`), and refuse an unsigned or wrongly signed one. Default: the keys
   * in `VOT_BUNDLE_PUBLIC_KEYS` (separated by commas); none means the bundle is not checked
   * for a signature, only for its integrity hash.
   */
  publicKeys?: readonly string[];
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

/** The bundle is a few megabytes, its signature file a few hundred bytes. */
const maxBundleBytes = 64 * 1024 * 1024;
const maxSignatureBytes = 64 * 1024;

function bundleRefused(file: string, reason: string): PolicyError {
  return new PolicyError(`the policy bundle ${file} is not usable: ${reason}`, [
    diagnostic({ code: 'bundle-invalid', file, args: { reason } }),
  ]);
}

async function readBundledModel(evaluator: EvaluatorKind | undefined, publicKeys: readonly string[]): Promise<PolicySet> {
  const file = bundleFile();
  let bytes: Buffer;
  try {
    // Sized before it is read: the bundle is a few megabytes.
    const size = (await stat(file)).size;
    if (size > maxBundleBytes) throw bundleRefused(file, `it is ${size} bytes, more than ${maxBundleBytes}`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw bundleRefused(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (publicKeys.length > 0) {
    // The signature covers the exact bytes read, before anything in them is believed. A signature
    // file is a few hundred bytes; a larger one is not read, and the bundle counts as unsigned.
    const signatureFile = signatureFileOf(file);
    const signatureSize = await stat(signatureFile).then(
      (info) => info.size,
      () => undefined,
    );
    const signature =
      signatureSize !== undefined && signatureSize <= maxSignatureBytes
        ? await readFile(signatureFile, 'utf8').catch(() => undefined)
        : undefined;
    verifyBundleSignature(bytes, signature, parseBundlePublicKeys(publicKeys), file);
  }
  return new PolicySet(parseBundle(bytes.toString('utf8'), file), { evaluator });
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
  const publicKeys = options.publicKeys ?? bundlePublicKeysFromEnvironment(process.env.VOT_BUNDLE_PUBLIC_KEYS);
  if (dir === undefined && publicKeys.length > 0 && (withSettings || !isBuiltPackage())) {
    // The signature covers the bundle only: bundled YAML (for local settings, or in a source
    // checkout) is not signed, so with a key configured it is not loaded either.
    throw bundleRefused(
      bundleFile(),
      withSettings
        ? 'a public key is configured, and local settings would load the bundled YAML, which the signature does not cover'
        : 'a public key is configured, and this is a source checkout without a built, signed bundle',
    );
  }
  if (dir === undefined && !withSettings && isBuiltPackage()) return readBundledModel(evaluator, publicKeys);
  // Loading YAML needs the whole engine (yaml, zod, the checker): imported only on this path.
  const { loadPolicySet } = await import('@vot/engine');
  return loadPolicySet(dir ?? bundledPolicyDir(), { settings, evaluator });
}
