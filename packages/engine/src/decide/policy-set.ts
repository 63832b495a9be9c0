/**
 * A loaded, checked policy set, ready to decide. Built once; `decide` is then pure: the same
 * facts, date and policy hash give the same decision. Fails closed: facts it cannot check,
 * an unknown point, a date the point does not cover or an engine error reject the promise;
 * nothing is ever returned for them.
 */
import type { Engine } from 'json-rules-engine';
import { compilePredicate, createExplainerCache, explainFailure, type ExplainerCache, type Predicate } from '../compile/predicate.js';
import { conditionKeys, namedConditions } from '../compile/keys.js';
import { buildRulesEngine } from '../compile/rules-engine.js';
import { closest, diagnostic, listOf, PolicyError } from '../diagnostics.js';
import { hostValueCheck, expectedValue } from '../fact-types/index.js';
import type { ConditionNode, PointModel, PolicySetModel } from '../model.js';
import { describeContext, type DescribeContext } from '../describe/condition.js';
import { createPointExplainer, type PointExplainer } from '../explain/alternatives.js';
import { dateOf, isIsoDate } from '../time/calendar.js';
import { inWindow, lastDay } from '../time/windows.js';
import { assembleDecision, basisIndex, type BasisEntry, type DecidedOutcome, type Decision } from './decision.js';
import { createFactsValidator, type FactRecord, type FactsValidator, shownText } from './facts.js';
import { deepFreeze } from './freeze.js';

/** How a policy set evaluates conditions: compiled predicates (the default), or json-rules-engine itself (the reference). */
export type EvaluatorKind = 'compiled' | 'json-rules-engine';

/** Options of one decision. */
export interface DecideOptions {
  /**
   * `true`: also give each outcome its `alternatives`, the smallest changes of the facts that
   * would give it another status (why not). `false`: leave out the per-condition explanation of
   * rules that did not hold in the trace (faster). Unset: the trace explains, no alternatives.
   */
  explain?: boolean;
  /**
   * The date to decide for (`YYYY-MM-DD`) when the facts do not give one (the decision-date fact,
   * e.g. `incidentDate`, wins); without either, today. `decision.date` says which was used.
   */
  date?: string;
}

/** Options of a policy set. */
export interface PolicySetOptions {
  evaluator?: EvaluatorKind;
  /** The clock "today" is read from (the host's local date); tests inject a fixed one. */
  clock?: () => Date;
}

interface CompiledPoint {
  model: PointModel;
  named: Map<string, ConditionNode>;
  predicates: Map<string, Predicate>;
  /** The same predicates in the order of `conditionKeys(point)`, for `Holds` by slot. */
  bySlot: Predicate[];
  /** Explanations of failed conditions, compiled once per point. */
  explained: ExplainerCache;
  /** Built on the first decision on the json-rules-engine path. */
  engine?: Promise<Engine>;
  /**
   * The last run queued on that engine. json-rules-engine keeps one run status per Engine: a run
   * that finishes while another is starting makes the other skip every rule, an empty decision.
   * So runs on one engine go one at a time.
   */
  running?: Promise<unknown>;
  /** Built on the first decision with `explain: true`. */
  explainer?: PointExplainer;
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
  /** The checked model, deep-frozen: changing it is impossible, so it always is what decides and what its hash names. */
  readonly model: PolicySetModel;
  readonly evaluator: EvaluatorKind;
  private readonly compiled = new Map<string, CompiledPoint>();
  private readonly validator: FactsValidator;
  private readonly basis: Map<string, BasisEntry>;
  private readonly clock: () => Date;
  private readonly dateFits: (value: unknown) => boolean;
  private describe?: DescribeContext;
  /** The local day `today()` last worked out: its first and its next day's first millisecond. */
  private day?: { start: number; end: number; date: string };

