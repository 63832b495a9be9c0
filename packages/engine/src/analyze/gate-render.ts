/**
 * The regulation gate's report as a legal reviewer reads it in a CI log, in bokmål or English:
 * each broken duty with its source, the smallest counterexample, the decision and the rule (with
 * file:line) that produced it; then a summary of what was covered.
 */
import type { ConditionNode, DutyExpectation, ExpectedStatus, FactValue, PolicySetModel, Text } from '../model.js';
import { describeCondition } from '../describe/condition.js';
import type { ScenarioCoverage } from './coverage.js';
import type { GateReport, ObligationResult, TraceabilityRow } from './gate.js';

export type ReportLang = 'nb' | 'en';

const words = {
  nb: {
    required: 'påkrevd',
    recommended: 'anbefalt',
    permitted: 'tillatt',
    'not-permitted': 'ikke tillatt',
    absent: 'ikke med i beslutningen',
    or: 'eller',
    and: 'og',
    not: 'ikke',
    is: 'er',
    gate: 'Regelverksporten',
    duties: 'plikter',
    obligations: 'forpliktelser',
    combinations: 'kombinasjoner',
    perSecond: 'per sekund',
    brokenDuty: 'brutt plikt',
    source: 'kilde',
    obligation: 'forpliktelse',
    counterexample: 'minste moteksempel',
    otherFacts: '(alle andre fakta har standardverdien og påvirker ikke resultatet)',
    decision: 'beslutning',
    byRule: 'avgjort av regel',
    reason: 'begrunnelse',
    notCited: 'ingen regel som kan gi påkrevd eller tillatt, viser til',
    covered: 'dekket',
    failedAt: 'moteksempel ved kombinasjon',
    requiresLabel: 'krever',
    vacuous: 'forpliktelsen prøver ingenting: vilkåret holder aldri innenfor katalogens virkeområde (appliesWhen)',
    citedBy: 'hjemmelen brukes av',
    outcomes: 'utfall',
    of: 'av',
    atPoint: 'i beslutningspunktet',
    forEvery: 'for hver kombinasjon',
    where: 'der',
    whenever: 'når',
    requiredOrPermitted: 'er påkrevd eller tillatt',
    hasLimit: 'er grensen',
    atMost: 'høyst',
    requires: 'krever det',
    atLeastOne: 'minst én av',
    slice: 'fakta i utsnittet',
    wholePoint: 'hele punktet',
    reduced: 'redusert',
    naive: 'uten reduksjon',
    holds: 'holder',
    broken: 'brutt',
    scenarios: 'Scenariotestene når',
    rules: 'regler',
    neverReached: 'aldri nådd',
    neverTrue: 'navngitte vilkår aldri sanne',
    matrix: 'Sporbarhet: plikt → utfall som gjennomfører den',
    via: { invariant: 'invariant', basis: 'hjemmel' },
    limitFromSetting: 'innstillingen kan settes til',
  },
  en: {
    required: 'required',
    recommended: 'recommended',
    permitted: 'permitted',
    'not-permitted': 'not permitted',
    absent: 'left out of the decision',
    or: 'or',
    and: 'and',
    not: 'not',
    is: 'is',
    gate: 'Regulation gate',
    duties: 'duties',
    obligations: 'obligations',
    combinations: 'combinations',
    perSecond: 'per second',
    brokenDuty: 'broken duty',
    source: 'source',
    obligation: 'obligation',
    counterexample: 'smallest counterexample',
    otherFacts: '(every other fact has its default and does not affect the result)',
    decision: 'decision',
    byRule: 'decided by rule',
    reason: 'reason',
    notCited: 'no rule that can give required or permitted cites',
    covered: 'covered',
    failedAt: 'counterexample at combination',
    requiresLabel: 'requires',
    vacuous: "the obligation checks nothing: its condition never holds inside the catalogue's scope (appliesWhen)",
    citedBy: 'the source is cited by',
    outcomes: 'outcomes',
    of: 'of',
    atPoint: 'at point',
    forEvery: 'for every combination',
    where: 'where',
    whenever: 'whenever',
    requiredOrPermitted: 'is required or permitted',
    hasLimit: 'its limit',
    atMost: 'is at most',
    requires: 'it requires',
    atLeastOne: 'at least one of',
    slice: 'facts in the slice',
    wholePoint: 'whole point',
    reduced: 'reduced',
    naive: 'unreduced',
    holds: 'hold',
    broken: 'broken',
    scenarios: 'Scenario tests reach',
    rules: 'rules',
    neverReached: 'never reached',
    neverTrue: 'named conditions never true',
    matrix: 'Traceability: duty → outcomes that implement it',
    via: { invariant: 'invariant', basis: 'basis' },
    limitFromSetting: 'the setting can be set to',
  },
} as const;

