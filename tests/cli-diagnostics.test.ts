/**
 * The command line's own problems are diagnostics of the same closed set as the engine's,
 * rendered by the same renderer (their texts are pinned in the engine's diagnostics snapshot).
 * Each code is brought about here through `vot` itself, so none of them is dead text and none
 * of the commands prints a hand-made error line.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@vot/cli';
import { commandLineCodes } from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy, type CliRun } from './cli-harness.js';

let scratch: string;
let broken: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'vot-cli-diagnostics-'));
  const files: Record<string, string> = {
    'bad.json': '{ "facts": ',
    'list.json': '[1, 2]',
    'extra-key.json': '{ "facts": {}, "fact": {} }',
    'facts-list.json': '{ "facts": ["grave"] }',
    'nothing.json': '{ "facts": {} }',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(scratch, name), text);
  broken = join(scratch, 'broken');
  await mkdir(join(broken, 'empty'), { recursive: true });
  await writeFile(join(broken, 'policy-set.yaml'), 'kind: policy-set\nname: broken\n');
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** How each code of the command line is brought about, and the lines its diagnostic prints. */
const cases: Record<(typeof commandLineCodes)[number], () => Promise<Array<{ run: CliRun; exit: number; lines: string[] }>>> = {
  'internal-error': async () => {
    // A bug inside a command (here: the working folder cannot be read) is an internal error, exit 3.
    let stdout = '';
    let stderr = '';
    const code = await main(['check'], {
      get cwd(): string {
        throw new Error('boom');
      },
      out: (text) => void (stdout += text),
      err: (text) => void (stderr += text),
    });
    return [
      {
        run: { code, stdout, stderr },
        exit: 3,
        lines: ['internal error: boom', '  = help: run again with --debug for the stack trace, and report it'],
      },
    ];
  },
  usage: async () => [
    {
      run: await runVot(['eval', '--formt', 'json', 'x.json']),
      exit: 2,
      lines: ["error[usage]: unknown option '--formt'", '  = help: did you mean `--format`?'],
    },
    {
      run: await runVot(['eval']),
      exit: 2,
      lines: [
        "error[usage]: missing required argument 'facts'",
        '  = help: run `vot --help` for the commands, or `vot <command> --help` for the options of one',
      ],
    },
  ],
  'invalid-json': async () => [
    {
      run: await runVot(['eval', 'bad.json'], scratch),
      exit: 1,
      lines: ['error[invalid-json]: `bad.json` is not valid JSON: ', '  = help: an incident file is a JSON object: { "facts": { ... } }'],
    },
  ],
  'invalid-incident': async () => [
    {
      run: await runVot(['eval', 'list.json'], scratch),
      exit: 1,
      lines: ['error[invalid-incident]: `list.json` must hold a JSON object: { "facts": { ... } }'],
    },
    {
      run: await runVot(['eval', 'extra-key.json'], scratch),
      exit: 1,
      lines: ['error[invalid-incident]: unknown key `fact` in `extra-key.json`', '  = expected: `title`, `description` and `facts`'],
    },
    {
      run: await runVot(['eval', 'facts-list.json'], scratch),
      exit: 1,
      lines: [
        'error[invalid-incident]: `facts` in `facts-list.json` must be a JSON object of fact names and values',
        '  = received: a list',
      ],
    },
  ],
  'no-decision': async () => [
    {
      run: await runVot(['eval', 'nothing.json', '--policies', bundledPolicyDir()], scratch),
      exit: 1,
      lines: [
        'error[no-decision]: the facts are not enough for any decision point',
        '  = help: add the missing facts listed above, or name a point with --point',
      ],
    },
  ],
  'no-policy-files': async () => [
    {
      run: await runVot(['fmt', 'broken/empty'], scratch),
      exit: 1,
      lines: ['error[no-policy-files]: no policy file (`*.yaml`) in `broken/empty`'],
    },
  ],
  'output-refused': async () => {
    await mkdir(join(scratch, 'site'), { recursive: true });
    await writeFile(join(scratch, 'site', 'index.html'), '<p>another site</p>');
    await symlink(join(scratch, 'site'), join(scratch, 'linked-book'));
    return [
      {
        run: await runVot(['render', '--out', 'site'], scratch),
        exit: 1,
        lines: [
          'error[output-refused]: `site` is not empty and holds no book written by `vot render`',
          '  = help: give an empty or new folder with `--out`: vot render writes only where it wrote before (it leaves a `.vot-book` file), so it never overwrites another site',
        ],
      },
      {
        run: await runVot(['render', '--out', 'linked-book'], scratch),
        exit: 1,
        lines: ['error[output-refused]: `linked-book` is a symbolic link; the book is not written through one'],
      },
    ];
  },
  'fmt-refused': () =>
    withPolicyCopy(async (copy) => {
      await editFile(join(copy.policies, 'settings.yaml'), 'kind: settings\n', 'kind: settings\nkind: again\n');
      return [
        {
          run: await runVot(['fmt', '--check'], copy.root),
          exit: 1,
          lines: [
            'error[fmt-refused]: `policies/settings.yaml` was not formatted: ',
            '  = help: `pnpm vot check` shows what is wrong with the file',
          ],
        },
      ];
    }),
  'not-formatted': () =>
    withPolicyCopy(async (copy) => {
      await editFile(join(copy.policies, 'settings.yaml'), 'kind: settings\n', 'kind: settings  \n');
      return [
        {
          run: await runVot(['fmt', '--check'], copy.root),
          exit: 1,
          lines: ['error[not-formatted]: 1 of ', ' policy files would change\n  = help: run `pnpm vot fmt` and commit the result'],
        },
      ];
    }),
  'policies-not-checked': async () => [
    {
      run: await runVot(['test', 'broken'], scratch),
      exit: 1,
      lines: ['error[policies-not-checked]: the scenarios were not run: the policies have errors'],
    },
    {
      run: await runVot(['schema', '--check', '--policies', 'broken'], scratch),
      exit: 1,
      lines: ['error[policies-not-checked]: the schema files list the facts, outcomes, sources, settings and points of the policies'],
    },
    {
      run: await runVot(['render', '--policies', 'broken', '--out', 'book'], scratch),
      exit: 1,
      lines: [
        'error[policies-not-checked]: the book was not rendered: the policies have errors',
        '  = help: the book is rendered from policies that check clean; fix the errors above first',
      ],
    },
    {
      run: await runVot(['diff', 'broken', bundledPolicyDir()], scratch),
      exit: 1,
      lines: ['error[policies-not-checked]: the policies at `broken` do not check clean; fix them first'],
    },
  ],
  'no-scenarios': async () => [
    {
      run: await runVot(['test', bundledPolicyDir(), '--filter', 'no such scenario']),
      exit: 1,
      lines: ['error[no-scenarios]: no scenario matching `no such scenario`'],
    },
  ],
  'stale-schema': () =>
    withPolicyCopy(async (copy) => {
      const schema = join(copy.policies, 'schema', 'policy.schema.json');
      await writeFile(schema, `${await readFile(schema, 'utf8')}\n`);
      return [
        {
          run: await runVot(['schema', '--check'], copy.root),
          exit: 1,
          lines: ['error[stale-schema]: `policy.schema.json` in ', '  = help: run `pnpm vot schema --write` and commit the result'],
        },
      ];
    }),
  'unknown-ref': async () => [
    {
      run: await runVot(['diff', 'no-such-ref-or-folder', bundledPolicyDir()]),
      exit: 1,
      lines: [
        'error[unknown-ref]: `no-such-ref-or-folder` is neither a folder nor a git ref of this repository',
        '  = help: give a policy folder, or a branch, tag or commit (e.g. `main`, `HEAD~1`)',
      ],
    },
    {
      run: await runVot(['diff', 'HEAD', '--policies', join(scratch, 'broken')]),
      exit: 1,
      lines: [
        `error[unknown-ref]: the policy folder \`${join(scratch, 'broken')}\` is outside the git repository, so \`HEAD\` cannot be read from it`,
      ],
    },
    {
      run: await runVot(['diff', 'HEAD', '--policies', '.vot-tmp/not-in-git']),
      exit: 1,
      lines: ['error[unknown-ref]: cannot read `.vot-tmp/not-in-git` at `HEAD`: '],
    },
  ],
};

describe("the command line's own diagnostics", () => {
  it('has a case for every code of the command line', () => {
    expect(Object.keys(cases).sort()).toEqual([...commandLineCodes].sort());
  });

  for (const [code, bringAbout] of Object.entries(cases)) {
    it(`prints ${code} as a rendered diagnostic, with its exit code`, async () => {
      for (const { run, exit, lines } of await bringAbout()) {
        expect(run.code, run.stderr).toBe(exit);
        for (const line of lines) expect(run.stderr).toContain(line);
        // Nothing hand-made: every error line of stderr is a rendered diagnostic with its code.
        for (const line of run.stderr.split('\n').filter((l) => /^error\b/.test(l))) expect(line).toMatch(/^error\[[a-z-]+\]: /);
      }
    });
  }
});
