/**
 * The mutation suite of the regulation gate: each mutant of a copy of the bundled policies must
 * fail `vot check`, naming the duty it breaks (or, for a mutant the checker already refuses, the
 * diagnostic that names it). A surviving mutant is a gap in policies/duties/.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkPolicyTexts, type CheckedFolder } from '@vot/engine';
import { readPolicyFolder, runGate } from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import { main } from '@vot/cli';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mutants, type Mutant } from './mutants.js';

let original: Map<string, string>;
beforeAll(async () => {
  const read = await readPolicyFolder(bundledPolicyDir());
  original = new Map([...read.files].map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]));
});

/** The mutated copy; fails loudly when the piece to change is missing or ambiguous. */
function mutate(files: ReadonlyMap<string, string>, mutant: Mutant): Map<string, string> {
  const text = files.get(mutant.file);
  if (text === undefined) throw new Error(`no file ${mutant.file} in the policies`);
  const at = text.indexOf(mutant.from);
  if (at < 0) throw new Error(`${mutant.file} no longer contains ${JSON.stringify(mutant.from)}: update the mutant`);
  if (text.indexOf(mutant.from, at + 1) >= 0) throw new Error(`${JSON.stringify(mutant.from)} occurs more than once in ${mutant.file}`);
  let changed: string;
  if (mutant.deleteBlock) {
    const next = text.slice(at + mutant.from.length).search(/^ {2}- id: /m);
    changed = text.slice(0, at) + (next < 0 ? '' : text.slice(at + mutant.from.length + next));
  } else {
    changed = text.slice(0, at) + mutant.to + text.slice(at + mutant.from.length);
  }
  expect(changed).not.toBe(text);
  return new Map(files).set(mutant.file, changed);
}

// Each mutant is checked synchronously (about 2 s under load): yield one event-loop turn before each
// test, so the worker can read the runner's replies in time ("Timeout calling onTaskUpdate" otherwise,
// when the whole file runs longer than vitest's 60 s RPC timeout without a turn).
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

const check = (files: ReadonlyMap<string, string>): CheckedFolder => checkPolicyTexts(files, { base: 'policies' });

describe('regulation gate mutation suite', () => {
  it('has at least 15 mutants, each of another change', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(15);
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
  });

  it('passes on the unmutated policies', () => {
    const checked = check(original);
    expect(checked.model, checked.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const report = runGate(checked.model!);
    expect(report.duties.filter((d) => !d.ok).map((d) => d.id)).toEqual([]);
  });

  for (const mutant of mutants) {
    it(`catches: ${mutant.name}`, () => {
      const checked = check(mutate(original, mutant));
      if ('diagnostic' in mutant.catches) {
        const { diagnostic, names } = mutant.catches;
        const errors = checked.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map((d) => d.code)).toContain(diagnostic);
        expect(errors.filter((d) => d.code === diagnostic).some((d) => d.message.includes(`\`${names}\``))).toBe(true);
        return;
      }
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      const { duty, only } = mutant.catches;
      const report = runGate(checked.model!);
      const broken = report.duties.filter((d) => !d.ok);
      if (only) expect(broken.map((d) => d.id)).toEqual([duty]);
      else expect(broken.map((d) => d.id)).toContain(duty);
      // A broken invariant comes with the decision that broke it, two points that no longer agree
      // with both decisions, a broken coverage with no citing rule.
      const failed = broken.find((d) => d.id === duty)!.obligations.find((o) => !o.ok)!;
      if (failed.kind === 'invariant') expect(failed.counterexample!.decided.length).toBeGreaterThan(0);
      else if (failed.kind === 'agree') expect(failed.counterexample!.sides!.map((side) => side.decided.length)).toEqual([1, 1]);
      else expect(failed.citedBy).toEqual([]);
    });
  }

  it('fails `vot check` end to end on a mutated copy on disk, naming the duty and its source', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-mutant-'));
    try {
      const mutant = mutants.find((m) => m.name === 'exclusion limited to a fixed 26 weeks')!;
      for (const [path, text] of mutate(original, mutant)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const out: string[] = [];
      const code = await main(['check', dir, '--lang', 'nb'], { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir });
      const printed = out.join('\n');
      expect(code).toBe(1);
      expect(printed).toContain('brutt plikt `exclusion-at-most-12-weeks`');
      expect(printed).toContain('maxWeeks: 26');
      expect(printed).toMatch(/avgjort av regel reaction-ladder-nav\/exclusion-physical#\d+ \(.*ladder\.yaml:\d+:\d+\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