  constructor(model: PolicySetModel, options: PolicySetOptions = {}) {
    Object.defineProperty(this, policySetBrand, { value: true });
    // Frozen in place, before anything is compiled from it: whoever holds the model (the host
    // that passed it, or anyone reading `policies.model`) can no longer change what decides.
    this.model = deepFreeze(model);
    this.evaluator = options.evaluator ?? 'compiled';
    this.clock = options.clock ?? (() => new Date());
    const dateFact = model.facts.find((fact) => fact.id === model.decisionDate);
    this.dateFits = dateFact ? hostValueCheck(dateFact, 10) : isIsoDate;
    this.validator = createFactsValidator(model.facts);
    this.basis = basisIndex(model);
    for (const point of model.points) {
      const named = namedConditions(point);
      const cache = new Map<string, Predicate>();
      const predicates = new Map<string, Predicate>();
      const bySlot: Predicate[] = [];
      for (const { key, condition } of conditionKeys(point)) {
        const predicate = compilePredicate(condition, named, cache);
        predicates.set(key, predicate);
        bySlot.push(predicate);
      }
      const entry: CompiledPoint = { model: point, named, predicates, bySlot, explained: createExplainerCache(named) };
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
    return this.checkFacts(pointId, facts).record;
  }

  /** The complete record to decide on, and the facts as given (read once, as checked), or a PolicyError. */
  private checkFacts(pointId: string, facts: unknown): { record: FactRecord; given: FactRecord } {
    const point = this.point(pointId);
    const result = this.validator.validate(point.model, facts);
    if (!result.facts || !result.given) {
      const first = result.diagnostics[0]!;
      throw new PolicyError(`facts refused for point \`${point.model.id}\`: ${first.message}`, result.diagnostics);
    }
    return { record: result.facts, given: result.given };
  }

  /**
   * The date a decision is made for: the decision-date fact when the facts give it, else the
   * `date` option, else today; written into the record as that fact, so the rules' windows are
   * tested against it. A malformed option is refused (the fact itself was checked with the facts).
   */
  private decisionDate(record: FactRecord, options: DecideOptions): string {
    const fact = this.model.decisionDate;
    const given = fact === undefined ? null : record[fact];
    if (typeof given === 'string') return given;
    const date = options.date ?? this.today();
    if (!this.dateFits(date)) {
      const shown = typeof date === 'string' ? shownText(date) : String(date);
      const dateFact = this.model.facts.find((f) => f.id === fact);
      throw new PolicyError(`the date to decide for, \`${shown}\`, is not a date the policies accept`, [
        diagnostic({ code: 'invalid-decision-date', args: { value: shown }, expected: dateFact ? expectedValue(dateFact) : undefined }),
      ]);
    }
    if (fact !== undefined) record[fact] = date;
    return date;
  }

  /**
   * Today's date by the clock, in the host's local time. The clock is read on every decision;
   * its date is worked out again only when the time leaves the day last worked out.
   */
  private today(): string {
    const time = this.clock();
    const at = time.getTime();
    const day = this.day;
    if (day !== undefined && at >= day.start && at < day.end) return day.date;
    const date = dateOf(time);
    // Local midnight by setHours, not by the Date constructor, which reads years 0–99 as 1900–1999.
    const midnight = new Date(at);
    const start = midnight.setHours(0, 0, 0, 0);
    midnight.setDate(midnight.getDate() + 1);
    const end = midnight.getTime();
    // A clock that is not a valid date gets no cache; `dateOf` gave what the date check refuses.
    if (Number.isFinite(start) && Number.isFinite(end)) this.day = { start, end, date };
    return date;
  }

  /** Refuses a date outside the dates the point covers: never an empty decision. */
  private covered(point: PointModel, date: string): void {
    const covers = point.covers;
    if (!covers || inWindow(covers, date)) return;
    const before = covers.from !== undefined && date < covers.from;
    const problem = before
      ? diagnostic({ code: 'date-before-point', args: { date, point: point.id, from: covers.from! } })
      : diagnostic({ code: 'date-after-point', args: { date, point: point.id, last: lastDay(covers)! } });
    throw new PolicyError(problem.message, [problem]);
  }

  /**
   * Decides with already validated, complete facts on the compiled path (for analysis tools): the
   * date is resolved as for `decide`, but a date the point does not cover is not refused (its
   * outcomes are left out as not in force).
   */
  decideValidated(pointId: string, facts: FactRecord, options: DecideOptions = {}): Decision {
    // The caller keeps its record (analysis reuses one): the decision keeps a copy of it, and
    // the date is written into a copy of its own.
    const given = Object.assign(Object.create(null) as FactRecord, facts);
    const record = this.model.decisionDate !== undefined && typeof facts[this.model.decisionDate] !== 'string' ? { ...facts } : facts;
    return this.decideChecked(pointId, record, given, this.decisionDate(record, options), options);
  }

  /** Decides on the compiled path with checked facts (`record`, with the date) and the facts as given. */
  private decideChecked(pointId: string, record: FactRecord, given: FactRecord, date: string, options: DecideOptions): Decision {
    const point = this.point(pointId);
    // Closures passed inline, not bound to names: transpilers that keep function names would
    // otherwise wrap each one in a naming helper on every decision.
    return assembleDecision(
      this.model,
      point.model,
      (key, slot) => (slot === undefined ? point.predicates.get(key)! : point.bySlot[slot]!)(record),
      this.basis,
      options.explain === false ? null : (rule) => (rule.when ? explainFailure(rule.when, record, point.named, point.explained) : []),
      date,
      given,
      options.explain === true ? (outcomes) => this.addAlternatives(point, outcomes, record) : undefined,
      record,
    );
  }

  /** Why not: the alternatives of every outcome (explain/alternatives.ts), with the compiled predicates on either path. */
  private addAlternatives(point: CompiledPoint, outcomes: DecidedOutcome[], facts: FactRecord): void {
    this.describe ??= describeContext(this.model);
    point.explainer ??= createPointExplainer(this.model, point.model, (key) => point.predicates.get(key)!, point.named, this.describe);
    point.explainer.explain(outcomes, facts);
  }

  /** Validates the facts and the date, then decides on the configured evaluation path. */
  decideSync(pointId: string, facts: unknown, options: DecideOptions = {}): Decision {
    if (this.evaluator !== 'compiled') {
      throw new PolicyError('decideSync needs the compiled evaluator; use decide()', []);
    }
    const { record, given } = this.checkFacts(pointId, facts);
    const date = this.decisionDate(record, options);
    this.covered(this.point(pointId).model, date);
    return this.decideChecked(pointId, record, given, date, options);
  }

  async decide(pointId: string, facts: unknown, options: DecideOptions = {}): Promise<Decision> {
    const { record, given } = this.checkFacts(pointId, facts);
    const point = this.point(pointId);
    const date = this.decisionDate(record, options);
    this.covered(point.model, date);
    if (this.evaluator === 'compiled') return this.decideChecked(pointId, record, given, date, options);
    // The record is this call's own (the validator builds it), so the engine may read it as is.
    const engine = (point.engine ??= buildRulesEngine(this.model, point.model));
    const run = (point.running ?? Promise.resolve()).then(async () => (await engine).run(record));
    point.running = run.catch(() => undefined);
    const result = await run;
    const held = new Set<string>(result.events.map((event) => String(event.params?.key)));
    return assembleDecision(
      this.model,
      point.model,
      (key) => held.has(key),
      this.basis,
      options.explain === false ? null : (rule) => (rule.when ? explainFailure(rule.when, record, point.named, point.explained) : []),
      date,
      given,
      options.explain === true ? (outcomes) => this.addAlternatives(point, outcomes, record) : undefined,
      // No record: the reference path evaluates every scope, so the differential and scope-index
      // tests hold the compiled path's index to it.
    );
  }
}
