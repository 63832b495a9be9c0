/**
 * The policy document format, written once in zod. The loader validates parsed YAML against
 * these schemas; `jsonSchemas()` exports them as JSON Schema for editors
 * (yaml-language-server). The checker then resolves references between documents.
 */
import { z } from 'zod';
import { factDeclaration, settingDeclaration } from '../fact-types/index.js';
import { folderCeiling, folderLimits } from '../load/parse.js';
import { expectedStatuses, statuses } from '../status.js';
import { dutiesDocumentSchema } from './duties.js';
import { slot } from './slots.js';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id in kebab-case, e.g. `exclusion-physical`');
const factNameFormat = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a fact name in camelCase, e.g. `priorIncidents`');
const settingIdFormat = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'a setting id in dotted kebab-case, e.g. `exclusion.max-weeks`');
// References to what the policy set declares: marked as slots, which the editor schema fills
// with the declared ids (slots.ts). Declarations use the unmarked formats above.
const factName = slot('fact', factNameFormat.describe('A fact from the vocabulary (vocabulary.yaml).'));
const settingId = slot('setting', settingIdFormat.describe('A setting from settings.yaml.'));
const sourceId = slot('source', kebabId.describe('A source id from policies/sources/*.yaml.'));
const outcomeId = slot('outcome', kebabId.describe('An outcome id from the vocabulary (vocabulary.yaml, `outcomes`).'));
const pointId = (description: string) => slot('point', kebabId.describe(description));

/** Text a person reads, in each language of the set. */
export const text = slot(
  'text',
  z
    .strictObject({
      nb: z.string().min(1).describe('Norsk bokmål').optional(),
      en: z.string().min(1).describe('English').optional(),
      da: z.string().min(1).describe('Dansk (for a Danish organisation)').optional(),
    })
    .describe('Text in each language of the set: `nb` (bokmål) and `en` (English), and `da` for a Danish organisation.'),
);

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date `YYYY-MM-DD`, e.g. `2021-07-01`');

/** When something is in force: `from` (inclusive), `until` (exclusive), either left open. */
export const inForce = z
  .union([
    z.strictObject({
      from: isoDate.describe('The first day in force (`YYYY-MM-DD`).'),
      until: isoDate.describe('The first day no longer in force (`YYYY-MM-DD`); the day before is the last.').optional(),
    }),
    z.strictObject({ until: isoDate.describe('The first day no longer in force (`YYYY-MM-DD`); the day before is the last.') }),
  ])
  .describe('When this is in force: `{ from, until }` as dates `YYYY-MM-DD`, `until` exclusive; either end may be left open.');
const numberOrSetting = z.union([z.number().int(), z.strictObject({ setting: settingId }).describe('The value of a setting.')]);

function factTest<K extends string, V extends z.ZodType>(operator: K, value: V, description: string) {
  return z.strictObject({ fact: factName, [operator]: value } as { fact: typeof factName } & Record<K, V>).describe(description);
}

export type ConditionInput =
  | 'always'
  | { fact: string; is: string | number | boolean }
  | { fact: string; isNot: string | number | boolean }
  | { fact: string; in: Array<string | number | boolean> }
  | { fact: string; notIn: Array<string | number | boolean> }
  | { fact: string; atLeast: number | { setting: string } }
  | { fact: string; atMost: number | { setting: string } }
  | { fact: string; above: number | { setting: string } }
  | { fact: string; below: number | { setting: string } }
  | { fact: string; onOrAfter: string }
  | { fact: string; onOrBefore: string }
  | { fact: string; after: string }
  | { fact: string; before: string }
  | { setting: string; is: string | number | boolean }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput }
  | { condition: string };

