/**
 * Every diagnostic text in one place, keyed by code, so its wording can be reviewed on its
 * own. Style (after Cedar's message rules): lowercase, no final period, the reviewer's words
 * in backticks, one message plus one help line.
 */
type Args = Record<string, string | number>;

interface Template {
  severity: 'error' | 'warning';
  message: (args: Args) => string;
  help?: (args: Args) => string;
}

const a = (args: Args, key: string): string => String(args[key] ?? '');

const templates = {
  // --- loading files -------------------------------------------------------------------------
  'file-unreadable': {
    severity: 'error',
    message: (x) => `cannot read \`${a(x, 'file')}\`: ${a(x, 'reason')}`,
    help: () => 'check that the path exists and is a readable file',
  },
  'file-too-large': {
    severity: 'error',
    message: (x) => `file is ${a(x, 'size')} bytes, more than the limit of ${a(x, 'limit')}`,
    help: () => 'split the policy into several files',
  },
  'invalid-utf8': {
    severity: 'error',
    message: () => 'file is not valid UTF-8 text',
    help: () => 'save the file as UTF-8 in your editor',
  },
  'nul-byte': {
    severity: 'error',
    message: () => 'file contains a NUL byte',
    help: () => 'a policy file is plain text; this may be a binary file saved under a .yaml name',
  },
  'hidden-character': {
    severity: 'error',
    message: (x) => `file contains the invisible direction control ${a(x, 'code')}`,
    help: () => 'it makes text display in another order than it is read; delete it (retype the line if in doubt)',
  },
  'empty-file': {
    severity: 'error',
    message: () => 'file has no content',
    help: () => 'a policy file starts with `kind:`; delete the file if it is not needed',
  },
  'wrong-extension': {
    severity: 'error',
    message: (x) => `\`${a(x, 'name')}\` is in the policy folder but has the extension \`${a(x, 'ext')}\``,
    help: () => 'policy files end in `.yaml`; rename it, or move it out of the policy folder',
  },
  'yaml-syntax': {
    severity: 'error',
    message: (x) => `invalid YAML: ${a(x, 'detail')}`,
    help: () => 'check the indentation (spaces, not tabs) and that every `:` and `-` is followed by a space',
  },
  'tab-indentation': {
    severity: 'error',
    message: () => 'a tab is used for indentation',
    help: () => 'YAML indents with spaces only; replace the tab with spaces',
  },
  'duplicate-key': {
    severity: 'error',
    message: (x) => `key \`${a(x, 'key')}\` appears twice in the same mapping`,
    help: () => 'keep one of them: YAML would silently use the last, and the first would be lost',
  },
  'custom-tag': {
    severity: 'error',
    message: (x) => `YAML tag \`${a(x, 'tag')}\` is not allowed`,
    help: () => 'policy files hold plain values only; remove the tag',
  },
  'multiple-documents': {
    severity: 'error',
    message: () => 'file holds more than one YAML document',
    help: () => 'put each document in its own file, and remove the `---` separator',
  },
  'too-many-aliases': {
    severity: 'error',
    message: (x) => `file uses ${a(x, 'count')} aliases, more than the limit of ${a(x, 'limit')}`,
    help: () => 'write the values out, or use a named condition (`conditions:`) for repeated conditions',
  },
  'too-deep': {
    severity: 'error',
    message: (x) => `nesting is deeper than the limit of ${a(x, 'limit')} levels`,
    help: () => 'split the condition into named conditions',
  },
  'too-many-problems': {
    severity: 'error',
    message: (x) => `${a(x, 'count')} more problems in this file are not shown`,
    help: () => 'fix the ones above first; a file this broken may not be a policy file at all',
  },
  'too-many-values': {
    severity: 'error',
    message: (x) => `file holds more than ${a(x, 'limit')} values (aliases expanded)`,
    help: () => 'split the policy into several files, or write out fewer copies of an anchored value',
  },
  'folder-too-large': {
    severity: 'error',
    message: (x) => `policy folder holds more than ${a(x, 'limit')}; the rest was not read`,
    help: () => 'point the command at the policy folder itself, not at a folder above it',
  },
  'forbidden-key': {
    severity: 'error',
    message: (x) => `key \`${a(x, 'key')}\` is not allowed`,
    help: () => 'the keys `__proto__`, `constructor` and `prototype` are reserved; rename the key',
  },
  'unknown-kind': {
    severity: 'error',
    message: (x) => `cannot place this file: ${a(x, 'detail')}`,
    help: () => 'every policy file starts with `kind:` and one of the kinds in docs/policy-format.md',
  },
  // --- document structure (schema) -----------------------------------------------------------
  'unknown-key': {
    severity: 'error',
    message: (x) => `unknown key \`${a(x, 'key')}\` in ${a(x, 'where')}`,
  },
  'missing-key': {
    severity: 'error',
    message: (x) => `missing key \`${a(x, 'key')}\` in ${a(x, 'where')}`,
  },
  'invalid-value': {
    severity: 'error',
    message: (x) => `invalid value at \`${a(x, 'path')}\`: ${a(x, 'detail')}`,
  },
  // --- references and meaning (checker) ------------------------------------------------------
  'missing-policy-set': {
    severity: 'error',
    message: () => 'no `kind: policy-set` file in the policy folder',
    help: () => 'add policy-set.yaml with the name, version, languages and decision points of the set',
  },
  'missing-vocabulary': {
    severity: 'error',
    message: () => 'no `kind: vocabulary` file in the policy folder',
    help: () => 'add vocabulary.yaml with the facts and outcome ids',
  },
  'duplicate-document': {
    severity: 'error',
    message: (x) => `a second \`kind: ${a(x, 'kind')}\` file; the set has only one`,
    help: (x) => `the first one is ${a(x, 'other')}`,
  },
  'duplicate-id': {
    severity: 'error',
    message: (x) => `${a(x, 'what')} \`${a(x, 'id')}\` is defined more than once`,
    help: (x) => `the other definition is at ${a(x, 'other')}`,
  },
  'unknown-fact': {
    severity: 'error',
    message: (x) => `unknown fact \`${a(x, 'fact')}\` in ${a(x, 'where')}`,
  },
  'unknown-outcome': {
    severity: 'error',
    message: (x) => `unknown outcome id \`${a(x, 'id')}\` in ${a(x, 'where')}`,
  },
  'unknown-source': {
    severity: 'error',
    message: (x) => `unknown source \`${a(x, 'id')}\` in ${a(x, 'where')}`,
  },
  'unknown-setting': {
    severity: 'error',
    message: (x) => `unknown setting \`${a(x, 'id')}\` in ${a(x, 'where')}`,
  },
  'unknown-point': {
    severity: 'error',
    message: (x) => `unknown decision point \`${a(x, 'point')}\``,
  },
  'unknown-condition': {
    severity: 'error',
    message: (x) => `unknown named condition \`${a(x, 'name')}\` in ${a(x, 'where')}`,
  },
  'unknown-track': {
    severity: 'error',
    message: (x) => `unknown track \`${a(x, 'track')}\` for outcome \`${a(x, 'outcome')}\``,
  },
  'condition-cycle': {
    severity: 'error',
    message: (x) => `named condition \`${a(x, 'name')}\` refers to itself through ${a(x, 'chain')}`,
    help: () => 'a named condition may use other named conditions, but not in a circle',
  },
  'value-out-of-domain': {
    severity: 'error',
    message: (x) => `\`${a(x, 'value')}\` is not a possible value of ${a(x, 'what')}`,
  },
  'operator-not-for-type': {
    severity: 'error',
    message: (x) => `\`${a(x, 'operator')}\` cannot be used with ${a(x, 'what')}, which is ${a(x, 'type')}`,
  },
  'missing-basis': {
    severity: 'error',
    message: (x) => `outcome \`${a(x, 'outcome')}\` can be \`${a(x, 'status')}\` without a legal basis`,
    help: () => 'add `basis: [<source id>]` to the rule or to the outcome, citing the act or guideline',
  },
  'missing-translation': {
    severity: 'error',
    message: (x) => `${a(x, 'where')} has no \`${a(x, 'lang')}\` text`,
    help: (x) => `every text a person reads is given in ${a(x, 'langs')}`,
  },
  'unknown-placeholder': {
    severity: 'error',
    message: (x) => `unknown placeholder \`{${a(x, 'placeholder')}}\` in ${a(x, 'where')}`,
    help: () => 'placeholders have the form `{setting:<setting id>}`',
  },
  'setting-out-of-range': {
    severity: 'error',
    message: (x) => `setting \`${a(x, 'id')}\` is ${a(x, 'value')}, outside its allowed ${a(x, 'range')}`,
  },
  'conflicting-outcome': {
    severity: 'error',
    message: (x) => `outcome \`${a(x, 'id')}\` is decided by two policies of point \`${a(x, 'point')}\``,
    help: (x) => `the other is at ${a(x, 'other')}; make their \`appliesWhen\` scopes exclusive, or merge the rules`,
  },
  'invalid-override': {
    severity: 'error',
    message: (x) => `policy \`${a(x, 'policy')}\` overrides \`${a(x, 'target')}\`, but ${a(x, 'problem')}`,
    help: () => '`overrides:` names the shared policy of the same point whose outcomes this policy replaces where its scope holds',
  },
  'override-outside-scope': {
    severity: 'error',
    message: (x) =>
      `the scope of policy \`${a(x, 'policy')}\` is not inside the scope of \`${a(x, 'target')}\`, which it overrides: ${a(x, 'example')}`,
    help: () =>
      'narrow `appliesWhen` so that it only holds where the shared policy applies; an override specialises shared rules, it cannot widen them',
  },
  'ambiguous-override': {
    severity: 'error',
    message: (x) =>
      `outcome \`${a(x, 'id')}\` of \`${a(x, 'target')}\` is overridden both here and by \`${a(x, 'other')}\`, whose scopes overlap`,
    help: (x) => `the other override is at ${a(x, 'at')}; make the \`appliesWhen\` scopes of the two overriding policies exclusive`,
  },
  'override-replaces-nothing': {
    severity: 'warning',
    message: (x) => `policy \`${a(x, 'policy')}\` overrides \`${a(x, 'target')}\` but decides none of its outcomes, so it replaces nothing`,
    help: (x) => `list under \`outcomes:\` an outcome id that \`${a(x, 'target')}\` decides, or remove \`overrides:\``,
  },
  'unreachable-rule': {
    severity: 'warning',
    message: (x) => `rule ${a(x, 'rule')} of outcome \`${a(x, 'outcome')}\` can never decide: an earlier rule always holds first`,
    help: () => 'move the rule up, or remove it',
  },
  'duty-outcome-not-at-point': {
    severity: 'error',
    message: (x) => `${a(x, 'where')} expects outcome \`${a(x, 'id')}\`, which point \`${a(x, 'point')}\` never decides`,
    help: () => 'name an outcome some policy of that point decides, or the point that decides it',
  },
  'scenario-unknown-outcome': {
    severity: 'error',
    message: (x) => `scenario \`${a(x, 'name')}\` expects outcome \`${a(x, 'id')}\`, which point \`${a(x, 'point')}\` never decides`,
  },
  // --- facts given to decide() ---------------------------------------------------------------
  'facts-not-object': {
    severity: 'error',
    message: (x) => `facts must be an object of fact names and values, not ${a(x, 'received')}`,
  },
  'fact-unknown': {
    severity: 'error',
    message: (x) => `unknown fact \`${a(x, 'fact')}\``,
  },
  'fact-missing': {
    severity: 'error',
    message: (x) => `missing fact \`${a(x, 'fact')}\`, which point \`${a(x, 'point')}\` needs`,
  },
  'fact-invalid': {
    severity: 'error',
    message: (x) => `fact \`${a(x, 'fact')}\` has an invalid value`,
  },
  'setting-unknown': {
    severity: 'error',
    message: (x) => `unknown setting \`${a(x, 'id')}\``,
  },
  // --- policy bundles ------------------------------------------------------------------------
  'bundle-invalid': {
    severity: 'error',
    message: (x) => `policy bundle refused: ${a(x, 'reason')}`,
    help: () => 'rebuild the bundle from the policy folder, or reinstall the package',
  },
  // --- stored decisions (audit records) -------------------------------------------------------
  'record-invalid': {
    severity: 'error',
    message: (x) => `line is not a decision record: ${a(x, 'reason')}`,
    help: () => 'each line is one JSON object made by `toAuditRecord(decision, facts, at)`',
  },
} satisfies Record<string, Template>;

/** The closed set of diagnostic codes; each has its message text in this module. */
export type DiagnosticCode = keyof typeof templates;

/** Every diagnostic code, for a host that maps codes onto its own responses. */
export const diagnosticCodes = Object.keys(templates) as DiagnosticCode[];

export function messageFor(code: DiagnosticCode): Template {
  return templates[code];
}
