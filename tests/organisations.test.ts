/**
 * Organisation packs over the bundled policies: for any incident of one organisation, at every
 * decision point, the decision contains only that organisation's rules. Ishøj gets Danish
 * reasons and Danish sources only; a Norwegian organisation never gets a Danish outcome or
 * source; a school never gets NAV's systems; the Bergen overrides decide in the shared place.
 * Property tests over random valid incidents (every vocabulary fact drawn from its domain).
 */
import type { Decision, FactModel, FactValue, PolicySet } from '@vot/engine';
import { compilePredicate } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookMarkdown } from '@vot/cli';

let policies: PolicySet;
let jurisdictionOf: Map<string, string | undefined>;
beforeAll(async () => {
  policies = await loadPolicies();
  jurisdictionOf = new Map(policies.model.sources.map((s) => [s.id, s.jurisdiction]));
});

/**
 * A valid value of a fact, or absence where the fact has a default. Incident dates are from 2022 on:
 * these tests are about the packs as they stand (tests/law-in-time.test.ts decides earlier dates).
 */
function validValue(fact: FactModel): fc.Arbitrary<FactValue | undefined> {
  const base: fc.Arbitrary<FactValue> =
    fact.type === 'boolean'
      ? fc.boolean()
      : fact.type === 'integer'
        ? fc.integer({ min: fact.min!, max: Math.min(fact.max!, 30) })
        : fact.type === 'date'
          ? fc
              .date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10))
          : fc.constantFrom(...fact.values!);
  return fact.hasDefault ? fc.option(base, { nil: undefined }) : base;
}

/** A whole incident record of one organisation. */
function incidentOf(organisation: string): fc.Arbitrary<Record<string, FactValue>> {
  const facts = policies.model.facts.filter((fact) => fact.id !== 'organisation');
  return fc
    .tuple(...facts.map((fact) => validValue(fact).map((value) => [fact.id, value] as const)))
    .map(
      (pairs) => ({ organisation, ...Object.fromEntries(pairs.filter(([, value]) => value !== undefined)) }) as Record<string, FactValue>,
    );
}

const decideAll = (facts: Record<string, FactValue>): Decision[] => policies.points.map((point) => policies.decideSync(point, facts));
const runs = { numRuns: 150 };
/** The incident types the policies count as violence and threats of violence (regulation 23A). */
const violenceOrThreat = ['physical-violence', 'threat-in-person', 'threat-remote', 'sexual-harassment-physical'];

