/**
 * Editor validation with the real yaml-language-server (the server behind the VS Code YAML
 * extension), driven over stdio as an editor drives it. The documents point at the committed
 * schema files through their `# yaml-language-server: $schema=` modeline, exactly as a reviewer
 * opens them; `vot schema --check` in `pnpm test` keeps those files in step with the policies.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySetModel } from '@vot/engine';
import { editorVocabulary, jsonSchemaFiles } from '@vot/engine/tools';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, type LspDiagnostic } from './lsp-client.js';

const policyDir = bundledPolicyDir();
const uriOf = (path: string) => pathToFileURL(join(policyDir, path)).href;

let client: LspClient;
let model: PolicySetModel;

beforeAll(async () => {
  model = (await loadPolicies()).model;
  // No schema store: nothing may be fetched from the network; the modeline names the schema.
  client = new LspClient({ validate: true, completion: true, hover: true, format: { enable: false }, schemaStore: { enable: false } });
  await client.initialize(pathToFileURL(policyDir).href);
});

afterAll(async () => {
  await client?.close();
});

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => relative(policyDir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Line (0-based, as LSP counts) of the first line containing `marker`. */
const lineOf = (text: string, marker: string): number => {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`\`${marker}\` is not in the test document`);
  return index;
};

const summary = (diagnostics: LspDiagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);

/** A small policy built from the set's own names, so it is valid except where a test breaks it. */
function samplePolicy(breakIt: boolean): string {
  const point = model.points[0]!;
  const outcome = point.outcomes[0]!.id;
  const flag = model.facts.find((f) => f.type === 'boolean')!.id;
  const choice = model.facts.find((f) => f.type === 'enum')!;
  const source = model.sources[0]!.id;
  return [
    '# yaml-language-server: $schema=../schema/policy.schema.json',
    'kind: policy',
    'policy: editor-sample',
    `point: ${point.id}`,
    'title: { nb: Eksempel, en: Sample }',
    breakIt ? 'colour: blue' : '# no colour',
    'outcomes:',
    `  - id: ${outcome}`,
    `    basis: [${breakIt ? 'no-such-source' : source}]`,
    '    rules:',
    `      - when: { fact: ${flag}, is: ${breakIt ? 'maybe' : 'true'} }`,
    '        status: permitted',
    '        reason: { nb: Ja, en: Yes }',
    `      - when: { fact: ${choice.id}, in: [${breakIt ? 'not-a-value' : choice.values![0]}] }`,
    '        status: not-permitted',
    `        reason: { nb: Nei${breakIt ? '' : ', en: No'} }`,
    '    otherwise: omit',
    '',
  ].join('\n');
}

