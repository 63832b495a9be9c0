/**
 * The shape of one language's words: every status, label and sentence piece that the CLI, the
 * gate report, the diff, the replay and scenario reports, the policy book and the what-if page
 * print. Each language is one object of this type (nb.ts, en.ts, da.ts), so a word missing in
 * any language is a compile error, and adding a language is one file.
 *
 * Words hold no policy content: titles, reasons and notes come from the policy files.
 * Single-word labels are lower case as they stand inside a sentence; `capitalize` makes a
 * heading of them. Pieces that take values are functions, so each language orders them its way.
 */
import type { Lang } from '../model.js';
import { expectedStatuses, statuses, type ExpectedStatus, type Status } from '../status.js';

/** One word for each status of the closed set: a new status is one entry per language. */
export type StatusWords = Readonly<Record<Status, string>>;

/** A status word for each status, and one for an outcome the decision leaves out. */
export type ExpectedStatusWords = Readonly<Record<ExpectedStatus, string>>;

/** A fact's values as a reader sees them (the fact types use these for booleans and "not given"). */
export interface ValueWords {
  yes: string;
  no: string;
  /** An optional fact left without a value. */
  none: string;
}

/** Labels shared by the CLI, the reports and the book, lower case. */
export interface LabelWords {
  requires: string;
  limits: string;
  limit: string;
  basis: string;
  reason: string;
  note: string;
  rule: string;
  /** Before a rule key: "decided by rule reaction/exclusion#2". */
  byRule: string;
  source: string;
  verified: string;
  notVerified: string;
  why: string;
  decision: string;
  decisionPoint: string;
  decisionPoints: string;
  policy: string;
  applies: string;
  given: string;
  expected: string;
  version: string;
  sources: string;
  setting: string;
  settings: string;
  default: string;
  inForce: string;
  /** The allowed values of a setting (not the status). */
  allowed: string;
  duties: string;
  workedExamples: string;
  implementedBy: string;
  /** Before a decision point's id: "at point reaction". */
  atPoint: string;
}

/** Pieces of the sentences that say a condition in words ("earlier incidents is at least 2"). */
export interface SentenceWords {
  and: string;
  or: string;
  always: string;
  never: string;
  is: string;
  isNot: string;
  noneOf: string;
  atLeast: string;
  atMost: string;
  above: string;
  below: string;
  /** Dates: "is on or after", "is on or before", "is after", "is before". */
  onOrAfter: string;
  onOrBefore: string;
  after: string;
  before: string;
  /** Before a negated group: "it is not the case that (a or b)". */
  not: string;
  /** Before a setting's id, in brackets after a compared number. */
  setting: string;
  /** A setting test the checker folded to a constant, with the value in force. */
  settingHolds: (setting: string, stated: string, held: string) => string;
  /** Opens a rule's condition: "when …". */
  when: string;
  /** A rule without a condition, tried last. */
  otherwise: string;
}

/** Law in time: windows, periods and the date of a decision, for every surface. */
export interface TimeWords {
  /** A window as a reader sees it, by its first and last day: "in force from 2017-01-01 to 2021-06-30". */
  window: (from: string | undefined, last: string | undefined) => string;
  /** A period by its first and last day: "2017-01-01 – 2021-06-30", "before 2017-01-01", "from 2022-01-01". */
  period: (from: string | undefined, last: string | undefined) => string;
  /** Before the date a decision was made for: "decided for 2024-03-01". */
  decidedFor: string;
  /** A policy version as it stands on a date: "on 2016-06-01". */
  on: (date: string) => string;
  /** Outcomes left out because no rule of theirs is in force on the date. */
  notInForce: string;
  /** The timeline page: its title and introduction. */
  timeline: string;
  timelineIntro: string;
  /** Headings: what comes into force, what goes out of force, on a date. */
  comesIntoForce: string;
  goesOutOfForce: string;
  /** A period heading in the gate's report. */
  periods: string;
  /** Duties in force in a period: "12 duties in force, all hold". */
  dutiesInPeriod: (inForce: number, broken: number) => string;
  /** Before the period of a counterexample. */
  inPeriod: string;
}