const number = (n: number, lang: ReportLang): string => n.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB').replace(/\u00a0/g, ' ');
const value = (v: FactValue): string => (v === null ? 'none' : String(v));
const text = (t: Text | undefined, lang: ReportLang): string => t?.[lang] ?? t?.en ?? t?.nb ?? '';

/** Titles of facts and outcomes by id, so a reviewer reads `grave: false (Graverende hendelse)`. */
interface Titles {
  facts: Map<string, Text>;
  outcomes: Map<string, Text>;
}
const titled = (title: Text | undefined, lang: ReportLang): string => (title ? ` (${text(title, lang)})` : '');

function statusList(statuses: readonly ExpectedStatus[], lang: ReportLang): string {
  return statuses.map((s) => words[lang][s]).join(` ${words[lang].or} `);
}

/**
 * A condition in the reviewer's words, the same sentences as the policy book and the diff
 * ("injury is serious or death, and work-related is yes"); fact titles come from the model
 * when it is given, else the fact ids stand.
 */
export function conditionWords(node: ConditionNode, lang: ReportLang, model?: Pick<PolicySetModel, 'facts'>): string {
  return describeCondition(node, { facts: new Map((model?.facts ?? []).map((fact) => [fact.id, fact])), named: new Map() }, lang, {
    expand: true,
  });
}

