/**
 * TypeScript declarations for a policy set's public contract: each fact with its domain, each
 * point's fact record (the facts it needs without a default are required) and each point's
 * outcome ids. Generated into the package that ships the policies, so a host's compiler checks
 * `decide(point, facts)`; a test regenerates it and fails when the committed file is stale.
 */
import { factType, noneAllowed } from '../fact-types/index.js';
import type { FactModel, PointModel, PolicySetModel, Status } from '../model.js';
import { statuses } from '../status.js';
import { outcomeRules } from '../walk.js';

const literal = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const union = (values: readonly string[]): string => (values.length === 0 ? 'never' : values.map(literal).join(' | '));
/** A property key: bare when it is an identifier, quoted otherwise. */
const key = (id: string): string => (/^[A-Za-z_$][\w$]*$/.test(id) ? id : literal(id));
/** A doc comment line: `*\/` cannot end it early. */
const doc = (text: string | undefined): string => (text ? text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim() : '');

function valueType(fact: FactModel): string {
  const base = factType(fact).typeScript(fact, union);
  return noneAllowed(fact) ? `${base} | null` : base;
}

/** The statuses the rules of a point can give an outcome, strongest first (every policy that decides it). */
function statusesOf(point: PointModel, outcomeId: string): Status[] {
  const given = new Set(point.outcomes.filter((o) => o.id === outcomeId).flatMap((o) => outcomeRules(o).map((rule) => rule.status)));
  return statuses.filter((status) => given.has(status));
}

function factComment(fact: FactModel): string {
  const title = doc(fact.title.en ?? fact.title.nb);
  const parts = [title && !/[.?!]$/.test(title) ? `${title}.` : title];
  const domain = factType(fact).typeComment?.(fact);
  if (domain) parts.push(domain);
  // A fact with a default but no default value takes it elsewhere (the decision's date): its type comment says from where.
  if (fact.hasDefault && 'default' in fact) parts.push(`Default: ${fact.default === null ? 'none' : JSON.stringify(fact.default)}.`);
  return `  /** ${parts.filter(Boolean).join(' ')} */`;
}

export interface FactTypesOptions {
  /** Shown in the header: how to regenerate the file. */
  command: string;
}

export function factTypesSource(model: PolicySetModel, options: FactTypesOptions): string {
  const lines: string[] = [
    `// Generated from the policy set \`${model.name}\` by \`${options.command}\`. Do not edit by hand.`,
    "// The vocabulary is the public contract: a host's compiler checks its facts against these types.",
    '',
    '/** Every fact of the vocabulary with its values. */',
    'export interface FactTypes {',
  ];
  for (const fact of model.facts) lines.push(factComment(fact), `  ${key(fact.id)}: ${valueType(fact)};`);
  lines.push('}', '');
  lines.push('/** A fact record: any fact of the vocabulary; a point ignores the facts it does not read. */');
  lines.push('export type Facts = { [K in keyof FactTypes]?: FactTypes[K] };', '');
  lines.push('/** The decision points, in the order of the policy set. */');
  lines.push(`export const points = [${model.points.map((p) => literal(p.id)).join(', ')}] as const;`, '');
  lines.push('export type Point = (typeof points)[number];', '');
  lines.push('/** Per point: the fact record it accepts, with the facts it needs and that have no default required. */');
  lines.push('export interface PointFacts {');
  for (const point of model.points) {
    const required = point.requiredFacts.map((id) => `${key(id)}: FactTypes[${literal(id)}]`);
    lines.push(`  /** ${doc(point.question.en ?? point.question.nb)} */`);
    lines.push(`  ${key(point.id)}: Facts${required.length > 0 ? ` & { ${required.join('; ')} }` : ''};`);
  }
  lines.push('}', '');
  lines.push('/** Per point: the ids of the outcomes its decisions can contain. */');
  lines.push('export interface PointOutcomes {');
  for (const point of model.points) lines.push(`  ${key(point.id)}: ${union([...new Set(point.outcomes.map((o) => o.id))])};`);
  lines.push('}', '');
  lines.push('/**');
  lines.push(' * Per point and outcome: the statuses its rules can give, strongest first (`required`, `recommended`,');
  lines.push(' * `permitted`, `not-permitted`). A policy change that gives an outcome a new status changes this type.');
  lines.push(' */');
  lines.push('export interface PointOutcomeStatuses {');
  for (const point of model.points) {
    const ids = [...new Set(point.outcomes.map((o) => o.id))];
    lines.push(`  ${key(point.id)}: {`);
    for (const id of ids) lines.push(`    ${key(id)}: ${union(statusesOf(point, id))};`);
    lines.push('  };');
  }
  lines.push('}', '');
  lines.push('export type FactsOf<P extends Point> = PointFacts[P];');
  lines.push('export type OutcomeOf<P extends Point> = PointOutcomes[P];');
  lines.push('/** The statuses outcome `O` can have at point `P`. */');
  lines.push(
    'export type StatusOf<P extends Point, O extends OutcomeOf<P>> = O extends keyof PointOutcomeStatuses[P] ? PointOutcomeStatuses[P][O] : never;',
  );
  lines.push('/** Every outcome id of the vocabulary (outcomes and the requirements listed in `requires`). */');
  lines.push(`export type OutcomeId = ${union(model.outcomes.map((o) => o.id))};`);
  return `${lines.join('\n')}\n`;
}
