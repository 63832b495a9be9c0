/**
 * Every diagnostic text in one place, keyed by code, so its wording can be reviewed on its
 * own. Style (after Cedar's message rules): lowercase, no final period, the reviewer's words
 * in backticks, one message plus one help line.
 */
/** The arguments of a code whose message takes none. */
type NoArgs = Record<never, never>;

/** A code's severity and texts, written from the arguments of that code. */
export interface Template<Args> {
  severity: 'error' | 'warning';
  message: (args: Args) => string;
  help?: (args: Args) => string | undefined;
}

/** A template with its arguments' type: what a stage must give to report this code. */
const define = <Args extends object = NoArgs>(template: Template<Args>): Template<Args> => template;

const engineTemplates = {
  // --- loading files -------------------------------------------------------------------------
  'file-unreadable': define<{ file: string; reason: string }>({
    severity: 'error',
    message: (x) => `cannot read \`${x.file}\`: ${x.reason}`,
    help: () => 'check that the path exists and is a readable file',
  }),
  'file-too-large': define<{ size: number; limit: number }>({
    severity: 'error',
    message: (x) => `file is ${x.size} bytes, more than the limit of ${x.limit}`,
    help: () => 'split the policy into several files',
  }),
  'invalid-utf8': define({
    severity: 'error',
    message: () => 'file is not valid UTF-8 text',
    help: () => 'save the file as UTF-8 in your editor',
  }),
  'nul-byte': define({
    severity: 'error',
    message: () => 'file contains a NUL byte',
    help: () => 'a policy file is plain text; this may be a binary file saved under a .yaml name',
  }),
  'hidden-character': define<{ code: string; escaped?: boolean }>({
    severity: 'error',
    message: (x) =>
      `${x.escaped ? 'text' : 'file'} contains the invisible direction control ${x.code}${x.escaped ? ', written as an escape' : ''}`,
    help: () => 'it makes text display in another order than it is read; delete it (retype the line if in doubt)',
  }),
  'control-character': define<{ code: string; where: 'text' | 'escape' | 'name' }>({
    severity: 'error',
    message: (x) =>
      x.where === 'name'
        ? `file name contains the control character ${x.code}`
        : x.where === 'escape'
          ? `text contains the control character ${x.code}, written as an escape`
          : `file contains the control character ${x.code}`,
    help: (x) =>
      x.where === 'name'
        ? 'a control character in a name can rewrite the terminal that shows it; rename the file'
        : 'policy texts hold tab and line feed only: other control characters (escape sequences) act on the terminal or page that shows the text; delete it',
  }),
  'file-name-collision': define<{ name: string; other: string }>({
    severity: 'error',
    message: (x) => `file name \`${x.name}\` differs from \`${x.other}\` only in case or Unicode normalisation`,
    help: () =>
      'on a file system that ignores case or normalises names (Windows, macOS) one file would replace the other; rename one of them',
  }),
  'empty-file': define({
    severity: 'error',
    message: () => 'file has no content',
    help: () => 'a policy file starts with `kind:`; delete the file if it is not needed',
  }),
  'wrong-extension': define<{ name: string; ext: string }>({
    severity: 'error',
    message: (x) => `\`${x.name}\` is in the policy folder but has the extension \`${x.ext}\``,
    help: () => 'policy files end in `.yaml`; rename it, or move it out of the policy folder',
  }),
  'yaml-syntax': define<{ detail: string }>({
    severity: 'error',
    message: (x) => `invalid YAML: ${x.detail}`,
    help: () => 'check the indentation (spaces, not tabs) and that every `:` and `-` is followed by a space',
  }),
  'tab-indentation': define({
    severity: 'error',
    message: () => 'a tab is used for indentation',
    help: () => 'YAML indents with spaces only; replace the tab with spaces',
  }),
  'duplicate-key': define<{ key: string }>({
    severity: 'error',
    message: (x) => `key \`${x.key}\` appears twice in the same mapping`,
    help: () => 'keep one of them: YAML would silently use the last, and the first would be lost',
  }),
  'custom-tag': define<{ tag: string }>({
    severity: 'error',
    message: (x) => `YAML tag \`${x.tag}\` is not allowed`,
    help: () => 'policy files hold plain values only; remove the tag',
  }),
  'multiple-documents': define({
    severity: 'error',
    message: () => 'file holds more than one YAML document',
    help: () => 'put each document in its own file, and remove the `---` separator',
  }),
  'too-many-aliases': define<{ count: number; limit: number }>({
    severity: 'error',
    message: (x) => `file uses ${x.count} aliases, more than the limit of ${x.limit}`,
    help: () => 'write the values out, or use a named condition (`conditions:`) for repeated conditions',
  }),
  'too-deep': define<{ limit: number }>({
    severity: 'error',
    message: (x) => `nesting is deeper than the limit of ${x.limit} levels`,
    help: () => 'split the condition into named conditions',
  }),
  'too-many-problems': define<{ count: number }>({
    severity: 'error',
    message: (x) => `${x.count} more problems in this file are not shown`,
    help: () => 'fix the ones above first; a file this broken may not be a policy file at all',
  }),
  'too-many-values': define<{ limit: number }>({
    severity: 'error',
    message: (x) => `file holds more than ${x.limit} values (aliases expanded)`,
    help: () => 'split the policy into several files, or write out fewer copies of an anchored value',
  }),
  'folder-too-large': define<{ limit: string; files: number; megabytes: number }>({
    severity: 'error',
    message: (x) => `policy folder holds more than ${x.limit}; the rest was not read`,
    help: (x) =>
      `point the command at the policy folder itself, not at a folder above it; a set that has grown declares \`limits: { files, megabytes }\` in policy-set.yaml (at most ${x.files} files and ${x.megabytes} MB)`,
  }),
  'forbidden-key': define<{ key: string }>({
    severity: 'error',
    message: (x) => `key \`${x.key}\` is not allowed`,
    help: () => 'the keys `__proto__`, `constructor` and `prototype` are reserved; rename the key',
  }),
  'unknown-kind': define<{ detail: string }>({
    severity: 'error',
    message: (x) => `cannot place this file: ${x.detail}`,
    help: () => 'every policy file starts with `kind:` and one of the kinds in docs/policy-format.md',
  }),
  // --- document structure (schema) -----------------------------------------------------------
  'unknown-key': define<{ key: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown key \`${x.key}\` in ${x.where}`,
  }),
  'missing-key': define<{ key: string; where: string }>({
    severity: 'error',
    message: (x) => `missing key \`${x.key}\` in ${x.where}`,
  }),
  'invalid-value': define<{ path: string; detail: string }>({
    severity: 'error',
    message: (x) => `invalid value at \`${x.path}\`: ${x.detail}`,
  }),
  // --- references and meaning (checker) ------------------------------------------------------
  'missing-policy-set': define({
    severity: 'error',
    message: () => 'no `kind: policy-set` file in the policy folder',
    help: () => 'add policy-set.yaml with the name, version, languages and decision points of the set',
  }),
  'missing-vocabulary': define({
    severity: 'error',
    message: () => 'no `kind: vocabulary` file in the policy folder',
    help: () => 'add vocabulary.yaml with the facts and outcome ids',
  }),
  'duplicate-document': define<{ kind: string; other: string }>({
    severity: 'error',
    message: (x) => `a second \`kind: ${x.kind}\` file; the set has only one`,
    help: (x) => `the first one is ${x.other}`,
  }),
  'duplicate-id': define<{ what: string; id: string; other: string }>({
    severity: 'error',
    message: (x) => `${x.what} \`${x.id}\` is defined more than once`,
    help: (x) => `the other definition is at ${x.other}`,
  }),
  'unknown-fact': define<{ fact: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown fact \`${x.fact}\` in ${x.where}`,
  }),
  'unknown-outcome': define<{ id: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown outcome id \`${x.id}\` in ${x.where}`,
  }),
  'unknown-source': define<{ id: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown source \`${x.id}\` in ${x.where}`,
  }),
  'unknown-setting': define<{ id: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown setting \`${x.id}\` in ${x.where}`,
  }),
  'unknown-point': define<{ point: string }>({
    severity: 'error',
    message: (x) => `unknown decision point \`${x.point}\``,
  }),
  'unknown-condition': define<{ name: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown named condition \`${x.name}\` in ${x.where}`,
  }),
  'untitled-limit': define<{ limit: string; where: string }>({
    severity: 'warning',
    message: (x) => `limit \`${x.limit}\` in ${x.where} is not declared in the vocabulary, so readers see its bare name`,
  }),
  'unknown-track': define<{ track: string; outcome: string }>({
    severity: 'error',
    message: (x) => `unknown track \`${x.track}\` for outcome \`${x.outcome}\``,
  }),
  'condition-cycle': define<{ name: string; chain: string }>({
    severity: 'error',
    message: (x) => `named condition \`${x.name}\` refers to itself through ${x.chain}`,
    help: () => 'a named condition may use other named conditions, but not in a circle',
  }),
  'value-out-of-domain': define<{ value: string | number; what: string }>({
    severity: 'error',
    message: (x) => `\`${x.value}\` is not a possible value of ${x.what}`,
  }),
  'operator-not-for-type': define<{ operator: string; what: string; type: string }>({
    severity: 'error',
    message: (x) => `\`${x.operator}\` cannot be used with ${x.what}, which is ${x.type}`,
  }),
  'missing-basis': define<{ outcome: string; status: string }>({
    severity: 'error',
    message: (x) => `outcome \`${x.outcome}\` can be \`${x.status}\` without a legal basis`,
    help: () => 'add `basis: [<source id>]` to the rule or to the outcome, citing the act or guideline',
  }),
  'missing-translation': define<{ where: string; lang: string; langs: string }>({
    severity: 'error',
    message: (x) => `${x.where} has no \`${x.lang}\` text`,
    help: (x) => `every text a person reads is given in ${x.langs}`,
  }),
  'unknown-placeholder': define<{ placeholder: string; where: string }>({
    severity: 'error',
    message: (x) => `unknown placeholder \`{${x.placeholder}}\` in ${x.where}`,
    help: () => 'placeholders have the form `{setting:<setting id>}`',
  }),
  'setting-out-of-range': define<{ id: string; value: string | number; range: string }>({
    severity: 'error',
    message: (x) => `setting \`${x.id}\` is ${x.value}, outside its allowed ${x.range}`,
  }),
  'conflicting-outcome': define<{ id: string; point: string; other: string }>({
    severity: 'error',
    message: (x) => `outcome \`${x.id}\` is decided by two policies of point \`${x.point}\``,
    help: (x) => `the other is at ${x.other}; make their \`appliesWhen\` scopes exclusive, or merge the rules`,
  }),
  'invalid-override': define<{ policy: string; target: string; problem: string }>({
    severity: 'error',
    message: (x) => `policy \`${x.policy}\` overrides \`${x.target}\`, but ${x.problem}`,
    help: () => '`overrides:` names the shared policy of the same point whose outcomes this policy replaces where its scope holds',
  }),
  'override-outside-scope': define<{ policy: string; target: string; example: string }>({
    severity: 'error',
    message: (x) => `the scope of policy \`${x.policy}\` is not inside the scope of \`${x.target}\`, which it overrides: ${x.example}`,
    help: () =>
      'narrow `appliesWhen` so that it only holds where the shared policy applies; an override specialises shared rules, it cannot widen them',
  }),
  'ambiguous-override': define<{ id: string; target: string; other: string; at: string }>({
    severity: 'error',
    message: (x) => `outcome \`${x.id}\` of \`${x.target}\` is overridden both here and by \`${x.other}\`, whose scopes overlap`,
    help: (x) => `the other override is at ${x.at}; make the \`appliesWhen\` scopes of the two overriding policies exclusive`,
  }),
  'override-replaces-nothing': define<{ policy: string; target: string }>({
    severity: 'warning',
    message: (x) => `policy \`${x.policy}\` overrides \`${x.target}\` but decides none of its outcomes, so it replaces nothing`,
    help: (x) => `list under \`outcomes:\` an outcome id that \`${x.target}\` decides, or remove \`overrides:\``,
  }),
  'unreachable-rule': define<{ rule: string; outcome: string }>({
    severity: 'warning',
    message: (x) => `rule ${x.rule} of outcome \`${x.outcome}\` can never decide: an earlier rule always holds first`,
    help: () => 'move the rule up, or remove it',
  }),
  'duty-outcome-not-at-point': define<{ where: string; id: string; point: string }>({
    severity: 'error',
    message: (x) => `${x.where} expects outcome \`${x.id}\`, which point \`${x.point}\` never decides`,
    help: () => 'name an outcome some policy of that point decides, or the point that decides it',
  }),
  'agree-fact-not-read': define<{ where: string; fact: string; point: string }>({
    severity: 'warning',
    message: (x) =>
      `${x.where} fixes fact \`${x.fact}\` with \`with\`, but point \`${x.point}\` never reads it, so fixing it changes nothing`,
    help: () => 'remove it from `with`, or check that the obligation names the point that reads it',
  }),
  'scenario-unknown-outcome': define<{ name: string; id: string; point: string }>({
    severity: 'error',
    message: (x) => `scenario \`${x.name}\` expects outcome \`${x.id}\`, which point \`${x.point}\` never decides`,
  }),
  // --- law in time: windows (`inForce`) and dates -------------------------------------------
  'invalid-date': define<{ value: string; where: string }>({
    severity: 'error',
    message: (x) => `\`${x.value}\` in ${x.where} is not a date of the calendar`,
    help: () => 'write a real day as `YYYY-MM-DD`, e.g. `2021-07-01` (months 01-12, days as the month has them)',
  }),
  'reversed-window': define<{ where: string; from: string; until: string }>({
    severity: 'error',
    message: (x) => `the window of ${x.where} ends before it starts: \`until: ${x.until}\` is not after \`from: ${x.from}\``,
    help: () => '`from` is the first day in force and `until` the first day no longer in force',
  }),
  'window-needs-date-fact': define<{ where: string }>({
    severity: 'error',
    message: (x) => `${x.where} has an \`inForce\` window, but no fact carries the date a decision is made for`,
    help: () => 'declare a fact `type: date` with `default: decision-date` in vocabulary.yaml (e.g. `incidentDate`)',
  }),
  'duplicate-decision-date': define<{ fact: string; other: string }>({
    severity: 'error',
    message: (x) => `fact \`${x.fact}\` is a second decision date: \`${x.other}\` already is one`,
    help: () => 'only one fact can carry the date a decision is made for; give the other an ordinary default',
  }),
  'rule-outside-sources': define<{ rule: string; outcome: string; days: string }>({
    severity: 'error',
    message: (x) => `rule \`${x.rule}\` of outcome \`${x.outcome}\` is in force ${x.days}, when none of the sources it cites is`,
    help: () => "narrow the rule's `inForce` to the windows of its sources, or cite a source in force on those days",
  }),
  'overlapping-versions': define<{ rule: string; outcome: string; days: string; other: string }>({
    severity: 'error',
    message: (x) => `two versions of rule \`${x.rule}\` of outcome \`${x.outcome}\` are in force ${x.days}`,
    help: (x) => `the other version is at ${x.other}; end one version's \`inForce\` (\`until\`) where the next one starts (\`from\`)`,
  }),
  'window-gap': define<{ outcome: string; point: string; days: string }>({
    severity: 'error',
    message: (x) =>
      `outcome \`${x.outcome}\` at point \`${x.point}\` has no rule in force ${x.days}, though it is decided before and after`,
    help: () => "a decision on those days would leave the outcome out; extend a version's window, or add a rule for the gap",
  }),
  // --- the date of a decision ----------------------------------------------------------------
  'invalid-decision-date': define<{ value: string }>({
    severity: 'error',
    message: (x) => `the date to decide for, \`${x.value}\`, is not a date of the calendar`,
    help: () => 'give a real day as `YYYY-MM-DD`, e.g. `2024-03-01`',
  }),
  'date-before-point': define<{ date: string; point: string; from: string }>({
    severity: 'error',
    message: (x) => `point \`${x.point}\` has no rule in force on ${x.date}: the earliest date it covers is ${x.from}`,
    help: () =>
      'the policies do not say what held before then; nothing is decided rather than a decision that reads as "nothing is required"',
  }),
  'date-after-point': define<{ date: string; point: string; last: string }>({
    severity: 'error',
    message: (x) => `point \`${x.point}\` has no rule in force on ${x.date}: the last date it covers is ${x.last}`,
    help: () => 'the policies do not say what holds after then; add rules in force from that date',
  }),
  // --- facts given to decide() ---------------------------------------------------------------
  'facts-not-object': define<{ received: string }>({
    severity: 'error',
    message: (x) => `facts must be an object of fact names and values, not ${x.received}`,
  }),
  'fact-unknown': define<{ fact: string }>({
    severity: 'error',
    message: (x) => `unknown fact \`${x.fact}\``,
  }),
  'fact-missing': define<{ fact: string; point: string }>({
    severity: 'error',
    message: (x) => `missing fact \`${x.fact}\`, which point \`${x.point}\` needs`,
  }),
  'fact-invalid': define<{ fact: string }>({
    severity: 'error',
    message: (x) => `fact \`${x.fact}\` has an invalid value`,
  }),
  'setting-unknown': define<{ id: string }>({
    severity: 'error',
    message: (x) => `unknown setting \`${x.id}\``,
  }),
  // --- policy bundles ------------------------------------------------------------------------
  'bundle-invalid': define<{ reason: string }>({
    severity: 'error',
    message: (x) => `policy bundle refused: ${x.reason}`,
    help: () => 'rebuild the bundle from the policy folder, or reinstall the package',
  }),
  // --- stored decisions (audit records) -------------------------------------------------------
  'record-invalid': define<{ reason: string }>({
    severity: 'error',
    message: (x) => `line is not a decision record: ${x.reason}`,
    help: () => 'each line is one JSON object made by `toAuditRecord(decision, at)`',
  }),
};