export const condition: z.ZodType<ConditionInput> = slot(
  'condition',
  z
    .lazy(() =>
      z.union([
        z.literal('always').describe('Holds for every incident.'),
        factTest('is', scalar, 'The fact has this value (`none` for an absent optional fact).'),
        factTest('isNot', scalar, 'The fact does not have this value.'),
        factTest('in', z.array(scalar).min(1), 'The fact has one of these values.'),
        factTest('notIn', z.array(scalar).min(1), 'The fact has none of these values.'),
        factTest('atLeast', numberOrSetting, 'The number is at least this.'),
        factTest('atMost', numberOrSetting, 'The number is at most this.'),
        factTest('above', numberOrSetting, 'The number is greater than this.'),
        factTest('below', numberOrSetting, 'The number is less than this.'),
        factTest('onOrAfter', isoDate, 'The date is this day or later.'),
        factTest('onOrBefore', isoDate, 'The date is this day or earlier.'),
        factTest('after', isoDate, 'The date is later than this day.'),
        factTest('before', isoDate, 'The date is earlier than this day.'),
        z.strictObject({ setting: settingId, is: scalar }).describe('A setting has this value.'),
        z.strictObject({ all: z.array(condition).min(1) }).describe('Every condition in the list holds.'),
        z.strictObject({ any: z.array(condition).min(1) }).describe('At least one condition in the list holds.'),
        z.strictObject({ not: condition }).describe('The condition does not hold.'),
        z.strictObject({ condition: kebabId }).describe('A named condition of this document (`conditions:`).'),
      ]),
    )
    .describe(
      'A condition: `always`, `{ fact, is | isNot | in | notIn | atLeast | atMost | above | below | onOrAfter | onOrBefore | after | before }`, `{ setting, is }`, `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` or `{ condition: name }`.',
    ),
);

const status = z
  .enum(statuses)
  .describe(
    '`required` (a duty), `recommended` (what a source recommends, not a duty), `permitted` (allowed, an option) or `not-permitted` (forbidden, with the reason why).',
  );

const requirement = z.union([
  outcomeId,
  z
    .strictObject({
      id: outcomeId,
      when: condition.optional().describe('Only required when this holds.'),
      unless: condition.optional().describe('Not required when this holds.'),
    })
    .describe('A precondition or safeguard that applies only in some cases.'),
]);

const basis = z.array(sourceId).describe('The legal sources for this rule: ids from policies/sources/*.yaml.');

const decisionFields = {
  status,
  requires: z.array(requirement).optional().describe('Preconditions and safeguards of the outcome, as outcome ids.'),
  limits: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), numberOrSetting)
    .optional()
    .describe('Numeric limits, e.g. `maxWeeks: { setting: exclusion.max-weeks }`.'),
  basis: basis.optional(),
  inForce: inForce.optional().describe("When this rule is in force (within its policy's window); versions of a rule share its `id`."),
  reason: text.describe('Why: the plain-language reason a leader or employee reads.'),
  note: text.optional().describe('A note for reviewers, e.g. where the sources are unclear.'),
};

export const rule = slot(
  'rule',
  z
    .strictObject({
      id: kebabId.optional().describe('An optional name for the rule, shown in traces.'),
      when: condition,
      ...decisionFields,
    })
    .describe('A rule: when its condition holds (and no rule above it held), it decides the outcome.'),
);

const otherwise = z
  .union([
    z.literal('omit').describe('Leave the outcome out of the decision when no rule holds.'),
    z.strictObject(decisionFields).describe('The status when no rule holds.'),
  ])
  .describe('What holds when no rule holds: a status block, or `omit`.');

export const policyOutcome = z
  .strictObject({
    id: outcomeId,
    track: kebabId.optional().describe('The track (from `tracks:`) this outcome belongs to.'),
    title: text.optional(),
    basis: basis.optional().describe('Sources cited by every rule of this outcome.'),
    inForce: inForce.optional().describe("When every rule of this outcome is in force (within the policy's window)."),
    note: text.optional(),
    rules: z.array(rule).describe('Tried from the top; the first whose condition holds decides.'),
    otherwise,
  })
  .describe('One outcome of the decision point and the rules that decide its status.');

