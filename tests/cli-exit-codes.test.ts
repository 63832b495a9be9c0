/**
 * `vot` exit codes, run in-process: 2 for a usage error, 1 for bad input with diagnostics on
 * stderr, 3 for an internal error with one short line (the stack only with --debug), 0 when
 * clean. The internal error is real, not a test hook: the terminal the command writes to
 * fails (as stdout does when its pipe is closed), which no input file can explain.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '@vot/cli';
import { describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';

const incident = 'examples/incidents/03-repeated-threats-after-warning-exclusion-decided.json';

async function scratch(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vot-exit-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** An io whose standard output fails, like a closed pipe; standard error is captured. */
function brokenStdout(message: string): { io: CliIo; stderr: () => string } {
  let stderr = '';
  return {
    io: {
      cwd: process.cwd(),
      out: () => {
        throw new Error(message);
      },
      err: (text) => (stderr += `${text}\n`),
    },
    stderr: () => stderr,
  };
}

describe('vot exit codes', () => {
  describe('2: usage errors', () => {
    for (const args of [
      ['no-such-command'],
      ['check', '--no-such-option'],
      ['eval'],
      ['eval', incident, '--lang', 'fr'],
      ['eval', incident, '--format', 'xml'],
    ]) {
      it(`vot ${args.join(' ')}`, async () => {
        const run = await runVot(args);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/error/);
        expect(run.stdout).toBe('');
      });
    }
  });

  describe('1: bad input, with diagnostics', () => {
    it('a policy folder with a duplicate key: the diagnostic with file:line:col', async () => {
      const run = await runVot(['check', 'tests/corpus/duplicate-key/policies']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error[duplicate-key]: key `verified` appears twice in the same mapping');
      expect(run.stderr).toContain('--> tests/corpus/duplicate-key/policies/more-sources.yaml:7:5');
    });

    it('a policy folder path that is a file', async () => {
      const run = await runVot(['check', 'package.json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error[file-unreadable]: cannot read `package.json`: not a folder');
    });

    it('a policy folder that does not exist, for check, eval and schema', async () => {
      for (const args of [
        ['check', 'no-such-folder'],
        ['eval', incident, '--policies', 'no-such-folder'],
        ['schema', '--check', '--policies', 'no-such-folder'],
      ]) {
        const run = await runVot(args);
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.stderr, args.join(' ')).toMatch(/error\[(file-unreadable|stale-schema)\]/);
      }
    });

    it('files a command cannot place: a .yml file, a .txt file, an unknown kind', async () => {
      const run = await runVot(['check', 'tests/corpus/non-policy-files/policies']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error[wrong-extension]: `access/doors.yml`');
      expect(run.stderr).toContain('error[wrong-extension]: `access/notes.txt`');
      expect(run.stderr).toContain('error[unknown-kind]: cannot place this file: `kind: memo` is not a known kind');
    });

    it('an incident path that is a folder, missing, not JSON, or too large', async () => {
      const dir = await scratch({ 'bad.json': '{ "facts": ', 'big.json': `{"facts": {}, "title": "${'x'.repeat(1024 * 1024)}"}` });
      const cases: Array<[string, RegExp]> = [
        ['packages', /error\[file-unreadable\]: cannot read `packages`: is a folder/],
        [join(dir, 'missing.json'), /error\[file-unreadable\]: .*no such file or folder/],
        [join(dir, 'bad.json'), /error\[invalid-json\]/],
        [join(dir, 'big.json'), /error\[file-too-large\]/],
      ];
      for (const [file, message] of cases) {
        const run = await runVot(['eval', file, '--point', 'reaction']);
        expect(run.code, file).toBe(1);
        expect(run.stderr, file).toMatch(message);
      }
    });

    it('an incident JSON.parse would read differently than it was written: a duplicate key, a rounded number', async () => {
      const facts =
        '"organisation": "nav-office", "employeeEmployer": "municipal", "incidentType": "threat-in-person", "channel": "in-person", "writtenWarningGiven": true, "injury": "none"';
      const dir = await scratch({
        'rounded.json': `{ "facts": { ${facts},\n  "grave": false, "priorIncidents": 0.99999999999999999999 } }`,
        'twice.json': `{ "facts": { ${facts},\n  "grave": true, "priorIncidents": 0, "grave": false } }`,
      });
      const rounded = await runVot(['eval', join(dir, 'rounded.json'), '--point', 'reaction']);
      expect(rounded.code).toBe(1);
      expect(rounded.stderr).toContain('cannot be read exactly: it would become 1 (at `$.facts.priorIncidents`)');
      expect(rounded.stderr).toContain(`--> ${join(dir, 'rounded.json')}:2:37\n`);
      const twice = await runVot(['eval', join(dir, 'twice.json'), '--point', 'reaction']);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('error[invalid-json]');
      expect(twice.stderr).toContain('duplicate key `grave`');
      expect(twice.stderr).toContain(`--> ${join(dir, 'twice.json')}:2:39`);
      expect(twice.stdout).toBe('');
    });

    it('an incident whose facts are not an object, or hold hostile keys', async () => {
      const dir = await scratch({
        'number.json': '{ "facts": 5 }',
        'null.json': '{ "facts": null }',
        'list.json': '[1, 2]',
        'proto.json': '{ "facts": { "__proto__": { "polluted": true }, "organisation": "nav-office" } }',
        'escape.json': '{ "facts": { "\\u001b[2J": 1 } }',
      });
      for (const name of ['number.json', 'null.json', 'list.json', 'proto.json', 'escape.json']) {
        const run = await runVot(['eval', join(dir, name), '--point', 'reaction']);
        expect(run.code, name).toBe(1);
        expect(run.stderr, name).toMatch(/^error\[/m);
        // Control characters a host passed on are shown escaped, never sent to the terminal.
        expect(run.stderr, name).not.toContain('\u001b');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('3: internal errors', () => {
    it('prints one short line and a hint, no stack, when writing the result fails', async () => {
      const { io, stderr } = brokenStdout('write EPIPE\nsecond line of a long message');
      const code = await main(['check'], io);
      expect(code).toBe(3);
      expect(stderr()).toBe('internal error: write EPIPE\n  = help: run again with --debug for the stack trace, and report it\n');
    });

    it('prints the stack with --debug', async () => {
      const { io, stderr } = brokenStdout('write EPIPE');
      const code = await main(['--debug', 'check'], io);
      expect(code).toBe(3);
      expect(stderr()).toMatch(/^internal error: write EPIPE\nError: write EPIPE\n\s+at /);
    });
  });

  it('0: clean input', async () => {
    const run = await runVot(['eval', incident, '--point', 'reaction']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
