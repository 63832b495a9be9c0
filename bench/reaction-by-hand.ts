/**
 * Baseline for the benchmark only, not production code: the NAV reaction ladder (the policy
 * `reaction-ladder-nav` of the reaction point) written by hand from the meaning of
 * policies/reaction/ladder.yaml, with default settings (exclusion at most 12 weeks). It returns
 * what the compiled predicates compute: per outcome, in the ladder's order, the status of the
 * first rule that holds and its requirements, leaving out the outcomes the ladder omits. The
 * bench checks it against the policies over the whole reduced domain of the point before
 * timing it.
 */
import type { FactRecord, Status } from '@vot/engine';

export interface HandDecided {
  status: Status;
  requires?: string[];
}

const maxExclusionWeeks = 12;
const permitted: HandDecided = { status: 'permitted' };
const notPermitted: HandDecided = { status: 'not-permitted' };

/** Safeguards of an exclusion: notice unless urgent, the written answer only after a complaint. */
function safeguards(facts: FactRecord): string[] {
  const list: string[] = [];
  if (facts.urgent !== true) list.push('advance-notice-and-right-to-comment');
  list.push('assess-less-intrusive-alternatives', 'assess-exclusion-duration', 'decided-by-office-head', 'archive-copy-of-decision');
  if (facts.complaintReceived === true) list.push('written-answer-to-complaint');
  return list;
}

/** Null when the reaction policy does not apply (not a NAV organisation): every outcome left out. */
export function reactionByHand(facts: FactRecord): HandDecided[] | null {
  if (facts.organisation !== 'nav-office' && facts.organisation !== 'nav-contact-centre') return null;
  const selfHarm = facts.incidentType === 'self-harm-threat';
  const anonymous = facts.anonymousUser === true;
  const section196 =
    (facts.announcedOffence === 'homicide' || facts.announcedOffence === 'other-listed-offence') && facts.offenceMostLikely === true;
  const repeated = typeof facts.priorIncidents === 'number' && facts.priorIncidents >= 1;
  const afterWrittenWarning = repeated && facts.writtenWarningGiven === true;
  const afterOralWarning = repeated && facts.oralWarningGiven === true;
  const graveOrWarnedRepeat = facts.grave === true || afterWrittenWarning || afterOralWarning;
  const tooLong =
    graveOrWarnedRepeat && typeof facts.proposedExclusionWeeks === 'number' && facts.proposedExclusionWeeks > maxExclusionWeeks;

  const exclusion = (holds: boolean): HandDecided =>
    tooLong || !holds ? notPermitted : { status: 'permitted', requires: safeguards(facts) };

  // Asking the user to leave the premises is left out where the user is not on them.
  const askToLeave: HandDecided[] = facts.channel === 'in-person' ? [permitted] : [];
  if (selfHarm) {
    // A threat of self-harm is no offence against staff: the ladder's other steps and the report are left out.
    return [
      ...(anonymous ? [] : [permitted]), // talk-with-user, left out while the user is anonymous
      ...askToLeave,
      notPermitted, // warning-of-exclusion
      notPermitted, // exclusion-physical
      notPermitted, // exclusion-phone
      notPermitted, // exclusion-digital-written
      permitted, // contact-police
      // A listed act announced as most likely is reported under § 196 even then.
      ...(section196 ? [{ status: 'permitted', requires: ['only-necessary-data'] } as HandDecided] : []),
    ];
  }
  // police-report: the leader decides, except where straffeloven § 196 applies (the duty is personal).
  const policeReport: HandDecided = section196
    ? { status: 'permitted', requires: ['only-necessary-data'] }
    : { status: 'permitted', requires: ['decided-by-leader', 'only-necessary-data'] };
  if (anonymous) {
    // Measures aimed at a particular user are left out, not forbidden, while NAV does not know who it is.
    return [
      permitted, // protective-measures-premises
      ...askToLeave,
      notPermitted, // exclusion-digital-written: never
      permitted, // contact-police
      policeReport,
    ];
  }
  return [
    permitted, // talk-with-user
    permitted, // change-caseworker
    permitted, // regulated-appointments
    permitted, // two-employees-in-meeting
    permitted, // protective-measures-premises
    ...askToLeave,
    permitted, // require-written-contact
    permitted, // follow-up-outside-premises
    permitted, // warning-of-exclusion
    exclusion(facts.grave === true || afterWrittenWarning || afterOralWarning), // exclusion-physical
    exclusion(graveOrWarnedRepeat), // exclusion-phone
    notPermitted, // exclusion-digital-written: never
    permitted, // contact-police
    policeReport,
  ];
}
