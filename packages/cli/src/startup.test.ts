/**
 * What `vot eval` loads before it decides: the binary imports each command's module only when
 * the command runs, and `eval` (deciding with the checked bundle) imports the engine through its
 * light entries (runtime, browser, terminal), so it starts without yaml, zod, json-rules-engine
 * or the checker. The whole binary is bundled from the sources with code splitting, as tsup
 * builds it, and the static import graph of the start and of each command is followed.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Everything but our own packages and relative paths stays outside the bundle, as in the real build. */
const externalDependencies: Plugin = {
  name: 'external-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@vot/') ? undefined : { path: args.path, external: true }));
  },
};

async function bundleBinary(): Promise<Metafile> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./bin.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    write: false,
    outdir: 'out',
    metafile: true,
    conditions: ['@vot/source'],
    plugins: [externalDependencies],
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The external packages an output loads before it runs, following its static imports of other chunks. */
function staticDependencies(metafile: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]!.imports) {
      if (imported.kind === 'dynamic-import') continue;
      if (imported.external) external.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(start);
  return external;
}

/** The output chunk whose entry is the command's module. */
function commandChunk(metafile: Metafile, command: string): string {
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint?.endsWith(`commands/${command}.ts`));
  if (!found) throw new Error(`no chunk for commands/${command}.ts`);
  return found[0];
}

const heavy = ['yaml', 'zod', 'json-rules-engine'];

describe('vot start-up', () => {
  it('loads yaml, zod and json-rules-engine for the commands that read YAML, and not for eval', async () => {
    const metafile = await bundleBinary();
    const bin = Object.keys(metafile.outputs).find((output) => metafile.outputs[output]!.entryPoint?.endsWith('bin.ts'))!;
    const atStart = staticDependencies(metafile, bin);
    expect(heavy.filter((name) => atStart.has(name))).toEqual([]);
    const forEval = staticDependencies(metafile, commandChunk(metafile, 'eval'));
    expect(heavy.filter((name) => forEval.has(name))).toEqual([]);
    // The same walk finds them where they are loaded: the test can tell the two apart.
    const forFmt = staticDependencies(metafile, commandChunk(metafile, 'fmt'));
    expect(forFmt.has('yaml')).toBe(true);
  });
});
