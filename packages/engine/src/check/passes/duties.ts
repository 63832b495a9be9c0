/**
 * Duties pass: the catalogues of legal duties (`kind: duties`), the regulation gate's input
 * (analyze/gate.ts, analyze/agree.ts). Catalogue and duty ids are unique across catalogues;
 * every point, outcome id and source is declared, and an outcome an obligation expects is
 * decided at the point it names; conditions are checked as the policies' are
 * (check/conditions.ts), without named conditions; a fact two agreeing points fix with `with`
 * is declared, its value in its domain, and read by that point (a warning otherwise); every
 * text has each language of the set; a duty's window (`inForce`) is a real window of dates,
 * and the gate checks the duty only in the periods inside it.
 */
import { listOf } from '../../diagnostics.js';
import type { PathSegment } from '../../load/parse.js';
import type { AgreeSideInput } from '../../schema/duties.js';
import type {
  AgreeSideModel,
  DutyCatalogueModel,
  DutyExpectation,
  DutyModel,
  DutyObligationModel,
  ExpectedStatus,
  FactValue,
  Location,
  PointModel,
} from '../../model.js';
import { statusesAtLeast, type LiveStatus } from '../../status.js';
import { checkCondition, checkFixedFact, type ConditionScope } from '../conditions.js';
import { didYouMean, locationText, type CheckContext } from '../context.js';
import { checkText } from '../texts.js';
import { checkWindow } from '../windows.js';
import { checkBasis } from './sources.js';

const asList = (value: ExpectedStatus | ExpectedStatus[]): ExpectedStatus[] => (Array.isArray(value) ? [...new Set(value)] : [value]);

/** The statuses an expectation accepts, from `status: …` or `atLeast: …` as the reviewer wrote it. */
function statusesOf(raw: { status: ExpectedStatus | ExpectedStatus[] } | { atLeast: LiveStatus }): {
  statuses: ExpectedStatus[];
  atLeast?: LiveStatus;
} {
  return 'atLeast' in raw ? { statuses: statusesAtLeast(raw.atLeast), atLeast: raw.atLeast } : { statuses: asList(raw.status) };
}