/** Why a command that needs policies without errors did not run, by command. */
const notChecked = {
  test: {
    message: 'the scenarios were not run: the policies have errors',
    help: 'fix the errors above (`pnpm vot check` lists them) and run `pnpm vot test` again',
  },
  schema: {
    message:
      'the schema files list the facts, outcomes, sources, settings and points of the policies, so they cannot be built while the policies have errors',
    help: 'fix the errors above (`pnpm vot check` lists them), then run `pnpm vot schema --write`',
  },
  render: {
    message: 'the book was not rendered: the policies have errors',
    help: 'the book is rendered from policies that check clean; fix the errors above first',
  },
};

/**
 * The command line's own problems (`vot eval`, `fmt`, `test`, `schema`, `diff`, `render` and
 * wrong usage), in the same closed set and rendered by the same renderer as the engine's.
 */
const commandLineTemplates = {
  'internal-error': define<{ message: string }>({
    severity: 'error',
    message: (x) => `internal error: ${x.message}`,
  }),
  usage: define<{ detail: string }>({
    severity: 'error',
    message: (x) => x.detail,
    help: () => 'run `vot --help` for the commands, or `vot <command> --help` for the options of one',
  }),
  'invalid-json': define<{ file: string; detail: string }>({
    severity: 'error',
    message: (x) => `\`${x.file}\` is not valid JSON: ${x.detail}`,
    help: () => 'an incident file is a JSON object: { "facts": { ... } }',
  }),
  'invalid-incident': define<
    { file: string } & ({ problem: 'not-an-object' } | { problem: 'unknown-key'; key: string } | { problem: 'facts-not-an-object' })
  >({
    severity: 'error',
    message: (x) =>
      x.problem === 'unknown-key'
        ? `unknown key \`${x.key}\` in \`${x.file}\``
        : x.problem === 'facts-not-an-object'
          ? `\`facts\` in \`${x.file}\` must be a JSON object of fact names and values`
          : `\`${x.file}\` must hold a JSON object: { "facts": { ... } }`,
  }),
  'no-decision': define({
    severity: 'error',
    message: () => 'the facts are not enough for any decision point',
    help: () => 'add the missing facts listed above, or name a point with --point',
  }),
  'no-policy-files': define<{ path: string }>({
    severity: 'error',
    message: (x) => `no policy file (\`*.yaml\`) in \`${x.path}\``,
    help: () => 'give the policy folder, a folder inside it or one `.yaml` file',
  }),
  'fmt-refused': define<{ file: string; reason: string }>({
    severity: 'error',
    message: (x) => `\`${x.file}\` was not formatted: ${x.reason}`,
    help: () => '`pnpm vot check` shows what is wrong with the file',
  }),
  'output-refused': define<{ path: string; problem: 'symlink' | 'not-a-folder' | 'not-empty' }>({
    severity: 'error',
    message: (x) =>
      x.problem === 'symlink'
        ? `\`${x.path}\` is a symbolic link; the book is not written through one`
        : x.problem === 'not-a-folder'
          ? `\`${x.path}\` is not a folder`
          : `\`${x.path}\` is not empty and holds no book written by \`vot render\``,
    help: (x) =>
      x.problem === 'not-empty'
        ? 'give an empty or new folder with `--out`: vot render writes only where it wrote before (it leaves a `.vot-book` file), so it never overwrites another site'
        : 'give a real folder with `--out`',
  }),
  'not-formatted': define<{ changed: number; total: number }>({
    severity: 'error',
    message: (x) => `${x.changed} of ${x.total} policy files would change`,
    help: () => 'run `pnpm vot fmt` and commit the result',
  }),
  'policies-not-checked': define<{ command: keyof typeof notChecked } | { command: 'diff'; at: string }>({
    severity: 'error',
    message: (x) =>
      x.command === 'diff' ? `the policies at \`${x.at}\` do not check clean; fix them first` : notChecked[x.command].message,
    help: (x) => (x.command === 'diff' ? undefined : notChecked[x.command].help),
  }),
  'no-scenarios': define<{ filter?: string; folder?: string }>({
    severity: 'error',
    message: (x) =>
      `no scenario ${[x.filter ? `matching \`${x.filter}\`` : '', x.folder ? `in \`${x.folder}\`` : ''].filter(Boolean).join(' ') || 'in the policy folder'}`,
    help: () => "scenarios live in `*.scenarios.yaml` files beside the policies; `--filter` matches a scenario's name or point",
  }),
  'stale-schema': define<{ files: readonly string[]; folder: string }>({
    severity: 'error',
    message: (x) =>
      `${x.files.map((file) => `\`${file}\``).join(', ')} in ${x.folder} differ from the zod schema and the policies' facts, outcomes, sources, settings and points`,
    help: () => 'run `pnpm vot schema --write` and commit the result',
  }),
  'unknown-ref': define<
    { ref: string } & (
      | { problem: 'not-a-ref' }
      | { problem: 'outside-repository'; folder: string }
      | { problem: 'unreadable'; path: string; reason: string }
    )
  >({
    severity: 'error',
    message: (x) =>
      x.problem === 'not-a-ref'
        ? `\`${x.ref}\` is neither a folder nor a git ref of this repository`
        : x.problem === 'outside-repository'
          ? `the policy folder \`${x.folder}\` is outside the git repository, so \`${x.ref}\` cannot be read from it`
          : `cannot read \`${x.path}\` at \`${x.ref}\`: ${x.reason}`,
    help: (x) => (x.problem === 'not-a-ref' ? 'give a policy folder, or a branch, tag or commit (e.g. `main`, `HEAD~1`)' : undefined),
  }),
};

const templates = { ...engineTemplates, ...commandLineTemplates };

/** The closed set of diagnostic codes; each has its message text in this module. */
export type DiagnosticCode = keyof typeof templates;

/**
 * The arguments each code's message takes, by code: `diagnostic({ code: 'unknown-fact', args:
 * { fact, where } })` type-checks, and a missing or misspelt argument does not.
 */
export type DiagnosticArgs = { [C in DiagnosticCode]: (typeof templates)[C] extends Template<infer Args> ? Args : never };

/** Every diagnostic code, for a host that maps codes onto its own responses. */
export const diagnosticCodes = Object.keys(templates) as DiagnosticCode[];

/** The codes of the command line's own problems (a subset of {@link diagnosticCodes}). */
export const commandLineCodes = Object.keys(commandLineTemplates) as Array<keyof typeof commandLineTemplates>;

export function messageFor<C extends DiagnosticCode>(code: C): Template<DiagnosticArgs[C]> {
  return templates[code] as Template<DiagnosticArgs[C]>;
}
