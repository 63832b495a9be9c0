/**
 * The public API stays small and documented. `@vot/engine` holds what a host and a user of the
 * command line need, about a screenful of names, each with a TSDoc comment (what an editor shows
 * on hover); the command line's and the tests' tools are behind `@vot/engine/tools`, and no
 * name is exported by both. The host-facing entries (`/runtime`, `/browser`) are documented too.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { repo } from './stage-workspace.js';

const entries = {
  main: 'packages/engine/src/index.ts',
  runtime: 'packages/engine/src/runtime.ts',
  browser: 'packages/engine/src/browser.ts',
  tools: 'packages/engine/src/tools.ts',
} as const;

/** A screenful: the main entry grew to 160 names before it was split. */
// A screenful: the names a host or a command-line user needs (65 with the strict JSON reader, 67
// with the model of two points that agree and the closed set of statuses a host handles, 68 with
// the titled limits of the model, 70 with a source's window of dates and a why-not alternative).
const mostNames = 70;

let exported: Record<keyof typeof entries, Array<{ name: string; documented: boolean }>>;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repo, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const files = Object.values(entries).map((file) => join(repo, file));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const namesOf = (file: string) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(repo, file))!)!;
    return checker.getExportsOfModule(module).map((symbol) => {
      const declared = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.name, documented: declared.getDocumentationComment(checker).length > 0 };
    });
  };
  exported = Object.fromEntries(Object.entries(entries).map(([entry, file]) => [entry, namesOf(file)])) as typeof exported;
}, 120_000);

describe('the public API of @vot/engine', () => {
  it(`exports at most ${mostNames} names from the main entry`, () => {
    expect(exported.main.length).toBeGreaterThan(20);
    expect(exported.main.length).toBeLessThanOrEqual(mostNames);
  });

  for (const entry of ['main', 'runtime', 'browser'] as const) {
    it(`documents every name of the ${entry} entry`, () => {
      expect(exported[entry].filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
    });
  }

  it('keeps the tools apart: no name is in both the main entry and the tools entry', () => {
    const main = new Set(exported.main.map((e) => e.name));
    expect(exported.tools.map((e) => e.name).filter((name) => main.has(name))).toEqual([]);
  });

  it('gives a host everything the decision runtime has, from the main entry as well', () => {
    const main = new Set(exported.main.map((e) => e.name));
    // `diagnostic` builds a diagnostic (for @vot/policies' loader); hosts read them, the tools build them.
    // The bundle signature checks: for @vot/policies' loader (hosts configure keys there) and `vot bundle`.
    const toolsOnly = new Set([
      'diagnostic',
      'auditOutcomes',
      'bundlePublicKeysFromEnvironment',
      'parseBundlePublicKeys',
      'signatureFileOf',
      'verifyBundleSignature',
    ]);
    expect(exported.runtime.map((e) => e.name).filter((name) => !main.has(name) && !toolsOnly.has(name))).toEqual([]);
  });
});
