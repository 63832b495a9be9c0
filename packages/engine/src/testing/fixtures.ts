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

/**
 * Law in time on top of the minimal set: a decision-date fact `day`, an old and a new rule book
 * (the old one until 2020-01-01, the new from then), a point `bell` whose policy is in force from
 * 2015 to 2029 with two versions of one rule (the new book asks more), and a duty in force from
 * 2020 that only the new version keeps. Merge it into `minimalPolicyFiles` to use it.
 */
export const timedPolicyFiles: Record<string, string> = {
  'policy-set.yaml': minimalPolicyFiles['policy-set.yaml']!.concat(`  - id: bell
    title: { nb: Ringeklokke, en: Bell }
    question: { nb: Skal det ringes?, en: Must the bell ring? }
`),
  'vocabulary.yaml': minimalPolicyFiles['vocabulary.yaml']!.replace(
    'outcomes:\n',
    `  - id: day
    type: date
    default: decision-date
    title: { nb: Dag, en: Day }
outcomes:
  - { id: ring-bell, group: bell, title: { nb: Ringe på, en: Ring the bell } }
`,
  ),
  'sources.yaml': minimalPolicyFiles['sources.yaml']!.concat(`  - id: old-book
    type: regulation
    citation: Old book § 1
    verified: true
    inForce: { until: 2020-01-01 }
  - id: new-book
    type: regulation
    citation: New book § 1
    verified: true
    inForce: { from: 2020-01-01 }
    eli: https://example.org/eli/new-book/1
    consolidation: 2024-01-01
`),
  'bell/bell.yaml': `kind: policy
policy: bell
point: bell
title: { nb: Ringeklokke, en: Bell }
inForce: { from: 2015-01-01, until: 2030-01-01 }
outcomes:
  - id: ring-bell
    rules:
      - id: busy
        inForce: { until: 2020-01-01 }
        when: { fact: count, atLeast: 10 }
        status: permitted
        basis: [old-book]
        reason: { nb: Travelt etter den gamle boken., en: Busy under the old book. }
      - id: busy
        inForce: { from: 2020-01-01 }
        when: { fact: count, atLeast: 5 }
        status: required
        basis: [new-book, rule-book-1]
        reason: { nb: Travelt etter den nye boken., en: Busy under the new book. }
    otherwise: omit
`,
  'duties.yaml': `kind: duties
catalogue: bell-duties
title: { nb: Ringeplikter, en: Bell duties }
jurisdiction: NO
duties:
  - id: ring-when-busy
    title: { nb: Ring når det er travelt, en: Ring when busy }
    basis: [new-book]
    inForce: { from: 2020-01-01 }
    obligations:
      - invariant:
          point: bell
          when: { fact: count, atLeast: 5 }
          expect: { outcome: ring-bell, status: required }
`,
};
