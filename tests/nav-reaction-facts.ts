/**
 * A NAV office's reaction incident: a threat in person to a municipal employee, the user's third
 * incident after a written warning. The facts the service tests, the packed-package test and the
 * benchmarks decide on (`tests/consumer/host.ts` keeps its own copy: it is copied alone into a
 * fresh project).
 */
export const reactionFacts = {
  organisation: 'nav-office',
  employeeEmployer: 'municipal',
  incidentType: 'threat-in-person',
  channel: 'in-person',
  grave: false,
  priorIncidents: 2,
  writtenWarningGiven: true,
  injury: 'none',
};
