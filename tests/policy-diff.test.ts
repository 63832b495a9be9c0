/**
 * The semantic diff, on a copy of the bundled policies with one condition and one reason
 * changed: it names exactly the combinations whose decision changed (cross-checked by brute
 * force over the outcome's domain through the public decide path), groups them into the
 * sentence a reviewer would write, and reports the reason change; the cover is exact on random
 * grids (property test).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicyFolder, PolicySet, type FactValue, type PolicySetModel } from '@vot/engine';
import {
  combinations,
  coverCells,
  describeChange,
  describeContext,
  diffPolicySets,
  isEmptyDiff,
  outcomeDiffDomain,
  type FactConstraint,
  type PolicyDiff,
} from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let base: PolicySetModel;
let head: PolicySetModel;
let diff: PolicyDiff;

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text.split(from).length, `exactly one \`${from}\` in ${file}`).toBe(2);
  await writeFile(file, text.replace(from, to));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vot-diff-'));
  await cp(bundledPolicyDir(), dir, { recursive: true });
  const ladder = join(dir, 'reaction', 'ladder.yaml');
  // The condition: "repeated after a written warning" now needs two earlier incidents, not one.
  await edit(
    ladder,
    '    when:\n      all:\n        - { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
    '    when:\n      all:\n        - { fact: priorIncidents, atLeast: 2 }\n        - { fact: writtenWarningGiven, is: true }',
  );
  // The reason: the English text of the talk-with-user rule after a threat of self-harm.
  await edit(
    ladder,
    'You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.',
    'You may talk with the user afterwards, as follow-up and not as a sanction.',
  );
  const checkedBase = await checkPolicyFolder(bundledPolicyDir());
  const checkedHead = await checkPolicyFolder(dir);
  expect(checkedHead.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  base = checkedBase.model!;
  head = checkedHead.model!;
  diff = diffPolicySets(base, head);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const matches = (group: readonly FactConstraint[], facts: Record<string, FactValue>): boolean =>
  group.every((c) => c.values.includes(facts[c.fact] ?? null));

/**
 * Brute force over each changed outcome's domain through the public decide path: among the
 * combinations where the outcome had the change's old status, a combination is inside one of
 * the change's groups exactly when it changed that way.
 */
function crossCheck(before: PolicySetModel, after: PolicySetModel, result: PolicyDiff): void {
  const beforeSet = new PolicySet(before);
  const afterSet = new PolicySet(after);
  const defaults = Object.fromEntries(after.facts.map((f) => [f.id, f.hasDefault ? (f.default ?? null) : null]));
  expect(result.decisions.length).toBeGreaterThan(0);
  for (const key of new Set(result.decisions.map((d) => `${d.point}\u0000${d.outcome}`))) {
    const [point, outcome] = key.split('\u0000') as [string, string];
    const changes = result.decisions.filter((d) => d.point === point && d.outcome === outcome);
    const counts = changes.map(() => 0);
    for (const combination of combinations(outcomeDiffDomain(before, after, point, outcome), defaults)) {
      const facts = { ...combination };
      const x = beforeSet.decideValidated(point, facts, { explain: false }).outcomes.find((o) => o.id === outcome);
      const y = afterSet.decideValidated(point, facts, { explain: false }).outcomes.find((o) => o.id === outcome);
      const [sx, sy] = [x?.status ?? 'absent', y?.status ?? 'absent'];
      changes.forEach((change, i) => {
        if (sx !== change.from.status) return;
        const limits = Object.entries(change.delta?.limits ?? {});
        const isChange = change.delta
          ? sy === sx &&
            limits.every(([k, { from, to }]) => x?.limits?.[k] === from && y?.limits?.[k] === to) &&
            (change.delta.requiresAdded ?? []).every((r) => y?.requires?.includes(r) && !x?.requires?.includes(r)) &&
            (change.delta.requiresRemoved ?? []).every((r) => x?.requires?.includes(r) && !y?.requires?.includes(r))
          : sy === change.to.status;
        if (isChange) counts[i]!++;
        // The message is built only on a failure: this runs for every combination.
        if (change.when.some((g) => matches(g, facts)) !== isChange)
          expect.fail(`${outcome}: ${JSON.stringify(facts)} should ${isChange ? '' : 'not '}be in a group`);
      });
    }
    expect(changes.map((c) => c.combinations)).toEqual(counts);
  }
}

