/**
 * The regulation gate's report as a legal reviewer reads it in a CI log, in the words of any
 * language (`words/`):
 * each broken duty with its source, the smallest counterexample, the decision and the rule (with
 * file:line) that produced it; then a summary of what was covered.
 */
import type {
  AgreeSideModel,
  ConditionNode,
  DutyExpectation,
  DutyObligationModel,
  ExpectedStatus,
  FactValue,
  Lang,
  PolicySetModel,
  Text,
} from '../model.js';
import { literalText } from '../fact-types/index.js';
import { describeCondition, listText } from '../describe/condition.js';
import { liveStatuses } from '../status.js';
import { terminalLine, terminalProse } from '../output/terminal.js';
import { union } from '../time/windows.js';
import { capitalize, periodText, textIn, windowText, wordsFor, type GateWords, type Words } from '../words/index.js';
import type { ScenarioCoverage } from './coverage.js';
import type { DecidedForDuty, GateReport, ObligationResult, TraceabilityRow } from './gate.js';

const number = (n: number, w: Words): string => n.toLocaleString(w.locale).replace(/\u00a0/g, ' ');
const value = literalText;

/** Titles of facts and outcomes by id, so a reviewer reads `grave: false (Graverende hendelse)`. */
interface Titles {
  facts: Map<string, Text>;
  outcomes: Map<string, Text>;
}
/** Policy texts in the report stay on their line (see the terminal output module). */
const titled = (title: Text | undefined, lang: Lang): string => (title ? ` (${terminalProse(textIn(title, lang))})` : '');

/** A status as the gate names it; an outcome left out is said as a phrase. */
const statusWord = (status: ExpectedStatus, w: Words): string => (status === 'absent' ? w.leftOut : w.statuses[status]);

function statusList(expected: readonly ExpectedStatus[], w: Words): string {
  return expected.map((s) => statusWord(s, w)).join(` ${w.sentence.or} `);
}

/** "required, recommended or permitted": the statuses an outcome must have to be live. */
const liveStatusList = (w: Words): string =>
  listText(
    liveStatuses.map((s) => w.statuses[s]),
    'or',
    w.lang,
  );

/** What a status expectation accepts: "required or permitted", or "at least recommended". */
function acceptedWords(expect: Extract<DutyExpectation, { statuses: unknown }>, w: Words): string {
  return expect.atLeast ? `${w.gate.atLeast} ${w.statuses[expect.atLeast]}` : statusList(expect.statuses, w);
}

/**
 * A condition in the reviewer's words, the same sentences as the policy book and the diff
 * ("injury is serious or death, and work-related is yes"); fact titles come from the model
 * when it is given, else the fact ids stand.
 */
export function conditionWords(node: ConditionNode, lang: Lang, model?: Pick<PolicySetModel, 'facts'>): string {
  return describeCondition(node, { facts: new Map((model?.facts ?? []).map((fact) => [fact.id, fact])), named: new Map() }, lang, {
    expand: true,
  });
}

export function expectationWords(expect: DutyExpectation, lang: Lang): string {
  const w = wordsFor(lang);
  const { is } = w.sentence;
  const g = w.gate;
  switch (expect.kind) {
    case 'status':
      return `\`${expect.outcome}\` ${is} ${acceptedWords(expect, w)}`;
    case 'any-of':
      return `${g.atLeastOneOf} ${expect.outcomes.map((o) => `\`${o}\``).join(', ')} ${is} ${acceptedWords(expect, w)}`;
    case 'limit':
      return `${g.whenever} \`${expect.outcome}\` ${is} ${liveStatusList(w)}, ${g.hasLimit} \`${expect.limit}\` ${g.limitAtMost} ${expect.atMost}`;
    case 'requires':
      return `${g.whenever} \`${expect.outcome}\` ${is} ${liveStatusList(w)}, ${g.itRequires} ${expect.ids.map((o) => `\`${o}\``).join(', ')}`;
  }
}

/** The facts one side of an agreement fixes: "recipient = police, dataKind = incident-account". */
const fixedWords = (fixed: Readonly<Record<string, FactValue>>): string =>
  Object.entries(fixed)
    .map(([fact, v]) => `${fact} = ${value(v)}`)
    .join(', ');

/** A point, with the facts a side of an agreement fixes: "at point `sharing` with recipient = police". */
function pointWords(point: string, fixed: Readonly<Record<string, FactValue>>, w: Words): string {
  const facts = fixedWords(fixed);
  return `${w.gate.atPoint} \`${point}\`${facts ? ` ${w.gate.fixing} ${facts}` : ''}`;
}

/** One side of an agreement: its point, the facts it fixes, and what its outcome must have. */
function sideWords(side: AgreeSideModel, lang: Lang): string {
  const w = wordsFor(lang);
  return `${pointWords(side.point, side.with, w)}: ${side.expect.map((e) => expectationWords(e, lang)).join(` ${w.sentence.and} `)}`;
}

