// Generated from the policy set `vot-policies` by `pnpm --filter @vot/policies generate`. Do not edit by hand.
// The vocabulary is the public contract: a host's compiler checks its facts against these types.

/** Every fact of the vocabulary with its values. */
export interface FactTypes {
  /** Organisation. */
  organisation: 'nav-office' | 'nav-contact-centre' | 'municipal-school' | 'danish-municipality';
  /** The employee's employer. */
  employeeEmployer: 'state' | 'municipal';
  /** Type of incident. */
  incidentType: 'physical-violence' | 'threat-in-person' | 'threat-remote' | 'sexual-harassment-physical' | 'sexual-harassment-verbal' | 'harassment-visible-traits' | 'harassment-other' | 'self-harm-threat';
  /** Channel. */
  channel: 'in-person' | 'phone' | 'chat' | 'email-or-web' | 'home-visit';
  /** Grave incident. */
  grave: boolean;
  /** Earlier incidents by the same user. A whole number from 0 to 1000. */
  priorIncidents: number;
  /** Written warning given. */
  writtenWarningGiven: boolean;
  /** Injury. */
  injury: 'none' | 'minor' | 'serious' | 'death';
  /** A leader is exposed. Default: false. */
  leaderExposed: boolean;
  /** The user is moving to another NAV office. Default: false. */
  userMovingOffice: boolean;
  /** The user has been informed of the measure. Default: false. */
  userInformed: boolean;
  /** Oral warning given. Default: false. */
  oralWarningGiven: boolean;
  /** How the employee was exposed. Default: "direct". */
  exposure: 'direct' | 'indirect';
  /** Measure decided. Default: none. */
  measureDecided: 'talk-with-user' | 'change-caseworker' | 'regulated-appointments' | 'two-employees-in-meeting' | 'protective-measures-premises' | 'ask-to-leave' | 'require-written-contact' | 'follow-up-outside-premises' | 'warning-of-exclusion' | 'exclusion-physical' | 'exclusion-phone' | 'exclusion-digital-written' | 'contact-police' | 'police-report' | null;
  /** Proposed length of exclusion (weeks). A whole number from 1 to 104. Default: none. */
  proposedExclusionWeeks: number | null;
  /** Other units are in contact with the user. Default: false. */
  otherUnitsInContact: boolean;
  /** Anonymous user. Default: false. */
  anonymousUser: boolean;
  /** Outside working hours. Default: false. */
  outsideWorkingHours: boolean;
  /** Work-related. Default: true. */
  workRelated: boolean;
  /** Urgent. Default: false. */
  urgent: boolean;
  /** Complaint received. Default: false. */
  complaintReceived: boolean;
  /** Local agreement on reporting in the municipal system. Default: false. */
  municipalReportingAgreed: boolean;
  /** Police called to remove the person. Default: false. */
  policeCalledToRemove: boolean;
  /** Happened on social media. Default: false. */
  socialMedia: boolean;
  /** Illegal conduct. Default: false. */
  illegal: boolean;
  /** Announced offence. Default: "none". */
  announcedOffence: 'none' | 'homicide' | 'other-listed-offence' | 'other-offence';
  /** The announced act is certain or most likely. Default: false. */
  offenceMostLikely: boolean;
  /** Obvious and imminent danger. Default: false. */
  imminentDanger: boolean;
  /** Days of absence after the day of injury. A whole number from 0 to 1000. Default: 0. */
  absenceDays: number;
  /** A claim for benefits is expected. Default: false. */
  claimExpected: boolean;
  /** A particularly serious case. Default: false. */
  particularlySerious: boolean;
  /** Date of the incident. A date `YYYY-MM-DD`; absent, the date the decision is made for. */
  incidentDate: string;
  /** Employer of the person who wants to share. */
  requesterEmployer: 'state' | 'municipal';
  /** Recipient. */
  recipient: 'same-unit-colleague' | 'other-nav-unit' | 'municipal-colleague-same-office' | 'police' | 'health-service' | 'child-welfare' | 'subcontractor' | 'state-colleague-same-office';
  /** Consent from the user. */
  consent: boolean;
  /** Danger to life or health. */
  dangerToLifeOrHealth: boolean;
  /** Anonymised data would suffice. */
  anonymisedSuffices: boolean;
  /** Kind of data. Default: "personal-details". */
  dataKind: 'personal-details' | 'security-measure' | 'generic' | 'incident-account';
  /** Situation. Default: none. */
  situation: 'public-reception' | 'meeting-room' | 'home-visit' | 'external-meeting' | 'phone-or-digital' | null;
  /** Lone work. Default: false. */
  loneWork: boolean;
  /** Risk level. Default: none. */
  riskLevel: 'high' | 'medium' | 'low' | null;
  /** User contact. Default: true. */
  userContact: boolean;
  /** Risk has changed. Default: false. */
  riskChanged: boolean;
}