export const policyDocument = z
  .strictObject({
    kind: z.literal('policy'),
    policy: kebabId.describe('The id of this policy document.'),
    point: pointId('The decision point (declared in policy-set.yaml).'),
    title: text,
    description: text.optional(),
    note: text.optional(),
    ordering: z
      .enum(['least-intrusive-first', 'as-listed'])
      .optional()
      .describe('How the outcomes are ordered; every decision lists them in this order.'),
    appliesWhen: condition.optional().describe('The scope: this policy applies only when this holds.'),
    inForce: inForce.optional().describe('When this policy is in force: every rule of it is in force only inside this window.'),
    overrides: kebabId
      .optional()
      .describe(
        "A shared policy of the same point that this one specialises: where this scope holds, each outcome both define is decided by this policy instead, in the shared outcome's place. The scope must lie inside the shared policy's scope.",
      ),
    languages: z
      .array(z.enum(['nb', 'en', 'da']))
      .optional()
      .describe('Languages every text of this document needs besides those of the set, e.g. `[da]` for a Danish organisation.'),
    tracks: z
      .array(z.strictObject({ id: kebabId, title: text, description: text.optional() }))
      .optional()
      .describe('Named groups of outcomes, e.g. the ladder and the reactions beside it.'),
    conditions: z
      .record(kebabId, z.strictObject({ title: text.optional(), when: condition }))
      .optional()
      .describe('Named conditions, used as `{ condition: name }`.'),
    outcomes: z.array(policyOutcome).min(1),
  })
  .describe('The rules of one decision point.');

const factBase = {
  id: factNameFormat.describe('The name of the fact, as host systems pass it.'),
  title: text,
  description: text.optional(),
  valueTitles: z
    .record(z.string(), text)
    .optional()
    .describe('Titles of the values, as a reader sees them, e.g. `physical-violence: { nb: Fysisk vold, en: Physical violence }`.'),
  explain: z
    .enum(['vary', 'fixed'])
    .optional()
    .describe(
      'Whether a why-not explanation may change the fact: `vary` (what happened and what has been done; the default) or `fixed` (who the parties are).',
    ),
};

/** A fact declaration: one branch per fact type (fact-types/). */
export const factDefinition = factDeclaration({ z, base: factBase, kebabId });

export const vocabularyDocument = z
  .strictObject({
    kind: z.literal('vocabulary'),
    facts: z.array(factDefinition).min(1),
    outcomes: z
      .array(
        z.strictObject({
          id: kebabId.describe('The outcome id, as host systems receive it.'),
          group: kebabId.describe('A group name, e.g. `reaction`.'),
          title: text,
          description: text.optional(),
        }),
      )
      .min(1),
    limits: z
      .array(
        z.strictObject({
          id: z
            .string()
            .regex(/^[a-z][a-zA-Z0-9]*$/, 'a limit name in camelCase, e.g. `maxWeeks`')
            .describe("The name of the limit, as an outcome's `limits` and host systems carry it."),
          title: text.describe('What the number means, with its unit, e.g. `{ en: Longest exclusion (weeks) }`.'),
        }),
      )
      .optional()
      .describe('The numeric limits outcomes may carry (`limits:` of a rule), with their titles.'),
  })
  .describe('The shared vocabulary: facts, outcome ids and limits.');

export const sourceDefinition = z
  .strictObject({
    id: kebabId.describe('The id rules cite in `basis`.'),
    type: z.enum(['statute', 'regulation', 'guideline', 'report', 'statement', 'local-routine', 'preparatory-work']),
    citation: z.string().min(1).describe('How the source is cited, e.g. `arbeidsmiljøloven § 5-2 første ledd`.'),
    title: text.optional(),
    act: z.string().optional().describe('The act or regulation, in full.'),
    document: z.string().optional().describe('The document (report, guideline), in full.'),
    section: z.string().optional().describe('Section (paragraf) or chapter.'),
    paragraph: z.number().int().positive().optional().describe('Ledd (paragraph within the section).'),
    number: z.number().int().positive().optional().describe('Nr. (number within the paragraph).'),
    letter: z.string().optional().describe('Bokstav (letter), e.g. `a`.'),
    url: z.url().optional(),
    date: z.string().optional().describe('Date or version of the source.'),
    seed: z.string().optional().describe('The seed file the text was read from.'),
    lines: z.string().optional().describe('Lines in the seed file.'),
    jurisdiction: z.enum(['NO', 'DK']).optional(),
    verified: z.boolean().describe('True only when the wording was checked against the source.'),
    inForce: inForce
      .optional()
      .describe('When the source is in force; a rule citing it applies only then, and a decision lists it only then.'),
    eli: z.url().optional().describe('The European Legislation Identifier (ELI) of a statute or regulation.'),
    consolidation: isoDate.optional().describe('The date of the consolidated text that was read (`YYYY-MM-DD`).'),
    note: text.optional(),
  })
  .describe('A legal source or document that rules cite.');

