/**
 * The decision runtime entry: it must not load zod, yaml or json-rules-engine at import (that is
 * what keeps a host's start-up fast; the terminal entry likewise keeps `vot eval`'s), and what it builds must be the same classes to
 * `instanceof` as the main entry's, since the two entries are bundled separately.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyError, PolicySet } from './runtime.js';
import * as main from './index.js';
import { minimalPolicyMap } from './testing/fixtures.js';

/** The imports left in an entry bundled alone: static (loaded with it) and dynamic (on demand). */
async function entryImports(entry: string): Promise<{ staticImports: string[]; dynamicImports: string[] }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    packages: 'external',
    metafile: true,
    outfile: 'entry.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    staticImports: output.imports.filter((i) => i.kind !== 'dynamic-import').map((i) => i.path),
    dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
  };
}

describe('runtime entry', () => {
  it('imports no dependency but node built-ins statically; json-rules-engine only on demand', async () => {
    const { staticImports, dynamicImports } = await entryImports('./runtime.ts');
    expect(staticImports.filter((path) => !path.startsWith('node:'))).toEqual([]);
    expect(dynamicImports).toEqual(['json-rules-engine']);
  });

  it('the terminal entry (what vot prints before it loads the engine) imports no dependency at all', async () => {
    const { staticImports, dynamicImports } = await entryImports('./terminal.ts');
    expect(staticImports.filter((path) => !path.startsWith('node:'))).toEqual([]);
    expect(dynamicImports).toEqual([]);
  });

  it('recognises errors and policy sets made by the other entry as its own', async () => {
    const set = main.checkPolicyTexts(minimalPolicyMap()).model!;
    const fromMain = new main.PolicySet(set);
    expect(fromMain).toBeInstanceOf(PolicySet);
    const error = await fromMain.decide('access', { colour: 'purple', count: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    expect(error).toBeInstanceOf(main.PolicyError);
    expect(new Error('plain')).not.toBeInstanceOf(PolicyError);
    expect({ ...fromMain }).not.toBeInstanceOf(PolicySet);
  });
});
