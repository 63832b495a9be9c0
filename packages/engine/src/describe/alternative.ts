/**
 * Why-not explanations as sentences: "«Exclusion from physical attendance» would be permitted if
 * grave incident were yes, or if earlier incidents were at least 1 and written warning given
 * were yes." Made of the same words as the book (the vocabulary's titles, the values' words, the
 * intervals of numbers), in the conditional: a sentence says what the rules give for other
 * facts, never what anyone should do. The outcome's title is quoted, as a name, so that a title
 * worded as an instruction ("Contact the police") is not read as one.
 */
import type { Alternative } from '../explain/alternatives.js';
import { changedValueWords } from '../fact-types/index.js';
import type { FactValue, Status } from '../model.js';
import { langOf, wordsFor } from '../words/index.js';
import { valueSetWordsIn } from './change.js';
import { factName, listText, valueTitleOf, type DescribeContext } from './condition.js';

/** What a sentence needs of an alternative. */
export type AlternativeChange = Pick<Alternative, 'status' | 'change' | 'ranges'>;

/** Alternatives of one status that differ in at most one fact, said together: "channel were phone or chat". */
interface Group {
  status: Status;
  change: Record<string, FactValue[]>;
  ranges?: Record<string, [number, number]>;
  /** The fact whose values differ between the members, once there are two. */
  open?: string;
}

/** Whether an alternative joins a group: same status and facts, no ranges, the same values but for one fact. */
function joins(group: Group, alternative: AlternativeChange): string | undefined {
  if (group.status !== alternative.status || group.ranges || alternative.ranges) return undefined;
  const facts = Object.keys(alternative.change);
  if (facts.join() !== Object.keys(group.change).join()) return undefined;
  const differing = facts.filter((fact) => !group.change[fact]!.includes(alternative.change[fact]!));
  if (differing.length !== 1) return undefined;
  if (group.open !== undefined && group.open !== differing[0]) return undefined;
  return differing[0];
}

/** A group of one alternative. */
function groupOf(alternative: AlternativeChange): Group {
  const change = Object.fromEntries(Object.entries(alternative.change).map(([fact, value]) => [fact, [value]]));
  return { status: alternative.status, change, ...(alternative.ranges ? { ranges: alternative.ranges } : {}) };
}

function grouped(alternatives: readonly AlternativeChange[]): Group[] {
  const groups: Group[] = [];
  for (const alternative of alternatives) {
    const group = groups.find((g) => joins(g, alternative) !== undefined);
    if (group) {
      const open = joins(group, alternative)!;
      group.open = open;
      group.change[open]!.push(alternative.change[open]!);
      continue;
    }
    groups.push(groupOf(alternative));
  }
  return groups;
}

/** "grave incident were yes and earlier incidents were at least 1" */
function describeGroup(group: Omit<Group, 'status'>, context: DescribeContext, lang: string): string {
  const { were: is, wereNot: isNot, wereAtLeast: atLeast, wereAtMost: atMost, wereBetween: between } = wordsFor(langOf(lang)).explain;
  const were = valueSetWordsIn(lang, { is, isNot, atLeast, atMost, between });
  const parts = Object.entries(group.change).map(
    ([fact, values]) =>
      `${factName(fact, context, lang)} ${changedValueWords(context.facts.get(fact), values, group.ranges?.[fact], were, valueTitleOf(context.facts.get(fact), lang, true))}`,
  );
  return listText(parts, 'and', lang);
}

/** The change of one alternative in words: "grave incident were yes and earlier incidents were at least 1". */
export function describeAlternativeChange(alternative: AlternativeChange, context: DescribeContext, lang: string): string {
  return describeGroup(groupOf(alternative), context, lang);
}

/**
 * One sentence per status the alternatives give, in the order the statuses first appear:
 * "«<outcome>» would be permitted if A, or if B." `outcome` is the outcome's title.
 */
export function describeAlternatives(
  outcome: string,
  alternatives: readonly AlternativeChange[],
  context: DescribeContext,
  lang: string,
): string[] {
  const w = wordsFor(langOf(lang));
  const byStatus = new Map<Status, string[]>();
  for (const group of grouped(alternatives)) {
    const changes = byStatus.get(group.status) ?? [];
    changes.push(`${w.explain.if} ${describeGroup(group, context, lang)}`);
    byStatus.set(group.status, changes);
  }
  return [...byStatus].map(([status, changes]) =>
    w.explain.sentence(
      `«${outcome}»`,
      w.explain.wouldBe[status],
      changes.reduce((first, next) => w.explain.orElse(first, next)),
    ),
  );
}