export function expectationWords(expect: DutyExpectation, lang: ReportLang): string {
  const w = words[lang];
  switch (expect.kind) {
    case 'status':
      return `\`${expect.outcome}\` ${w.is} ${statusList(expect.statuses, lang)}`;
    case 'any-of':
      return `${w.atLeastOne} ${expect.outcomes.map((o) => `\`${o}\``).join(', ')} ${w.is} ${statusList(expect.statuses, lang)}`;
    case 'limit':
      return `${w.whenever} \`${expect.outcome}\` ${w.requiredOrPermitted}, ${w.hasLimit} \`${expect.limit}\` ${w.atMost} ${expect.atMost}`;
    case 'requires':
      return `${w.whenever} \`${expect.outcome}\` ${w.requiredOrPermitted}, ${w.requires} ${expect.ids.map((o) => `\`${o}\``).join(', ')}`;
  }
}

function renderBroken(
  obligation: ObligationResult,
  lang: ReportLang,
  titles: Titles,
  out: string[],
  model: Pick<PolicySetModel, 'facts'> | undefined,
): void {
  const w = words[lang];
  if (obligation.kind === 'coverage') {
    out.push(
      `  ${w.obligation}: ${w.notCited} \`${obligation.cites?.id ?? ''}\`${obligation.point ? ` ${w.atPoint} \`${obligation.point}\`` : ''}`,
    );
    out.push(`    --> ${obligation.at}`);
    return;
  }
  const scope = obligation.when ? ` ${w.where} ${conditionWords(obligation.when, lang, model)}` : '';
  out.push(`  ${w.obligation}: ${w.forEvery}${scope} ${w.atPoint} \`${obligation.point}\`: ${expectationWords(obligation.expect!, lang)}`);
  out.push(`    --> ${obligation.at}`);
  if (obligation.vacuous) {
    out.push(`  ${w.vacuous}`);
    return;
  }
  const example = obligation.counterexample!;
  out.push(`  ${w.counterexample}:`);
  for (const [fact, v] of Object.entries(example.facts)) out.push(`    ${fact}: ${value(v)}${titled(titles.facts.get(fact), lang)}`);
  out.push(`    ${w.otherFacts}`);
  out.push(`  ${w.decision}:`);
  for (const decided of example.decided) {
    const extras: string[] = [];
    if (decided.requires?.length) extras.push(`${w.requiresLabel}: ${decided.requires.join(', ')}`);
    for (const [limit, v] of Object.entries(decided.limits ?? {})) {
      const setting = decided.settingLimits?.[limit];
      extras.push(`${limit}: ${v}${setting && setting.max !== v ? ` (${w.limitFromSetting} ${setting.max}: \`${setting.setting}\`)` : ''}`);
    }
    out.push(
      `    ${decided.outcome}${titled(titles.outcomes.get(decided.outcome), lang)}: ${words[lang][decided.status]}${extras.length ? ` — ${extras.join('; ')}` : ''}`,
    );
    if (decided.rule) out.push(`      ${w.byRule} ${decided.rule} (${decided.at})`);
    if (decided.reason) out.push(`      ${w.reason}: ${text(decided.reason, lang).replace(/\s+/g, ' ').trim()}`);
  }
}

export interface RenderGateOptions {
  lang?: ReportLang;
  coverage?: ScenarioCoverage;
  /** The checked model, for the titles of facts and outcomes beside their ids. */
  model?: Pick<PolicySetModel, 'facts' | 'outcomes'>;
  /** Print the full traceability matrix. */
  matrix?: boolean;
}

export function renderGateReport(report: GateReport, options: RenderGateOptions = {}): string {
  const lang = options.lang ?? 'en';
  const w = words[lang];
  const out: string[] = [];
  const titles: Titles = {
    facts: new Map(options.model?.facts.map((f) => [f.id, f.title]) ?? []),
    outcomes: new Map(options.model?.outcomes.map((o) => [o.id, o.title]) ?? []),
  };
  for (const duty of report.duties) {
    if (duty.ok) continue;
    out.push(`✗ ${w.brokenDuty} \`${duty.id}\` (${duty.catalogue}): ${text(duty.title, lang)}`);
    out.push(`  --> ${duty.at}`);
    for (const source of duty.basis) out.push(`  ${w.source}: ${source.citation}${source.url ? ` <${source.url}>` : ''}`);
    for (const obligation of duty.obligations) if (!obligation.ok) renderBroken(obligation, lang, titles, out, options.model);
    out.push('');
  }
  const obligations = report.duties.reduce((n, d) => n + d.obligations.length, 0);
  const held = report.duties.filter((d) => d.ok).length;
  const seconds = (report.timings.totalMs / 1000).toFixed(2);
  out.push(
    `${w.gate}: ${held}/${report.duties.length} ${w.duties} ${w.holds} (${obligations} ${w.obligations}); ${number(report.combinations, lang)} ${w.combinations} ${lang === 'nb' ? 'på' : 'in'} ${seconds} s (${number(report.timings.combinationsPerSecond, lang)} ${w.perSecond})`,
  );
  for (const duty of report.duties) {
    const combos = duty.obligations.reduce((n, o) => n + (o.ok ? (o.combinations ?? 0) : (o.sliceCombinations ?? 0)), 0);
    const widest = Math.max(0, ...duty.obligations.map((o) => o.pointCombinations ?? 0));
    const naive = Math.max(0, ...duty.obligations.map((o) => o.naiveCombinations ?? 0));
    const failedAt = duty.obligations.find((o) => !o.ok && o.counterexample);
    const counted = failedAt
      ? `${w.failedAt} ${number(failedAt.combinations!, lang)} ${w.of} ${number(failedAt.sliceCombinations!, lang)}`
      : `${number(combos, lang)} ${w.combinations}`;
    const citing = new Set(duty.obligations.flatMap((o) => (o.citedBy ?? []).map((c) => `${c.point}/${c.outcome}`))).size;
    const sizes =
      combos > 0
        ? ` — ${counted} (${w.wholePoint}: ${number(widest, lang)} ${w.reduced}, ${number(naive, lang)} ${w.naive})`
        : ` — ${w.citedBy} ${citing} ${w.outcomes}`;
    out.push(`  ${duty.ok ? '✓' : '✗'} ${duty.id}${sizes}`);
  }
  if (options.coverage) out.push(...renderCoverage(options.coverage, lang));
  if (options.matrix) out.push(...renderMatrix(report.traceability, lang));
  return out.join('\n');
}

function renderCoverage(coverage: ScenarioCoverage, lang: ReportLang): string[] {
  const w = words[lang];
  const out = [
    `${w.scenarios} ${coverage.rules.reached}/${coverage.rules.total} ${w.rules}: ${coverage.points.map((p) => `${p.point} ${p.reached}/${p.rules}`).join(', ')}`,
  ];
  if (coverage.rules.unreached.length > 0) {
    out.push(`  ${w.neverReached} (${coverage.rules.unreached.length}):`);
    for (const rule of coverage.rules.unreached) out.push(`    ${rule.rule} (${rule.at})`);
  }
  if (coverage.conditions.neverTrue.length > 0) {
    out.push(`  ${w.neverTrue}: ${coverage.conditions.neverTrue.map((c) => c.condition).join(', ')}`);
  }
  return out;
}

function renderMatrix(rows: readonly TraceabilityRow[], lang: ReportLang): string[] {
  const w = words[lang];
  const out: string[] = [w.matrix];
  for (const row of rows) {
    out.push(`  ${row.duty}: ${row.outcomes.map((o) => `${o.point}/${o.outcome} (${w.via[o.via]})`).join(', ') || '—'}`);
  }
  return out;
}