export function checkDutyCatalogues(ctx: CheckContext): void {
  const catalogueIds = new Map<string, Location>();
  const dutyIds = new Map<string, Location>();
  const noNamedConditions = new Map<string, unknown>();

  for (const entry of ctx.documents('duties')) {
    const rep = ctx.reporter.in(entry);
    const doc = entry.document;
    const scope = (where: string): ConditionScope => ({ rep, where, policy: 'duties', named: noNamedConditions });
    const firstCatalogue = catalogueIds.get(doc.catalogue);
    if (firstCatalogue)
      rep.report(['catalogue'], {
        code: 'duplicate-id',
        args: { what: 'duty catalogue', id: doc.catalogue, other: locationText(firstCatalogue) },
      });
    else catalogueIds.set(doc.catalogue, rep.at(['catalogue']));

    const catalogue: DutyCatalogueModel = {
      id: doc.catalogue,
      title: checkText(ctx, rep, ['title'], doc.title, `the title of duty catalogue \`${doc.catalogue}\``),
      jurisdiction: doc.jurisdiction,
      scope:
        doc.appliesWhen === undefined
          ? null
          : checkCondition(ctx, scope(`the scope of duty catalogue \`${doc.catalogue}\``), ['appliesWhen'], doc.appliesWhen),
      file: entry.file,
      duties: [],
      at: rep.at([]),
    };
    if (doc.description)
      catalogue.description = checkText(
        ctx,
        rep,
        ['description'],
        doc.description,
        `the description of duty catalogue \`${doc.catalogue}\``,
      );

    doc.duties.forEach((duty, dutyIndex) => {
      const dutyPath: PathSegment[] = ['duties', dutyIndex];
      const where = `duty \`${duty.id}\``;
      const firstDuty = dutyIds.get(duty.id);
      if (firstDuty)
        rep.report([...dutyPath, 'id'], { code: 'duplicate-id', args: { what: 'duty', id: duty.id, other: locationText(firstDuty) } });
      else dutyIds.set(duty.id, rep.at([...dutyPath, 'id']));

      /** Checks that an outcome id exists and is decided at the point. */
      const checkOutcome = (path: readonly PathSegment[], id: string, point: PointModel | undefined): void => {
        if (!ctx.outcomes.has(id)) {
          rep.report(path, {
            code: 'unknown-outcome',
            args: { id, where },
            help: didYouMean(id, ctx.outcomes.ids()) ?? 'declare the id in vocabulary.yaml',
          });
          return;
        }
        if (point && !point.outcomes.some((o) => o.id === id)) {
          const decided = [...new Set(point.outcomes.map((o) => o.id))];
          rep.report(path, {
            code: 'duty-outcome-not-at-point',
            args: { id, point: point.id, where },
            expected: listOf(decided),
            help: didYouMean(id, decided),
          });
        }
      };
      const checkPoint = (path: readonly PathSegment[], id: string): PointModel | undefined => {
        const point = ctx.points.get(id);
        if (!point)
          rep.report(path, {
            code: 'unknown-point',
            args: { point: id },
            expected: listOf(ctx.points.ids()),
            help: didYouMean(id, ctx.points.ids()),
          });
        return point;
      };

      const checkRequires = (path: readonly PathSegment[], ids: readonly string[]): void => {
        ids.forEach((id, i) => {
          checkOutcome([...path, i], id, undefined);
        });
      };

      /** One side of two points that agree: its point and outcome, the facts it fixes, what it expects. */
      const checkSide = (path: readonly PathSegment[], raw: AgreeSideInput): AgreeSideModel => {
        const point = checkPoint([...path, 'point'], raw.point);
        checkOutcome([...path, 'outcome'], raw.outcome, point);
        const fixed: Record<string, FactValue> = {};
        for (const [factName, value] of Object.entries(raw.with ?? {})) {
          const checked = checkFixedFact(ctx, { rep, where }, [...path, 'with', factName], factName, value);
          if (!checked) continue;
          fixed[checked.fact.id] = checked.value;
          if (point && !point.reads.includes(checked.fact.id))
            rep.report(
              [...path, 'with', factName],
              { code: 'agree-fact-not-read', args: { where, fact: factName, point: point.id } },
              { key: true },
            );
        }
        const expect: DutyExpectation[] = [];
        if ('status' in raw || 'atLeast' in raw) expect.push({ kind: 'status', outcome: raw.outcome, ...statusesOf(raw) });
        if ('requires' in raw && raw.requires) {
          checkRequires([...path, 'requires'], raw.requires);
          expect.push({ kind: 'requires', outcome: raw.outcome, ids: [...raw.requires] });
        }
        return { point: raw.point, with: fixed, outcome: raw.outcome, expect };
      };

      const obligations: DutyObligationModel[] = [];
      duty.obligations.forEach((obligation, index) => {
        const path: PathSegment[] = [...dutyPath, 'obligations', index];
        if ('coverage' in obligation) {
          const coveragePath = [...path, 'coverage'];
          const cites = checkBasis(ctx, rep, [...coveragePath, 'cites'], [obligation.coverage.cites], where)[0];
          if (obligation.coverage.point !== undefined) checkPoint([...coveragePath, 'point'], obligation.coverage.point);
          const model: DutyObligationModel = { kind: 'coverage', cites: cites ?? obligation.coverage.cites, at: rep.at(coveragePath) };
          if (obligation.coverage.point !== undefined) model.point = obligation.coverage.point;
          obligations.push(model);
          return;
        }
        if ('agree' in obligation) {
          const agreePath = [...path, 'agree'];
          const input = obligation.agree;
          obligations.push({
            kind: 'agree',
            when: input.when === undefined ? null : checkCondition(ctx, scope(where), [...agreePath, 'when'], input.when),
            premise: checkSide([...agreePath, 'if'], input.if),
            conclusion: checkSide([...agreePath, 'then'], input.then),
            at: rep.at(agreePath),
          });
          return;
        }
        const invariantPath = [...path, 'invariant'];
        const input = obligation.invariant;
        const point = checkPoint([...invariantPath, 'point'], input.point);
        const when = input.when === undefined ? null : checkCondition(ctx, scope(where), [...invariantPath, 'when'], input.when);
        const expectPath = [...invariantPath, 'expect'];
        const raw = input.expect;
        let expect: DutyExpectation;
        if ('anyOf' in raw) {
          raw.anyOf.forEach((id, i) => {
            checkOutcome([...expectPath, 'anyOf', i], id, point);
          });
          expect = { kind: 'any-of', outcomes: [...raw.anyOf], ...statusesOf(raw) };
        } else {
          checkOutcome([...expectPath, 'outcome'], raw.outcome, point);
          if ('status' in raw || 'atLeast' in raw) expect = { kind: 'status', outcome: raw.outcome, ...statusesOf(raw) };
          else if ('limit' in raw) expect = { kind: 'limit', outcome: raw.outcome, limit: raw.limit, atMost: raw.atMost };
          else {
            checkRequires([...expectPath, 'requires'], raw.requires);
            expect = { kind: 'requires', outcome: raw.outcome, ids: [...raw.requires] };
          }
        }
        obligations.push({ kind: 'invariant', point: input.point, when, expect, at: rep.at(invariantPath) });
      });

      const model: DutyModel = {
        id: duty.id,
        catalogue: doc.catalogue,
        title: checkText(ctx, rep, [...dutyPath, 'title'], duty.title, `the title of ${where}`),
        basis: checkBasis(ctx, rep, [...dutyPath, 'basis'], duty.basis, where),
        obligations,
        at: rep.at(dutyPath),
      };
      if (duty.description)
        model.description = checkText(ctx, rep, [...dutyPath, 'description'], duty.description, `the description of ${where}`);
      const window = checkWindow(rep, [...dutyPath, 'inForce'], duty.inForce, where);
      if (window) model.inForce = window;
      catalogue.duties.push(model);
    });
    ctx.duties.push(catalogue);
  }
}