/** A fact record: any fact of the vocabulary; a point ignores the facts it does not read. */
export type Facts = { [K in keyof FactTypes]?: FactTypes[K] };

/** The decision points, in the order of the policy set. */
export const points = ['reaction', 'reporting', 'follow-up', 'sharing', 'prevention'] as const;

export type Point = (typeof points)[number];

/** Per point: the fact record it accepts, with the facts it needs and that have no default required. */
export interface PointFacts {
  /** Which reactions towards the user are permitted now, least intrusive first, and on what conditions? */
  reaction: Facts & { organisation: FactTypes['organisation']; incidentType: FactTypes['incidentType']; channel: FactTypes['channel']; grave: FactTypes['grave']; priorIncidents: FactTypes['priorIncidents']; writtenWarningGiven: FactTypes['writtenWarningGiven'] };
  /** Where must this incident be reported, by whom, and who must be notified or see it? */
  reporting: Facts & { organisation: FactTypes['organisation']; employeeEmployer: FactTypes['employeeEmployer']; incidentType: FactTypes['incidentType']; channel: FactTypes['channel']; injury: FactTypes['injury'] };
  /** What follow-up does the exposed employee get (regulation on the performance of work § 23A-5)? */
  'follow-up': Facts & { organisation: FactTypes['organisation']; employeeEmployer: FactTypes['employeeEmployer']; incidentType: FactTypes['incidentType'] };
  /** May this employee share this information about the user with this recipient? */
  sharing: Facts & { organisation: FactTypes['organisation']; requesterEmployer: FactTypes['requesterEmployer']; recipient: FactTypes['recipient']; consent: FactTypes['consent']; dangerToLifeOrHealth: FactTypes['dangerToLifeOrHealth']; anonymisedSuffices: FactTypes['anonymisedSuffices'] };
  /** What must be in place for this unit or situation? */
  prevention: Facts & { organisation: FactTypes['organisation'] };
}

/** Per point: the ids of the outcomes its decisions can contain. */
export interface PointOutcomes {
  reaction: 'dk-never-leave-colleague-alone' | 'dk-call-centre-guard' | 'dk-lock-doors' | 'contact-police' | 'dk-decide-deletion' | 'dk-decide-blocking' | 'dk-block-user' | 'dk-dialogue-with-citizen' | 'talk-with-user' | 'change-caseworker' | 'regulated-appointments' | 'two-employees-in-meeting' | 'protective-measures-premises' | 'ask-to-leave' | 'require-written-contact' | 'follow-up-outside-premises' | 'warning-of-exclusion' | 'exclusion-physical' | 'exclusion-phone' | 'exclusion-digital-written' | 'police-report' | 'avert-offence' | 'contact-emergency-services';
  reporting: 'dk-inform-leadership' | 'dk-secure-evidence' | 'dk-police-report' | 'dk-insubiz-work-injury' | 'dk-offensive-incident-form' | 'dk-report-work-accident' | 'dk-notify-death-aes' | 'dk-inform-board-and-hr' | 'report-hms-municipal' | 'notify-leader' | 'contact-emergency-centre' | 'keep-caller-on-line-until-taken-care-of' | 'report-as-deviation' | 'report-in-asys' | 'report-in-municipal-system' | 'overview-to-state-leader' | 'overview-to-municipal-leader' | 'overview-to-state-safety-rep' | 'overview-to-municipal-safety-rep' | 'notify-hr-coordinator' | 'notify-security-coordinator' | 'notify-management' | 'notify-amu' | 'register-injury' | 'notify-arbeidstilsynet' | 'notify-police' | 'written-confirmation-copy-to-safety-rep' | 'notify-safety-rep' | 'report-occupational-injury-nav' | 'register-security-measure-gosys' | 'inform-user-of-security-measure' | 'transfer-note-security-measures';
  'follow-up': 'leader-follow-up' | 'offer-bht' | 'relief-from-duties' | 'dk-psych-first-aid' | 'dk-leader-follow-up' | 'dk-follow-up-with-amr' | 'dk-offer-anonymous-counselling' | 'dk-evaluate';
  sharing: 'share-personal-data' | 'share-anonymised' | 'share-generic-message';
  prevention: 'dk-local-guideline-med' | 'dk-crisis-plan' | 'dk-no-one-alone-in-service-areas' | 'dk-case-handling-on-social-media' | 'risk-assessment' | 'amg-trains-unit' | 'situational-risk-assessment-routine' | 'situational-risk-assessment' | 'training-violence-and-threats' | 'inform-employees-and-representatives' | 'design-of-premises' | 'maintain-alarms' | 'means-to-call-for-help' | 'staffing-and-lone-work' | 'minimum-physical-security-standard' | 'two-staff-on-home-visits' | 'tell-leader-before-external-meeting';
}

