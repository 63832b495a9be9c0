/**
 * Whether conditions can hold together: the checker asks it whether two policies deciding one
 * outcome can apply to the same incident, and whether an override's scope lies inside the shared
 * policy's.
 *
 * Decided symbolically first. Every condition is projected onto each fact it reads: the values
 * of that fact for which the condition can still take the wanted answer, whatever the other
 * facts are (`projection`). The projection over-approximates, so where two conditions' projections
 * on one fact share no value they can never hold together, and the answer is 'none' without any
 * enumeration: two organisation packs scoped to different organisations are told apart by one
 * set intersection, however many organisations the vocabulary has. Otherwise the combinations of
 * the facts read are searched, each fact only over the values its projections leave, integers
 * cut at the numbers the conditions compare with (domain.ts). Every combination where the wanted
 * answers hold lies inside the projections, so the search stays exhaustive, and it meets the
 * same combination first as a search of the whole product would.
 */
import { compilePredicate } from '../compile/predicate.js';
import type { ConditionNode, FactModel, FactValue } from '../model.js';
import { factsRead } from '../walk.js';
import { requiredValues } from '../decide/scope-index.js';
import { combinations, equalityTests, factDomain, type FactDomain } from './domain.js';

/** More combinations than this and the search gives up ('unknown'). */
const maxCombinations = 100_000;

/** A condition with the answer it is wanted to give. */
export interface WantedAnswer {
  /** Null: a condition that always holds (a policy without `appliesWhen`). */
  condition: ConditionNode | null;
  holds: boolean;
}

/**
 * Per fact, which of its values (by index into its analysis domain) leave the wanted answer
 * possible; a fact not in the map is unconstrained. Null: the answer is impossible.
 */
type Projection = Map<string, boolean[]> | null;

const everything: Projection = new Map();

function intersect(x: Projection, y: Projection): Projection {
  if (!x || !y) return null;
  const result = new Map(x);
  for (const [fact, allowed] of y) {
    const other = result.get(fact);
    result.set(fact, other ? other.map((ok, i) => ok && allowed[i]!) : allowed);
  }
  return result;
}

function unite(x: Projection, y: Projection): Projection {
  if (!x) return y;
  if (!y) return x;
  const result = new Map<string, boolean[]>();
  // A fact one side leaves unconstrained is unconstrained in the union.
  for (const [fact, allowed] of x) {
    const other = y.get(fact);
    if (other)
      result.set(
        fact,
        allowed.map((ok, i) => ok || other[i]!),
      );
  }
  return result;
}

/**
 * The values of each fact for which `node` can give `answer`: a test allows the values that
 * pass (or fail) it; `all`/`any` intersect or unite their items' projections (swapped for the
 * answer false); `not` asks its item for the other answer; a named condition is followed.
 */
function projection(
  node: ConditionNode,
  answer: boolean,
  domains: ReadonlyMap<string, FactDomain>,
  named: ReadonlyMap<string, ConditionNode>,
  followed: ReadonlySet<string> = new Set(),
): Projection {
  switch (node.kind) {
    case 'const':
      return node.value === answer ? everything : null;
    case 'test': {
      const domain = domains.get(node.fact);
      if (!domain) return everything;
      const test = compilePredicate(node, named);
      return new Map([[node.fact, domain.values.map((value) => test({ [node.fact]: value }) === answer)]]);
    }
    case 'not':
      return projection(node.item, !answer, domains, named, followed);
    case 'all':
    case 'any': {
      // all → true and any → false need every item to give the answer; the others need one.
      const every = (node.kind === 'all') === answer;
      let result: Projection = every ? everything : null;
      for (const item of node.items) {
        const part = projection(item, answer, domains, named, followed);
        result = every ? intersect(result, part) : unite(result, part);
        if (every && !result) return null;
      }
      return result;
    }
    case 'ref': {
      const target = named.get(node.qualified);
      if (!target || followed.has(node.qualified)) return everything;
      return projection(target, answer, domains, named, new Set([...followed, node.qualified]));
    }
  }
}

/** An equality fact's whole domain and each value's place in it, worked out once per fact. */
const declaredDomains = new WeakMap<FactModel, { domain: FactDomain; position: Map<FactValue, number> }>();

function declared(fact: FactModel): { domain: FactDomain; position: Map<FactValue, number> } {
  let known = declaredDomains.get(fact);
  if (!known) {
    const domain = factDomain(fact);
    known = { domain, position: new Map(domain.values.map((value, index) => [value, index])) };
    declaredDomains.set(fact, known);
  }
  return known;
}

/**
 * The first value of each class of an equality fact's values that the tests (`sets`: the values
 * each names) cannot tell apart, in the fact's order: the values named, grouped by the tests
 * naming them, and the first value no test names. The work grows with the values the tests name,
 * not with the fact's values (an organisation pack names one organisation of hundreds).
 */
function representatives(fact: FactModel, sets: Iterable<readonly FactValue[]>): FactValue[] {
  const { domain, position } = declared(fact);
  const signatures = new Map<FactValue, number[]>();
  let index = 0;
  for (const set of sets) {
    for (const value of set) {
      if (!position.has(value)) continue;
      const signature = signatures.get(value);
      if (signature) signature.push(index);
      else signatures.set(value, [index]);
    }
    index++;
  }
  const first = new Map<string, FactValue>();
  for (const [value, signature] of signatures) {
    const key = signature.join(',');
    const known = first.get(key);
    if (known === undefined || position.get(value)! < position.get(known)!) first.set(key, value);
  }
  const unnamed = domain.values.find((value) => !signatures.has(value));
  const result = [...first.values(), ...(unnamed === undefined ? [] : [unnamed])];
  return result.sort((x, y) => position.get(x)! - position.get(y)!);
}

