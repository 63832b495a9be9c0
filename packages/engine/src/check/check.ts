/**
 * Loaded documents → checked policy-set model, by named passes over one shared context
 * (context.ts), run in the order of `checkPasses`: each resolves one kind of reference and
 * registers what the later passes refer to. Every pass reports into the one reporter and goes on
 * after a problem, so a run lists every problem at once. The model is assembled from the
 * registries at the end; it is returned even with errors, for the caller to withhold.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedFolder } from '../load/folder.js';
import type { PolicySetModel } from '../model.js';
import { createContext, Reporter, type CheckContext, type CheckOptions } from './context.js';
import { checkDutyCatalogues } from './passes/duties.js';
import { checkNamedConditions } from './passes/named-conditions.js';
import { checkOverrides } from './passes/overrides.js';
import { checkPolicies } from './passes/policies.js';
import { checkPolicySetDocument } from './passes/policy-set.js';
import { checkScenarios } from './passes/scenarios.js';
import { checkSettings } from './passes/settings.js';
import { checkSources } from './passes/sources.js';
import { checkTime } from './passes/time.js';
import { checkVocabulary } from './passes/vocabulary.js';

export type { CheckOptions } from './context.js';

export interface CheckResult {
  model?: PolicySetModel;
  diagnostics: Diagnostic[];
}

export interface CheckPass {
  name: string;
  run(ctx: CheckContext): void;
}

/** The passes, in the order they run: each needs only what the ones above it registered. */
export const checkPasses: readonly CheckPass[] = [
  { name: 'vocabulary', run: checkVocabulary },
  { name: 'sources', run: checkSources },
  { name: 'settings', run: checkSettings },
  { name: 'policy set', run: checkPolicySetDocument },
  { name: 'named conditions', run: checkNamedConditions },
  { name: 'policies', run: checkPolicies },
  { name: 'overrides', run: checkOverrides },
  { name: 'time', run: checkTime },
  { name: 'scenarios', run: checkScenarios },
  { name: 'duties', run: checkDutyCatalogues },
];

export function checkPolicySet(loaded: LoadedFolder, options: CheckOptions): CheckResult {
  const reporter = new Reporter();
  const ctx = createContext(loaded, options, reporter);
  if (!ctx) return { diagnostics: reporter.diagnostics() };
  for (const pass of checkPasses) pass.run(ctx);

  const set = ctx.set.document;
  const model: PolicySetModel = {
    name: set.name,
    version: set.version,
    title: ctx.setTitle,
    languages: ctx.languages,
    hash: options.hash,
    points: ctx.points.values(),
    facts: ctx.facts.values(),
    outcomes: ctx.outcomes.values(),
    limits: ctx.limits.values(),
    sources: ctx.sources.values(),
    settings: ctx.settings.values(),
    scenarios: ctx.scenarios,
    duties: ctx.duties,
    extraDocuments: [],
  };
  if (set.description) model.description = set.description;
  if (ctx.decisionDate !== undefined) model.decisionDate = ctx.decisionDate;
  return { model, diagnostics: reporter.diagnostics() };
}
