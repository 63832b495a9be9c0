/**
 * The conventions every `vot` command keeps, for engineers and CI: `--version`; a closed pipe
 * (`vot test | head`) ends quietly; `--format json` on every command, with errors as one JSON
 * answer of diagnostics in one shape; SARIF and GitHub annotations from `vot check` and `vot
 * test`; `-` for standard input in `eval` and `replay`; one set of `--lang` choices with bokmål
 * by default; `--quiet`; colour after NO_COLOR, FORCE_COLOR and the terminal; and `--filter`
 * without a match is an error of its own. The pieces behind colour and annotations have their
 * unit tests beside them (packages/cli/src/output/output.test.ts).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildProgram, main } from '@vot/cli';
import { describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy } from './cli-harness.js';

const repo = resolve(import.meta.dirname, '..');
const incident = join(repo, 'examples', 'incidents', '03-repeated-threats-after-warning-exclusion-decided.json');

/** `vot` as a real process (through tsx, from the sources), with its own environment. */
function spawnVot(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--conditions=@vot/source', '--import', 'tsx', join(repo, 'packages', 'cli', 'src', 'bin.ts'), ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

async function runProcess(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = spawnVot(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin.end(input ?? '');
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
  return { code, stdout, stderr };
}

/** Runs in-process with `input` as standard input. */
async function runWithStdin(args: string[], input: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: repo,
    out: (t) => void (stdout += `${t}\n`),
    err: (t) => void (stderr += `${t}\n`),
    stdin: async () => input,
  });
  return { code, stdout, stderr };
}

const commands = (): string[][] => {
  const paths: string[][] = [];
  const walk = (command: ReturnType<typeof buildProgram>, path: string[]) => {
    for (const sub of command.commands) {
      if (sub.commands.length > 0) walk(sub, [...path, sub.name()]);
      else paths.push([...path, sub.name()]);
    }
  };
  walk(buildProgram({ cwd: repo, out: () => {}, err: () => {} }), []);
  return paths;
};
const optionOf = (path: string[], flag: string) => {
  let command = buildProgram({ cwd: repo, out: () => {}, err: () => {} });
  for (const name of path) command = command.commands.find((c) => c.name() === name)!;
  return command.options.find((o) => o.long === flag);
};

