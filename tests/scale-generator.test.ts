/**
 * The scale generator of the bench (bench/scale/multiply.ts): a multiplied folder checks and
 * passes the regulation gate, and every copy `v-k` of an organisation decides exactly as `v`
 * does, so the scale series measures a set that works, not one that fails early.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicyFolder, checkPolicyTexts, type FactValue, PolicySet, type PolicySetModel } from '@vot/engine';
import { folderLimits, pointDomain, readPolicyFolder, runGate } from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perDoubling } from '../bench/scale/series.js';
import { multiplyPolicies } from '../bench/scale/multiply.js';

const copies = 3;
let work: string;
let bundled: PolicySetModel;
let multiplied: PolicySetModel;

const organisationsOf = (model: PolicySetModel): string[] => {
  const fact = model.facts.find((f) => f.id === 'organisation');
  return fact?.type === 'enum' ? [...fact.values] : [];
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vot-scale-'));
  const written = await multiplyPolicies(bundledPolicyDir(), work, copies);
  const checked = await checkPolicyFolder(work);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  multiplied = checked.model!;
  bundled = (await checkPolicyFolder(bundledPolicyDir())).model!;
  expect(written.organisations).toBe(organisationsOf(bundled).length * copies);
}, 300_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the scale generator', () => {
  it('names every organisation once per copy', () => {
    const originals = organisationsOf(bundled);
    const expected = [...originals, ...[2, 3].flatMap((k) => originals.map((v) => `${v}-${k}`))];
    expect(organisationsOf(multiplied).sort()).toEqual(expected.sort());
  });

  it('makes a folder that passes the regulation gate', () => {
    const report = runGate(multiplied);
    expect(report.duties.filter((duty) => !duty.ok).map((duty) => duty.id)).toEqual([]);
  });

  it('decides for every copy of an organisation exactly as for the organisation', () => {
    const original = new PolicySet(bundled);
    const copied = new PolicySet(multiplied);
    const outcomes = (decision: ReturnType<PolicySet['decideValidated']>) =>
      decision.outcomes.map(({ id, status, requires, limits }) => ({ id, status, requires, limits }));
    for (const point of bundled.points) {
      const domains = pointDomain(bundled, point).filter((domain) => domain.fact !== 'organisation');
      const facts = fc.record(
        Object.fromEntries(domains.map((d) => [d.fact, fc.constantFrom(...d.values)])) as Record<string, fc.Arbitrary<FactValue>>,
      );
      fc.assert(
        fc.property(facts, fc.constantFrom(...organisationsOf(bundled)), fc.integer({ min: 2, max: copies }), (given, organisation, k) => {
          const withDefaults = (org: string) => ({
            ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== null)),
            organisation: org,
          });
          const expected = outcomes(original.decideValidated(point.id, original.validateFacts(point.id, withDefaults(organisation))));
          const actual = outcomes(copied.decideValidated(point.id, copied.validateFacts(point.id, withDefaults(`${organisation}-${k}`))));
          expect(actual).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('the regulation gate on the multiplied set', () => {
  /** The multiplied folder's texts with `from` replaced by `to` in the file whose path ends with `file`, checked and gated. */
  async function gateWith(file: string, from: string, to: string) {
    const read = await readPolicyFolder(work);
    const files = new Map([...read.files].map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]));
    const path = [...files.keys()].find((p) => p.endsWith(file))!;
    expect(files.get(path)).toContain(from);
    files.set(path, files.get(path)!.replace(from, to));
    const checked = checkPolicyTexts(files, { base: read.base });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = runGate(checked.model!);
    const broken = report.duties.filter((duty) => !duty.ok);
    return { broken: broken.map((duty) => duty.id), counterexample: broken[0]?.obligations.find((o) => !o.ok)?.counterexample };
  }

  it('names the copies a counterexample of a shared policy stands for', async () => {
    // A first incident after a written warning allows exclusion at every NAV office, copies too.
    const rule = (atLeast: number) =>
      `        - { fact: priorIncidents, atLeast: ${atLeast} }\n        - { fact: writtenWarningGiven, is: true }`;
    const { broken, counterexample } = await gateWith('reaction/ladder.yaml', rule(1), rule(0));
    expect(broken).toEqual(['exclusion-only-grave-or-warned-repeat']);
    expect(counterexample!.facts.organisation).toBe('nav-office');
    expect(counterexample!.alike!.organisation).toEqual(expect.arrayContaining(['nav-office-2', 'nav-office-3']));
  }, 120_000);

  it('catches a single copy whose pack breaks a duty, though the shared files name it with its original', async () => {
    // The gate tries one organisation per class of values no condition tells apart: the copies
    // of an organisation are alike wherever shared files name them, so only the pack of the copy
    // sets it apart; a broken copy must still be found, and named.
    const from = '      - id: first-time\n        when: { condition: on-social-media }\n        status: not-permitted';
    const { broken, counterexample } = await gateWith(
      'danish-municipality-3/reaction.yaml',
      from,
      from.replace('not-permitted', 'permitted'),
    );
    expect(broken).toEqual(['dk-block-only-repeated-via-leader']);
    expect(counterexample!.facts.organisation).toBe('danish-municipality-3');
    // Its own pack sets it apart from every other organisation: it stands for no other value.
    expect(counterexample!.alike?.organisation).toBeUndefined();
  }, 120_000);
});

describe('the scale generator at 500 organisations', () => {
  it('declares folder limits past the defaults, so the whole folder is read', async () => {
    const big = await mkdtemp(join(tmpdir(), 'vot-scale-500-'));
    try {
      const written = await multiplyPolicies(bundledPolicyDir(), big, 125);
      expect(written.organisations).toBe(organisationsOf(bundled).length * 125);
      expect(written.files).toBeGreaterThan(folderLimits.maxFiles);
      const read = await readPolicyFolder(big);
      expect(read.diagnostics).toEqual([]);
      expect(read.files.size).toBe(written.files);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('growth per doubling', () => {
  it('is 2 for linear growth, 4 for quadratic and 1 for flat, whatever the step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 1000 }), (size, factor100) => {
        const after = size * (1 + factor100 / 100);
        expect(perDoubling(3 * size, 3 * after, size, after)).toBeCloseTo(2, 9);
        expect(perDoubling(size * size, after * after, size, after)).toBeCloseTo(4, 9);
        expect(perDoubling(7, 7, size, after)).toBeCloseTo(1, 9);
      }),
    );
  });
});
