/**
 * One case per diagnostic code, with its rendered text pinned: the wording reviewers see is
 * reviewed here, and a change to it shows up in the diff of this file.
 */
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic, renderDiagnostic, renderDiagnostics, type Diagnostic, type DiagnosticInput } from './diagnostics.js';
import { diagnosticCodes, type DiagnosticCode } from './messages.js';
import { checkPolicyFolder, checkPolicyTexts } from './pipeline/load-policies.js';
import { loadPolicyTexts, readPolicyFolder } from './load/folder.js';
import { createFactsValidator } from './decide/facts.js';
import { minimalPolicyFiles, overridingPolicyFiles, timedPolicyFiles } from './testing/fixtures.js';
import { PolicySet } from './decide/policy-set.js';
import { parseBundle, serializeBundle } from './bundle/bundle.js';
import { parseAuditRecordLine } from './decide/audit-parse.js';
import type { PolicyError } from './diagnostics.js';

type Files = Record<string, string | Uint8Array>;

function withChanges(changes: Record<string, string | null>): Map<string, string> {
  const files = new Map(Object.entries(minimalPolicyFiles));
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) files.delete(name);
    else files.set(name, content);
  }
  return files;
}

/** Replaces one exact piece of a fixture file (and fails loudly if it is not there). */
function edit(file: string, from: string, to: string): Record<string, string> {
  const original = minimalPolicyFiles[file]!;
  if (!original.includes(from)) throw new Error(`fixture ${file} has no ${JSON.stringify(from)}`);
  return { [file]: original.replace(from, to) };
}

/** The overriding fixture policy with one exact piece replaced. */
function overriding(from: string, to: string): Record<string, string> {
  const original = overridingPolicyFiles['access/red-doors.yaml']!;
  if (!original.includes(from)) throw new Error(`fixture red-doors has no ${JSON.stringify(from)}`);
  return { 'access/red-doors.yaml': original.replace(from, to) };
}

/** The timed fixture (law in time) with one exact piece of one of its files replaced. */
function timed(file: string, from: string, to: string): Record<string, string> {
  const original = timedPolicyFiles[file]!;
  if (!original.includes(from)) throw new Error(`timed fixture ${file} has no ${JSON.stringify(from)}`);
  return { ...timedPolicyFiles, [file]: original.replace(from, to) };
}

/** What deciding on the timed fixture refuses, rendered. */
function refusedDecision(facts: Record<string, unknown>, date?: string): string {
  const set = new PolicySet(checkPolicyTexts(withChanges(timedPolicyFiles)).model!);
  try {
    set.decideSync('bell', facts, date === undefined ? {} : { date });
  } catch (error) {
    return renderDiagnostics((error as PolicyError).diagnostics);
  }
  throw new Error('expected the decision to be refused');
}

function checkTexts(changes: Record<string, string | null>): { diagnostics: Diagnostic[]; texts: Map<string, string> } {
  return checkPolicyTexts(withChanges(changes));
}

function loadRaw(files: Files): { diagnostics: Diagnostic[]; texts: Map<string, string> } {
  return loadPolicyTexts(new Map(Object.entries(files)));
}

/** The rendered diagnostics of one code, for pinning. */
function rendered(result: { diagnostics: Diagnostic[]; texts: Map<string, string> }, code: DiagnosticCode): string {
  const matching = result.diagnostics.filter((d) => d.code === code);
  expect(matching.length, `expected a ${code} diagnostic, got: ${result.diagnostics.map((d) => d.code).join(', ')}`).toBeGreaterThan(0);
  return renderDiagnostics(matching, { sources: result.texts });
}

const validator = () => {
  const model = checkPolicyTexts(withChanges({})).model!;
  return { validator: createFactsValidator(model.facts), point: model.points[0]! };
};
const factsResult = (input: unknown) => {
  const { validator: v, point } = validator();
  return { diagnostics: v.validate(point, input).diagnostics, texts: new Map<string, string>() };
};

