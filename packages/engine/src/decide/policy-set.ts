/**
 * A loaded, checked policy set, ready to decide. Built once; `decide` is then pure: the same
 * facts and the same policy hash give the same decision. Fails closed: facts it cannot check,
 * an unknown point or an engine error reject the promise; nothing is ever returned for them.
 */
import type { Engine } from 'json-rules-engine';
import { compilePredicate, createExplainerCache, explainFailure, type ExplainerCache, type Predicate } from '../compile/predicate.js';
import { conditionKeys, namedConditions } from '../compile/keys.js';
import { buildRulesEngine } from '../compile/rules-engine.js';
import { closest, diagnostic, listOf, PolicyError } from '../diagnostics.js';
import type { ConditionNode, PointModel, PolicySetModel } from '../model.js';
import { assembleDecision, basisIndex, type BasisEntry, type Decision } from './decision.js';
import { createFactsValidator, type FactRecord, type FactsValidator, shownText } from './facts.js';

/** How a policy set evaluates conditions: compiled predicates (the default), or json-rules-engine itself (the reference). */
export type EvaluatorKind = 'compiled' | 'json-rules-engine';

/** Options of one decision. */
export interface DecideOptions {
  /** Leave out the per-condition explanation of rules that did not hold (faster). */
  explain?: boolean;
}

interface CompiledPoint {
  model: PointModel;
  named: Map<string, ConditionNode>;
  predicates: Map<string, Predicate>;
  /** Explanations of failed conditions, compiled once per point. */
  explained: ExplainerCache;
  /** Built on the first decision on the json-rules-engine path. */
  engine?: Promise<Engine>;
}

const policySetBrand = Symbol.for('@vot/engine.PolicySet');

/**
 * A checked policy set, compiled once and ready to decide many times. `decide(point, facts)`
 * checks the facts against the vocabulary (fail closed: unknown, missing or out-of-domain facts
 * reject with a {@link PolicyError}) and returns the {@link Decision}, its basis and its trace.
 */
export class PolicySet {
  /** Every package entry bundles this class; `instanceof` holds for a set made by any of them. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[policySetBrand] === true;
  }

  declare readonly [policySetBrand]: true;
  readonly model: PolicySetModel;
  readonly evaluator: EvaluatorKind;
  private readonly compiled = new Map<string, CompiledPoint>();
  private readonly validator: FactsValidator;
  private readonly basis: Map<string, BasisEntry>;

  constructor(model: PolicySetModel, options: { evaluator?: EvaluatorKind } = {}) {
    Object.defineProperty(this, policySetBrand, { value: true });
    this.model = model;
    this.evaluator = options.evaluator ?? 'compiled';
    this.validator = createFactsValidator(model.facts);
    this.basis = basisIndex(model);
    for (const point of model.points) {
      const named = namedConditions(point);
      const cache = new Map<string, Predicate>();
      const predicates = new Map<string, Predicate>();
      for (const { key, condition } of conditionKeys(point)) predicates.set(key, compilePredicate(condition, named, cache));
      const entry: CompiledPoint = { model: point, named, predicates, explained: createExplainerCache(named) };
      this.compiled.set(point.id, entry);
    }
  }

  /** The decision points, in the order of policy-set.yaml. */
  get points(): string[] {
    return this.model.points.map((p) => p.id);
  }

  get policy(): { name: string; version: string; hash: string } {
    return { name: this.model.name, version: this.model.version, hash: this.model.hash };
  }

  private point(pointId: unknown): CompiledPoint {
    const entry = typeof pointId === 'string' ? this.compiled.get(pointId) : undefined;
    if (!entry) {
      const name = typeof pointId === 'string' ? shownText(pointId, 80) : `(a ${typeof pointId})`;
      const suggestion = typeof pointId === 'string' && pointId.length <= 80 ? closest(pointId, this.points) : undefined;
      throw new PolicyError(`unknown decision point \`${name}\``, [
        diagnostic({
          code: 'unknown-point',
          args: { point: name },
          expected: listOf(this.points),
          help: suggestion ? `did you mean \`${suggestion}\`?` : undefined,
        }),
      ]);
    }
    return entry;
  }

  /** Checks and completes facts for a point, or throws a PolicyError naming each bad fact. */
  validateFacts(pointId: string, facts: unknown): FactRecord {
    const point = this.point(pointId);
    const result = this.validator.validate(point.model, facts);
    if (!result.facts) {
      const first = result.diagnostics[0]!;
      throw new PolicyError(`facts refused for point \`${point.model.id}\`: ${first.message}`, result.diagnostics);
    }
    return result.facts;
  }

  /** Decides with already validated, complete facts on the compiled path (for analysis tools). */
  decideValidated(pointId: string, facts: FactRecord, options: DecideOptions = {}): Decision {
    const point = this.point(pointId);
    // Closures passed inline, not bound to names: transpilers that keep function names would
    // otherwise wrap each one in a naming helper on every decision.
    return assembleDecision(
      this.model,
      point.model,
      (key) => point.predicates.get(key)!(facts),
      this.basis,
      options.explain === false ? null : (rule) => (rule.when ? explainFailure(rule.when, facts, point.named, point.explained) : []),
      facts,
    );
  }

  /** Validates the facts, then decides on the configured evaluation path. */
  decideSync(pointId: string, facts: unknown, options: DecideOptions = {}): Decision {
    if (this.evaluator !== 'compiled') {
      throw new PolicyError('decideSync needs the compiled evaluator; use decide()', []);
    }
    return this.decideValidated(pointId, this.validateFacts(pointId, facts), options);
  }

  async decide(pointId: string, facts: unknown, options: DecideOptions = {}): Promise<Decision> {
    const record = this.validateFacts(pointId, facts);
    const point = this.point(pointId);
    if (this.evaluator === 'compiled') return this.decideValidated(pointId, record, options);
    // The record is this call's own (the validator builds it), so the engine may read it as is.
    point.engine ??= buildRulesEngine(this.model, point.model);
    const result = await (await point.engine).run(record);
    const held = new Set<string>(result.events.map((event) => String(event.params?.key)));
    return assembleDecision(
      this.model,
      point.model,
      (key) => held.has(key),
      this.basis,
      options.explain === false ? null : (rule) => (rule.when ? explainFailure(rule.when, record, point.named, point.explained) : []),
    );
  }
}
