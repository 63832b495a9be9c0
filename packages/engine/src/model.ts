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
import type { ExpectedStatus, Status } from './status.js';

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
  sources: SourceModel[];
  settings: SettingModel[];
  scenarios: ScenarioModel[];
  /** Catalogues of legal duties (`kind: duties`), checked by the regulation gate (analyze/gate.ts). */
  duties: DutyCatalogueModel[];
  /**
   * Documents of kinds the core does not interpret, kept for analysis tools. Empty today (duty
   * catalogues are checked into `duties`); kept because the bundle format and its hash include it.
   */
  extraDocuments: Array<{ kind: string; file: string; data: unknown }>;
}

/** What a duty's invariant expects of a decision. */
export type DutyExpectation =
  | { kind: 'status'; outcome: string; statuses: ExpectedStatus[] }
  | { kind: 'any-of'; outcomes: string[]; statuses: ExpectedStatus[] }
  /** Whenever the outcome is required or permitted it carries `limit`, at most `atMost`. */
  | { kind: 'limit'; outcome: string; limit: string; atMost: number }
  /** Whenever the outcome is required or permitted its requires include `ids`. */
  | { kind: 'requires'; outcome: string; ids: string[] };

/** One machine-checkable obligation of a duty: an invariant over decisions or a coverage requirement. */
export type DutyObligationModel =
  | { kind: 'invariant'; point: string; when: ConditionNode | null; expect: DutyExpectation; at: Location }
  | { kind: 'coverage'; cites: string; point?: string; at: Location };

/** A legal duty with its basis and the obligations the regulation gate checks. */
export interface DutyModel {
  id: string;
  catalogue: string;
  title: Text;
  description?: Text;
  basis: string[];
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
