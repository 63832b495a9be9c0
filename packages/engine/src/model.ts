/**
 * The checked policy set: every reference resolved, settings folded in, conditions as a small
 * AST with source positions. Plain JSON-serialisable data, so it can be bundled at build time
 * and evaluated without parsing YAML.
 */
/** A language a person reads: Norwegian bokmål, English or Danish. */
export type Lang = 'nb' | 'en' | 'da';
/** A text a person reads, by language (`{ nb, en }`, `da` where the organisation is Danish). */
export type Text = Partial<Record<Lang, string>>;
/** The value of one fact or setting: an enum value, a number, a yes/no, or null for "none". */
export type FactValue = string | number | boolean | null;
import type { ValueDomain } from './fact-types/index.js';
import type { Location } from './location.js';
import type { ExpectedStatus, LiveStatus, Status } from './status.js';
import type { Window } from './time/windows.js';

export type { Window } from './time/windows.js';

export type { ExpectedStatus, Status } from './status.js';

export type { Location } from './location.js';

/** A fact of the vocabulary: its type and finite domain (enum `values`, integer `min`/`max`; see fact-types/), default and title. */
export type FactModel = FactCommon & ValueDomain;

/** What every fact has, whatever its type. */
interface FactCommon {
  id: string;
  /** Whether an absent fact takes `default` (null when the default is `none`). */
  hasDefault: boolean;
  default?: FactValue;
  title: Text;
  description?: Text;
  /**
   * Whether a why-not explanation (`decide(…, { explain: true })`) may change the fact:
   * `fixed` for who the parties are, `vary` (also when absent) for what happened and what has been done.
   */
  explain?: 'vary' | 'fixed';
  at: Location;
  /** Titles of values (enum values) as a reader sees them, where the vocabulary gives them. */
  valueTitles?: Record<string, Text>;
}

/** A numeric limit an outcome may carry (`maxWeeks`), with what it means. */
export interface LimitModel {
  id: string;
  title: Text;
  at: Location;
}

/** An outcome id of the vocabulary (a reaction, a report, a measure …) with its title. */
export interface OutcomeModel {
  id: string;
  group: string;
  title: Text;
  description?: Text;
  at: Location;
}

/** An entry of the sources catalogue that a `basis` cites: act or guideline, section, URL, whether verified. */
export interface SourceModel {
  id: string;
  type: string;
  citation: string;
  title?: Text;
  act?: string;
  document?: string;
  section?: string;
  paragraph?: number;
  number?: number;
  letter?: string;
  url?: string;
  date?: string;
  seed?: string;
  lines?: string;
  jurisdiction?: 'NO' | 'DK';
  verified: boolean;
  /** When the source is in force (absent: on every date); a rule citing it applies only then. */
  inForce?: Window;
  /** The European Legislation Identifier of a statute or regulation. */
  eli?: string;
  /** The date of the consolidated text that was read (YYYY-MM-DD). */
  consolidation?: string;
  note?: Text;
  at: Location;
}

/** A value left to local choice: its domain (one of the fact types), default, the value in force and its basis. */
export type SettingModel = SettingCommon & ValueDomain;

/** What every setting has, whatever its type. */
interface SettingCommon {
  id: string;
  default: FactValue;
  /** The value in force for this policy set (the default unless the host set another). */
  value: FactValue;
  title: Text;
  description?: Text;
  basis: string[];
  at: Location;
}

/** How a condition's test compares a fact with its value. */
export type CompareOperator = 'eq' | 'ne' | 'in' | 'notIn' | 'gte' | 'lte' | 'gt' | 'lt';

