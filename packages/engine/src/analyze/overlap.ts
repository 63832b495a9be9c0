/**
 * Whether conditions can hold together, searched exhaustively: the checker asks it whether two
 * policies deciding one outcome can apply to the same incident, and whether an override's scope
 * lies inside the shared policy's. Conditions read few facts, so every combination of the facts
 * they read is tried, ordered facts cut where the conditions compare them (domain.ts).
 */
import { compilePredicate } from '../compile/predicate.js';
import type { ConditionNode, FactModel, FactValue } from '../model.js';
import { factsRead } from '../walk.js';
import { combinations, factDomain, type FactDomain } from './domain.js';

/** More combinations than this and the search gives up ('unknown'). */
const maxCombinations = 100_000;

/**
 * A combination of the facts the conditions read where `wanted` holds of their answers (an
 * absent condition holds always); 'none' when there is none, 'unknown' when the product is too
 * large or a fact is not declared.
 */
export function findFacts(
  conditions: Array<ConditionNode | null>,
  facts: ReadonlyMap<string, FactModel>,
  named: ReadonlyMap<string, ConditionNode>,
  wanted: (answers: boolean[]) => boolean,
): Record<string, FactValue> | 'none' | 'unknown' {
  const { read, breakpoints } = factsRead(conditions, named, facts);
  const domains: FactDomain[] = [];
  let size = 1;
  for (const id of read) {
    const fact = facts.get(id);
    if (!fact) return 'unknown';
    const domain = factDomain(fact, breakpoints.get(id));
    domains.push(domain);
    size *= domain.values.length;
    if (size > maxCombinations) return 'unknown';
  }
  const predicates = conditions.map((node) => (node ? compilePredicate(node, named) : () => true));
  for (const record of combinations(domains, {})) {
    if (wanted(predicates.map((holds) => holds(record)))) return { ...record };
  }
  return 'none';
}

/** Whether two scopes can hold for the same facts (assumed when that cannot be decided). */
export function scopesMayOverlap(
  a: ConditionNode | null,
  b: ConditionNode | null,
  facts: ReadonlyMap<string, FactModel>,
  named: ReadonlyMap<string, ConditionNode>,
): boolean {
  if (!a || !b) return true;
  return findFacts([a, b], facts, named, ([x, y]) => x! && y!) !== 'none';
}
