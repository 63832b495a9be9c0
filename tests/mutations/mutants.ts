/**
 * Mutants of the bundled policies: each a small textual change a reviewer could make by mistake,
 * and the duty of policies/duties/ that must catch it. A mutant the gate does not catch is a gap
 * in the duty catalogue: fix the catalogue, not this list.
 */
export interface Mutant {
  name: string;
  /** Path inside policies/. */
  file: string;
  /** An exact piece of the file, which must occur exactly once (after `occurrence` is applied). */
  from: string;
  to: string;
  /**
   * The duty the gate must name as broken (with `only`, the one duty broken), or the diagnostic the
   * checker must give (naming `names`).
   */
  catches: { duty: string; only?: true } | { diagnostic: string; names: string };
  /** Delete from `from` up to the next outcome (`  - id:`) or the end of the file, instead of replacing. */
  deleteBlock?: boolean;
}

export const mutants: Mutant[] = [
  // --- delete a duty-bearing outcome -----------------------------------------------------------------
  {
    name: 'delete the notice to the police on serious injury',
    file: 'reporting/injury.yaml',
    from: '  - id: notify-police\n',
    to: '',
    deleteBlock: true,
    catches: { diagnostic: 'duty-outcome-not-at-point', names: 'aml-5-2-notify-serious-injury' },
  },
  {
    name: 'delete the overview to the municipal safety representative',
    file: 'reporting/deviations.yaml',
    from: '  - id: overview-to-municipal-safety-rep\n',
    to: '',
    deleteBlock: true,
    catches: { diagnostic: 'duty-outcome-not-at-point', names: 'overview-within-the-employer-line' },
  },
  // --- loosen a condition -----------------------------------------------------------------------------
  {
    name: 'exclusion after a written warning without an earlier incident',
    file: 'reaction/ladder.yaml',
    from: '        - { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
    to: '        - { fact: priorIncidents, atLeast: 0 }\n        - { fact: writtenWarningGiven, is: true }',
    catches: { duty: 'exclusion-only-grave-or-warned-repeat' },
  },
  {
    name: 'physical exclusion for every incident',
    file: 'reaction/ladder.yaml',
    from: '      - id: grave-incident\n        when:\n          all:\n            - { condition: known-user }\n            - { fact: grave, is: true }',
    to: '      - id: grave-incident\n        when: always',
    catches: { duty: 'exclusion-only-grave-or-warned-repeat' },
  },
  {
    name: 'notify the Labour Inspectorate on death only',
    file: 'reporting/injury.yaml',
    from: '        - { fact: injury, in: [serious, death] }',
    to: '        - { fact: injury, in: [death] }',
    catches: { duty: 'aml-5-2-notify-serious-injury' },
  },
  {
    name: 'register serious injuries only',
    file: 'reporting/injury.yaml',
    from: '      - id: any-injury\n        when:\n          all:\n            - { fact: injury, isNot: none }',
    to: '      - id: any-injury\n        when:\n          all:\n            - { fact: injury, in: [serious, death] }',
    catches: { duty: 'aml-5-1-register-injury' },
  },
  {
    name: 'Gosys registration before the user is informed',
    file: 'reporting/security-measures.yaml',
    from: '            - { condition: gosys-measure }\n            - { fact: userInformed, is: false }',
    to: '            - { condition: gosys-measure }\n            - { fact: userInformed, is: true }',
    catches: { duty: 'gosys-only-three-measures-user-informed' },
  },
  {
    name: 'share personal data without consent',
    file: 'sharing/nav-sharing.yaml',
    from: '        when: { fact: consent, is: true }',
    to: '        when: { fact: consent, is: false }',
    catches: { duty: 'share-personal-data-only-on-a-basis' },
  },
  {
    name: 'every incident counts as a self-harm threat in the ladder',
    file: 'reaction/ladder.yaml',
    from: '    when: { fact: incidentType, is: self-harm-threat }',
    to: '    when: always',
    catches: { duty: 'least-intrusive-reaction-available' },
  },
  // --- raise maxWeeks ---------------------------------------------------------------------------------
  {
    name: 'a host may set exclusion up to 16 weeks',
    file: 'settings.yaml',
    from: '  - id: exclusion.max-weeks\n    type: integer\n    default: 12\n    min: 1\n    max: 12',
    to: '  - id: exclusion.max-weeks\n    type: integer\n    default: 12\n    min: 1\n    max: 16',
    catches: { duty: 'exclusion-at-most-12-weeks' },
  },
  {
    name: 'exclusion for 16 weeks by default',
    file: 'settings.yaml',
    from: '  - id: exclusion.max-weeks\n    type: integer\n    default: 12\n    min: 1\n    max: 12',
    to: '  - id: exclusion.max-weeks\n    type: integer\n    default: 16\n    min: 1\n    max: 16',
    catches: { duty: 'exclusion-at-most-12-weeks' },
  },
  {
    name: 'exclusion limited to a fixed 26 weeks',
    file: 'reaction/ladder.yaml',
    from: 'limits: &exclusion-limits { maxWeeks: { setting: exclusion.max-weeks } }',
    to: 'limits: &exclusion-limits { maxWeeks: 26 }',
    catches: { duty: 'exclusion-at-most-12-weeks' },
  },
  // --- drop a safeguard or a basis --------------------------------------------------------------------
  {
    name: 'exclusion without a decision by the office head',
    file: 'reaction/ladder.yaml',
    from: '          - decided-by-office-head\n',
    to: '',
    catches: { duty: 'exclusion-safeguards' },
  },
  {
    name: 'exclusion without a written answer to a complaint',
    file: 'reaction/ladder.yaml',
    from: '          - id: written-answer-to-complaint\n            when: { fact: complaintReceived, is: true }\n',
    to: '',
    catches: { duty: 'exclusion-safeguards' },
  },
  {
    name: 'the means to call for help no longer cites 23A-4 (c)',
    file: 'prevention/regulation-23a.yaml',
    from: 'basis: [fou-23a-4, fou-23a-4-c]',
    to: 'basis: [fou-23a-4]',
    catches: { duty: '23a-4-c-call-for-help' },
  },
  {
    name: 'the risk assessment loses its basis',
    file: 'prevention/regulation-23a.yaml',
    from: '    basis: [fou-23a-1, aml-4-3, aml-3-1]\n',
    to: '',
    catches: { diagnostic: 'missing-basis', names: 'risk-assessment' },
  },
  // --- swap a status ----------------------------------------------------------------------------------
  {
    name: 'exclusion from digital written contact permitted',
    file: 'reaction/ladder.yaml',
    from: '    basis: [nav-2023-s5-2-nks]\n    rules: []\n    otherwise:\n      status: not-permitted',
    to: '    basis: [nav-2023-s5-2-nks]\n    rules: []\n    otherwise:\n      status: permitted',
    catches: { duty: 'no-exclusion-from-digital-written-contact' },
  },
  {
    name: 'an exposed leader is only offered follow-up',
    file: 'follow-up/employee-follow-up.yaml',
    from: '            - { fact: leaderExposed, is: true }\n        status: required',
    to: '            - { fact: leaderExposed, is: true }\n        status: permitted',
    catches: { duty: '23a-5-follow-up' },
  },
  {
    name: 'ASYS optional for state employees',
    file: 'reporting/deviations.yaml',
    from: '        status: required\n        reason:\n          nb: >-\n            Du skal melde i ASYS: du er statlig ansatt',
    to: '        status: permitted\n        reason:\n          nb: >-\n            Du skal melde i ASYS: du er statlig ansatt',
    catches: { duty: 'state-employee-reports-in-asys' },
  },
  {
    name: 'training only permitted for NAV staff who meet users',
    file: 'prevention/regulation-23a.yaml',
    from: '            - { fact: userContact, is: true }\n        status: required',
    to: '            - { fact: userContact, is: true }\n        status: permitted',
    catches: { duty: '23a-2-training' },
  },
  {
    name: "the municipal leader does not get a municipal employee's deviation in the overview",
    file: 'reporting/deviations.yaml',
    from: '  - id: overview-to-municipal-leader\n    basis: [arbeidstilsynet-23a-3-comment, fou-23a-3]\n    note: *overview-note\n    rules:\n      - id: same-line\n        inForce: { from: 2017-01-01 }\n        when:\n          all:\n            - { condition: municipal-line-at-office }\n            - { condition: violence-or-threat }\n        status: required',
    to: '  - id: overview-to-municipal-leader\n    basis: [arbeidstilsynet-23a-3-comment, fou-23a-3]\n    note: *overview-note\n    rules:\n      - id: same-line\n        inForce: { from: 2017-01-01 }\n        when:\n          all:\n            - { condition: municipal-line-at-office }\n            - { condition: violence-or-threat }\n        status: not-permitted',
    catches: { duty: 'overview-within-the-employer-line' },
  },
  {
    name: 'the overview across the employer line carries user data',
    file: 'reporting/deviations.yaml',
    from: '        status: recommended\n        requires: [no-user-data-without-sharing-basis]\n        basis: [nav-2023-rec-g2, nav-2023-rec-f, nav-2023-s7-3-4]\n        reason: &across-line-reason',
    to: '        status: recommended\n        basis: [nav-2023-rec-g2, nav-2023-rec-f, nav-2023-s7-3-4]\n        reason: &across-line-reason',
    catches: { duty: 'overview-across-the-line-without-user-data' },
  },
  {
    name: 'reporting violence as a deviation only recommended for municipal staff',
    file: 'reporting/deviations.yaml',
    from: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: required\n        basis: [nav-2023-s5-1, arbeidstilsynet-23a-3-comment, fou-23a-3]',
    to: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: recommended\n        basis: [nav-2023-s5-1, arbeidstilsynet-23a-3-comment, fou-23a-3]',
    catches: { duty: 'report-violence-and-threats-as-deviation' },
  },
  {
    name: 'telling the leader of violence only recommended',
    file: 'reporting/deviations.yaml',
    from: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: required\n        reason:\n          nb: >-\n            Du skal si fra til lederen',
    to: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: recommended\n        reason:\n          nb: >-\n            Du skal si fra til lederen',
    catches: { duty: 'notify-leader-of-violence-and-threats' },
  },
  {
    name: 'the transfer note carries only the three Gosys measures again',
    file: 'reporting/security-measures.yaml',
    from: '            - { fact: userMovingOffice, is: true }\n            - { condition: security-measure-decided }',
    to: '            - { fact: userMovingOffice, is: true }\n            - { condition: gosys-measure }',
    catches: { duty: 'transfer-note-carries-any-security-measure' },
  },
  {
    name: 'informing the user before Gosys registration is only an option',
    file: 'reporting/security-measures.yaml',
    from: '            - { fact: userInformed, is: false }\n        status: required',
    to: '            - { fact: userInformed, is: false }\n        status: permitted',
    catches: { duty: 'inform-user-before-gosys' },
  },
  // --- organisation packs: an override or a Danish policy that weakens a duty ----------------------
  {
    name: 'the Bergen school override makes the risk assessment optional',
    file: 'organisations/municipal-school/prevention.yaml',
    from: '    otherwise:\n      status: required\n      reason:\n        nb: >-\n          Hver enhet skal ha en risikovurdering',
    to: '    otherwise:\n      status: permitted\n      reason:\n        nb: >-\n          Hver enhet skal ha en risikovurdering',
    catches: { duty: '23a-1-risk-assessment' },
  },
  {
    name: "the Bergen school override makes the leader's follow-up optional",
    file: 'organisations/municipal-school/follow-up.yaml',
    from: '    otherwise:\n      status: required\n      reason:\n        nb: >-\n          Lederen skal følge deg opp',
    to: '    otherwise:\n      status: permitted\n      reason:\n        nb: >-\n          Lederen skal følge deg opp',
    catches: { duty: '23a-5-follow-up' },
  },
  {
    name: 'Ishøj: a threat is only permitted to be reported to the police',
    file: 'organisations/danish-municipality/reporting.yaml',
    from: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: required\n        requires: [dk-signed-by-director-and-mayor]',
    to: '      - id: violence-or-threat\n        when: { condition: violence-or-threat }\n        status: permitted\n        requires: [dk-signed-by-director-and-mayor]',
    catches: { duty: 'dk-police-report-violence-and-threats' },
  },
  {
    name: 'Ishøj: blocking a citizen on social media after a first incident',
    file: 'organisations/danish-municipality/reaction.yaml',
    from: '      - id: first-time\n        when: { condition: on-social-media }\n        status: not-permitted',
    to: '      - id: first-time\n        when: { condition: on-social-media }\n        status: permitted',
    catches: { duty: 'dk-block-only-repeated-via-leader' },
  },
  {
    name: "Denmark: L 31's three-day threshold applied to Arbejdstilsynet's one-day order (BEK 799/2022 § 1, not found amended)",
    file: 'organisations/danish-municipality/reporting.yaml',
    from: '            - { fact: absenceDays, atLeast: 1 }',
    to: '            - { fact: absenceDays, atLeast: 3 }',
    catches: { duty: 'dk-report-work-accident-in-easy' },
  },
  {
    name: 'Denmark: a month to report a work accident',
    file: 'organisations/danish-municipality/reporting.yaml',
    from: '        status: required\n        limits: { deadlineDays: 14 }\n        basis: [dk-bek-799-2022-1',
    to: '        status: required\n        limits: { deadlineDays: 30 }\n        basis: [dk-bek-799-2022-1',
    catches: { duty: 'dk-report-work-accident-in-easy' },
  },
  {
    name: 'Denmark: three days to notify a death',
    file: 'organisations/danish-municipality/reporting.yaml',
    from: 'limits: { deadlineHours: 48 }',
    to: 'limits: { deadlineHours: 72 }',
    catches: { duty: 'dk-notify-death-within-48-hours' },
  },
  // --- the Penal Code and the sharing point (legal review 1, O1, I1/G6, I3) --------------------------
  {
    name: 'averting a listed offence that is most likely is only permitted',
    file: 'reaction/penal-code.yaml',
    from: '      - id: section-196\n        when: { condition: section-196-applies }\n        status: required',
    to: '      - id: section-196\n        when: { condition: section-196-applies }\n        status: permitted',
    catches: { duty: 'avert-a-listed-offence' },
  },
  {
    name: 'a threat by itself triggers the duty to avert',
    file: 'reaction/penal-code.yaml',
    from: '    when: { fact: announcedOffence, in: [homicide, other-listed-offence] }',
    to: '    when: { fact: announcedOffence, in: [homicide, other-listed-offence, other-offence] }',
    catches: { duty: 'avert-a-listed-offence' },
  },
  {
    name: 'calling for help in obvious danger only recommended',
    file: 'reaction/penal-code.yaml',
    from: '      - id: imminent-danger\n        when: { fact: imminentDanger, is: true }\n        status: required',
    to: '      - id: imminent-danger\n        when: { fact: imminentDanger, is: true }\n        status: recommended',
    catches: { duty: 'help-in-obvious-danger' },
  },
  {
    name: 'any announced offence opens the case file to the police',
    file: 'sharing/nav-sharing.yaml',
    from: '        - { fact: announcedOffence, in: [homicide, other-listed-offence] }',
    to: '        - { fact: announcedOffence, in: [homicide, other-listed-offence, other-offence] }',
    catches: { duty: 'share-personal-data-only-on-a-basis' },
  },
  {
    name: 'consent lets more than the necessary data go',
    file: 'sharing/nav-sharing.yaml',
    from: 'requires: [consent-informed-and-voluntary, only-necessary-data]',
    to: 'requires: [consent-informed-and-voluntary]',
    catches: { duty: 'share-only-necessary-data' },
  },
  {
    name: 'an urgency waiver of the advance notice is back',
    file: 'reaction/ladder.yaml',
    from: '        requires: &exclusion-safeguards\n          - advance-notice-and-right-to-comment\n',
    to: '        requires: &exclusion-safeguards\n          - id: advance-notice-and-right-to-comment\n            unless: { fact: urgent, is: true }\n',
    catches: { duty: 'exclusion-safeguards' },
  },
  // --- regulation 23A as the review reads it (U2, U3) -------------------------------------------------
  {
    name: 'the situational risk assessment before high-risk work is only recommended',
    file: 'prevention/regulation-23a.yaml',
    from: '            - { fact: riskLevel, is: high }\n        status: required',
    to: '            - { fact: riskLevel, is: high }\n        status: recommended',
    catches: { duty: '23a-1-risk-assessment' },
  },
  {
    name: 'training only where there is user contact, whatever the risk assessment found',
    file: 'prevention/regulation-23a.yaml',
    from: '      - id: risk-found\n        when: { fact: riskLevel, in: [high, medium] }\n        status: required',
    to: '      - id: risk-found\n        when: { fact: riskLevel, in: [high, medium] }\n        status: permitted',
    catches: { duty: '23a-2-training' },
  },
  // --- points that agree (legal review 1, G1, O1, O2, U1, I1/G6): one side broken, the other as it was -----
  {
    name: 'the municipal part may no longer give the police the incident account of a report',
    file: 'sharing/nav-sharing.yaml',
    from: '            - { fact: requesterEmployer, is: municipal }\n        status: permitted\n        requires: [decided-by-leader, only-necessary-data]',
    to: '            - { fact: requesterEmployer, is: municipal }\n        status: not-permitted\n        requires: [decided-by-leader, only-necessary-data]',
    catches: { duty: 'police-report-and-incident-account-agree', only: true },
  },
  {
    name: 'the overview across the line to the state safety representative carries user data',
    file: 'reporting/deviations.yaml',
    from: '        when: { condition: municipal-line-at-office }\n        status: recommended\n        requires: [no-user-data-without-sharing-basis]\n        basis: [nav-2023-rec-g2, nav-2023-rec-f, nav-2023-s7-3-4]\n        reason: *across-line-reason\n    otherwise: omit\n\n  - id: overview-to-municipal-safety-rep',
    to: '        when: { condition: municipal-line-at-office }\n        status: recommended\n        basis: [nav-2023-rec-g2, nav-2023-rec-f, nav-2023-s7-3-4]\n        reason: *across-line-reason\n    otherwise: omit\n\n  - id: overview-to-municipal-safety-rep',
    catches: { duty: 'overview-across-the-line-without-user-data', only: true },
  },
  {
    name: '§ 196 opens sharing with the police for an announced killing only, not for the other listed acts',
    file: 'sharing/nav-sharing.yaml',
    from: '        - { fact: announcedOffence, in: [homicide, other-listed-offence] }\n        - { fact: offenceMostLikely, is: true }',
    to: '        - { fact: announcedOffence, in: [homicide] }\n        - { fact: offenceMostLikely, is: true }',
    // The one-point § 196 invariant in nav.yaml breaks too: both say the police may get the data.
    catches: { duty: 'police-may-get-what-averts-a-listed-offence' },
  },
  {
    name: 'only state staff may send the security measure to another NAV unit',
    file: 'sharing/nav-sharing.yaml',
    from: '            - { fact: recipient, is: other-nav-unit }\n            - { fact: dataKind, is: security-measure }',
    to: '            - { fact: recipient, is: other-nav-unit }\n            - { fact: dataKind, is: security-measure }\n            - { fact: requesterEmployer, is: state }',
    catches: { duty: 'transfer-note-and-sharing-agree', only: true },
  },
  {
    name: 'a municipal employee may not warn others when life or health is in danger',
    file: 'sharing/nav-sharing.yaml',
    // The rule in force from 2021-07-01 (forvaltningsloven § 13 b first paragraph nr. 7).
    from: '        inForce: { from: 2021-07-01 }\n        when:\n          all:\n            - { fact: dangerToLifeOrHealth, is: true }\n            - { fact: requesterEmployer, is: municipal }\n        status: permitted',
    to: '        inForce: { from: 2021-07-01 }\n        when:\n          all:\n            - { fact: dangerToLifeOrHealth, is: true }\n            - { fact: requesterEmployer, is: municipal }\n        status: not-permitted',
    catches: { duty: 'emergency-help-and-sharing-agree', only: true },
  },
];