export const sourcesDocument = z
  .strictObject({
    kind: z.literal('sources'),
    sources: z.array(sourceDefinition).min(1),
  })
  .describe('A catalogue of sources.');

const settingBase = {
  id: settingIdFormat.describe('The id policies use as `{ setting: id }`.'),
  title: text,
  description: text.optional(),
  basis: basis.min(1),
};

/** A setting declaration: the same types as facts (fact-types/). */
export const settingDefinition = settingDeclaration({ z, base: settingBase, kebabId });

export const settingsDocument = z
  .strictObject({
    kind: z.literal('settings'),
    settings: z.array(settingDefinition).min(1),
  })
  .describe('Values the sources leave to local choice.');

export const policySetDocument = z
  .strictObject({
    kind: z.literal('policy-set'),
    name: kebabId,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'a semantic version, e.g. `1.2.0`'),
    title: text,
    description: text.optional(),
    languages: z.array(z.enum(['nb', 'en', 'da'])).min(1),
    points: z
      .array(z.strictObject({ id: kebabId, title: text, question: text }))
      .min(1)
      .describe('The decision points: the questions a host system asks.'),
    limits: z
      .strictObject({
        files: z
          .number()
          .int()
          .min(1)
          .max(folderCeiling.maxFiles)
          .optional()
          .describe(`Policy files the folder may hold (default ${folderLimits.maxFiles}).`),
        megabytes: z
          .number()
          .int()
          .min(1)
          .max(folderCeiling.maxTotalBytes / 1024 / 1024)
          .optional()
          .describe(`Megabytes of policy files the folder may hold (default ${folderLimits.maxTotalBytes / 1024 / 1024}).`),
      })
      .optional()
      .describe('How much the policy folder may hold, for a set that has grown past the defaults; a command reads no more.'),
  })
  .describe('The policy set: its name, version, languages and decision points.');

const expectation = z.union([
  z.enum(expectedStatuses),
  z.strictObject({
    status: z.enum(expectedStatuses),
    requires: z.array(outcomeId).optional().describe("These must be among the outcome's requires."),
    limits: z.record(z.string(), z.number()).optional(),
  }),
]);

export const scenario = slot(
  'scenario',
  z
    .strictObject({
      name: z.string().min(1),
      point: pointId("The point, when it differs from the file's `point`.").optional(),
      facts: slot(
        'fact-values',
        z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .describe('The facts of the incident: vocabulary facts and their values.'),
      ),
      expect: z.record(outcomeId, expectation),
      source: z.string().min(1).describe('Why the expectation holds: a source id, or a sentence.'),
    })
    .describe('A test case: these facts give these outcomes.'),
);

export const scenariosDocument = z
  .strictObject({
    kind: z.literal('scenarios'),
    point: pointId('The decision point every scenario of this file asks (declared in policy-set.yaml).').optional(),
    scenarios: z.array(scenario).min(1),
  })
  .describe('Reviewer-written scenario tests.');

/** Every document kind the loader can place, by its `kind`. */
export const documentSchemas = {
  'policy-set': policySetDocument,
  vocabulary: vocabularyDocument,
  sources: sourcesDocument,
  settings: settingsDocument,
  policy: policyDocument,
  scenarios: scenariosDocument,
  duties: dutiesDocumentSchema({ condition, text, kebabId, inForce }),
} as const;

export type DocumentKind = keyof typeof documentSchemas;
/** The typed document of one kind, as its schema gives it. */
export type DocumentOf<K extends DocumentKind> = z.infer<(typeof documentSchemas)[K]>;
export type PolicySetDocument = z.infer<typeof policySetDocument>;
export type VocabularyDocument = z.infer<typeof vocabularyDocument>;
export type SourcesDocument = z.infer<typeof sourcesDocument>;
export type SettingsDocument = z.infer<typeof settingsDocument>;
export type PolicyDocument = z.infer<typeof policyDocument>;
export type ScenariosDocument = z.infer<typeof scenariosDocument>;
export type TextInput = z.infer<typeof text>;