/**
 * Per point and outcome: the statuses its rules can give, strongest first (`required`, `recommended`,
 * `permitted`, `not-permitted`). A policy change that gives an outcome a new status changes this type.
 */
export interface PointOutcomeStatuses {
  reaction: {
    'dk-never-leave-colleague-alone': 'recommended';
    'dk-call-centre-guard': 'permitted';
    'dk-lock-doors': 'permitted';
    'contact-police': 'permitted';
    'dk-decide-deletion': 'required';
    'dk-decide-blocking': 'required';
    'dk-block-user': 'permitted' | 'not-permitted';
    'dk-dialogue-with-citizen': 'required';
    'talk-with-user': 'permitted';
    'change-caseworker': 'permitted';
    'regulated-appointments': 'permitted';
    'two-employees-in-meeting': 'permitted';
    'protective-measures-premises': 'permitted';
    'ask-to-leave': 'permitted';
    'require-written-contact': 'permitted';
    'follow-up-outside-premises': 'permitted';
    'warning-of-exclusion': 'permitted' | 'not-permitted';
    'exclusion-physical': 'permitted' | 'not-permitted';
    'exclusion-phone': 'permitted' | 'not-permitted';
    'exclusion-digital-written': 'not-permitted';
    'police-report': 'permitted';
    'avert-offence': 'required' | 'permitted';
    'contact-emergency-services': 'required' | 'recommended' | 'permitted';
  };
  reporting: {
    'dk-inform-leadership': 'required' | 'recommended';
    'dk-secure-evidence': 'required';
    'dk-police-report': 'required' | 'permitted';
    'dk-insubiz-work-injury': 'required';
    'dk-offensive-incident-form': 'required';
    'dk-report-work-accident': 'required';
    'dk-notify-death-aes': 'required';
    'dk-inform-board-and-hr': 'required';
    'report-hms-municipal': 'required' | 'recommended';
    'notify-leader': 'required' | 'recommended';
    'contact-emergency-centre': 'required';
    'keep-caller-on-line-until-taken-care-of': 'required';
    'report-as-deviation': 'required' | 'recommended';
    'report-in-asys': 'required' | 'recommended' | 'permitted';
    'report-in-municipal-system': 'required' | 'recommended' | 'permitted';
    'overview-to-state-leader': 'required' | 'recommended';
    'overview-to-municipal-leader': 'required' | 'recommended';
    'overview-to-state-safety-rep': 'required' | 'recommended';
    'overview-to-municipal-safety-rep': 'required' | 'recommended';
    'notify-hr-coordinator': 'required' | 'recommended';
    'notify-security-coordinator': 'required';
    'notify-management': 'required' | 'recommended';
    'notify-amu': 'required' | 'recommended';
    'register-injury': 'required';
    'notify-arbeidstilsynet': 'required';
    'notify-police': 'required';
    'written-confirmation-copy-to-safety-rep': 'required';
    'notify-safety-rep': 'required';
    'report-occupational-injury-nav': 'required';
    'register-security-measure-gosys': 'required' | 'permitted' | 'not-permitted';
    'inform-user-of-security-measure': 'required';
    'transfer-note-security-measures': 'required';
  };
  'follow-up': {
    'leader-follow-up': 'required' | 'recommended';
    'offer-bht': 'permitted';
    'relief-from-duties': 'permitted';
    'dk-psych-first-aid': 'required' | 'permitted';
    'dk-leader-follow-up': 'required';
    'dk-follow-up-with-amr': 'required' | 'permitted';
    'dk-offer-anonymous-counselling': 'permitted';
    'dk-evaluate': 'required';
  };
  sharing: {
    'share-personal-data': 'permitted' | 'not-permitted';
    'share-anonymised': 'permitted';
    'share-generic-message': 'permitted';
  };
  prevention: {
    'dk-local-guideline-med': 'required';
    'dk-crisis-plan': 'required' | 'permitted';
    'dk-no-one-alone-in-service-areas': 'recommended';
    'dk-case-handling-on-social-media': 'not-permitted';
    'risk-assessment': 'required';
    'amg-trains-unit': 'recommended';
    'situational-risk-assessment-routine': 'required';
    'situational-risk-assessment': 'required' | 'recommended';
    'training-violence-and-threats': 'required' | 'permitted';
    'inform-employees-and-representatives': 'required';
    'design-of-premises': 'required';
    'maintain-alarms': 'required';
    'means-to-call-for-help': 'required';
    'staffing-and-lone-work': 'required';
    'minimum-physical-security-standard': 'required';
    'two-staff-on-home-visits': 'permitted';
    'tell-leader-before-external-meeting': 'permitted';
  };
}