describe('organisation packs', () => {
  it('Ishøj: Danish reasons, Danish sources and Danish outcome ids only, at every point', () => {
    let seen = 0;
    fc.assert(
      fc.property(incidentOf('danish-municipality'), (facts) => {
        for (const decision of decideAll(facts)) {
          for (const outcome of decision.outcomes) {
            seen++;
            expect(outcome.id.startsWith('dk-') || outcome.id === 'contact-police', outcome.id).toBe(true);
            expect(outcome.reason.da && outcome.reason.nb && outcome.reason.en, outcome.id).toBeTruthy();
            if (outcome.status !== 'not-permitted') expect(outcome.basis.length, outcome.id).toBeGreaterThan(0);
            for (const source of outcome.basis) expect(jurisdictionOf.get(source.id), `${outcome.id} cites ${source.id}`).toBe('DK');
          }
        }
      }),
      runs,
    );
    expect(seen).toBeGreaterThan(150);
  });

  it('Norwegian organisations never get a Danish outcome or a Danish source', () => {
    fc.assert(
      fc.property(fc.constantFrom('nav-office', 'nav-contact-centre', 'municipal-school').chain(incidentOf), (facts) => {
        for (const decision of decideAll(facts)) {
          for (const outcome of decision.outcomes) {
            expect(outcome.id.startsWith('dk-'), outcome.id).toBe(false);
            for (const source of outcome.basis) expect(jurisdictionOf.get(source.id), `${outcome.id} cites ${source.id}`).not.toBe('DK');
          }
        }
      }),
      runs,
    );
  });

  it('a school reports in the municipal HSE system (a duty for violence and threats, recommended otherwise) and never in ASYS or Gosys', () => {
    const navSystems = [
      'report-in-asys',
      'report-as-deviation',
      'report-in-municipal-system',
      'register-security-measure-gosys',
      'transfer-note-security-measures',
    ];
    fc.assert(
      fc.property(incidentOf('municipal-school'), (facts) => {
        const reporting = policies.decideSync('reporting', facts);
        expect(reporting.outcomes.find((o) => o.id === 'report-hms-municipal')?.status).toBe(
          violenceOrThreat.includes(String(facts.incidentType)) ? 'required' : 'recommended',
        );
        expect(reporting.outcomes.filter((o) => navSystems.includes(o.id))).toEqual([]);
        // No reaction towards a pupil; only everyone's duties under the Penal Code.
        const reactions = policies.decideSync('reaction', facts).outcomes.map((o) => o.id);
        expect(reactions.filter((id) => id !== 'avert-offence' && id !== 'contact-emergency-services')).toEqual([]);
      }),
      runs,
    );
  });

  it('the Bergen overrides decide the shared follow-up and risk assessment in their place; NAV keeps the shared rules', () => {
    fc.assert(
      fc.property(fc.constantFrom('nav-office', 'nav-contact-centre', 'municipal-school').chain(incidentOf), (facts) => {
        const school = facts.organisation === 'municipal-school';
        const followUp = policies.decideSync('follow-up', facts);
        const leader = followUp.outcomes.find((o) => o.id === 'leader-follow-up')!;
        // Regulation 23A-5 covers violence and threats; after harassment the follow-up is recommended.
        expect(leader.status).toBe(violenceOrThreat.includes(String(facts.incidentType)) ? 'required' : 'recommended');
        expect(followUp.outcomes[0]!.id).toBe('leader-follow-up');
        expect(followUp.trace.steps[0]!.rule.startsWith(school ? 'school-follow-up-bergen/' : 'employee-follow-up/')).toBe(true);
        expect(leader.basis.some((b) => b.id === 'bergen-bbsi-follow-up')).toBe(school);
        const prevention = policies.decideSync('prevention', facts);
        const risk = prevention.trace.steps.find((s) => s.outcome === 'risk-assessment')!;
        expect(risk.rule.startsWith(school ? 'school-prevention-bergen/' : 'regulation-23a/')).toBe(true);
        // The overridden outcome keeps the shared position: first of the 23A outcomes.
        const ids = prevention.outcomes.map((o) => o.id);
        const shared = [
          'risk-assessment',
          'situational-risk-assessment-routine',
          'situational-risk-assessment',
          'training-violence-and-threats',
        ];
        const present = shared.filter((id) => ids.includes(id));
        const first = ids.indexOf('risk-assessment');
        expect(ids.slice(first, first + present.length)).toEqual(present);
      }),
      runs,
    );
  });

  it('the policy book says which shared policy an organisation policy overrides', () => {
    const book = bookMarkdown(policies.model, 'en');
    const section = book.slice(book.indexOf('Follow-up of employees in schools and kindergartens'));
    expect(section.slice(0, 600)).toContain('Replaces the outcomes it shares with `employee-follow-up` where this policy applies.');
    expect(book.match(/Replaces the outcomes it shares with/g)).toHaveLength(2);
  });

  it('duty catalogues bind only the organisations of their jurisdiction: 23A the Norwegian ones, Ishøj the Danish one', () => {
    const organisations = policies.model.facts.find((fact) => fact.id === 'organisation')!.values!;
    const jurisdictionOfOrganisation = (organisation: string) => (organisation === 'danish-municipality' ? 'DK' : 'NO');
    const bound = new Map<string, string[]>();
    for (const catalogue of policies.model.duties) {
      const applies = catalogue.scope ? compilePredicate(catalogue.scope, new Map()) : () => true;
      const covered = organisations.filter((organisation) => applies({ organisation }));
      bound.set(catalogue.id, covered);
      for (const organisation of covered)
        expect(jurisdictionOfOrganisation(organisation), `${catalogue.id} binds ${organisation}`).toBe(catalogue.jurisdiction);
    }
    expect(bound.get('regulation-23a')).toEqual(['nav-office', 'nav-contact-centre', 'municipal-school']);
    expect(bound.get('ishoj')).toEqual(['danish-municipality']);
  });
});
