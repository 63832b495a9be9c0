/**
 * The packages as a host installs them: build and pack every published package, check the
 * tarballs with publint and attw, install them with npm into a fresh project, then `import`
 * (ESM) and `require` (CJS) @vot/policies, type-check a host file under `--strict --module
 * nodenext`, run decisions, the `vot` binary and the `vot-service` binary, and show that the
 * installed package decides from its verified bundle. Needs the npm registry for the packages' own dependencies.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, repo, stageWorkspace } from './stage-workspace.js';
import { reactionFacts } from './nav-reaction-facts.js';

const execFileAsync = promisify(execFile);
/** Runs a command; on failure, the error names the command and shows the end of its output. */
async function run(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, { ...options, maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => line.trim() && !line.includes('nodedir'))
      .slice(-30)
      .join('\n');
    throw Object.assign(new Error(`${command} ${args.join(' ')} failed:\n${output}`), { stdout, stderr });
  }
}
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const pnpm = ['-y', 'pnpm@10.34.9'];
const published = publishedPackages;
/** The engine's entries besides `.`: the decision runtime, the browser part, the tools and the terminal output. */
const engineSubpaths = ['runtime', 'browser', 'tools', 'terminal'];

let work: string;
let project: string;
let tarballs: string[];

async function node(file: string): Promise<string> {
  return (await run(process.execPath, [file], { cwd: project })).stdout;
}

/** tsc as a host runs it in the fresh project: `--strict`, `--module nodenext`, the installed types. */
const hostTsc = (...args: string[]) =>
  run(
    process.execPath,
    [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
      ...['--skipLibCheck', '--types', 'node', ...args],
    ],
    { cwd: project },
  );

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vot-consumer-'));
  const packs = join(work, 'packs');
  const stage = join(work, 'workspace');
  await stageWorkspace(stage);
  // The builds read each other's sources, not dist, so they can run side by side.
  await run('npx', [...pnpm, '-r', '--no-sort', '--workspace-concurrency', '3', '--filter', './packages/*', 'build'], { cwd: stage });
  for (const name of published) await run('npx', [...pnpm, 'pack', '--pack-destination', packs], { cwd: join(stage, 'packages', name) });
  tarballs = (await readdir(packs)).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
  project = join(work, 'host');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'vot-consumer', private: true, version: '1.0.0' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs, '@types/node@20.19.9'], {
    cwd: project,
  });
}, 900_000); // Builds, packs and installs five packages: many minutes on a 2-core machine other work shares.

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const facts = reactionFacts;