export type FactsOf<P extends Point> = PointFacts[P];
export type OutcomeOf<P extends Point> = PointOutcomes[P];
/** The statuses outcome `O` can have at point `P`. */
export type StatusOf<P extends Point, O extends OutcomeOf<P>> = O extends keyof PointOutcomeStatuses[P] ? PointOutcomeStatuses[P][O] : never;
/** Every outcome id of the vocabulary (outcomes and the requirements listed in `requires`). */
export type OutcomeId = 'talk-with-user' | 'change-caseworker' | 'regulated-appointments' | 'two-employees-in-meeting' | 'protective-measures-premises' | 'ask-to-leave' | 'require-written-contact' | 'follow-up-outside-premises' | 'warning-of-exclusion' | 'exclusion-physical' | 'exclusion-phone' | 'exclusion-digital-written' | 'contact-police' | 'police-report' | 'avert-offence' | 'contact-emergency-services' | 'advance-notice-and-right-to-comment' | 'assess-less-intrusive-alternatives' | 'assess-exclusion-duration' | 'decided-by-office-head' | 'archive-copy-of-decision' | 'written-answer-to-complaint' | 'only-necessary-data' | 'decided-by-leader' | 'consent-informed-and-voluntary' | 'no-user-data-without-sharing-basis' | 'report-as-deviation' | 'report-in-asys' | 'report-in-municipal-system' | 'report-hms-municipal' | 'register-security-measure-gosys' | 'inform-user-of-security-measure' | 'transfer-note-security-measures' | 'register-injury' | 'report-occupational-injury-nav' | 'written-confirmation-copy-to-safety-rep' | 'notify-leader' | 'notify-safety-rep' | 'notify-hr-coordinator' | 'notify-security-coordinator' | 'notify-arbeidstilsynet' | 'notify-police' | 'notify-management' | 'notify-amu' | 'overview-to-state-leader' | 'overview-to-municipal-leader' | 'overview-to-state-safety-rep' | 'overview-to-municipal-safety-rep' | 'contact-emergency-centre' | 'keep-caller-on-line-until-taken-care-of' | 'leader-follow-up' | 'offer-bht' | 'relief-from-duties' | 'share-personal-data' | 'share-anonymised' | 'share-generic-message' | 'risk-assessment' | 'situational-risk-assessment' | 'situational-risk-assessment-routine' | 'training-violence-and-threats' | 'inform-employees-and-representatives' | 'design-of-premises' | 'maintain-alarms' | 'means-to-call-for-help' | 'staffing-and-lone-work' | 'minimum-physical-security-standard' | 'two-staff-on-home-visits' | 'tell-leader-before-external-meeting' | 'amg-trains-unit' | 'dk-police-report' | 'dk-insubiz-work-injury' | 'dk-report-work-accident' | 'dk-notify-death-aes' | 'dk-offensive-incident-form' | 'dk-inform-board-and-hr' | 'dk-inform-leadership' | 'dk-secure-evidence' | 'dk-decide-deletion' | 'dk-decide-blocking' | 'dk-block-user' | 'dk-dialogue-with-citizen' | 'dk-psych-first-aid' | 'dk-leader-follow-up' | 'dk-follow-up-with-amr' | 'dk-evaluate' | 'dk-offer-anonymous-counselling' | 'dk-never-leave-colleague-alone' | 'dk-call-centre-guard' | 'dk-lock-doors' | 'dk-local-guideline-med' | 'dk-crisis-plan' | 'dk-no-one-alone-in-service-areas' | 'dk-case-handling-on-social-media' | 'dk-signed-by-director-and-mayor' | 'dk-filed-by-leader-or-amr' | 'dk-decided-by-local-leader-or-centre-head' | 'dk-staff-and-hr-informed' | 'dk-via-leader';
