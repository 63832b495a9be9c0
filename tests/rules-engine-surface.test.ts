/**
 * json-rules-engine's dangerous surface stays unreachable from policy YAML. The engine resolves
 * a condition's `path` with jsonpath-plus (remote code execution in CVE-2024-21534), and reads
 * a `value` that is an object as a reference to another fact. So: the document schema refuses
 * every key outside the condition forms of docs/policy-format.md, and the conditions compiled
 * onto json-rules-engine for every bundled rule hold only `all`/`any`/`not`/`condition` and
 * `fact`/`operator`/`value` with a built-in operator or one of our four date operators (string
 * comparisons, nothing else) and a scalar value (or a list of them).
 */
import type { PolicySet } from '@vot/engine';
import { buildRulesEngine, conditionSchema as condition, documentSchemas } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

const builtInOperators = new Set([
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  // Ours: json-rules-engine's numeric operators would read `2021-07-01` as the number 2021.
  'dateOnOrAfter',
  'dateOnOrBefore',
  'dateAfter',
  'dateBefore',
]);
const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** Every problem with one compiled condition tree; empty when it uses only the safe surface. */
function unsafeParts(node: unknown, where: string): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [`${where}: not a condition object`];
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if ('all' in record || 'any' in record) {
    const items = (record.all ?? record.any) as unknown[];
    const extra = keys.filter((k) => !['all', 'any', 'priority'].includes(k));
    return [
      ...extra.map((k) => `${where}: key \`${k}\``),
      ...items.flatMap((item, i) => unsafeParts(item, `${where}.${'all' in record ? 'all' : 'any'}[${i}]`)),
    ];
  }
  if ('not' in record) {
    const extra = keys.filter((k) => !['not', 'priority'].includes(k));
    return [...extra.map((k) => `${where}: key \`${k}\``), ...unsafeParts(record.not, `${where}.not`)];
  }
  if ('condition' in record) {
    return keys.filter((k) => !['condition', 'priority'].includes(k)).map((k) => `${where}: key \`${k}\``);
  }
  const problems = keys.filter((k) => !['fact', 'operator', 'value', 'priority'].includes(k)).map((k) => `${where}: key \`${k}\``);
  if (typeof record.fact !== 'string') problems.push(`${where}: fact is not a name`);
  if (!builtInOperators.has(String(record.operator))) problems.push(`${where}: operator \`${String(record.operator)}\``);
  const value = record.value;
  if (!(isScalar(value) || value === null || (Array.isArray(value) && value.every((v) => isScalar(v) || v === null))))
    problems.push(`${where}: value is an object`);
  return problems;
}

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies();
});

describe('json-rules-engine surface', () => {
  it('every compiled condition of every bundled rule and named condition uses only the safe keys', async () => {
    let checked = 0;
    for (const point of policies.model.points) {
      const engine = (await buildRulesEngine(policies.model, point)) as unknown as {
        rules: Array<{ toJSON(stringify: false): { name: string; conditions: unknown } }>;
        conditions: Map<string, unknown>;
        pathResolver?: unknown;
        operators: { operators: Map<string, unknown> };
      };
      // No custom path resolver, and only json-rules-engine's own operators and our four date operators registered.
      expect(engine.pathResolver).toBeUndefined();
      expect([...engine.operators.operators.keys()].sort()).toEqual([
        'contains',
        'dateAfter',
        'dateBefore',
        'dateOnOrAfter',
        'dateOnOrBefore',
        'doesNotContain',
        'equal',
        'greaterThan',
        'greaterThanInclusive',
        'in',
        'lessThan',
        'lessThanInclusive',
        'notEqual',
        'notIn',
      ]);
      for (const rule of engine.rules) {
        const json = rule.toJSON(false);
        expect(unsafeParts(JSON.parse(JSON.stringify(json.conditions)), `${point.id}/${json.name}`)).toEqual([]);
        expect(JSON.stringify(json.conditions)).not.toMatch(/"path"|"params"|"\$\./);
        checked++;
      }
      for (const [name, named] of engine.conditions) {
        expect(unsafeParts(JSON.parse(JSON.stringify(named)), `${point.id}/${name}`)).toEqual([]);
      }
    }
    // The bundled set has hundreds of rules; a walk that checked none would prove nothing.
    expect(checked).toBeGreaterThan(100);
  });

  it('the walk itself finds a smuggled path, params, custom operator and fact reference', () => {
    expect(unsafeParts({ all: [{ fact: 'a', operator: 'equal', value: 1, path: '$.x' }] }, 'c')).toEqual(['c.all[0]: key `path`']);
    expect(unsafeParts({ any: [{ fact: 'a', operator: 'equal', value: 1, params: {} }] }, 'c')).toEqual(['c.any[0]: key `params`']);
    expect(unsafeParts({ fact: 'a', operator: 'evalCode', value: 1 }, 'c')).toEqual(['c: operator `evalCode`']);
    expect(unsafeParts({ fact: 'a', operator: 'equal', value: { fact: 'b', path: '$..*' } }, 'c')).toEqual(['c: value is an object']);
  });

  it('property: the condition schema refuses any condition form with a json-rules-engine key added', () => {
    const forms: unknown[] = [
      'always',
      { fact: 'grave', is: true },
      { fact: 'priorIncidents', atLeast: 2 },
      { fact: 'injury', in: ['serious'] },
      { setting: 'exclusion.max-weeks', is: 12 },
      { all: [{ fact: 'grave', is: true }] },
      { any: [{ fact: 'grave', is: true }] },
      { not: { fact: 'grave', is: true } },
      { condition: 'grave-or-warned-repeat' },
    ];
    for (const form of forms) expect(condition.safeParse(form).success, JSON.stringify(form)).toBe(true);
    const smuggled = fc.constantFrom('path', 'params', 'operator', 'value', 'condition', 'fact', 'priority', 'event', 'name', '$path');
    const payload = fc.oneof(
      fc.constant('$..constructor.constructor'),
      fc.constant({ fact: 'grave' }),
      fc.string(),
      fc.integer(),
      fc.constant(['$']),
    );
    fc.assert(
      fc.property(fc.constantFrom(...forms.filter((f) => typeof f === 'object')), smuggled, payload, (form, key, value) => {
        const record = form as Record<string, unknown>;
        fc.pre(!(key in record));
        expect(condition.safeParse({ ...record, [key]: value }).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the document schemas accept no condition outside the documented forms anywhere a policy holds one', () => {
    const policy = documentSchemas.policy;
    const base = {
      kind: 'policy',
      policy: 'p',
      point: 'reaction',
      title: { nb: 'T', en: 'T' },
      outcomes: [
        {
          id: 'o',
          rules: [{ when: { fact: 'grave', is: true }, status: 'not-permitted', reason: { nb: 'N', en: 'N' } }],
          otherwise: 'omit',
        },
      ],
    };
    expect(policy.safeParse(base).success).toBe(true);
    const withPath = structuredClone(base) as typeof base & { outcomes: Array<{ rules: Array<{ when: Record<string, unknown> }> }> };
    withPath.outcomes[0]!.rules[0]!.when.path = '$.x';
    expect(policy.safeParse(withPath).success).toBe(false);
    expect(policy.safeParse({ ...base, appliesWhen: { fact: 'grave', operator: 'equal', value: true } }).success).toBe(false);
  });
});
