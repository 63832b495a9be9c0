/**
 * The semantic diff as a reviewer reads it: plain text for the terminal, Markdown for a pull
 * request comment. The sentences come from the engine's describe module; this file only lays
 * them out.
 */
import type { Lang, PolicySetModel, Text } from '@vot/engine';
import {
  describeChange,
  describeContext,
  type DescribeContext,
  type FieldChange,
  type PolicyDiff,
  langs,
  markdownCode,
  markdownText,
  terminalLine,
  terminalProse,
  titleIn,
  wordsFor,
} from '@vot/engine/tools';

/** Sentences over both sides' vocabularies (a fact only in the base still gets its title). */
export function diffContext(base: PolicySetModel, head: PolicySetModel): DescribeContext {
  const context = describeContext(head);
  const facts = new Map(context.facts);
  for (const fact of base.facts) if (!facts.has(fact.id)) facts.set(fact.id, fact);
  // An outcome or limit the head removed is still named by its title in the base.
  const outcomes = new Map(context.titles?.outcomes);
  for (const outcome of base.outcomes) if (!outcomes.has(outcome.id)) outcomes.set(outcome.id, outcome.title);
  const limits = new Map(context.titles?.limits);
  for (const limit of base.limits) if (!limits.has(limit.id)) limits.set(limit.id, limit.title);
  return { facts, named: context.named, titles: { outcomes, limits } };
}

/** A field's value on one line: text from the policies cannot start a line of its own. */
const show = (value: unknown): string =>
  value === undefined ? '—' : terminalLine(typeof value === 'string' ? value : JSON.stringify(value));

function fieldLines(change: FieldChange, lang: Lang, dated = false): string[] {
  const w = wordsFor(lang);
  const l = w.diff;
  // Between two dates a source is not added or removed: it comes into force or goes out of force.
  const [added, removed] = dated ? [w.time.comesIntoForce, w.time.goesOutOfForce] : [l.added, l.removed];
  if (change.change !== 'changed') return [`${change.id}: ${change.change === 'added' ? added : removed}`];
  return Object.entries(change.fields ?? {}).map(([field, { from, to }]) => `${change.id}: ${field} ${show(from)} → ${show(to)}`);
}

/** One line per language whose text changed. */
const textChange = (from: Text | undefined, to: Text | undefined): string[] =>
  langs.filter((k) => from?.[k] !== to?.[k]).map((k) => `${k}: «${terminalProse(from?.[k] ?? '')}» → «${terminalProse(to?.[k] ?? '')}»`);

interface Section {
  title: string;
  items: Array<{ head: string; lines: string[] }>;
}

function sections(diff: PolicyDiff, context: DescribeContext, lang: Lang): Section[] {
  const l = wordsFor(lang).diff;
  const out: Section[] = [];
  if (diff.points.added.length + diff.points.removed.length > 0) {
    out.push({
      title: l.points,
      items: [
        ...diff.points.added.map((p) => ({ head: `+ ${p}`, lines: [] })),
        ...diff.points.removed.map((p) => ({ head: `- ${p}`, lines: [] })),
      ],
    });
  }
  if (diff.decisions.length > 0) {
    out.push({
      title: l.decisions,
      items: diff.decisions.map((change) => ({
        head: `${change.point} / ${terminalLine(titleIn('outcomes', change.outcome, context, lang))} [${change.outcome}] (${l.of(change.combinations, change.of)})`,
        lines: describeChange(change, context, lang),
      })),
    });
  }
  if (diff.reasons.length > 0)
    out.push({
      title: l.reasons,
      items: diff.reasons.map((r) => ({ head: `${r.id}${r.at ? ` (${terminalLine(r.at)})` : ''}`, lines: textChange(r.from, r.to) })),
    });
  if (diff.rules.added.length + diff.rules.removed.length > 0) {
    out.push({
      title: l.rules,
      items: [
        ...diff.rules.added.map((r) => ({ head: `+ ${r}`, lines: [] })),
        ...diff.rules.removed.map((r) => ({ head: `- ${r}`, lines: [] })),
      ],
    });
  }
  if (diff.sources.length > 0)
    out.push({
      title: l.sources,
      items: diff.sources.map((c) => ({
        head: c.id,
        lines: fieldLines(c, lang, diff.dates !== undefined).map((x) => x.slice(c.id.length + 2)),
      })),
    });
  if (diff.settings.length > 0)
    out.push({
      title: l.settings,
      items: diff.settings.map((c) => ({ head: c.id, lines: fieldLines(c, lang).map((x) => x.slice(c.id.length + 2)) })),
    });
  return out;
}

const versionText = (side: PolicyDiff['base']): string => `${terminalLine(`${side.name} ${side.version}`)} (${side.hash.slice(0, 19)}…)`;

/** The two sides: two versions, or one version on two dates. */
function sidesText(diff: PolicyDiff, lang: Lang): string {
  const on = wordsFor(lang).time.on;
  if (diff.dates) return `${versionText(diff.base)} ${on(diff.dates.base)} → ${on(diff.dates.head)}`;
  return `${versionText(diff.base)} → ${versionText(diff.head)}`;
}

export function diffText(diff: PolicyDiff, context: DescribeContext, lang: Lang): string {
  const l = wordsFor(lang).diff;
  const lines = [`${l.title}: ${sidesText(diff, lang)}`];
  const all = sections(diff, context, lang);
  if (all.length === 0) lines.push('', l.none);
  for (const section of all) {
    lines.push('', `${section.title}:`);
    if (section.title === l.decisions) lines.push(`  (${l.reading})`);
    for (const item of section.items) {
      lines.push(`  ${item.head}`);
      for (const line of item.lines) lines.push(`    ${line}`);
    }
  }
  return lines.join('\n');
}

/** Markdown for a pull-request comment: every text goes through the engine's Markdown output module, so none adds markup. */
export function diffMarkdown(diff: PolicyDiff, context: DescribeContext, lang: Lang): string {
  const l = wordsFor(lang).diff;
  const lines = [
    `## ${l.title}`,
    '',
    diff.dates
      ? `${markdownCode(`${diff.base.name} ${diff.base.version}`)} (${markdownCode(`${diff.base.hash.slice(0, 19)}…`)}) ${wordsFor(lang).time.on(diff.dates.base)} → ${wordsFor(lang).time.on(diff.dates.head)}`
      : `${markdownCode(`${diff.base.name} ${diff.base.version}`)} (${markdownCode(`${diff.base.hash.slice(0, 19)}…`)}) → ${markdownCode(diff.head.version)} (${markdownCode(`${diff.head.hash.slice(0, 19)}…`)})`,
  ];
  const all = sections(diff, context, lang);
  if (all.length === 0) lines.push('', l.none);
  for (const section of all) {
    lines.push('', `### ${section.title}`, '');
    if (section.title === l.decisions) lines.push(`_${l.reading}_`, '');
    for (const item of section.items) {
      lines.push(`- **${markdownText(item.head)}**`);
      for (const line of item.lines) lines.push(`  - ${markdownText(line)}`);
    }
  }
  return lines.join('\n');
}