describe('the packed packages, installed by npm in a fresh project', () => {
  it('packs exactly the published packages, each with only dist/ and package metadata', async () => {
    expect(tarballs.map((t) => t.split('/').pop()).sort()).toEqual([
      'vot-audit-0.1.0.tgz',
      'vot-cli-0.1.0.tgz',
      'vot-engine-0.1.0.tgz',
      'vot-policies-0.1.0.tgz',
      'vot-service-0.1.0.tgz',
    ]);
    for (const name of published) {
      const manifest = JSON.parse(await readFile(join(project, 'node_modules', '@vot', name, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(JSON.stringify(manifest.exports), name).not.toContain('@vot/source');
      expect(JSON.stringify(manifest.dependencies ?? {}), name).not.toContain('workspace:');
      const entries = (await readdir(join(project, 'node_modules', '@vot', name))).sort();
      // Each of the engine's subpath folders holds only a package.json that points into dist/, for
      // tools that resolve `@vot/engine/<entry>` without reading `exports` (moduleResolution node10).
      const metadata = [
        'dist',
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'node_modules',
        ...(name === 'engine' ? engineSubpaths : []),
      ];
      expect(
        entries.filter((e) => !metadata.includes(e)),
        name,
      ).toEqual([]);
      if (name === 'engine') {
        for (const subpath of engineSubpaths) {
          const redirectDir = join(project, 'node_modules', '@vot', name, subpath);
          expect(await readdir(redirectDir), subpath).toEqual(['package.json']);
          const redirect = JSON.parse(await readFile(join(redirectDir, 'package.json'), 'utf8')) as Record<string, string>;
          for (const field of ['main', 'module', 'types'])
            expect(redirect[field], `${subpath} ${field}`).toMatch(new RegExp(`^\\.\\./dist/${subpath}\\.`));
        }
      }
    }
  });

  it('pass publint and the attw command line with no problem', async () => {
    // Every tarball at once: each check is a cold Node process, slow one after another on a busy machine.
    await Promise.all(
      tarballs.map(async (tarball) => {
        // The service is ESM only (jose 6 is an ES module): attw's esm-only profile leaves out the CommonJS resolutions.
        const profile = tarball.includes('vot-service-') ? 'esm-only' : 'strict';
        const [lint, attw] = await Promise.all([
          run(bin('publint'), ['run', tarball, '--strict']),
          run(bin('attw'), [tarball, '--format', 'json', '--profile', profile]),
        ]);
        expect(lint.stdout, tarball).toMatch(/All good!/);
        const { analysis } = JSON.parse(attw.stdout) as { analysis: { problems: Array<{ resolutionKind?: string }>; types: unknown } };
        // attw exits 1 on a problem its profile counts (`run` throws then); the JSON lists every resolution's.
        const ignored = profile === 'esm-only' ? ['node10', 'node16-cjs'] : [];
        expect(
          analysis.problems.filter((problem) => !ignored.includes(problem.resolutionKind ?? '')),
          tarball,
        ).toEqual([]);
        expect(analysis.types, tarball).toEqual({ kind: 'included' });
      }),
    );
  }, 300_000);

  it('carry the licence, a README, where the source lives, and ranges hosts can deduplicate', async () => {
    const rootManifest = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
      repository: { url: string };
      bugs: { url: string };
    };
    const licence = await readFile(join(repo, 'LICENSE'), 'utf8');
    for (const name of published) {
      const installed = join(project, 'node_modules', '@vot', name);
      const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
        repository?: { type: string; url: string; directory: string };
        homepage?: string;
        bugs?: { url: string };
        dependencies?: Record<string, string>;
      };
      expect(await readFile(join(installed, 'LICENSE'), 'utf8'), name).toBe(licence);
      const readme = await readFile(join(installed, 'README.md'), 'utf8');
      expect(readme, name).toMatch(new RegExp(`^# @vot/${name}\n`));
      for (const part of ['## Install', '## Use', rootManifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')])
        expect(readme, `${name}: ${part}`).toContain(part);
      expect(manifest.repository, name).toEqual({ type: 'git', url: rootManifest.repository.url, directory: `packages/${name}` });
      expect(manifest.homepage, name).toMatch(/^https:\/\//);
      expect(manifest.bugs, name).toEqual(rootManifest.bugs);
      // Workspace dependencies are rewritten by pnpm to the exact version released together; the rest are ranges.
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {}))
        expect(range, `${name} → ${dependency}`).toMatch(dependency.startsWith('@vot/') ? /^\d+\.\d+\.\d+$/ : /^\^\d+\.\d+\.\d+$/);
    }
  });

  it('decide from ESM (import) and CJS (require) alike', async () => {
    const program = (load: string) => `${load}
loadPolicies().then(async (policies) => {
  const decision = await policies.decide('reaction', ${JSON.stringify(facts)});
  console.log(JSON.stringify({ ids: decision.outcomes.map((o) => o.id + ':' + o.status), policy: decision.policy, record: toAuditRecord(decision, new Date(0)).at }));
});`;
    await writeFile(join(project, 'esm.mjs'), program("import { loadPolicies, toAuditRecord } from '@vot/policies';"));
    await writeFile(join(project, 'cjs.cjs'), program("const { loadPolicies, toAuditRecord } = require('@vot/policies');"));
    const esm = JSON.parse(await node('esm.mjs')) as { ids: string[]; policy: { version: string; hash: string }; record: string };
    const cjs = JSON.parse(await node('cjs.cjs')) as typeof esm;
    expect(cjs).toEqual(esm);
    expect(esm.ids).toContain('exclusion-physical:permitted');
    expect(esm.policy.version).toBe('0.1.0');
    expect(esm.policy.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(esm.record).toBe('1970-01-01T00:00:00.000Z');
  });

  it('type-check a host file under --strict --module nodenext', async () => {
    await cp(join(repo, 'tests', 'consumer', 'host.ts'), join(project, 'host.ts'));
    // The same call with a misspelt fact is refused: the types really reach the host.
    await writeFile(
      join(project, 'bad.ts'),
      "import { loadPolicies } from '@vot/policies';\nexport const d = loadPolicies().then((p) => p.decide('follow-up', { organisation: 'nav-office', employeeEmployr: 'state' }));\n",
    );
    const tsc = (file: string) => hostTsc('--noEmit', file).catch((error: { stdout: string }) => error);
    const [good, bad] = await Promise.all([tsc('host.ts'), tsc('bad.ts')]);
    expect(good.stdout).toBe('');
    expect(bad.stdout).toMatch(/bad\.ts\(2,\d+\): error TS(2353|2561): .*'employeeEmployr'/);
  });

  it('load every entry of @vot/engine from ESM and CJS, with the same names', async () => {
    const specifiers = ['@vot/engine', ...engineSubpaths.map((subpath) => `@vot/engine/${subpath}`)];
    const names = (load: string) => `${load}
const names = {};
for (const specifier of ${JSON.stringify(specifiers)}) names[specifier] = Object.keys(load(specifier)).sort();
console.log(JSON.stringify(names));`;
    await writeFile(join(project, 'entries.cjs'), names('const load = require;'));
    await writeFile(
      join(project, 'entries.mjs'),
      names(
        `const loaded = {};\nfor (const s of ${JSON.stringify(specifiers)}) loaded[s] = await import(s);\nconst load = (s) => loaded[s];`,
      ),
    );
    const fromRequire = JSON.parse(await node('entries.cjs')) as Record<string, string[]>;
    const fromImport = JSON.parse(await node('entries.mjs')) as Record<string, string[]>;
    expect(fromRequire).toEqual(fromImport);
    expect(fromImport['@vot/engine']).toEqual(expect.arrayContaining(['checkPolicyFolder', 'PolicySet', 'PolicyError', 'parseBundle']));
    expect(fromImport['@vot/engine']).not.toContain('runGate');
    expect(fromImport['@vot/engine/runtime']).toEqual(expect.arrayContaining(['PolicySet', 'parseBundle', 'toAuditRecord']));
    expect(fromImport['@vot/engine/browser']).toEqual(expect.arrayContaining(['PolicySet', 'describeWhen']));
    expect(fromImport['@vot/engine/tools']).toEqual(
      expect.arrayContaining(['runGate', 'runScenarios', 'writeFileAtomic', 'diffPolicySets']),
    );
    expect(fromImport['@vot/engine/terminal']).toEqual(expect.arrayContaining(['renderDiagnostics', 'terminalText', 'didYouMean']));
  });

  it('type-check and run a tool that uses every entry of @vot/engine together', async () => {
    await cp(join(repo, 'tests', 'consumer', 'engine-entries.ts'), join(project, 'engine-entries.ts'));
    const tsc = await hostTsc('--outDir', join(project, 'compiled'), 'engine-entries.ts');
    expect(tsc.stdout).toBe('');
    // The host project is CommonJS, so the tool compiles to `require` calls: the CJS side of each entry.
    await writeFile(
      join(project, 'compiled', 'use-entries.mjs'),
      `import { run } from './engine-entries.js';\nconsole.log(JSON.stringify(await run('reaction', ${JSON.stringify(facts)})));\n`,
    );
    const result = JSON.parse(await node(join('compiled', 'use-entries.mjs'))) as {
      passed: number;
      total: number;
      same: boolean;
      sentence: string;
    };
    expect(result.total).toBeGreaterThan(0);
    expect(result.passed).toBe(result.total);
    expect(result.same).toBe(true);
    expect(result.sentence).toMatch(/^When /);
  });

  it('apply a local setting from the YAML shipped beside the bundle', async () => {
    await writeFile(
      join(project, 'settings.mjs'),
      `import { loadPolicies } from '@vot/policies';
const bundled = await loadPolicies();
const local = await loadPolicies({ settings: { 'exclusion.max-weeks': 8 } });
const facts = ${JSON.stringify(facts)};
const weeks = async (policies) => (await policies.decide('reaction', facts)).outcomes.find((o) => o.id === 'exclusion-physical').limits.maxWeeks;
console.log(JSON.stringify({ bundled: await weeks(bundled), local: await weeks(local), sameHash: bundled.policy.hash === local.policy.hash }));
`,
    );
    expect(JSON.parse(await node('settings.mjs'))).toEqual({ bundled: 12, local: 8, sameHash: false });
  });

  it('run the vot binary', async () => {
    const incident = join(repo, 'examples', 'incidents', '04-caseworker-attacked-after-work-serious-injury.json');
    const { stdout } = await run(
      join(project, 'node_modules', '.bin', 'vot'),
      ['eval', incident, '--point', 'reporting', '--format', 'json'],
      { cwd: project },
    );
    expect((JSON.parse(stdout) as { point: string }).point).toBe('reporting');
  });

  it('start vot-service with a tokens file, decide over HTTP, stop on SIGTERM, and leave a trail vot verifies', async () => {
    const token = 'consumer-test-token-4e1f';
    await writeFile(join(project, 'tokens.txt'), `host-system:${createHash('sha256').update(token).digest('hex')}\n`);
    const child = spawn(join(project, 'node_modules', '.bin', 'vot-service'), [], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', VOT_TOKENS_FILE: 'tokens.txt', VOT_AUDIT: 'jsonl:audit.jsonl', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (output += data.toString('utf8')));
    const exited = once(child, 'exit');
    let url = '';
    for (let waited = 0; !url && waited < 30_000; waited += 100) {
      url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1] ?? '';
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url, output).not.toBe('');
    const response = await fetch(`${url}/v1/decide/reaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(facts),
    });
    expect(response.status).toBe(200);
    const decision = (await response.json()) as { decisionId: string; outcomes: Array<{ id: string; status: string }> };
    expect(decision.outcomes).toContainEqual(expect.objectContaining({ id: 'exclusion-physical', status: 'permitted' }));
    expect((await fetch(`${url}/v1/decide/reaction`, { method: 'POST', body: '{}' })).status).toBe(401);
    child.kill('SIGTERM');
    expect((await exited)[0], output).toBe(0);
    const verify = await run(join(project, 'node_modules', '.bin', 'vot'), ['audit', 'verify', 'audit.jsonl'], { cwd: project });
    expect(verify.stdout).toContain('audit.jsonl: 1 record checked, the chain is unbroken');
  });

  it('render the policy book with its what-if page from the installed package, without a bundler', async () => {
    const out = join(project, 'book');
    await run(join(project, 'node_modules', '.bin', 'vot'), ['render', '--out', out], { cwd: project });
    const script = await readFile(join(out, 'assets', 'whatif.js'), 'utf8');
    expect(script).toBe(await readFile(join(project, 'node_modules', '@vot', 'cli', 'dist', 'assets', 'whatif.js'), 'utf8'));
    expect(await readFile(join(out, 'whatif.html'), 'utf8')).toContain('assets/whatif.js');
    await expect(readFile(join(project, 'node_modules', 'esbuild', 'package.json'))).rejects.toThrow();
  });

  it('decide from the verified bundle without the YAML, and refuse a changed bundle', async () => {
    const dist = join(project, 'node_modules', '@vot', 'policies', 'dist');
    await rm(join(dist, 'policies'), { recursive: true });
    const decided = JSON.parse(await node('cjs.cjs')) as { ids: string[] };
    expect(decided.ids).toContain('exclusion-physical:permitted');
    const bundle = await readFile(join(dist, 'bundle.json'), 'utf8');
    await writeFile(join(dist, 'bundle.json'), bundle.replace('"status":"not-permitted"', '"status":"permitted"'));
    await writeFile(
      join(project, 'refused.mjs'),
      "import { loadPolicies } from '@vot/policies';\nloadPolicies().then(() => console.log('loaded'), (e) => console.log(e.diagnostics[0].code));\n",
    );
    expect((await node('refused.mjs')).trim()).toBe('bundle-invalid');
  });
});
