/**
 * Named-conditions pass: each policy's `conditions:`, the named conditions its rules refer to
 * as `{ condition: name }`. Each is checked as a condition (check/conditions.ts) and has each
 * language in its title; a named condition that refers back to itself, directly or through
 * others, is reported with the chain and stands as `false`.
 */
import type { ConditionNode, PolicyModel } from '../../model.js';
import type { CheckContext } from '../context.js';
import { checkCondition } from '../conditions.js';
import { checkText } from '../texts.js';

const refsOf = (node: ConditionNode): string[] =>
  node.kind === 'ref'
    ? [node.name]
    : node.kind === 'all' || node.kind === 'any'
      ? node.items.flatMap(refsOf)
      : node.kind === 'not'
        ? refsOf(node.item)
        : [];

export function checkNamedConditions(ctx: CheckContext): void {
  for (const entry of ctx.documents('policy')) {
    const rep = ctx.reporter.in(entry);
    const doc = entry.document;
    const named = new Map(Object.entries(doc.conditions ?? {}));
    const conditions: PolicyModel['conditions'] = [];
    for (const [name, definition] of named) {
      const path = ['conditions', name];
      const scope = { rep, where: `named condition \`${name}\``, policy: doc.policy, named };
      const when = checkCondition(ctx, scope, [...path, 'when'], definition.when);
      const condition: PolicyModel['conditions'][number] = { name, qualified: `${doc.policy}/${name}`, when, at: rep.at(path) };
      if (definition.title)
        condition.title = checkText(ctx, rep, [...path, 'title'], definition.title, `the title of condition \`${name}\``);
      conditions.push(condition);
    }
    const byName = new Map(conditions.map((c) => [c.name, c]));
    for (const start of conditions) {
      const stack: Array<{ name: string; chain: string[] }> = refsOf(start.when).map((name) => ({ name, chain: [start.name, name] }));
      const seen = new Set<string>();
      while (stack.length > 0) {
        const { name, chain } = stack.pop()!;
        if (name === start.name) {
          rep.report(
            ['conditions', start.name],
            { code: 'condition-cycle', args: { name: start.name, chain: chain.map((c) => `\`${c}\``).join(' → ') } },
            { key: true },
          );
          start.when = { kind: 'const', value: false, origin: 'cyclic condition' };
          break;
        }
        if (seen.has(name)) continue;
        seen.add(name);
        for (const next of refsOf(byName.get(name)?.when ?? { kind: 'const', value: false, origin: '' }))
          stack.push({ name: next, chain: [...chain, next] });
      }
    }
    ctx.namedConditions.set(entry, conditions);
  }
}
