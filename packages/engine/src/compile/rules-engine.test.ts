import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { ConditionNode } from '../model.js';
import { compilePredicate } from './predicate.js';
import { toRulesEngineCondition } from './rules-engine.js';

/** Whether json-rules-engine says the condition holds for these facts. */
async function holdsOnEngine(node: ConditionNode, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({ conditions: toRulesEngineCondition(node), event: { type: 'holds' } });
  const { events } = await engine.run(facts);
  return events.length === 1;
}

describe('toRulesEngineCondition', () => {
  const always: ConditionNode = { kind: 'const', value: true, origin: 'always' };
  const never: ConditionNode = { kind: 'const', value: false, origin: 'setting x is true' };
  const flag: ConditionNode = { kind: 'test', fact: 'flag', op: 'eq', value: true };

  it('keeps constants true and false on json-rules-engine (an empty `any` would hold there)', async () => {
    expect(await holdsOnEngine(always, {})).toBe(true);
    expect(await holdsOnEngine(never, {})).toBe(false);
    expect(await holdsOnEngine({ kind: 'all', items: [flag, never] }, { flag: true })).toBe(false);
    expect(await holdsOnEngine({ kind: 'any', items: [never, flag] }, { flag: false })).toBe(false);
    expect(await holdsOnEngine({ kind: 'not', item: never }, {})).toBe(true);
  });

  it('agrees with the compiled predicate on every combination of constants and a fact', async () => {
    const leaves = [always, never, flag];
    const shapes: ConditionNode[] = leaves.flatMap((x) =>
      leaves.flatMap((y) => [
        { kind: 'all', items: [x, y] },
        { kind: 'any', items: [x, y] },
        { kind: 'not', item: { kind: 'any', items: [x, y] } },
      ]),
    );
    for (const shape of [...leaves, ...shapes]) {
      for (const value of [false, true]) {
        const compiled = compilePredicate(shape, new Map())({ flag: value });
        expect(await holdsOnEngine(shape, { flag: value }), JSON.stringify(shape)).toBe(compiled);
      }
    }
  });
});
