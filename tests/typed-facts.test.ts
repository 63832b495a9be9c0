/**
 * The generated fact and outcome types of @vot/policies: fresh (regenerated from the policies
 * and compared with the committed file), and they refuse at compile time what decide() refuses
 * at run time. The `@ts-expect-error` lines are checked by `pnpm typecheck`: if a bad call ever
 * type-checks, the directive itself becomes an error.
 */
import { readFile } from 'node:fs/promises';
import { checkPolicyFolder, PolicyError } from '@vot/engine';
import { factTypesSource } from '@vot/engine/tools';
import { bundledPolicyDir, loadPolicies, points, type OutcomeOf, type Policies, type StatusOf, type Status } from '@vot/policies';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { factTypesCommand, generatedFactsFile } from '../packages/policies/scripts/paths.js';

const followUp = { organisation: 'nav-office', employeeEmployer: 'state', incidentType: 'threat-in-person' } as const;

/** Bad calls, each refused by the compiler (see the directives) and by decide() at run time. */
function badCalls(policies: Policies): Array<() => Promise<unknown>> {
  return [
    // @ts-expect-error a fact outside the vocabulary
    () => policies.decide('follow-up', { ...followUp, colour: 'red' }),
    // @ts-expect-error a value outside the fact's domain
    () => policies.decide('follow-up', { ...followUp, organisation: 'nav-offic' }),
    // @ts-expect-error a fact the point needs is missing
    () => policies.decide('follow-up', { organisation: 'nav-office' }),
    // @ts-expect-error a fact of the wrong type
    () => policies.decide('reporting', { ...followUp, incidentType: 'threat-remote', channel: 'phone', injury: 'none', urgent: 'yes' }),
    // @ts-expect-error an unknown point
    () => policies.decide('folow-up', followUp),
  ];
}

describe('generated fact types', () => {
  it('match the vocabulary and points of the bundled policies', async () => {
    const checked = await checkPolicyFolder(bundledPolicyDir());
    const committed = await readFile(generatedFactsFile, 'utf8');
    expect(committed, `stale: run \`${factTypesCommand}\``).toBe(factTypesSource(checked.model!, { command: factTypesCommand }));
    expect([...points]).toEqual(checked.model!.points.map((p) => p.id));
  });

  it('type decisions by point, and what the compiler refuses decide() refuses too', async () => {
    const policies = await loadPolicies();
    const decision = await policies.decide('follow-up', followUp);
    expectTypeOf(decision.outcomes[0]!.id).toEqualTypeOf<OutcomeOf<'follow-up'>>();
    expectTypeOf<'leader-follow-up'>().toExtend<OutcomeOf<'follow-up'>>();
    expectTypeOf<'exclusion-physical'>().not.toExtend<OutcomeOf<'follow-up'>>();
    expect(decision.outcomes.map((o) => o.id)).toContain('leader-follow-up');
    for (const call of badCalls(policies)) await expect(call()).rejects.toBeInstanceOf(PolicyError);
  });

  it('type each outcome with the statuses its rules can give, recommended included', async () => {
    const policies = await loadPolicies();
    // After harassment the leader's follow-up is recommended (legal review 1, I2): the type says so.
    expectTypeOf<StatusOf<'follow-up', 'leader-follow-up'>>().toEqualTypeOf<'required' | 'recommended'>();
    expectTypeOf<'recommended'>().not.toExtend<StatusOf<'follow-up', 'offer-bht'>>();
    const decision = await policies.decide('follow-up', { ...followUp, incidentType: 'harassment-other' });
    const leader = decision.outcomes.find((o) => o.id === 'leader-follow-up')!;
    expect(leader.status).toBe('recommended');
    for (const outcome of decision.outcomes) {
      if (outcome.id === 'leader-follow-up') expectTypeOf(outcome.status).toEqualTypeOf<'required' | 'recommended'>();
      expectTypeOf(outcome.status).toExtend<Status>();
    }
  });
});