/** Diagnostics made as a command makes them, rendered each on its own (as `vot` prints them). */
function pinned<C extends DiagnosticCode>(...inputs: Array<DiagnosticInput<C>>): string {
  return inputs.map((input) => renderDiagnostic(diagnostic(input))).join('\n\n');
}

const cases: Record<DiagnosticCode, () => Promise<string> | string> = {
  'file-unreadable': async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-'));
    await writeFile(join(dir, 'real.yaml'), 'kind: sources\n');
    await symlink(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    const result = await checkPolicyFolder(dir);
    return rendered(
      {
        ...result,
        diagnostics: result.diagnostics.map((d) => ({
          ...d,
          file: d.file?.replace(dir, '<dir>'),
          message: d.message.replace(dir, '<dir>'),
        })),
      },
      'file-unreadable',
    );
  },
  'file-too-large': () => rendered(loadRaw({ 'big.yaml': new Uint8Array(1024 * 1024 + 1).fill(0x20) }), 'file-too-large'),
  'invalid-utf8': () => rendered(loadRaw({ 'bad.yaml': new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe]) }), 'invalid-utf8'),
  'nul-byte': () => rendered(loadRaw({ 'nul.yaml': 'kind: sources\nsources: [a\u0000]\n' }), 'nul-byte'),
  'hidden-character': () =>
    [
      rendered(loadRaw({ 'bidi.yaml': 'kind: sources\nsources: [] # \u202eevil\n' }), 'hidden-character'),
      rendered(loadRaw({ 'escaped.yaml': 'kind: sources\nsources: ["\\u202Eevil"]\n' }), 'hidden-character'),
    ].join('\n\n'),
  'control-character': () =>
    [
      rendered(loadRaw({ 'raw.yaml': 'kind: sources\nsources: [] # \u001b[2J\n' }), 'control-character'),
      rendered(loadRaw({ 'escaped.yaml': 'kind: sources\nsources:\n  - "Not busy.\\e[1A\\e[2KPERMITTED"\n' }), 'control-character'),
      rendered(loadRaw({ 'bad\u001b[2Jname.yaml': 'kind: sources\nsources: []\n' }), 'control-character'),
    ].join('\n\n'),
  'file-name-collision': () =>
    rendered(
      loadRaw({ 'reaction/Ladder.yaml': 'kind: sources\nsources: []\n', 'reaction/ladder.yaml': 'kind: sources\nsources: []\n' }),
      'file-name-collision',
    ),
  'empty-file': () => rendered(loadRaw({ 'empty.yaml': '# only a comment\n' }), 'empty-file'),
  'wrong-extension': async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-'));
    await writeFile(join(dir, 'ladder.yml'), 'kind: policy\n');
    const result = await checkPolicyFolder(dir);
    return rendered(
      { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: d.file?.replace(dir, '<dir>') })) },
      'wrong-extension',
    );
  },
  'yaml-syntax': () =>
    rendered(checkTexts(edit('access/doors.yaml', 'title: { nb: Dører, en: Doors }', 'title: { nb: Dører, en: Doors')), 'yaml-syntax'),
  'tab-indentation': () => rendered(checkTexts(edit('settings.yaml', '    type: integer', '\ttype: integer')), 'tab-indentation'),
  'duplicate-key': () =>
    rendered(checkTexts(edit('settings.yaml', '    default: 12\n', '    default: 12\n    default: 10\n')), 'duplicate-key'),
  'custom-tag': () => rendered(checkTexts(edit('settings.yaml', 'default: 12', 'default: !!js/function "return 12"')), 'custom-tag'),
  'multiple-documents': () =>
    rendered(checkTexts({ 'settings.yaml': `${minimalPolicyFiles['settings.yaml']}---\nkind: settings\n` }), 'multiple-documents'),
  'too-many-aliases': () => {
    const anchors = `a: &x [1, 2]\n${Array.from({ length: 70 }, (_, i) => `b${i}: *x`).join('\n')}`;
    return rendered(loadRaw({ 'aliases.yaml': `kind: sources\n${anchors}\n` }), 'too-many-aliases');
  },
  'too-deep': () => rendered(loadRaw({ 'deep.yaml': `kind: sources\nx: ${'['.repeat(60)}${']'.repeat(60)}\n` }), 'too-deep'),
  'too-many-problems': () => {
    const result = loadRaw({ 'broken.yaml': `kind: sources\n${': : :\n'.repeat(150)}` });
    expect(result.diagnostics.filter((d) => d.code === 'yaml-syntax')).toHaveLength(100);
    return rendered(result, 'too-many-problems');
  },
  'too-many-values': () => {
    const anchored = `a: &x [${Array.from({ length: 5000 }, () => 'v').join(', ')}]\n`;
    const copies = Array.from({ length: 50 }, (_, i) => `b${i}: *x`).join('\n');
    return rendered(loadRaw({ 'copies.yaml': `kind: sources\n${anchored}${copies}\n` }), 'too-many-values');
  },
  'folder-too-large': async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-'));
    for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) await writeFile(join(dir, name), 'kind: sources\n');
    const read = await readPolicyFolder(dir, { maxFiles: 2, maxTotalBytes: 1024 });
    expect([...read.files.keys()]).toEqual(['a.yaml', 'b.yaml']);
    return rendered({ diagnostics: read.diagnostics.map((d) => ({ ...d, file: '<dir>' })), texts: new Map() }, 'folder-too-large');
  },
  'forbidden-key': () =>
    rendered(
      checkTexts(edit('settings.yaml', '    type: integer', '    __proto__: { polluted: true }\n    type: integer')),
      'forbidden-key',
    ),
  'unknown-kind': () => rendered(checkTexts({ 'notes.yaml': 'kind: memo\ntext: hello\n' }), 'unknown-kind'),
  'unknown-key': () =>
    rendered(
      checkTexts(edit('access/doors.yaml', '      - when: { fact: colour, is: red }', '      - when: { fact: colour, equals: red }')),
      'unknown-key',
    ),
  'missing-key': () => rendered(checkTexts(edit('settings.yaml', '    default: 12\n', '')), 'missing-key'),
  'invalid-value': () => rendered(checkTexts(edit('access/doors.yaml', 'status: required', 'status: mandatory')), 'invalid-value'),
  'missing-policy-set': () => rendered(checkTexts({ 'policy-set.yaml': null }), 'missing-policy-set'),
  'missing-vocabulary': () => rendered(checkTexts({ 'vocabulary.yaml': null }), 'missing-vocabulary'),
  'duplicate-document': () => rendered(checkTexts({ 'other-set.yaml': minimalPolicyFiles['policy-set.yaml']! }), 'duplicate-document'),
  'duplicate-id': () => rendered(checkTexts(edit('sources.yaml', 'id: rule-book-2', 'id: rule-book-1')), 'duplicate-id'),
  'unknown-fact': () =>
    rendered(checkTexts(edit('access/doors.yaml', '{ fact: count, atLeast: 10 }', '{ fact: counts, atLeast: 10 }')), 'unknown-fact'),
  'unknown-outcome': () => rendered(checkTexts(edit('access/doors.yaml', '- id: close-door', '- id: close-doors')), 'unknown-outcome'),
  'unknown-source': () => rendered(checkTexts(edit('access/doors.yaml', 'basis: [rule-book-2]', 'basis: [rule-book-3]')), 'unknown-source'),
  'unknown-setting': () =>
    rendered(
      checkTexts(edit('access/doors.yaml', 'above: { setting: door.max-weeks }', 'above: { setting: door.max-week }')),
      'unknown-setting',
    ),
  'unknown-point': () => rendered(checkTexts(edit('access/doors.yaml', 'point: access', 'point: acess')), 'unknown-point'),
  'unknown-condition': () =>
    rendered(checkTexts(edit('access/doors.yaml', '{ condition: busy }', '{ condition: bussy }')), 'unknown-condition'),
  'untitled-limit': () => rendered(checkTexts(edit('vocabulary.yaml', '  - { id: maxWeeks,', '  - { id: maxWeek,')), 'untitled-limit'),
  'unknown-track': () =>
    rendered(checkTexts(edit('access/doors.yaml', '  - id: close-door\n', '  - id: close-door\n    track: side\n')), 'unknown-track'),
  'condition-cycle': () =>
    rendered(
      checkTexts(
        edit(
          'access/doors.yaml',
          'when: { any: [ { fact: count, atLeast: 10 }, { fact: flag, is: true } ] }',
          'when: { any: [ { condition: busy }, { fact: flag, is: true } ] }',
        ),
      ),
      'condition-cycle',
    ),
  'value-out-of-domain': () =>
    rendered(checkTexts(edit('access/doors.yaml', '{ fact: colour, is: red }', '{ fact: colour, is: rde }')), 'value-out-of-domain'),
  'operator-not-for-type': () =>
    rendered(checkTexts(edit('access/doors.yaml', '{ fact: colour, is: red }', '{ fact: colour, atLeast: 2 }')), 'operator-not-for-type'),
  'missing-basis': () =>
    [
      rendered(checkTexts(edit('access/doors.yaml', '        basis: [rule-book-2]\n', '')), 'missing-basis'),
      // A recommendation needs a basis as a duty does: it is live, and a reader acts on it.
      rendered(
        checkTexts(edit('access/doors.yaml', '        status: required\n        basis: [rule-book-2]\n', '        status: recommended\n')),
        'missing-basis',
      ),
    ].join('\n\n'),
  'missing-translation': () =>
    rendered(
      checkTexts(edit('access/doors.yaml', 'reason: { nb: For lenge., en: Too long. }', 'reason: { nb: For lenge. }')),
      'missing-translation',
    ),
  'unknown-placeholder': () =>
    rendered(checkTexts(edit('access/doors.yaml', '{setting:door.max-weeks} uker', '{weeks} uker')), 'unknown-placeholder'),
  'setting-out-of-range': () => rendered(checkTexts(edit('settings.yaml', 'default: 12', 'default: 13')), 'setting-out-of-range'),
  'conflicting-outcome': () =>
    rendered(
      checkTexts({
        'access/more.yaml': `kind: policy
policy: more-doors
point: access
title: { nb: Flere dører, en: More doors }
appliesWhen: { fact: colour, in: [red, green] }
outcomes:
  - id: close-door
    basis: [rule-book-1]
    rules: []
    otherwise: { status: permitted, reason: { nb: Ja., en: Yes. } }
`,
      }),
      'conflicting-outcome',
    ),
  'invalid-override': () =>
    rendered(checkTexts({ ...overridingPolicyFiles, ...overriding('overrides: doors', 'overrides: dors') }), 'invalid-override'),
  'override-outside-scope': () =>
    rendered(
      checkTexts({
        ...edit(
          'access/doors.yaml',
          'title: { nb: Dører, en: Doors }\n',
          'title: { nb: Dører, en: Doors }\nappliesWhen: { fact: colour, in: [red, green] }\n',
        ),
        ...overriding('appliesWhen: { fact: colour, is: red }', 'appliesWhen: { fact: count, atLeast: 5 }'),
      }),
      'override-outside-scope',
    ),
  'override-replaces-nothing': () =>
    rendered(
      checkTexts({ ...overridingPolicyFiles, ...overriding('  - id: open-door\n', '  - id: ask-first\n') }),
      'override-replaces-nothing',
    ),
  'ambiguous-override': () =>
    rendered(
      checkTexts({
        ...overridingPolicyFiles,
        'access/busy-doors.yaml': overridingPolicyFiles['access/red-doors.yaml']!.replace(
          'policy: red-doors',
          'policy: busy-doors',
        ).replace('{ fact: colour, is: red }', '{ fact: count, atLeast: 10 }'),
      }),
      'ambiguous-override',
    ),
  'unreachable-rule': () =>
    rendered(
      checkTexts(
        edit(
          'access/doors.yaml',
          '      - when: { fact: colour, is: red }',
          '      - when: always\n        status: permitted\n        reason: { nb: Alltid., en: Always. }\n      - when: { fact: colour, is: red }',
        ),
      ),
      'unreachable-rule',
    ),
  'invalid-date': () =>
    rendered(checkTexts(timed('sources.yaml', 'inForce: { until: 2020-01-01 }', 'inForce: { until: 2020-02-30 }')), 'invalid-date'),
  'reversed-window': () =>
    rendered(
      checkTexts(
        timed('bell/bell.yaml', 'inForce: { from: 2015-01-01, until: 2030-01-01 }', 'inForce: { from: 2015-01-01, until: 2014-01-01 }'),
      ),
      'reversed-window',
    ),
  'window-needs-date-fact': () =>
    rendered(
      checkTexts(
        edit(
          'access/doors.yaml',
          '      - when: { fact: colour, is: red }',
          '      - inForce: { from: 2020-01-01 }\n        when: { fact: colour, is: red }',
        ),
      ),
      'window-needs-date-fact',
    ),
  'duplicate-decision-date': () =>
    rendered(
      checkTexts(
        timed(
          'vocabulary.yaml',
          'outcomes:\n',
          '  - id: otherDay\n    type: date\n    default: decision-date\n    title: { nb: Annen dag, en: Other day }\noutcomes:\n',
        ),
      ),
      'duplicate-decision-date',
    ),
  'rule-outside-sources': () =>
    rendered(checkTexts(timed('bell/bell.yaml', 'basis: [new-book, rule-book-1]', 'basis: [old-book]')), 'rule-outside-sources'),
  'overlapping-versions': () =>
    rendered(
      checkTexts(timed('bell/bell.yaml', 'inForce: { until: 2020-01-01 }', 'inForce: { until: 2021-01-01 }')),
      'overlapping-versions',
    ),
  'window-gap': () =>
    rendered(checkTexts(timed('bell/bell.yaml', 'inForce: { until: 2020-01-01 }', 'inForce: { until: 2019-01-01 }')), 'window-gap'),
  'invalid-decision-date': () => refusedDecision({ count: 3 }, '2024-6-1'),
  'date-before-point': () => refusedDecision({ count: 3, day: '2014-06-01' }),
  'date-after-point': () => refusedDecision({ count: 3 }, '2031-01-01'),
  'scenario-unknown-outcome': () =>
    rendered(
      checkTexts({
        'access/doors.scenarios.yaml': `kind: scenarios
point: access
scenarios:
  - name: red stops
    facts: { colour: red, count: 0 }
    expect: { open-doors: not-permitted }
    source: rule-book-1
`,
      }),
      'scenario-unknown-outcome',
    ),
  'duty-outcome-not-at-point': () =>
    rendered(
      checkTexts({
        'duties/doors.yaml': `kind: duties
catalogue: door-duties
title: { nb: Plikter, en: Duties }
jurisdiction: NO
duties:
  - id: ask-before-opening
    title: { nb: Spør først, en: Ask first }
    basis: [rule-book-1]
    obligations:
      - invariant: { point: access, expect: { outcome: ask-first, status: required } }
`,
      }),
      'duty-outcome-not-at-point',
    ),
  'agree-fact-not-read': () =>
    rendered(
      checkTexts({
        ...edit(
          'vocabulary.yaml',
          'outcomes:\n',
          '  - id: shift\n    type: boolean\n    default: false\n    title: { nb: Skift, en: Shift }\noutcomes:\n',
        ),
        'duties/doors.yaml': `kind: duties
catalogue: door-duties
title: { nb: Plikter, en: Duties }
jurisdiction: NO
duties:
  - id: open-means-closed-later
    title: { nb: Åpen betyr lukket senere, en: Open means closed later }
    basis: [rule-book-1]
    obligations:
      - agree:
          if: { point: access, outcome: open-door, status: permitted }
          then: { point: access, with: { shift: true }, outcome: close-door, atLeast: permitted }
`,
      }),
      'agree-fact-not-read',
    ),
  'facts-not-object': () => rendered(factsResult(['colour', 'red']), 'facts-not-object'),
  'fact-unknown': () => rendered(factsResult({ colour: 'red', count: 1, colr: 'red' }), 'fact-unknown'),
  'fact-missing': () => rendered(factsResult({ colour: 'red' }), 'fact-missing'),
  'fact-invalid': () => rendered(factsResult({ colour: 'rde', count: 1 }), 'fact-invalid'),
  'setting-unknown': () => rendered(checkPolicyTexts(withChanges({}), { settings: { 'door.max-week': 3 } }), 'setting-unknown'),
  'bundle-invalid': () => {
    const text = serializeBundle(checkPolicyTexts(withChanges({})).model!).replace('"status":"required"', '"status":"permitted"');
    try {
      parseBundle(text, 'dist/bundle.json');
    } catch (error) {
      return renderDiagnostics((error as PolicyError).diagnostics);
    }
    throw new Error('an edited bundle was accepted');
  },
  'record-invalid': () => {
    const result = parseAuditRecordLine(
      '{"format":"vot-decision@1","at":"yesterday","point":"access","facts":{},"outcomes":[],"policy":{"name":"n","version":"1.0.0","hash":"h"}}',
      'records.jsonl',
      7,
    );
    if (!('code' in result)) throw new Error('a record with a bad time was accepted');
    return renderDiagnostics([result]);
  },
  // The command line's own problems: their texts, with the arguments `vot` gives them
  // (tests/cli-diagnostics.test.ts runs each through the command line itself).
  'internal-error': () =>
    pinned({ code: 'internal-error', args: { message: 'boom' }, help: 'run again with --debug for the stack trace, and report it' }),
  usage: () => pinned({ code: 'usage', args: { detail: "unknown option '--formt'" } }),
  'invalid-json': () =>
    pinned({ code: 'invalid-json', args: { file: 'incident.json', detail: "Expected property name or '}' in JSON at position 1" } }),
  'invalid-incident': () =>
    pinned(
      { code: 'invalid-incident', args: { file: 'incident.json', problem: 'not-an-object' } },
      {
        code: 'invalid-incident',
        args: { file: 'incident.json', problem: 'unknown-key', key: 'fact' },
        expected: '`title`, `description` and `facts`',
      },
      { code: 'invalid-incident', args: { file: 'incident.json', problem: 'facts-not-an-object' }, received: 'a list' },
    ),
  'no-decision': () => pinned({ code: 'no-decision' }),
  'no-policy-files': () => pinned({ code: 'no-policy-files', args: { path: 'policies/notes' } }),
  'fmt-refused': () => pinned({ code: 'fmt-refused', args: { file: 'policies/policy-set.yaml', reason: 'it does not parse as YAML' } }),
  'not-formatted': () => pinned({ code: 'not-formatted', args: { changed: 2, total: 40 } }),
  'output-refused': () =>
    pinned(
      { code: 'output-refused', args: { path: 'out/book', problem: 'not-empty' } },
      { code: 'output-refused', args: { path: 'out/book', problem: 'symlink' } },
      { code: 'output-refused', args: { path: 'out/book', problem: 'not-a-folder' } },
    ),
  'policies-not-checked': () =>
    pinned(
      { code: 'policies-not-checked', args: { command: 'test' } },
      { code: 'policies-not-checked', args: { command: 'schema' } },
      { code: 'policies-not-checked', args: { command: 'render' } },
      { code: 'policies-not-checked', args: { command: 'diff', at: 'HEAD~1' } },
    ),
  'no-scenarios': () =>
    pinned(
      { code: 'no-scenarios' },
      { code: 'no-scenarios', args: { filter: 'exclusion' } },
      { code: 'no-scenarios', args: { filter: 'exclusion', folder: 'policies/reporting' } },
    ),
  'stale-schema': () =>
    pinned({ code: 'stale-schema', args: { files: ['policy.schema.json', 'facts.schema.json'], folder: 'policies/schema' } }),
  'unknown-ref': () =>
    pinned(
      { code: 'unknown-ref', args: { ref: 'mian', problem: 'not-a-ref' } },
      { code: 'unknown-ref', args: { ref: 'main', problem: 'outside-repository', folder: '/tmp/policies' } },
      { code: 'unknown-ref', args: { ref: 'main', problem: 'unreadable', path: 'policies', reason: 'fatal: not a tree object' } },
    ),
};

