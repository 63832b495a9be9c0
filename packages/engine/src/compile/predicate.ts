/**
 * The compiled evaluation path: each checked condition becomes a plain JavaScript closure,
 * built from the AST (never from reviewer text, never `eval`). Its semantics follow the
 * json-rules-engine operators the same condition compiles to (`equal`, `in`, numeric operators
 * that are false for a non-number), and a differential test holds the two paths together.
 */
import type { CompareOperator, ConditionNode, FactValue } from '../model.js';

export type Facts = Readonly<Record<string, FactValue>>;
export type Predicate = (facts: Facts) => boolean;

function compileTest(fact: string, op: CompareOperator, value: FactValue | FactValue[]): Predicate {
  switch (op) {
    case 'eq':
      return (facts) => facts[fact] === value;
    case 'ne':
      return (facts) => facts[fact] !== value;
    case 'in': {
      const set = new Set(value as FactValue[]);
      return (facts) => set.has(facts[fact] as FactValue);
    }
    case 'notIn': {
      const set = new Set(value as FactValue[]);
      return (facts) => !set.has(facts[fact] as FactValue);
    }
    case 'gte':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' && v >= (value as number);
      };
    case 'lte':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' && v <= (value as number);
      };
    case 'gt':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' && v > (value as number);
      };
    case 'lt':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' && v < (value as number);
      };
  }
}

const alwaysTrue: Predicate = () => true;
const alwaysFalse: Predicate = () => false;

/** Compiles a condition; named conditions are compiled once and shared through `cache`. */
export function compilePredicate(
  node: ConditionNode,
  named: ReadonlyMap<string, ConditionNode>,
  cache: Map<string, Predicate> = new Map(),
): Predicate {
  switch (node.kind) {
    case 'const':
      return node.value ? alwaysTrue : alwaysFalse;
    case 'test':
      return compileTest(node.fact, node.op, node.value);
    case 'all': {
      const items = node.items.map((item) => compilePredicate(item, named, cache));
      if (items.length === 1) return items[0]!;
      if (items.length === 2) {
        const [x, y] = items as [Predicate, Predicate];
        return (facts) => x(facts) && y(facts);
      }
      return (facts) => {
        for (const item of items) if (!item(facts)) return false;
        return true;
      };
    }
    case 'any': {
      const items = node.items.map((item) => compilePredicate(item, named, cache));
      if (items.length === 1) return items[0]!;
      if (items.length === 2) {
        const [x, y] = items as [Predicate, Predicate];
        return (facts) => x(facts) || y(facts);
      }
      return (facts) => {
        for (const item of items) if (item(facts)) return true;
        return false;
      };
    }
    case 'not': {
      const item = compilePredicate(node.item, named, cache);
      return (facts) => !item(facts);
    }
    case 'ref': {
      const cached = cache.get(node.qualified);
      if (cached) return cached;
      const target = named.get(node.qualified);
      if (!target) return alwaysFalse;
      // Placeholder first, so a (checker-refused) cycle cannot recurse forever.
      let compiled: Predicate = alwaysFalse;
      cache.set(node.qualified, (facts) => compiled(facts));
      compiled = compilePredicate(target, named, cache);
      cache.set(node.qualified, compiled);
      return compiled;
    }
  }
}

/**
 * Predicates of every sub-condition, compiled on first use and kept: a policy set explains the
 * same conditions for every decision, so compiling them again per decision would dominate.
 */
export interface PredicateCache {
  of(node: ConditionNode): Predicate;
}

export function createPredicateCache(named: ReadonlyMap<string, ConditionNode>): PredicateCache {
  const byNode = new WeakMap<ConditionNode, Predicate>();
  const byName = new Map<string, Predicate>();
  return {
    of(node) {
      let predicate = byNode.get(node);
      if (!predicate) {
        predicate = compilePredicate(node, named, byName);
        byNode.set(node, predicate);
      }
      return predicate;
    },
  };
}

export interface ConditionFailure {
  /** The condition as written, in a compact form: `priorIncidents ≥ 1`. */
  condition: string;
  /** The value the fact had. */
  actual: FactValue;
  at?: string;
}

const operatorText: Record<CompareOperator, string> = {
  eq: 'is',
  ne: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  gte: '≥',
  lte: '≤',
  gt: '>',
  lt: '<',
};

const show = (value: FactValue | FactValue[]): string =>
  Array.isArray(value) ? `[${value.map((v) => (v === null ? 'none' : String(v))).join(', ')}]` : value === null ? 'none' : String(value);

/** The compact text of a test: `grave is true`, `priorIncidents ≥ 1`. */
export function conditionText(node: Extract<ConditionNode, { kind: 'test' }>): string {
  return `${node.fact} ${operatorText[node.op]} ${node.setting ? `${show(node.value)} (setting ${node.setting})` : show(node.value)}`;
}

/**
 * The leaf tests that made a condition fail, for traces: the failing leaves of an `all`, every
 * leaf of an `any` (none held), and for a `not` the inner leaves that held.
 */
export function explainFailure(
  node: ConditionNode,
  facts: Facts,
  named: ReadonlyMap<string, ConditionNode>,
  compiled: PredicateCache = createPredicateCache(named),
): ConditionFailure[] {
  const out: ConditionFailure[] = [];
  const holds = (n: ConditionNode) => compiled.of(n)(facts);
  const where = (n: ConditionNode) => (n.at ? `${n.at.file}:${n.at.line}:${n.at.column}` : undefined);
  const visit = (n: ConditionNode, wanted: boolean, depth: number): void => {
    if (depth > 64 || holds(n) === wanted) return;
    switch (n.kind) {
      case 'const':
        out.push({ condition: n.origin, actual: null, ...(n.at ? { at: where(n) } : {}) });
        return;
      case 'test': {
        const text = conditionText(n);
        const failure: ConditionFailure = { condition: wanted ? text : `not (${text})`, actual: facts[n.fact] ?? null };
        const at = where(n);
        if (at) failure.at = at;
        out.push(failure);
        return;
      }
      case 'all':
        if (wanted) n.items.forEach((item) => visit(item, true, depth + 1));
        else n.items.forEach((item) => visit(item, false, depth + 1));
        return;
      case 'any':
        if (wanted) n.items.forEach((item) => visit(item, true, depth + 1));
        else n.items.forEach((item) => visit(item, false, depth + 1));
        return;
      case 'not':
        visit(n.item, !wanted, depth + 1);
        return;
      case 'ref': {
        const target = named.get(n.qualified);
        if (target) visit(target, wanted, depth + 1);
        return;
      }
    }
  };
  visit(node, true, 0);
  return out;
}