describe('vot diff (semantic)', () => {
  it('finds no change between a policy set and itself', () => {
    expect(isEmptyDiff(diffPolicySets(base, base))).toBe(true);
  });

  it('names exactly the combinations whose decision changed, checked by brute force', async () => {
    const changed = diff.decisions.map((d) => `${d.point}/${d.outcome}: ${d.from.status} → ${d.to.status}`);
    // Both exclusions the condition guards lose the single-repeat case; and a proposal too long
    // after a single repeat, refused on the limit before, is now refused without one.
    expect(changed.sort()).toEqual([
      'reaction/exclusion-phone: not-permitted → not-permitted',
      'reaction/exclusion-phone: permitted → not-permitted',
      'reaction/exclusion-physical: not-permitted → not-permitted',
      'reaction/exclusion-physical: permitted → not-permitted',
    ]);

    crossCheck(base, head, diff);
  });

  it('groups a changed limit by what changed, whatever else the outcome requires', async () => {
    // The same policies with a shorter maximum exclusion: limits change, and longer proposals are refused.
    const shorter = (await checkPolicyFolder(bundledPolicyDir(), { settings: { 'exclusion.max-weeks': 8 } })).model!;
    const limited = diffPolicySets(base, shorter);
    const physical = limited.decisions.filter((d) => d.outcome === 'exclusion-physical');
    expect(physical.map((d) => describeChange(d, describeContext(shorter), 'en')[0])).toEqual([
      'When proposed length of exclusion (weeks) is at most 8 or is not given: Exclusion from physical attendance stays permitted: Longest duration (weeks) 12 → 8',
      'When proposed length of exclusion (weeks) is from 9 to 12: Exclusion from physical attendance goes from permitted to not-permitted',
      // A proposal refused as too long keeps the limit it was refused on, now the shorter one.
      'When type of incident is not threat of suicide or self-harm, earlier incidents by the same user is at least 1 and oral warning given is yes: Exclusion from physical attendance stays not-permitted: Longest duration (weeks) 12 → 8',
    ]);
    expect(limited.settings).toEqual([{ id: 'exclusion.max-weeks', change: 'changed', fields: { value: { from: 12, to: 8 } } }]);
    // One outcome is enough here: the phone exclusion reads the same facts and rules.
    crossCheck(base, shorter, { ...limited, decisions: physical });
  });

  it('says the change as a reviewer would: not grave, exactly one earlier incident, no oral warning', () => {
    const physical = diff.decisions.find((d) => d.outcome === 'exclusion-physical')!;
    const context = describeContext(head);
    expect(describeChange(physical, context, 'en')).toEqual([
      'When grave incident is no, earlier incidents by the same user is 1 and oral warning given is no: Exclusion from physical attendance goes from permitted to not-permitted',
    ]);
    expect(describeChange(physical, context, 'nb')[0]).toMatch(
      /^Når graverende hendelse er nei, .* er 1 og .* er nei: Utestengelse fra fysisk oppmøte går fra tillatt til ikke tillatt$/,
    );
  });

  it('reports the changed reason with both texts, and no source or setting change', () => {
    expect(diff.reasons).toHaveLength(1);
    expect(diff.reasons[0]!.id).toMatch(/\/talk-with-user#1$/);
    expect(diff.reasons[0]!.from?.en).toBe(
      'You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.',
    );
    expect(diff.reasons[0]!.to?.en).toBe('You may talk with the user afterwards, as follow-up and not as a sanction.');
    expect(diff.sources).toEqual([]);
    expect(diff.settings).toEqual([]);
  });

  it('matches rules by their id, so a rule inserted above others does not make them look changed', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'vot-diff-insert-'));
    try {
      await cp(bundledPolicyDir(), copy, { recursive: true });
      await edit(
        join(copy, 'reaction', 'ladder.yaml'),
        '    rules:\n      - id: self-harm-follow-up\n',
        '    rules:\n      - id: grave-first\n        when: { fact: grave, is: true }\n        status: permitted\n        reason: { nb: Alltid en samtale etter en graverende hendelse., en: Always a talk after a grave incident. }\n      - id: self-harm-follow-up\n',
      );
      const inserted = (await checkPolicyFolder(copy)).model!;
      expect(inserted).toBeDefined();
      const result = diffPolicySets(base, inserted);
      expect(result.rules).toEqual({ added: ['reaction-ladder-nav/talk-with-user#1'], removed: [] });
      expect(result.reasons).toEqual([]);
      expect(result.decisions.map((d) => `${d.outcome}: ${d.from.status} → ${d.to.status}`)).toEqual([
        'talk-with-user: absent → permitted',
      ]);
      crossCheck(base, inserted, result);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('covers exactly the marked cells of any grid (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain((sizes) =>
          fc.tuple(
            fc.constant(sizes),
            fc.array(fc.integer({ min: 0, max: 2 }), {
              minLength: sizes.reduce((p, n) => p * n, 1),
              maxLength: sizes.reduce((p, n) => p * n, 1),
            }),
          ),
        ),
        ([sizes, cells]) => {
          const marked = Uint8Array.from(cells);
          const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, n) => p * n, 1));
          const inCube = (cube: number[][], index: number) =>
            cube.every((values, i) => values.includes(Math.floor(index / strides[i]!) % sizes[i]!));
          const cubes = coverCells(sizes, marked);
          cells.forEach((mark, index) => {
            const covered = cubes.some((cube) => inCube(cube, index));
            if (mark === 1) expect(covered).toBe(true);
            if (mark === 0) expect(covered).toBe(false);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('vot diff (command)', () => {
  const runVot = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const { main } = await import('@vot/cli');
    // The sentences below are pinned in English (the command's default is bokmål).
    const code = await main([...args, '--lang', 'en'], { out: (s) => void out.push(s), err: (s) => void err.push(s), cwd: process.cwd() });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints a pull-request comment naming the changed combinations and the changed reason', async () => {
    const result = await runVot(['diff', bundledPolicyDir(), dir, '--format', 'markdown']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('### Changed decisions');
    expect(result.out).toContain('- **reaction / Exclusion from physical attendance \\[exclusion-physical\\] (');
    expect(result.out).toContain(
      '  - When grave incident is no, earlier incidents by the same user is 1 and oral warning given is no: Exclusion from physical attendance goes from permitted to not-permitted',
    );
    expect(result.out).toContain('### Changed reasons');
    expect(result.out).toContain(
      'en: «You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.» → «You may talk with the user afterwards, as follow-up and not as a sanction.»',
    );
  });

  it('reads the base from a git ref without touching the working tree', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'vot-diff-repo-'));
    try {
      await cp(bundledPolicyDir(), join(repo, 'policies'), { recursive: true });
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=vot', '-c', 'user.email=vot@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
          cwd: repo,
          stdio: 'pipe',
        });
      git('init', '-q');
      git('add', 'policies');
      git('commit', '-q', '-m', 'base');
      const ladder = join(repo, 'policies', 'reaction', 'ladder.yaml');
      await edit(
        ladder,
        'You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.',
        'You may talk with the user afterwards, as follow-up and not as a sanction.',
      );
      const before = await readFile(ladder, 'utf8');
      const out: string[] = [];
      const { main } = await import('@vot/cli');
      const code = await main(['diff', 'HEAD', '--lang', 'en'], { out: (s) => void out.push(s), err: (s) => void out.push(s), cwd: repo });
      expect(code, out.join('\n')).toBe(0);
      expect(out.join('\n')).toContain('Changed reasons:');
      expect(out.join('\n')).not.toContain('Changed decisions:');
      expect(await readFile(ladder, 'utf8')).toBe(before);
      expect(git('status', '--porcelain').toString()).toBe(' M policies/reaction/ladder.yaml\n');
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('refuses a base that is neither a folder nor a git ref, with exit 1', async () => {
    const result = await runVot(['diff', 'no-such-ref-or-folder', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('error[unknown-ref]');
  });
});