/** The regulation gate's report (`vot check`). */
export interface GateWords {
  title: string;
  obligations: string;
  obligation: string;
  combinations: string;
  /** One of them: "1 combination". */
  combination: string;
  perSecond: string;
  /** Between a count and a duration: "36 864 combinations in 0.42 s". */
  in: string;
  brokenDuty: string;
  counterexample: string;
  otherFacts: string;
  /** Beside a counterexample's value that stands for others no condition tells apart: "(and 124 values alike)". */
  alike: (count: number) => string;
  /** A coverage obligation no live outcome cites; `statuses` lists the live statuses. */
  notCited: (statuses: string) => string;
  failedAt: string;
  vacuous: string;
  citedBy: string;
  outcomes: string;
  of: string;
  atPoint: string;
  forEvery: string;
  where: string;
  whenever: string;
  hasLimit: string;
  limitAtMost: string;
  itRequires: string;
  atLeastOneOf: string;
  /** Before the weakest status an expectation accepts: "is at least recommended". */
  atLeast: string;
  /** Opens the binding side of two points that agree: "if at point reaction …". */
  agreeIf: string;
  /** Opens the bound side: "… then at point sharing …". */
  agreeThen: string;
  /** Before the facts one side of an agreement fixes: "at point sharing with recipient = police". */
  fixing: string;
  /** An agreement whose `if` decision never has its status inside the scope. */
  vacuousPremise: string;
  wholePoint: string;
  reduced: string;
  unreduced: string;
  holds: string;
  scenariosReach: string;
  rules: string;
  neverReached: string;
  neverTrue: string;
  matrix: string;
  via: { invariant: string; agree: string; basis: string };
  limitFromSetting: string;
}

/** The semantic diff (`vot diff`): its sentences and its headings. */
export interface DiffWords {
  between: (from: string, to: string) => string;
  /** When nothing is constrained. */
  always: string;
  goes: (outcome: string, from: string, to: string) => string;
  stays: (outcome: string, state: string) => string;
  alsoRequires: string;
  noLongerRequires: string;
  /** A limit without a value on one side. */
  unset: string;
  title: string;
  decisions: string;
  reasons: string;
  rules: string;
  sources: string;
  settings: string;
  points: string;
  none: string;
  of: (combinations: number, total: number) => string;
  added: string;
  removed: string;
  reading: string;
}

/** The scenario report of `vot test`, under a failing scenario. */
export interface ScenarioReportWords {
  refused: string;
  expected: string;
  decided: string;
  byRule: string;
  reason: string;
  requires: string;
  limits: string;
  statuses: ExpectedStatusWords;
}

/** The replay report (`vot replay`). */
export interface ReplayWords {
  unchanged: string;
  changed: string;
  refused: string;
  invalidLines: string;
  storedDecisions: string;
  replayedUnder: string;
  refusedNow: string;
  recordedUnder: string;
  statuses: StatusWords;
}

/**
 * Why-not explanations (`decide(…, { explain: true })`): what would give an outcome another
 * status, said as what the rules say ("would be permitted if …"), never as advice to act.
 */
export interface ExplainWords {
  /** What an outcome would be, by status: "would be permitted", "would not be permitted". */
  wouldBe: StatusWords;
  /** Opens each alternative: "if". */
  if: string;
  /** Two alternatives of one status, each opened by `if`: "if a, or if b". */
  orElse: (first: string, next: string) => string;
  /** A changed fact's value, after its name: "were yes", "were not …", "were at least 2", "were from 2 to 4". */
  were: string;
  wereNot: string;
  wereAtLeast: string;
  wereAtMost: string;
  wereBetween: (from: string, to: string) => string;
  /** The whole sentence for one status: the outcome's title, `wouldBe`, then the alternatives. */
  sentence: (outcome: string, wouldBe: string, alternatives: string) => string;
  /** The heading over an outcome's alternatives. */
  heading: string;
  /** When no change of the facts an explanation may vary gives the outcome another status. */
  none: string;
  /** The what-if page's button that puts an alternative's values into the form. */
  apply: string;
}