describe('vot conventions', () => {
  it('prints its version with --version and -V', async () => {
    const { version } = JSON.parse(await readFile(join(repo, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = await runVot([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(version);
    }
  });

  it('ends quietly when the reader of its output goes away (vot … | head)', async () => {
    for (const args of [['schema'], ['eval', incident, '--format', 'json']]) {
      const child = spawnVot(args);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.stdin.end();
      // Read the first chunk, then close the pipe as `head -1` does.
      await new Promise<void>((done) => child.stdout.once('data', () => done()));
      child.stdout.destroy();
      const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Error|at /);
      expect(code, args.join(' ')).toBe(0);
    }
  }, 120_000);

  it('offers --format json on every command but `audit export` (JSON Lines already), and the same --lang everywhere', () => {
    const all = commands();
    expect(all.map((c) => c.join(' ')).sort()).toEqual([
      'audit export',
      'audit verify',
      'bundle sign',
      'bundle verify',
      'check',
      'diff',
      'eval',
      'fmt',
      'render',
      'replay',
      'schema',
      'test',
    ]);
    for (const path of all.filter((c) => c.join(' ') !== 'audit export')) {
      const format = optionOf(path, '--format');
      expect(format?.argChoices, path.join(' ')).toEqual(expect.arrayContaining(['text', 'json']));
    }
    for (const path of [['check'], ['test']]) expect(optionOf(path, '--format')?.argChoices).toEqual(['text', 'json', 'sarif', 'github']);
    const withLang = all.filter((path) => optionOf(path, '--lang'));
    expect(withLang.map((c) => c.join(' ')).sort()).toEqual(['check', 'diff', 'eval', 'replay', 'test']);
    for (const path of withLang) {
      expect(optionOf(path, '--lang')!.argChoices, path.join(' ')).toEqual(['nb', 'en', 'da']);
      expect(optionOf(path, '--lang')!.defaultValue, path.join(' ')).toBe('nb');
    }
  });

  it('answers an error under --format json with one JSON object of diagnostics on stdout, for bad input and bad usage', async () => {
    const shape = (d: Record<string, unknown>) => {
      expect(
        Object.keys(d).every((k) =>
          ['code', 'severity', 'message', 'file', 'start', 'end', 'path', 'expected', 'received', 'help'].includes(k),
        ),
      ).toBe(true);
      if (d.start) expect(d.start).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    };
    const cases: Array<{ args: string[]; exit: number; code: string }> = [
      { args: ['eval', 'missing.json', '--format', 'json'], exit: 1, code: 'file-unreadable' },
      { args: ['eval', incident, '--outcome', 'nope', '--format', 'json'], exit: 1, code: 'unknown-outcome' },
      { args: ['test', '--filter', 'no such scenario at all', '--format', 'json'], exit: 1, code: 'no-scenarios' },
      { args: ['eval', incident, '--point', 'reaction', '--formt', 'x', '--format', 'json'], exit: 2, code: 'usage' },
      { args: ['fmt', 'no-such-folder', '--format', 'json'], exit: 1, code: 'file-unreadable' },
      { args: ['render', '--policies', 'no-such-folder', '--format', 'json'], exit: 1, code: 'policies-not-checked' },
    ];
    for (const { args, exit, code } of cases) {
      const run = await runVot(args, repo);
      expect(run.code, args.join(' ')).toBe(exit);
      const answer = JSON.parse(run.stdout) as { ok: boolean; diagnostics: Array<Record<string, unknown>> };
      expect(answer.ok, args.join(' ')).toBe(false);
      expect(
        answer.diagnostics.map((d) => d.code),
        args.join(' '),
      ).toContain(code);
      answer.diagnostics.forEach(shape);
      expect(run.stderr, args.join(' ')).toBe('');
    }
    await withPolicyCopy(async ({ root, policies }) => {
      await editFile(
        join(policies, 'reaction', 'ladder.yaml'),
        '- { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '- { fact: priorIncident, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      for (const command of [['check'], ['test'], ['schema', '--check'], ['diff', policies, policies]]) {
        const run = await runVot([...command, '--format', 'json'], root);
        expect(run.code, command.join(' ')).toBe(1);
        const answer = JSON.parse(run.stdout) as { ok: boolean; diagnostics: Array<Record<string, unknown>> };
        expect(answer.ok).toBe(false);
        const unknown = answer.diagnostics.find((d) => d.code === 'unknown-fact')!;
        expect(unknown, command.join(' ')).toMatchObject({
          file: expect.stringMatching(/reaction\/ladder\.yaml$/),
          start: { line: expect.any(Number), column: 19 },
        });
        answer.diagnostics.forEach(shape);
      }
    });
  });

  it('gives JSON on success from fmt, render and schema too', async () => {
    await withPolicyCopy(async ({ root }) => {
      const fmt = JSON.parse((await runVot(['fmt', '--check', '--format', 'json'], root)).stdout) as { ok: boolean; files: number };
      expect(fmt.ok).toBe(true);
      expect(fmt.files).toBeGreaterThan(10);
      const render = JSON.parse((await runVot(['render', '--out', 'book', '--format', 'json'], root)).stdout) as {
        ok: boolean;
        files: string[];
      };
      expect(render.files).toContain('whatif.html');
      const schema = JSON.parse((await runVot(['schema', '--check', '--format', 'json'], root)).stdout) as { ok: boolean; files: string[] };
      expect(schema).toMatchObject({ ok: true, files: expect.arrayContaining(['policy.schema.json']) });
    });
  });

  it('annotates broken policies and failed scenarios for GitHub and in SARIF', async () => {
    await withPolicyCopy(async ({ root, policies }) => {
      const ladder = join(policies, 'reaction', 'ladder.yaml');
      await editFile(
        ladder,
        '- { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '- { fact: priorIncident, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      const github = await runVot(['check', '--format', 'github'], root);
      expect(github.code).toBe(1);
      expect(github.stdout).toMatch(
        /^::error file=policies\/reaction\/ladder\.yaml,line=\d+,col=19,endLine=\d+,endColumn=\d+,title=vot%3A unknown-fact::unknown fact `priorIncident`/m,
      );
      const sarif = JSON.parse((await runVot(['check', '--format', 'sarif'], root)).stdout) as {
        version: string;
        runs: Array<{
          tool: { driver: { name: string; rules: Array<{ id: string }> } };
          results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: unknown }> }>;
        }>;
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.tool.driver.name).toBe('vot');
      const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'unknown-fact')!;
      expect(result.level).toBe('error');
      expect(result.locations[0]!.physicalLocation).toMatchObject({
        artifactLocation: { uri: 'policies/reaction/ladder.yaml' },
        region: { startColumn: 19 },
      });
      expect(sarif.runs[0]!.tool.driver.rules[result.ruleIndex]!.id).toBe('unknown-fact');
    });
    await withPolicyCopy(async ({ root, policies }) => {
      await editFile(
        join(policies, 'reaction', 'ladder.yaml'),
        '- { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '- { fact: priorIncidents, atLeast: 0 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      const github = await runVot(['check', '--format', 'github', '--lang', 'en'], root);
      expect(github.stdout).toMatch(
        /^::error file=policies\/duties\/nav\.yaml,line=\d+,col=\d+,title=vot%3A broken-duty::exclusion-only-grave-or-warned-repeat \(nav-duties\): Exclusion only for grave/m,
      );
      const tests = await runVot(['test', '--format', 'github', '--lang', 'en'], root);
      expect(tests.code).toBe(1);
      const lines = tests.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(line).toMatch(
          /^::error file=policies\/[a-z/-]+\.scenarios\.yaml,line=\d+,col=1,title=vot%3A scenario-failed::[^\n]+%0A {2}[a-z-]+:%0A/,
        );
      const sarif = JSON.parse((await runVot(['test', '--format', 'sarif'], root)).stdout) as { runs: Array<{ results: unknown[] }> };
      expect(sarif.runs[0]!.results).toHaveLength(lines.length);
    });
  });

  it('reads the incident from standard input with `-`, and stored decisions with `replay -`', async () => {
    const text = await readFile(incident, 'utf8');
    const fromFile = await runVot(['eval', incident, '--point', 'reaction', '--format', 'json']);
    const fromStdin = await runWithStdin(['eval', '-', '--point', 'reaction', '--format', 'json'], text);
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const bad = await runWithStdin(['eval', '-'], '{ "facts": ');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error[invalid-json]: `-` is not valid JSON');
    const { toAuditRecord } = await import('@vot/engine');
    const decision = JSON.parse(fromFile.stdout) as Parameters<typeof toAuditRecord>[0];
    const facts = (JSON.parse(text) as { facts: Record<string, unknown> }).facts;
    const record = JSON.stringify(toAuditRecord(decision, facts as never, new Date(0)));
    const replay = await runWithStdin(['replay', '-', '--format', 'json'], `${record}\n`);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ records: '-', total: 1, unchanged: 1 });
    // As a real process, from a pipe.
    const piped = await runProcess(['eval', '-', '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'en'], {}, text);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('1. exclusion-physical: PERMITTED');
  }, 120_000);

  it('prints only errors with --quiet', async () => {
    const quiet = await runVot(['test', '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await runVot(['test'])).stdout).toMatch(/^PASS: /);
    const failing = await runVot(['-q', 'test', '--filter', 'no such scenario at all']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toContain('error[no-scenarios]');
    // Machine output is what was asked for: --quiet leaves it.
    expect(JSON.parse((await runVot(['test', '--quiet', '--format', 'json'])).stdout)).toMatchObject({ ok: true });
  });

  it('as a real process, follows FORCE_COLOR and NO_COLOR, and paints nothing into a pipe by default', async () => {
    const forced = await runProcess(['test', '--filter', 'written warning'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[32mPASS\u001b[0m: ');
    const none = await runProcess(['test', '--filter', 'written warning'], { NO_COLOR: '1' });
    expect(none.stdout).not.toContain('\u001b[');
    // Not a terminal, nothing set: plain text.
    const piped = await runProcess(['test', '--filter', 'written warning']);
    expect(piped.stdout).not.toContain('\u001b[');
    // JSON is never painted.
    expect(() => JSON.parse(forced.stdout)).toThrow();
    expect(
      JSON.parse((await runProcess(['test', '--filter', 'written warning', '--format', 'json'], { FORCE_COLOR: '1' })).stdout),
    ).toMatchObject({ ok: true });
  }, 120_000);

  it('says so when --filter matches no scenario, without a PASS line first', async () => {
    const run = await runVot(['test', '--filter', 'no such scenario at all']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error[no-scenarios]: no scenario matching `no such scenario at all`');
  });
});