/** An invariant or an agreement, without its place in the file. */
export type StatedObligation =
  | Omit<Extract<DutyObligationModel, { kind: 'invariant' }>, 'at'>
  | Omit<Extract<DutyObligationModel, { kind: 'agree' }>, 'at'>;

/**
 * An invariant or an agreement in the reviewer's words, the same sentence in the gate report
 * and the policy book: "for every combination where … at point `reaction`: …", "… if at point
 * `reaction`: … then at point `sharing` with recipient = police: …".
 */
export function obligationWords(obligation: StatedObligation, lang: Lang, model?: Pick<PolicySetModel, 'facts'>): string {
  const g = wordsFor(lang).gate;
  const scope = obligation.when ? ` ${g.where} ${conditionWords(obligation.when, lang, model)}` : '';
  if (obligation.kind === 'invariant')
    return `${g.forEvery}${scope} ${g.atPoint} \`${obligation.point}\`: ${expectationWords(obligation.expect, lang)}`;
  return `${g.forEvery}${scope}: ${g.agreeIf} ${sideWords(obligation.premise, lang)}, ${g.agreeThen} ${sideWords(obligation.conclusion, lang)}`;
}

/** The obligation a result reports, as the model states it. */
function obligationOf(result: ObligationResult): StatedObligation {
  const when = result.when ?? null;
  return result.kind === 'agree'
    ? { kind: 'agree', when, premise: result.premise!, conclusion: result.conclusion! }
    : { kind: 'invariant', point: result.point!, when, expect: result.expect! };
}

