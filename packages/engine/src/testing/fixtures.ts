/**
 * A small, self-contained policy set for unit tests of the engine: it uses no word of the
 * bundled policies, so engine tests do not change when reviewers change a rule.
 */
export const minimalPolicyFiles: Record<string, string> = {
  'policy-set.yaml': `kind: policy-set
name: test-set
version: 1.0.0
title: { nb: Testsett, en: Test set }
languages: [nb, en]
points:
  - id: access
    title: { nb: Tilgang, en: Access }
    question: { nb: Hva er tillatt?, en: What is permitted? }
`,
  'vocabulary.yaml': `kind: vocabulary
facts:
  - id: colour
    type: enum
    values: [red, green, blue]
    title: { nb: Farge, en: Colour }
  - id: count
    type: integer
    min: 0
    max: 50
    title: { nb: Antall, en: Count }
  - id: flag
    type: boolean
    default: false
    title: { nb: Flagg, en: Flag }
  - id: weeks
    type: integer
    min: 1
    max: 104
    default: none
    title: { nb: Uker, en: Weeks }
outcomes:
  - { id: open-door, group: access, title: { nb: Åpne døren, en: Open the door } }
  - { id: close-door, group: access, title: { nb: Lukke døren, en: Close the door } }
  - { id: log-entry, group: access, title: { nb: Loggføre, en: Log the entry } }
  - { id: ask-first, group: safeguard, title: { nb: Spørre først, en: Ask first } }
limits:
  - { id: maxWeeks, title: { nb: Lengste varighet (uker), en: Longest duration (weeks) } }
`,
  'sources.yaml': `kind: sources
sources:
  - id: rule-book-1
    type: guideline
    citation: Rule book § 1
    url: https://example.org/rule-book#1
    verified: true
  - id: rule-book-2
    type: guideline
    citation: Rule book § 2
    verified: false
`,
  'settings.yaml': `kind: settings
settings:
  - id: door.max-weeks
    type: integer
    default: 12
    min: 1
    max: 12
    title: { nb: Lengste periode, en: Longest period }
    basis: [rule-book-1]
`,
  'access/doors.yaml': `kind: policy
policy: doors
point: access
title: { nb: Dører, en: Doors }
conditions:
  busy:
    when: { any: [ { fact: count, atLeast: 10 }, { fact: flag, is: true } ] }
outcomes:
  - id: open-door
    basis: [rule-book-1]
    rules:
      - when: { fact: colour, is: red }
        status: not-permitted
        reason: { nb: Rødt betyr stopp., en: Red means stop. }
      - when: { condition: busy }
        status: permitted
        requires:
          - ask-first
          - id: log-entry
            unless: { fact: colour, is: blue }
        limits: { maxWeeks: { setting: door.max-weeks } }
        reason: { nb: "Travelt: høyst {setting:door.max-weeks} uker.", en: "Busy: at most {setting:door.max-weeks} weeks." }
    otherwise:
      status: not-permitted
      reason: { nb: Ikke travelt., en: Not busy. }
  - id: close-door
    rules:
      - when: { fact: weeks, above: { setting: door.max-weeks } }
        status: required
        basis: [rule-book-2]
        reason: { nb: For lenge., en: Too long. }
    otherwise: omit
`,
};

export const minimalPolicyMap = (): Map<string, string> => new Map(Object.entries(minimalPolicyFiles));

/**
 * An organisation-style specialisation of the minimal set: `red-doors` overrides `open-door` of
 * `doors` where the colour is red, adds an outcome of its own, and needs Danish (`da`) in every
 * text. Merge it into `minimalPolicyFiles` to use it.
 */
export const overridingPolicyFiles: Record<string, string> = {
  'access/red-doors.yaml': `kind: policy
policy: red-doors
point: access
title: { nb: Røde dører, en: Red doors, da: Røde døre }
languages: [da]
overrides: doors
appliesWhen: { fact: colour, is: red }
outcomes:
  - id: open-door
    basis: [rule-book-2]
    rules:
      - when: { fact: flag, is: true }
        status: permitted
        reason: { nb: Flagget åpner., en: The flag opens., da: Flaget åbner. }
    otherwise:
      status: not-permitted
      reason: { nb: Rødt uten flagg., en: Red without a flag., da: Rød uden flag. }
  - id: log-entry
    basis: [rule-book-2]
    rules: []
    otherwise:
      status: required
      reason: { nb: Logg alltid rødt., en: Always log red., da: Log altid rød. }
`,
};

/**
 * A second decision point beside `access`, for obligations that relate two points: `notice`
 * decides `log-entry` from the same facts (required when the flag is up and the colour is not
 * blue, recommended from a count of 20, not permitted otherwise). Merge it into
 * `minimalPolicyFiles` to use it; it replaces `policy-set.yaml`.
 */
export const twoPointPolicyFiles: Record<string, string> = {
  'policy-set.yaml': minimalPolicyFiles['policy-set.yaml']!.concat(`  - id: notice
    title: { nb: Varsel, en: Notice }
    question: { nb: Hva skal loggføres?, en: What is logged? }
`),
  'notice/notices.yaml': `kind: policy
policy: notices
point: notice
title: { nb: Varsler, en: Notices }
outcomes:
  - id: log-entry
    basis: [rule-book-1]
    rules:
      - when: { all: [ { fact: flag, is: true }, { fact: colour, isNot: blue } ] }
        status: required
        requires: [ask-first]
        reason: { nb: Flagget krever logg., en: The flag needs a log. }
      - when: { fact: count, atLeast: 20 }
        status: recommended
        reason: { nb: Mange bør logges., en: Many should be logged. }
    otherwise:
      status: not-permitted
      reason: { nb: Ingen logg., en: No log. }
`,
};
