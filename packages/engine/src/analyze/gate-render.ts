/**
 * The regulation gate's report as a legal reviewer reads it in a CI log, in the words of any
 * language (`words/`):
 * each broken duty with its source, the smallest counterexample, the decision and the rule (with
 * file:line) that produced it; then a summary of what was covered.
 */
import type { ConditionNode, DutyExpectation, ExpectedStatus, Lang, PolicySetModel, Text } from '../model.js';
import { literalText } from '../fact-types/index.js';
import { describeCondition, listText } from '../describe/condition.js';
import { isLive, statuses } from '../status.js';
import { terminalLine, terminalProse } from '../output/terminal.js';
import { textIn, wordsFor, type GateWords, type Words } from '../words/index.js';
import type { ScenarioCoverage } from './coverage.js';
import type { GateReport, ObligationResult, TraceabilityRow } from './gate.js';

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

/** "required or permitted": the statuses an outcome must have to be live. */
const liveStatuses = (w: Words): string =>
  listText(
    statuses.filter(isLive).map((s) => w.statuses[s]),
    'or',
    w.lang,
  );

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
      return `\`${expect.outcome}\` ${is} ${statusList(expect.statuses, w)}`;
    case 'any-of':
      return `${g.atLeastOneOf} ${expect.outcomes.map((o) => `\`${o}\``).join(', ')} ${is} ${statusList(expect.statuses, w)}`;
    case 'limit':
      return `${g.whenever} \`${expect.outcome}\` ${is} ${liveStatuses(w)}, ${g.hasLimit} \`${expect.limit}\` ${g.limitAtMost} ${expect.atMost}`;
    case 'requires':
      return `${g.whenever} \`${expect.outcome}\` ${is} ${liveStatuses(w)}, ${g.itRequires} ${expect.ids.map((o) => `\`${o}\``).join(', ')}`;
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
      `  ${g.obligation}: ${g.notCited(liveStatuses(w))} \`${obligation.cites?.id ?? ''}\`${obligation.point ? ` ${g.atPoint} \`${obligation.point}\`` : ''}`,
    );
    out.push(`    --> ${obligation.at}`);
    return;
  }
  const scope = obligation.when ? ` ${g.where} ${conditionWords(obligation.when, lang, model)}` : '';
  out.push(`  ${g.obligation}: ${g.forEvery}${scope} ${g.atPoint} \`${obligation.point}\`: ${expectationWords(obligation.expect!, lang)}`);
  out.push(`    --> ${obligation.at}`);
  if (obligation.vacuous) {
    out.push(`  ${g.vacuous}`);
    return;
  }
  const example = obligation.counterexample!;
  out.push(`  ${g.counterexample}:`);
  for (const [fact, v] of Object.entries(example.facts)) out.push(`    ${fact}: ${value(v)}${titled(titles.facts.get(fact), lang)}`);
  out.push(`    ${g.otherFacts}`);
  out.push(`  ${w.labels.decision}:`);
  for (const decided of example.decided) {
    const extras: string[] = [];
    if (decided.requires?.length) extras.push(`${w.labels.requires}: ${decided.requires.join(', ')}`);
    for (const [limit, v] of Object.entries(decided.limits ?? {})) {
      const setting = decided.settingLimits?.[limit];
      extras.push(`${limit}: ${v}${setting && setting.max !== v ? ` (${g.limitFromSetting} ${setting.max}: \`${setting.setting}\`)` : ''}`);
    }
    out.push(
      `    ${decided.outcome}${titled(titles.outcomes.get(decided.outcome), lang)}: ${statusWord(decided.status, w)}${extras.length ? ` — ${extras.join('; ')}` : ''}`,
    );
    if (decided.rule) out.push(`      ${w.labels.byRule} ${decided.rule} (${decided.at})`);
    if (decided.reason) out.push(`      ${w.labels.reason}: ${terminalProse(textIn(decided.reason, lang))}`);
  }
}

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
      : `${number(combos, w)} ${g.combinations}`;
    const citing = new Set(duty.obligations.flatMap((o) => (o.citedBy ?? []).map((c) => `${c.point}/${c.outcome}`))).size;
    const sizes =
      combos > 0
        ? ` — ${counted} (${g.wholePoint}: ${number(widest, w)} ${g.reduced}, ${number(naive, w)} ${g.unreduced})`
        : ` — ${g.citedBy} ${citing} ${g.outcomes}`;
    out.push(`  ${duty.ok ? '✓' : '✗'} ${duty.id}${sizes}`);
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
