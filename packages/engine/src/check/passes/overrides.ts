/**
 * Overrides pass: which policy decides an outcome that several policies of a point list. An
 * override (`overrides:`) must name a shared policy of its own point that is not an override
 * itself, and its scope must lie inside the shared scope (it specialises the shared rules, never
 * widens them); it then replaces the shared policy's outcomes it lists, and one that replaces
 * none is most likely a misspelt outcome id. Two policies whose scopes can overlap may decide
 * the same outcome only when one overrides the other, and two overrides of one outcome must not
 * overlap. Scopes are compared symbolically on the facts they read, then by a search of the
 * combinations left (analyze/overlap.ts); only pairs that share a value of the fact most scopes
 * constrain are compared, so organisation packs cost nothing per pair.
 */
import { candidatePairs, findFacts, scopesMayOverlap } from '../../analyze/overlap.js';
import { literalText } from '../../fact-types/index.js';
import type { FactValue } from '../../model.js';
import { didYouMean, locationText, type CheckContext } from '../context.js';

const factsText = (record: Readonly<Record<string, FactValue>>): string =>
  Object.entries(record)
    .map(([id, value]) => `\`${id}: ${literalText(value)}\``)
    .join(', ') || 'every incident';

export function checkOverrides(ctx: CheckContext): void {
  const facts = ctx.facts.byId;
  const named = ctx.conditionsByName;

  const validOverride = new Set<string>();
  for (const policy of ctx.policies.values()) {
    if (policy.overrides === undefined) continue;
    const rep = ctx.policyReporters.get(policy.id)!;
    const target = ctx.policies.get(policy.overrides);
    const problem =
      policy.overrides === policy.id
        ? 'a policy cannot override itself'
        : !target
          ? 'no policy has this id'
          : target.point !== policy.point
            ? `it decides point \`${target.point}\`, not \`${policy.point}\``
            : target.overrides !== undefined
              ? `it overrides \`${target.overrides}\` itself; override the shared policy directly`
              : undefined;
    if (problem || !target) {
      rep.report(['overrides'], {
        code: 'invalid-override',
        args: { policy: policy.id, target: policy.overrides, problem: problem ?? '' },
        help: !target
          ? didYouMean(
              policy.overrides,
              ctx.policies.ids().filter((id) => id !== policy.id),
            )
          : undefined,
      });
      continue;
    }
    const outside = findFacts(
      [
        { condition: policy.scope, holds: true },
        { condition: target.scope, holds: false },
      ],
      facts,
      named,
    );
    if (outside !== 'none') {
      rep.report(policy.scope ? ['appliesWhen'] : ['overrides'], {
        code: 'override-outside-scope',
        args: {
          policy: policy.id,
          target: target.id,
          example: outside === 'unknown' ? 'the scopes are too large to compare' : `it holds for ${factsText(outside)}`,
        },
      });
      continue;
    }
    validOverride.add(policy.id);
  }

  // An outcome decided by two policies of one point is ambiguous unless their scopes never
  // overlap, or one overrides the other; two overrides of one shared outcome must not overlap.
  for (const [key, owners] of ctx.outcomeOwners) {
    if (owners.length < 2) continue;
    const [pointId, outcomeId] = key.split('\u0000') as [string, string];
    for (const owner of owners) {
      if (!owner.policy.overrides || !validOverride.has(owner.policy.id)) continue;
      const shared = owners.find((o) => o.policy.id === owner.policy.overrides);
      if (!shared) continue;
      (shared.outcome.overriddenBy ??= []).push(owner.policy.id);
      owner.outcome.overrides = shared.policy.id;
    }
    const scopes = owners.map((owner) => owner.policy.scope);
    for (const [i, j] of candidatePairs(scopes, named)) {
      const [a, b] = [owners[i]!, owners[j]!];
      if (a.policy.overrides === b.policy.id || b.policy.overrides === a.policy.id) continue;
      if (!scopesMayOverlap(a.policy.scope, b.policy.scope, facts, named)) continue;
      const sharedTarget =
        a.policy.overrides !== undefined &&
        a.policy.overrides === b.policy.overrides &&
        owners.some((o) => o.policy.id === a.policy.overrides);
      if (sharedTarget) {
        a.rep.report(a.path, {
          code: 'ambiguous-override',
          args: { id: outcomeId, target: a.policy.overrides ?? '', other: b.policy.id, at: locationText(b.at) },
        });
      } else {
        a.rep.report(a.path, { code: 'conflicting-outcome', args: { id: outcomeId, point: pointId, other: locationText(b.at) } });
      }
    }
  }

  // An override that shares no outcome with its shared policy replaces nothing: most likely a
  // misspelt outcome id, which would otherwise silently add an outcome instead of replacing one.
  for (const id of validOverride) {
    const policy = ctx.policies.get(id)!;
    const point = ctx.points.get(policy.point);
    if (point && !point.outcomes.some((o) => o.policy === id && o.overrides !== undefined)) {
      ctx.policyReporters
        .get(id)!
        .report(['overrides'], { code: 'override-replaces-nothing', args: { policy: id, target: policy.overrides! } });
    }
  }
}