/** A checked condition: a constant, a test of one fact, `all`/`any`/`not`, or a named condition. */
export type ConditionNode =
  | { kind: 'const'; value: boolean /** what the reviewer wrote: `always`, or a folded setting test */; origin: string; at?: Location }
  | {
      kind: 'test';
      fact: string;
      op: CompareOperator;
      value: FactValue | FactValue[] /** the setting a number came from */;
      setting?: string;
      /** Set on the tests the checker added for a rule's `inForce` window (see check/windows.ts). */
      window?: true;
      at?: Location;
    }
  | { kind: 'all' | 'any'; items: ConditionNode[]; at?: Location }
  | { kind: 'not'; item: ConditionNode; at?: Location }
  | { kind: 'ref'; name: string /** `<policy>/<name>`, unique in the set */; qualified: string; at?: Location };

/** Something an outcome requires (a hearing, a decision by a manager …), with the condition it applies under. */
export interface RequirementModel {
  id: string;
  /** Null when the requirement always applies with its rule. */
  when: ConditionNode | null;
  /** Key of the compiled condition, when there is one. */
  key: string | null;
}

/** One rule of an outcome: when it holds, the status it gives, with requirements, limits, basis and reason. */
export interface RuleModel {
  /** Unique in the set: `<policy>/<outcome>#<n>` (1-based), or `<policy>/<outcome>#otherwise`. */
  key: string;
  id?: string;
  outcome: string;
  policy: string;
  /** Null for `otherwise`. */
  when: ConditionNode | null;
  status: Status;
  requires: RequirementModel[];
  limits: Record<string, number>;
  /** The setting each limit was taken from, by limit name (the regulation gate checks its whole range). */
  limitSettings?: Record<string, string>;
  /** Effective basis: the outcome's sources, then the rule's own. */
  basis: string[];
  /**
   * When the rule is in force: its own `inForce` within its policy's. The checker has already
   * added the window to `when` as a test of the decision-date fact, so evaluation needs nothing
   * else; this field is for the checker's time pass, the book and the diff.
   */
  inForce?: Window;
  reason: Text;
  note?: Text;
  at: Location;
}

/** An outcome as a decision point decides it: its rules in order and what holds otherwise. */
export interface PointOutcomeModel {
  id: string;
  policy: string;
  track?: string;
  title?: Text;
  note?: Text;
  rules: RuleModel[];
  /** Null for `otherwise: omit`. */
  otherwise: RuleModel | null;
  /** Set on an outcome of an overriding policy that replaces a shared one: the shared policy. */
  overrides?: string;
  /** Set on a shared outcome: the policies that replace it where their scope holds, in file order. */
  overriddenBy?: string[];
  at: Location;
}

/** A named track that groups the outcomes of a policy (e.g. one per kind of measure). */
export interface TrackModel {
  id: string;
  title: Text;
  description?: Text;
}

/** A checked policy document: the point it decides, its scope, tracks and named conditions. */
export interface PolicyModel {
  id: string;
  point: string;
  title: Text;
  description?: Text;
  note?: Text;
  ordering: 'least-intrusive-first' | 'as-listed';
  /** Null when the policy always applies. */
  scope: ConditionNode | null;
  /** Key of the compiled scope condition: `<policy>/scope`. */
  scopeKey: string;
  /** The shared policy this one overrides (`overrides:`), if any. */
  overrides?: string;
  /** When the policy is in force (its rules' windows lie inside it). */
  inForce?: Window;
  tracks: TrackModel[];
  conditions: Array<{ name: string; qualified: string; title?: Text; when: ConditionNode; at: Location }>;
  file: string;
  at: Location;
}

/** A decision point: the question a host asks, its policies and outcomes, and the facts it reads. */
export interface PointModel {
  id: string;
  title: Text;
  question: Text;
  policies: PolicyModel[];
  /** In decision order: policies by file, outcomes as listed. */
  outcomes: PointOutcomeModel[];
  /** Every fact the point's conditions read. */
  reads: string[];
  /** Facts the point reads that have no default: a decision without them is refused. */
  requiredFacts: string[];
  /**
   * The dates on which some rule of the point is in force, from the earliest to the latest; a
   * decision for a date outside is refused. Absent when some rule has no window at either end.
   */
  covers?: Window;
}