/** Decided outcomes under a counterexample: status, requires, limits, the rule with file:line and its reason. */
function renderDecided(decidedList: readonly DecidedForDuty[], lang: Lang, titles: Titles, out: string[]): void {
  const w = wordsFor(lang);
  for (const decided of decidedList) {
    const extras: string[] = [];
    if (decided.requires?.length) extras.push(`${w.labels.requires}: ${decided.requires.join(', ')}`);
    for (const [limit, v] of Object.entries(decided.limits ?? {})) {
      const setting = decided.settingLimits?.[limit];
      extras.push(
        `${limit}: ${v}${setting && setting.max !== v ? ` (${w.gate.limitFromSetting} ${setting.max}: \`${setting.setting}\`)` : ''}`,
      );
    }
    out.push(
      `    ${decided.outcome}${titled(titles.outcomes.get(decided.outcome), lang)}: ${statusWord(decided.status, w)}${extras.length ? ` — ${extras.join('; ')}` : ''}`,
    );
    if (decided.rule) out.push(`      ${w.labels.byRule} ${decided.rule} (${decided.at})`);
    if (decided.reason) out.push(`      ${w.labels.reason}: ${terminalProse(textIn(decided.reason, lang))}`);
  }
}

function renderBroken(
  obligation: ObligationResult,
  lang: Lang,
  titles: Titles,
  out: string[],
  model: Pick<PolicySetModel, 'facts'> | undefined,
): void {
  const w = wordsFor(lang);
  const g = w.gate;
  if (obligation.kind === 'coverage') {
    out.push(
      `  ${g.obligation}: ${g.notCited(liveStatusList(w))} \`${obligation.cites?.id ?? ''}\`${obligation.point ? ` ${g.atPoint} \`${obligation.point}\`` : ''}`,
    );
    out.push(`    --> ${obligation.at}`);
    return;
  }
  out.push(`  ${g.obligation}: ${obligationWords(obligationOf(obligation), lang, model)}`);
  out.push(`    --> ${obligation.at}`);
  if (obligation.vacuous) {
    out.push(`  ${obligation.kind === 'agree' ? g.vacuousPremise : g.vacuous}`);
    return;
  }
  const example = obligation.counterexample!;
  // Adjacent periods are named as one stretch: "from 2017-01-01", not three periods in a row.
  const spans = union(example.periods);
  const periods = spans.map((span) => periodText(span, lang));
  out.push(`  ${g.counterexample}${periods.length > 0 && isDated(spans) ? ` ${w.time.inPeriod} ${listText(periods, 'and', lang)}` : ''}:`);
  for (const [fact, v] of Object.entries(example.facts)) {
    const alike = example.alike?.[fact]?.length;
    out.push(`    ${fact}: ${value(v)}${alike ? ` ${g.alike(alike)}` : ''}${titled(titles.facts.get(fact), lang)}`);
  }
  out.push(`    ${g.otherFacts}`);
  if (!example.sides) {
    out.push(`  ${w.labels.decision}:`);
    renderDecided(example.decided, lang, titles, out);
    return;
  }
  for (const side of example.sides) {
    out.push(`  ${w.labels.decision} ${pointWords(side.point, side.with, w)}:`);
    renderDecided(side.decided, lang, titles, out);
  }
}

/** Whether periods say anything: not when the set has one period of every date. */
const isDated = (periods: readonly { from?: string; until?: string }[]): boolean =>
  periods.some((p) => p.from !== undefined || p.until !== undefined);

export interface RenderGateOptions {
  lang?: Lang;
  coverage?: ScenarioCoverage;
  /** The checked model, for the titles of facts and outcomes beside their ids. */
  model?: Pick<PolicySetModel, 'facts' | 'outcomes'>;
  /** Print the full traceability matrix. */
  matrix?: boolean;
}

export function renderGateReport(report: GateReport, options: RenderGateOptions = {}): string {
  const lang = options.lang ?? 'en';
  const w = wordsFor(lang);
  const g = w.gate;
  const out: string[] = [];
  const titles: Titles = {
    facts: new Map(options.model?.facts.map((f) => [f.id, f.title]) ?? []),
    outcomes: new Map(options.model?.outcomes.map((o) => [o.id, o.title]) ?? []),
  };
  for (const duty of report.duties) {
    if (duty.ok) continue;
    out.push(`✗ ${g.brokenDuty} \`${duty.id}\` (${duty.catalogue}): ${terminalProse(textIn(duty.title, lang))}`);
    out.push(`  --> ${duty.at}`);
    for (const source of duty.basis)
      out.push(`  ${w.labels.source}: ${terminalProse(source.citation)}${source.url ? ` <${terminalLine(source.url)}>` : ''}`);
    for (const obligation of duty.obligations) if (!obligation.ok) renderBroken(obligation, lang, titles, out, options.model);
    out.push('');
  }
  const obligations = report.duties.reduce((n, d) => n + d.obligations.length, 0);
  const held = report.duties.filter((d) => d.ok).length;
  const seconds = (report.timings.totalMs / 1000).toFixed(2);
  out.push(
    `${g.title}: ${held}/${report.duties.length} ${w.labels.duties} ${g.holds} (${obligations} ${g.obligations}); ${number(report.combinations, w)} ${g.combinations} ${g.in} ${seconds} s (${number(report.timings.combinationsPerSecond, w)} ${g.perSecond})`,
  );
  for (const duty of report.duties) {
    const combos = duty.obligations.reduce((n, o) => n + (o.ok ? (o.combinations ?? 0) : (o.sliceCombinations ?? 0)), 0);
    const widest = Math.max(0, ...duty.obligations.map((o) => o.pointCombinations ?? 0));
    const naive = Math.max(0, ...duty.obligations.map((o) => o.naiveCombinations ?? 0));
    const failedAt = duty.obligations.find((o) => !o.ok && o.counterexample);
    const counted = failedAt
      ? `${g.failedAt} ${number(failedAt.combinations!, w)} ${g.of} ${number(failedAt.sliceCombinations!, w)}`
      : `${number(combos, w)} ${combos === 1 ? g.combination : g.combinations}`;
    const citing = new Set(duty.obligations.flatMap((o) => (o.citedBy ?? []).map((c) => `${c.point}/${c.outcome}`))).size;
    const sizes =
      combos > 0
        ? ` — ${counted} (${g.wholePoint}: ${number(widest, w)} ${g.reduced}, ${number(naive, w)} ${g.unreduced})`
        : ` — ${g.citedBy} ${citing} ${g.outcomes}`;
    out.push(`  ${duty.ok ? '✓' : '✗'} ${duty.id}${sizes}${duty.inForce ? ` (${windowText(duty.inForce, lang)})` : ''}`);
  }
  if (isDated(report.periods.map((p) => p.period))) {
    out.push(`${capitalize(w.time.periods)}:`);
    for (const { period, duties, broken } of report.periods) {
      out.push(
        `  ${broken.length === 0 ? '✓' : '✗'} ${periodText(period, lang)}: ${w.time.dutiesInPeriod(duties, broken.length)}${broken.length ? ` (${broken.join(', ')})` : ''}`,
      );
    }
  }
  if (options.coverage) out.push(...renderCoverage(options.coverage, g));
  if (options.matrix) out.push(...renderMatrix(report.traceability, g));
  return out.join('\n');
}

function renderCoverage(coverage: ScenarioCoverage, g: GateWords): string[] {
  const out = [
    `${g.scenariosReach} ${coverage.rules.reached}/${coverage.rules.total} ${g.rules}: ${coverage.points.map((p) => `${p.point} ${p.reached}/${p.rules}`).join(', ')}`,
  ];
  if (coverage.rules.unreached.length > 0) {
    out.push(`  ${g.neverReached} (${coverage.rules.unreached.length}):`);
    for (const rule of coverage.rules.unreached) out.push(`    ${rule.rule} (${rule.at})`);
  }
  if (coverage.conditions.neverTrue.length > 0) {
    out.push(`  ${g.neverTrue}: ${coverage.conditions.neverTrue.map((c) => c.condition).join(', ')}`);
  }
  return out;
}

function renderMatrix(rows: readonly TraceabilityRow[], g: GateWords): string[] {
  const out: string[] = [g.matrix];
  for (const row of rows) {
    out.push(`  ${row.duty}: ${row.outcomes.map((o) => `${o.point}/${o.outcome} (${g.via[o.via]})`).join(', ') || '—'}`);
  }
  return out;
}