/** `vot eval`. */
export interface EvalWords {
  skipped: string;
  /** Heads the summary above a decision: each voice with the outcomes that have it. */
  summary: string;
  /** A status in the summary that no outcome has. */
  none: string;
  /** An outcome asked for with `--outcome` that this decision leaves out. */
  leftOut: string;
  /** Why an outcome was left out. */
  leftOutBecause: { 'no-rule-held': string; 'policy-not-applicable': string; 'not-in-force': string };
}

/** The policy book (HTML and Markdown) and its what-if page: whole sentences of the book itself. */
export interface BookWords {
  overview: string;
  whatIf: string;
  skipToContent: string;
  /** The name of this language on the other language's switch button. */
  languageName: string;
  contents: string;
  generatedBy: string;
  onlyAView: string;
  factsRead: string;
  leastIntrusiveFirst: string;
  namedConditions: string;
  replacesOutcomeOf: string;
  replacesOutcomesSharedWith: string;
  wherePolicyApplies: string;
  rulesFromTop: string;
  otherwiseLeftOut: string;
  notVerifiedMeans: string;
  settingsIntro: string;
  dutiesIntro: string;
  sourceMustBeCited: string;
  cites: string;
  namedByDuty: string;
  citesDutySource: string;
  noOutcomeYet: string;
  noneYet: string;
  examplesIntro: string;
  hash: string;
  more: string;
  whatIfLink: string;
  whatIfIntro: string;
  needsJavaScript: string;
  changesDecideAtOnce: string;
  outcomes: (count: number) => string;
  factsRefused: string;
  /** Heads the legend of the status badges. */
  voicesTitle: string;
  /** What each status means to the reader, and an outcome left out: the legend under the badges. */
  voices: ExpectedStatusWords;
  /** The what-if page's link to the decision shown, with the facts in the address. */
  linkToDecision: string;
  /** The timeline page's link on the overview. */
  timelineLink: string;
}

/** Every word a reader sees in one language: statuses, labels and sentence pieces for the command line, the book, the what-if page, the gate and the diff. */
export interface Words {
  lang: Lang;
  /** BCP 47 locale for numbers. */
  locale: string;
  /** Each status as a label: `vot eval`, the gate, the book's badges, the what-if page. */
  statuses: StatusWords;
  /** An outcome the decision leaves out, as a status. */
  absent: string;
  /** The same, as a phrase. */
  leftOut: string;
  /**
   * A status inside running text (the diff's sentences, the Markdown book). English keeps the
   * ids, which are its own words and what a reader searches the policy files for.
   */
  statusTerms: StatusWords;
  values: ValueWords;
  labels: LabelWords;
  sentence: SentenceWords;
  time: TimeWords;
  /** When no rule of a point applies to the facts. */
  noRuleApplies: string;
  eval: EvalWords;
  explain: ExplainWords;
  gate: GateWords;
  diff: DiffWords;
  scenarios: ScenarioReportWords;
  replay: ReplayWords;
  book: BookWords;
}

/** Each status named by its id, for reports whose readers match on the ids. */
export const statusIds: StatusWords = Object.fromEntries(statuses.map((status) => [status, status])) as Record<Status, string>;

/** Each expected status named by its id, `absent` included. */
export const expectedStatusIds: ExpectedStatusWords = Object.fromEntries(expectedStatuses.map((status) => [status, status])) as Record<
  ExpectedStatus,
  string
>;

/** A status, or an outcome left out, as a label (`statuses`) or inside running text (`statusTerms`). */
export function statusWord(status: ExpectedStatus, words: Words, form: 'label' | 'term' = 'label'): string {
  if (status === 'absent') return words.absent;
  return form === 'term' ? words.statusTerms[status] : words.statuses[status];
}

/** A label as a heading or at the start of a line: "krever" → "Krever". */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