/**
 * The domains of the facts the conditions read, an equality fact (an organisation) by classes of
 * values the conditions cannot tell apart (analyze/domain.ts `valueClasses`), one value each:
 * every condition gives one answer for a whole class, so projecting and searching over one value
 * per class decides as over every value, and the first combination found is the same (a class
 * is represented by its first value). With packs scoped to one organisation each, the work per
 * pair of scopes no longer grows with the organisations. A fact not declared has no domain;
 * `undeclared` says whether there was one.
 */
function searchDomains(
  conditions: ReadonlyArray<ConditionNode | null>,
  facts: ReadonlyMap<string, FactModel>,
  named: ReadonlyMap<string, ConditionNode>,
): { domains: Map<string, FactDomain>; undeclared: boolean } {
  const { read, breakpoints } = factsRead(conditions, named, facts);
  const tests = equalityTests(conditions, named);
  const domains = new Map<string, FactDomain>();
  let undeclared = false;
  for (const id of read) {
    const fact = facts.get(id);
    if (!fact) {
      undeclared = true;
      continue;
    }
    const sets = tests.get(id);
    const cuts = breakpoints.get(id);
    if (sets && !cuts?.size && !declared(fact).domain.intervals)
      domains.set(id, { fact: id, values: representatives(fact, sets.values()) });
    else domains.set(id, factDomain(fact, cuts));
  }
  return { domains, undeclared };
}

/**
 * A combination of the facts the conditions read where each gives its wanted answer; 'none' when
 * there is none, 'unknown' when the combinations left are too many or a fact is not declared.
 */
export function findFacts(
  wanted: readonly WantedAnswer[],
  facts: ReadonlyMap<string, FactModel>,
  named: ReadonlyMap<string, ConditionNode>,
): Record<string, FactValue> | 'none' | 'unknown' {
  const conditions = wanted.map((w) => w.condition);
  const { domains, undeclared } = searchDomains(conditions, facts, named);
  if (undeclared) return 'unknown';
  let allowed: Projection = everything;
  for (const { condition, holds } of wanted) {
    if (condition) allowed = intersect(allowed, projection(condition, holds, domains, named));
    else if (!holds) return 'none';
    if (!allowed) return 'none';
  }
  if (!allowed) return 'none';
  const kept = allowed;
  const narrowed: FactDomain[] = [];
  let size = 1;
  for (const domain of domains.values()) {
    const keep = kept.get(domain.fact);
    const values = keep ? domain.values.filter((_, i) => keep[i]) : domain.values;
    if (values.length === 0) return 'none';
    narrowed.push({ fact: domain.fact, values });
    size *= values.length;
    if (size > maxCombinations) return 'unknown';
  }
  const predicates = conditions.map((node) => (node ? compilePredicate(node, named) : () => true));
  for (const record of combinations(narrowed, {})) {
    if (predicates.every((holds, i) => holds(record) === wanted[i]!.holds)) return { ...record };
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
  return (
    findFacts(
      [
        { condition: a, holds: true },
        { condition: b, holds: true },
      ],
      facts,
      named,
    ) !== 'none'
  );
}

/**
 * The pairs (i, j), j < i, of `scopes` that are worth comparing with `scopesMayOverlap`, without
 * listing every pair: the scopes are put in buckets by the values they require of the fact most
 * of them fix (`is`/`in`, alone or in an `all`: for organisation packs, the organisation), and
 * only scopes sharing a bucket, or one of them not fixing that fact, are paired. A scope can
 * hold only for a value it requires, so every pair left out cannot overlap. The work grows with
 * the values the scopes name, not with the values of the fact (a pack names one organisation of
 * hundreds). Pairs in the order i, then j.
 */
export function candidatePairs(
  scopes: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
): Array<[number, number]> {
  const required = scopes.map((scope) => (scope ? requiredValues(scope, named) : new Map<string, Set<FactValue>>()));
  const fixing = new Map<string, number>();
  for (const byFact of required) for (const fact of byFact.keys()) fixing.set(fact, (fixing.get(fact) ?? 0) + 1);
  const key = [...fixing.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  const earlier = scopes.map(() => new Set<number>());
  // Scopes not in a bucket: without `appliesWhen`, or not fixing the bucket fact.
  const unbucketed: number[] = [];
  const buckets = new Map<FactValue, number[]>();
  required.forEach((byFact, i) => {
    const pairWith = (j: number) => earlier[i]!.add(j);
    const allowed = key === undefined ? undefined : byFact.get(key);
    if (!allowed) {
      for (let j = 0; j < i; j++) pairWith(j);
      unbucketed.push(i);
      return;
    }
    for (const j of unbucketed) pairWith(j);
    for (const value of allowed) {
      const bucket = buckets.get(value);
      if (bucket) {
        for (const j of bucket) pairWith(j);
        bucket.push(i);
      } else buckets.set(value, [i]);
    }
  });
  return earlier.flatMap((js, i) => [...js].sort((x, y) => x - y).map((j): [number, number] => [i, j]));
}