describe('the committed editor schema in yaml-language-server', () => {
  it('finds nothing wrong in any bundled policy file', async () => {
    const files = await yamlFiles(policyDir);
    expect(files.length).toBeGreaterThan(10);
    const documents = await Promise.all(
      files.map(async (file) => ({ uri: uriOf(file), text: await readFile(join(policyDir, file), 'utf8') })),
    );
    // A canary in the same batch: the vocabulary with one fact of an unknown type. If the
    // server had not validated against the schemas yet, the canary would come back clean.
    const vocabulary = documents.find((d) => d.uri === uriOf('vocabulary.yaml'))!;
    const canary = { uri: uriOf('vocabulary-canary.yaml'), text: vocabulary.text.replace(/type: (boolean|enum|integer)/, 'type: maybe') };
    expect(canary.text).not.toBe(vocabulary.text);
    const diagnostics = await client.openAll([...documents, canary], { timeoutMs: 45_000 });
    expect(diagnostics.get(canary.uri)!.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) => summary(diagnostics.get(uriOf(file))!).map((line) => `${file}:${line}`));
    expect(problems).toEqual([]);
  });

  it('a good policy gets no diagnostic; the same policy broken gets one on each broken line', async () => {
    const good = samplePolicy(false);
    expect(summary(await client.open(uriOf('reaction/editor-sample-good.yaml'), good))).toEqual([]);

    const broken = samplePolicy(true);
    const diagnostics = await client.open(uriOf('reaction/editor-sample-broken.yaml'), broken);
    const lines = new Map<number, string[]>();
    for (const d of diagnostics) lines.set(d.range.start.line, [...(lines.get(d.range.start.line) ?? []), d.message]);
    // An unknown key, a source that is not in the catalogue, a boolean fact compared with a
    // word, an enum value outside the fact's domain, and a text without its English.
    expect(lines.get(lineOf(broken, 'colour: blue'))?.join(' ')).toMatch(/colour is not allowed/);
    expect(lines.get(lineOf(broken, 'no-such-source'))?.join(' ')).toMatch(/Value is not accepted/);
    expect(lines.get(lineOf(broken, 'is: maybe'))?.join(' ')).toMatch(/Expected "boolean"/);
    expect(lines.get(lineOf(broken, 'not-a-value'))?.join(' ')).toMatch(/Value is not accepted/);
    expect(lines.get(lineOf(broken, 'reason: { nb: Nei }'))?.join(' ')).toMatch(/Missing property "en"/);
    expect([...lines.keys()].sort((a, b) => a - b)).toEqual(
      ['colour: blue', 'no-such-source', 'is: maybe', 'not-a-value', 'reason: { nb: Nei }']
        .map((m) => lineOf(broken, m))
        .sort((a, b) => a - b),
    );
  });

  it("a scenario with a misspelt outcome, a value outside a fact's domain or an unknown key is marked on its line", async () => {
    const point = model.points[0]!;
    const outcome = point.outcomes[0]!.id;
    const choice = model.facts.find((f) => f.type === 'enum')!;
    const scenario = (expectKey: string, value: string, sourceKey: string) =>
      [
        '# yaml-language-server: $schema=../schema/scenarios.schema.json',
        'kind: scenarios',
        `point: ${point.id}`,
        'scenarios:',
        '  - name: a sample scenario',
        `    facts: { ${choice.id}: ${value} }`,
        '    expect:',
        `      ${expectKey}: permitted`,
        `    ${sourceKey}: a sentence saying why`,
        '',
      ].join('\n');
    expect(
      summary(await client.open(uriOf('reaction/editor-good.scenarios.yaml'), scenario(outcome, choice.values![0]!, 'source'))),
    ).toEqual([]);
    const broken = scenario(`${outcome}x`, 'nowhere', 'sorce');
    const diagnostics = summary(await client.open(uriOf('reaction/editor-broken.scenarios.yaml'), broken));
    expect(diagnostics).toContainEqual(
      `${lineOf(broken, 'nowhere') + 1}: Value is not accepted. Valid values: ${choice.values!.map((v) => `"${v}"`).join(', ')}.`,
    );
    expect(diagnostics).toContainEqual(`${lineOf(broken, `${outcome}x:`) + 1}: Property ${outcome}x is not allowed.`);
    expect(diagnostics).toContainEqual(`${lineOf(broken, 'sorce:') + 1}: Property sorce is not allowed.`);
  });

  it('completes a fact name with every fact of the vocabulary, and shows hover text in English and bokmål', async () => {
    const text = samplePolicy(false);
    const uri = uriOf('reaction/editor-sample-complete.yaml');
    await client.open(uri, text);
    const line = lineOf(text, '{ fact: ');
    const character = text.split('\n')[line]!.indexOf('fact: ') + 'fact: '.length;
    const labels = (await client.completion(uri, line, character)).map((item) => item.label);
    expect(labels.sort()).toEqual(model.facts.map((f) => f.id).sort());

    const hover = await client.hover(uri, line, character + 1);
    expect(hover).toContain('A fact from the vocabulary (vocabulary.yaml). / Et faktum fra vokabularet (vocabulary.yaml).');
    const fact = model.facts.find((f) => f.type === 'boolean')!;
    expect(hover).toContain(`\`${fact.id}\`: ${fact.title.en} / ${fact.title.nb}`);
  });

  it('completes the values of the fact a condition names', async () => {
    const choice = model.facts.find((f) => f.type === 'enum')!;
    const text = samplePolicy(false);
    const uri = uriOf('reaction/editor-sample-values.yaml');
    await client.open(uri, text);
    const line = lineOf(text, `fact: ${choice.id}, in: [`);
    const character = text.split('\n')[line]!.indexOf('in: [') + 'in: ['.length;
    const labels = (await client.completion(uri, line, character)).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(choice.values!));
  });

  it('offers a ready-made scenario to fill in', async () => {
    const text = [
      '# yaml-language-server: $schema=../schema/scenarios.schema.json',
      'kind: scenarios',
      `point: ${model.points[0]!.id}`,
      'scenarios:',
      '  - ',
      '',
    ].join('\n');
    const uri = uriOf('reaction/editor-snippet.scenarios.yaml');
    await client.open(uri, text);
    const items = await client.completion(uri, 4, 4);
    expect(items.map((item) => item.label)).toContain('new scenario / nytt scenario');
  });
});

describe('the editor schema files', () => {
  const walk = (node: unknown, visit: (schema: Record<string, unknown>) => void): void => {
    if (Array.isArray(node))
      node.forEach((item) => {
        walk(item, visit);
      });
    else if (node !== null && typeof node === 'object') {
      visit(node as Record<string, unknown>);
      Object.values(node).forEach((value) => {
        walk(value, visit);
      });
    }
  };

  it('give every description in English and bokmål', () => {
    const untranslated = new Set<string>();
    for (const [, content] of jsonSchemaFiles(editorVocabulary(model))) {
      walk(JSON.parse(content), (schema) => {
        if (typeof schema.description === 'string' && !schema.description.includes(' / ') && !/^Norsk bokmål$/.test(schema.description))
          untranslated.add(schema.description);
      });
    }
    // Add each to packages/engine/src/schema/descriptions-nb.ts.
    expect([...untranslated]).toEqual([]);
  });

  it('list exactly the ids the policy set declares, and only the structure without a policy set', () => {
    const files = jsonSchemaFiles(editorVocabulary(model));
    const definitions = (JSON.parse(files.get('policy.schema.json')!) as { definitions: Record<string, { enum?: string[] }> }).definitions;
    expect(definitions['fact-id']?.enum).toEqual(model.facts.map((f) => f.id));
    expect(definitions['outcome-id']?.enum).toEqual(model.outcomes.map((o) => o.id));
    expect(definitions['source-id']?.enum).toEqual(model.sources.map((s) => s.id));
    expect(definitions['setting-id']?.enum).toEqual(model.settings.map((s) => s.id));
    expect(definitions['point-id']?.enum).toEqual(model.points.map((p) => p.id));

    for (const [name, content] of jsonSchemaFiles()) {
      expect(content, name).not.toContain('x-vot-slot');
      expect((JSON.parse(content) as { definitions?: Record<string, unknown> }).definitions?.['fact-id'], name).toBeUndefined();
    }
  });
});
