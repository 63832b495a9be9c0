import { describe, expect, it } from 'vitest';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import type { PolicySetModel } from '../model.js';
import { minimalPolicyFiles, overridingPolicyFiles } from '../testing/fixtures.js';
import { domainSize, outcomeSlice } from './domain.js';

function model(files: Record<string, string>): PolicySetModel {
  const checked = checkPolicyTexts(new Map(Object.entries(files)));
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.model;
}

/** The slice of an outcome of the `access` point, as `fact: values` for a readable comparison. */
function sliceOf(set: PolicySetModel, policy: string, outcome: string): Record<string, unknown[]> {
  const point = set.points.find((p) => p.id === 'access')!;
  const slice = outcomeSlice(set, point, point.outcomes.find((o) => o.policy === policy && o.id === outcome)!);
  return Object.fromEntries(slice.map((domain) => [domain.fact, domain.values]));
}

describe('outcomeSlice (derived by hand from the fixture policies)', () => {
  const minimal = model(minimalPolicyFiles);

  it('takes the facts of the rules, their requirements and the named conditions they use', () => {
    // open-door: `colour is red`; `busy` = count ≥ 10 or flag; log-entry unless colour is blue.
    // count splits at 10 (and 11, where `≥ 10` and `> 10` could differ).
    expect(sliceOf(minimal, 'doors', 'open-door')).toEqual({ colour: ['red', 'green', 'blue'], count: [0, 10, 11], flag: [false, true] });
  });

  it('leaves out every fact the outcome does not read, and keeps `none` for a fact that may be absent', () => {
    // close-door reads only `weeks > 12` (the setting door.max-weeks); weeks may be absent.
    const point = minimal.points[0]!;
    const slice = outcomeSlice(minimal, point, point.outcomes.find((o) => o.id === 'close-door')!);
    expect(slice).toEqual([{ fact: 'weeks', values: [1, 12, 13, null], intervals: ['1..11', '12', '13..104', 'none'] }]);
    expect(domainSize(slice)).toBe(4);
  });

  it('adds the scope of the policy and the rules of the policies that override the outcome', () => {
    const overridden = model({ ...minimalPolicyFiles, ...overridingPolicyFiles });
    // red-doors applies where colour is red and decides open-door there by `flag`.
    expect(sliceOf(overridden, 'red-doors', 'open-door')).toEqual({ colour: ['red', 'green', 'blue'], flag: [false, true] });
    expect(sliceOf(overridden, 'red-doors', 'log-entry')).toEqual({ colour: ['red', 'green', 'blue'] });
    // The shared open-door keeps its own facts; the overrider reads none beyond them.
    expect(sliceOf(overridden, 'doors', 'open-door')).toEqual({
      colour: ['red', 'green', 'blue'],
      count: [0, 10, 11],
      flag: [false, true],
    });
  });

  it('adds to a shared outcome the facts its overriding policies read, scope included', () => {
    // long-doors overrides open-door where weeks ≥ 20, and decides it there by count ≤ 3.
    const longDoors = `kind: policy
policy: long-doors
point: access
title: { nb: Lange perioder, en: Long periods }
overrides: doors
appliesWhen: { fact: weeks, atLeast: 20 }
outcomes:
  - id: open-door
    basis: [rule-book-2]
    rules:
      - when: { fact: count, atMost: 3 }
        status: permitted
        reason: { nb: Få., en: Few. }
    otherwise:
      status: not-permitted
      reason: { nb: Mange., en: Many. }
`;
    const overridden = model({ ...minimalPolicyFiles, 'access/long-doors.yaml': longDoors });
    // count now also splits at 3 and 4 (count ≤ 3), and weeks at 20 and 21, with `none`.
    expect(sliceOf(overridden, 'doors', 'open-door')).toEqual({
      colour: ['red', 'green', 'blue'],
      count: [0, 3, 4, 10, 11],
      flag: [false, true],
      weeks: [1, 20, 21, null],
    });
    expect(sliceOf(overridden, 'long-doors', 'open-door')).toEqual({ count: [0, 3, 4], weeks: [1, 20, 21, null] });
  });
});