/** A reviewer's scenario test: facts, the expected outcomes and the source of the expectation. */
export interface ScenarioModel {
  name: string;
  point: string;
  facts: Record<string, FactValue>;
  expect: Record<string, { status: Status | 'absent'; requires?: string[]; limits?: Record<string, number> }>;
  source: string;
  at: Location;
}

/** The checked policy set: plain JSON data that a bundle carries and `PolicySet` decides with. */
export interface PolicySetModel {
  name: string;
  version: string;
  title: Text;
  description?: Text;
  languages: Lang[];
  /** sha256 of the policy texts (and settings in force) that this model was built from. */
  hash: string;
  points: PointModel[];
  facts: FactModel[];
  outcomes: OutcomeModel[];
  /** The limits outcomes may carry, with their titles (vocabulary `limits`). */
  limits: LimitModel[];
  sources: SourceModel[];
  settings: SettingModel[];
  scenarios: ScenarioModel[];
  /** Catalogues of legal duties (`kind: duties`), checked by the regulation gate (analyze/gate.ts). */
  duties: DutyCatalogueModel[];
  /** The fact that carries the date a decision is made for (`type: date`, `default: decision-date`), if declared. */
  decisionDate?: string;
  /**
   * Documents of kinds the core does not interpret, kept for analysis tools. Empty today (duty
   * catalogues are checked into `duties`); kept because the bundle format and its hash include it.
   */
  extraDocuments: Array<{ kind: string; file: string; data: unknown }>;
}

/** What a duty's invariant expects of a decision. */
export type DutyExpectation =
  /** The outcome has one of `statuses`; `atLeast` is set when the reviewer wrote the weakest status accepted instead. */
  | { kind: 'status'; outcome: string; statuses: ExpectedStatus[]; atLeast?: LiveStatus }
  | { kind: 'any-of'; outcomes: string[]; statuses: ExpectedStatus[]; atLeast?: LiveStatus }
  /** Whenever the outcome is live (required, recommended or permitted) it carries `limit`, at most `atMost`. */
  | { kind: 'limit'; outcome: string; limit: string; atMost: number }
  /** Whenever the outcome is live its requires include `ids`. */
  | { kind: 'requires'; outcome: string; ids: string[] };

/** One side of two points that must agree: a point decided with some facts fixed, and what one outcome must have there. */
export interface AgreeSideModel {
  point: string;
  /** Facts fixed on this side only; every other fact is the same on both sides. */
  with: Record<string, FactValue>;
  outcome: string;
  /** All of these hold of `outcome` (a status expectation, a requires expectation, or both). */
  expect: DutyExpectation[];
}

/** One machine-checkable obligation of a duty: an invariant over decisions, a coverage requirement, or two points that agree. */
export type DutyObligationModel =
  | { kind: 'invariant'; point: string; when: ConditionNode | null; expect: DutyExpectation; at: Location }
  | { kind: 'coverage'; cites: string; point?: string; at: Location }
  /**
   * For every combination where `when` holds and the premise (YAML `if`) meets its expectation,
   * the conclusion (YAML `then`) meets its own.
   */
  | { kind: 'agree'; when: ConditionNode | null; premise: AgreeSideModel; conclusion: AgreeSideModel; at: Location };

/** A legal duty with its basis and the obligations the regulation gate checks. */
export interface DutyModel {
  id: string;
  catalogue: string;
  title: Text;
  description?: Text;
  basis: string[];
  /** When the duty is in force: the gate checks it in the periods inside this window only. */
  inForce?: Window;
  obligations: DutyObligationModel[];
  at: Location;
}

/** A catalogue of legal duties (`kind: duties`), with the scope it applies to. */
export interface DutyCatalogueModel {
  id: string;
  title: Text;
  description?: Text;
  jurisdiction: 'NO' | 'DK';
  /** Null when the catalogue applies to every fact combination. */
  scope: ConditionNode | null;
  file: string;
  duties: DutyModel[];
  at: Location;
}
