/**
 * The `vot-service` process (from the sources): a configuration it cannot use exits 2 with
 * every problem named and nothing served; a good one starts, decides, and on SIGTERM drains,
 * flushes the trail and exits 0. (The packed binary is started in tests/consumer.test.ts.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tokenDigest } from '@vot/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';
import { reactionFacts } from './service-harness.js';
import { repo } from './stage-workspace.js';

let dir: string;
const token = 'binary-test-token-73ab';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vot-service-bin-'));
  await writeFile(join(dir, 'tokens.txt'), `case-system:${tokenDigest(token)}\n`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Starts `vot-service` from the sources with exactly this environment (nothing inherited but PATH). */
function service(env: Record<string, string>, args: string[] = []) {
  // tsx by its path: the process runs in a temporary folder, where `tsx` would not resolve.
  const tsx = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--conditions=@vot/source', '--import', tsx, join(repo, 'packages/service/src/bin.ts'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function exitOf(env: Record<string, string>, args: string[] = []) {
  const run = service(env, args);
  const code = await run.exited;
  return { code, ...run.output() };
}

describe('vot-service', () => {
  it('exits 2 naming every problem when the configuration is not usable, and serves nothing', async () => {
    const tokens = join(dir, 'tokens.txt');
    await writeFile(join(dir, 'bad-tokens.txt'), `case-system:${tokenDigest(token)}\nplain-text-secret\n`);
    const cases: Array<[string, Record<string, string>, string[], string]> = [
      ['no authentication', {}, [], 'no authentication: set VOT_TOKENS_FILE and/or VOT_JWKS_FILE (or start with --insecure-no-auth'],
      ['a misspelt variable', { VOT_TOKEN_FILE: tokens }, [], 'VOT_TOKEN_FILE: not a variable of vot-service'],
      [
        'a bad tokens file',
        { VOT_TOKENS_FILE: join(dir, 'bad-tokens.txt') },
        [],
        `${join(dir, 'bad-tokens.txt')}:2: expected \`name:sha256-hex\``,
      ],
      [
        'a trail in a missing folder',
        { VOT_TOKENS_FILE: tokens, VOT_AUDIT: 'jsonl:missing/audit.jsonl' },
        [],
        'VOT_AUDIT: the folder of missing/audit.jsonl does not exist',
      ],
      ['a policy folder that is not one', { VOT_TOKENS_FILE: tokens, VOT_POLICIES_DIR: dir }, [], 'the policies cannot be used'],
      [
        'a settings file with a duplicate key',
        { VOT_TOKENS_FILE: tokens, VOT_SETTINGS_FILE: join(dir, 'settings.json') },
        [],
        'duplicate key `exclusion.max-weeks`',
      ],
      ['an unknown flag', { VOT_TOKENS_FILE: tokens }, ['--no-auth'], "Unknown option '--no-auth'"],
    ];
    await writeFile(join(dir, 'settings.json'), '{"exclusion.max-weeks": 8, "exclusion.max-weeks": 52}');
    const runs = await Promise.all(cases.map(([, env, args]) => exitOf(env, args)));
    cases.forEach(([name, , , message], index) => {
      expect(runs[index]!.code, name).toBe(2);
      expect(runs[index]!.stderr, name).toContain(message);
      expect(runs[index]!.stdout, name).not.toContain('vot-service started');
    });
  });

  it('starts with a tokens file, decides, and on SIGTERM drains, flushes the trail and exits 0', async () => {
    const trail = join(dir, 'audit.jsonl');
    const run = service({ VOT_TOKENS_FILE: join(dir, 'tokens.txt'), VOT_AUDIT: `jsonl:${trail}`, PORT: '0' });
    let url = '';
    for (let waited = 0; !url && waited < 30_000; waited += 100) {
      url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.output().stdout)?.[1] ?? '';
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url, run.output().stderr).not.toBe('');
    const response = await fetch(`${url}/v1/decide/reaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(reactionFacts),
    });
    expect(response.status).toBe(200);
    const { decisionId } = (await response.json()) as { decisionId: string };
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('"msg":"stopped"');
    expect(JSON.parse(await readFile(trail, 'utf8'))).toMatchObject({ id: decisionId, caller: 'case-system', seq: 1 });
    expect((await runVot(['audit', 'verify', trail])).code).toBe(0);
  });

  it('serves without authentication only with --insecure-no-auth, and says so', async () => {
    const run = service({ VOT_AUDIT: `jsonl:${join(dir, 'open.jsonl')}`, PORT: '0' }, ['--insecure-no-auth']);
    for (let waited = 0; !run.output().stdout.includes('insecure-no-auth') && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(run.output().stdout).toContain('started with --insecure-no-auth: anyone who can reach this port can ask for decisions');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });
});
