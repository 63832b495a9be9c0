/**
 * The compiled evaluation path: each checked condition becomes a plain JavaScript closure,
 * built from the AST (never from reviewer text, never `eval`). Its semantics follow the
 * json-rules-engine operators the same condition compiles to (`equal`, `in`, numeric operators
 * that are false for a non-number, the date operators registered in rules-engine.ts), and a
 * differential test holds the two paths together.
 */
import type { CompareOperator, ConditionNode, FactValue } from '../model.js';
import { locationText } from '../location.js';

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
    case 'lte':
    case 'gt':
    case 'lt':
      return compileOrder(fact, op, value as number | string);
  }
}

/**
 * An ordering comparison of numbers, or of dates (`YYYY-MM-DD` strings, which order as the days
 * they name: the checker and the fact checks admit no other form). False for a value of another
 * type, as json-rules-engine's numeric operators and our date operators are.
 */
function compileOrder(fact: string, op: 'gte' | 'lte' | 'gt' | 'lt', value: number | string): Predicate {
  const kind = typeof value;
  switch (op) {
    case 'gte':
      return (facts) => {
        const v = facts[fact];
        return typeof v === kind && (v as typeof value) >= value;
      };
    case 'lte':
      return (facts) => {
        const v = facts[fact];
        return typeof v === kind && (v as typeof value) <= value;
      };
    case 'gt':
      return (facts) => {
        const v = facts[fact];
        return typeof v === kind && (v as typeof value) > value;
      };
    case 'lt':
      return (facts) => {
        const v = facts[fact];
        return typeof v === kind && (v as typeof value) < value;
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

/** Adds to `out` the leaf tests that keep a condition from `wanted`, for these facts. */
type Explainer = (facts: Facts, out: ConditionFailure[]) => void;

const explainNothing: Explainer = () => undefined;

/** Failures kept per condition, by the value that failed it. */
const maxFailuresKept = 64;

/**
 * Explanations compiled once per condition and kept: every decision explains the same rules, so
 * the predicates, texts and locations are built on first use only, never per decision. The
 * failures it gives are frozen and may be shared between calls.
 */
export interface ExplainerCache {
  explain(node: ConditionNode, facts: Facts): ConditionFailure[];
}

export function createExplainerCache(named: ReadonlyMap<string, ConditionNode>): ExplainerCache {
  const namedPredicates = new Map<string, Predicate>();
  const compiled = { true: new WeakMap<ConditionNode, Explainer>(), false: new WeakMap<ConditionNode, Explainer>() };
  const where = (n: ConditionNode) => (n.at ? locationText(n.at) : undefined);

  const compile = (node: ConditionNode, wanted: boolean, depth: number): Explainer => {
    if (depth > 64) return explainNothing;
    const memo = wanted ? compiled.true : compiled.false;
    const known = memo.get(node);
    if (known) return known;
    // Placeholder first, so a (checker-refused) cycle of named conditions cannot recurse forever.
    let body: Explainer = explainNothing;
    memo.set(node, (facts, out) => body(facts, out));
    const holds = compilePredicate(node, named, namedPredicates);
    switch (node.kind) {
      case 'const': {
        const at = where(node);
        const failure: ConditionFailure = Object.freeze(
          at ? { condition: node.origin, actual: null, at } : { condition: node.origin, actual: null },
        );
        body = (facts, out) => {
          if (holds(facts) !== wanted) out.push(failure);
        };
        break;
      }
      case 'test': {
        const text = conditionText(node);
        const condition = wanted ? text : `not (${text})`;
        const at = where(node);
        const fact = node.fact;
        // A failure is the same for the same value: made once per value and shared, frozen (a
        // trace keeps it as it is). Bounded, as a date fact has more values than a trace needs kept.
        const byValue = new Map<FactValue, ConditionFailure>();
        body = (facts, out) => {
          if (holds(facts) === wanted) return;
          const actual = facts[fact] ?? null;
          let failure = byValue.get(actual);
          if (failure === undefined) {
            failure = Object.freeze(at ? { condition, actual, at } : { condition, actual });
            if (byValue.size < maxFailuresKept) byValue.set(actual, failure);
          }
          out.push(failure);
        };
        break;
      }
      case 'all':
      case 'any': {
        const items = node.items.map((item) => compile(item, wanted, depth + 1));
        body = (facts, out) => {
          if (holds(facts) === wanted) return;
          for (const item of items) item(facts, out);
        };
        break;
      }
      case 'not': {
        const item = compile(node.item, !wanted, depth + 1);
        body = (facts, out) => {
          if (holds(facts) !== wanted) item(facts, out);
        };
        break;
      }
      case 'ref': {
        const target = named.get(node.qualified);
        const item = target ? compile(target, wanted, depth + 1) : explainNothing;
        body = (facts, out) => {
          if (holds(facts) !== wanted) item(facts, out);
        };
        break;
      }
    }
    memo.set(node, body);
    return body;
  };

  return {
    explain(node, facts) {
      const out: ConditionFailure[] = [];
      compile(node, true, 0)(facts, out);
      return out;
    },
  };
}

/**
 * The leaf tests that made a condition fail, for traces: the failing leaves of an `all`, every
 * leaf of an `any` (none held), and for a `not` the inner leaves that held.
 */
export function explainFailure(
  node: ConditionNode,
  facts: Facts,
  named: ReadonlyMap<string, ConditionNode>,
  explainers: ExplainerCache = createExplainerCache(named),
): ConditionFailure[] {
  return explainers.explain(node, facts);
}