describe('diagnostics', () => {
  it('has a pinned case for every diagnostic code', () => {
    expect(Object.keys(cases).sort()).toEqual([...diagnosticCodes].sort());
  });

  for (const code of diagnosticCodes) {
    it(`renders ${code}`, async () => {
      const text = await cases[code]();
      expect(text).toMatchSnapshot();
    });
  }

  it('types the arguments of each code: a missing, misspelt or extra argument does not compile', () => {
    const fact = 'colour';
    const where = 'policy `doors`';
    expect(diagnostic({ code: 'unknown-fact', args: { fact, where } }).message).toBe('unknown fact `colour` in policy `doors`');
    expect(diagnostic({ code: 'file-too-large', args: { size: 3, limit: 2 } }).message).toBe('file is 3 bytes, more than the limit of 2');
    expect(diagnostic({ code: 'empty-file' }).message).toBe('file has no content');
    // Checked by the type checker (`pnpm typecheck`), never run: each call is a compile error.
    void (() => {
      // @ts-expect-error `where` is missing
      diagnostic({ code: 'unknown-fact', args: { fact } });
      // @ts-expect-error `fakt` is not an argument of unknown-fact
      diagnostic({ code: 'unknown-fact', args: { fakt: fact, where } });
      // @ts-expect-error `extra` is not an argument of unknown-fact
      diagnostic({ code: 'unknown-fact', args: { fact, where, extra: 'x' } });
      // @ts-expect-error unknown-fact's message takes arguments
      diagnostic({ code: 'unknown-fact' });
      // @ts-expect-error a size is a number
      diagnostic({ code: 'file-too-large', args: { size: 'big', limit: 2 } });
      // @ts-expect-error not a code of the closed set
      diagnostic({ code: 'unknown-fakt', args: { fact, where } });
    });
  });

  it('collects every problem of a run instead of stopping at the first', () => {
    const result = checkTexts({
      ...edit('access/doors.yaml', '{ fact: count, atLeast: 10 }', '{ fact: counts, atLeast: 10 }'),
      ...edit('sources.yaml', 'id: rule-book-2', 'id: rule-book-1'),
    });
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['unknown-fact', 'duplicate-id', 'unknown-source']));
  });

  it('sorts diagnostics by file and position', () => {
    const result = checkTexts({
      ...edit('access/doors.yaml', '{ fact: colour, is: red }', '{ fact: colour, is: rde }'),
      ...edit('settings.yaml', 'default: 12', 'default: 13'),
    });
    const places = result.diagnostics.map((d) => `${d.file}:${String(d.start?.line).padStart(4, '0')}`);
    expect(places).toEqual([...places].sort());
  });
});
