/**
 * `kind: duties` documents → checked duty catalogues. Every reference is resolved with the
 * checker's own tools (passed in by check.ts): points, outcome ids (which must be decided at the
 * point the obligation names), sources, and facts and values in conditions through the same
 * condition checker policies use. Collects all problems; never stops at the first.
 */
import { listOf, closest, type DiagnosticInput } from '../diagnostics.js';
import { locationText } from '../location.js';
import type { LoadedDocument } from '../load/folder.js';
import type { PathSegment } from '../load/parse.js';
import type { ConditionInput, TextInput } from '../schema/documents.js';
import type { DutiesDocument } from '../schema/duties.js';
import type {
  ConditionNode,
  DutyCatalogueModel,
  DutyExpectation,
  DutyModel,
  DutyObligationModel,
  ExpectedStatus,
  Location,
  PointModel,
  Text,
} from '../model.js';

/** The part of check.ts's reporter the duty checker uses. */
export interface DutyReporter {
  at(path: readonly PathSegment[]): Location;
  report<C extends 'unknown-point' | 'unknown-outcome' | 'duty-outcome-not-at-point' | 'duplicate-id'>(
    path: readonly PathSegment[],
    input: DiagnosticInput<C, 'file'>,
  ): void;
}

export interface DutyCheckTools<R extends DutyReporter> {
  reporter(entry: LoadedDocument): R;
  checkText(rep: R, path: readonly PathSegment[], text: TextInput | undefined, what: string): Text;
  checkBasis(rep: R, path: readonly PathSegment[], ids: readonly string[] | undefined, where: string): string[];
  checkCondition(rep: R, where: string, path: readonly PathSegment[], input: ConditionInput): ConditionNode;
  points: ReadonlyMap<string, PointModel>;
  outcomeIds: ReadonlySet<string>;
}

const asList = (value: ExpectedStatus | ExpectedStatus[]): ExpectedStatus[] => (Array.isArray(value) ? [...new Set(value)] : [value]);

const didYouMean = (word: string, candidates: Iterable<string>): string | undefined => {
  const suggestion = closest(word, candidates);
  return suggestion ? `did you mean \`${suggestion}\`?` : undefined;
};

export function checkDuties<R extends DutyReporter>(entries: readonly LoadedDocument[], tools: DutyCheckTools<R>): DutyCatalogueModel[] {
  const catalogues: DutyCatalogueModel[] = [];
  const catalogueIds = new Map<string, Location>();
  const dutyIds = new Map<string, Location>();

  for (const entry of entries) {
    const rep = tools.reporter(entry);
    const doc = entry.document as DutiesDocument;
    const firstCatalogue = catalogueIds.get(doc.catalogue);
    if (firstCatalogue)
      rep.report(['catalogue'], {
        code: 'duplicate-id',
        args: { what: 'duty catalogue', id: doc.catalogue, other: locationText(firstCatalogue) },
      });
    else catalogueIds.set(doc.catalogue, rep.at(['catalogue']));

    const catalogue: DutyCatalogueModel = {
      id: doc.catalogue,
      title: tools.checkText(rep, ['title'], doc.title, `the title of duty catalogue \`${doc.catalogue}\``),
      jurisdiction: doc.jurisdiction,
      scope:
        doc.appliesWhen === undefined
          ? null
          : tools.checkCondition(rep, `the scope of duty catalogue \`${doc.catalogue}\``, ['appliesWhen'], doc.appliesWhen),
      file: entry.file,
      duties: [],
      at: rep.at([]),
    };
    if (doc.description)
      catalogue.description = tools.checkText(
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
        if (!tools.outcomeIds.has(id)) {
          rep.report(path, {
            code: 'unknown-outcome',
            args: { id, where },
            help: didYouMean(id, tools.outcomeIds) ?? 'declare the id in vocabulary.yaml',
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
        const point = tools.points.get(id);
        if (!point)
          rep.report(path, {
            code: 'unknown-point',
            args: { point: id },
            expected: listOf([...tools.points.keys()]),
            help: didYouMean(id, tools.points.keys()),
          });
        return point;
      };

      const obligations: DutyObligationModel[] = [];
      duty.obligations.forEach((obligation, index) => {
        const path: PathSegment[] = [...dutyPath, 'obligations', index];
        if ('coverage' in obligation) {
          const coveragePath = [...path, 'coverage'];
          const cites = tools.checkBasis(rep, [...coveragePath, 'cites'], [obligation.coverage.cites], where)[0];
          if (obligation.coverage.point !== undefined) checkPoint([...coveragePath, 'point'], obligation.coverage.point);
          const model: DutyObligationModel = { kind: 'coverage', cites: cites ?? obligation.coverage.cites, at: rep.at(coveragePath) };
          if (obligation.coverage.point !== undefined) model.point = obligation.coverage.point;
          obligations.push(model);
          return;
        }
        const invariantPath = [...path, 'invariant'];
        const input = obligation.invariant;
        const point = checkPoint([...invariantPath, 'point'], input.point);
        const when = input.when === undefined ? null : tools.checkCondition(rep, where, [...invariantPath, 'when'], input.when);
        const expectPath = [...invariantPath, 'expect'];
        const raw = input.expect;
        let expect: DutyExpectation;
        if ('anyOf' in raw) {
          raw.anyOf.forEach((id, i) => {
            checkOutcome([...expectPath, 'anyOf', i], id, point);
          });
          expect = { kind: 'any-of', outcomes: [...raw.anyOf], statuses: asList(raw.status) };
        } else {
          checkOutcome([...expectPath, 'outcome'], raw.outcome, point);
          if ('status' in raw) expect = { kind: 'status', outcome: raw.outcome, statuses: asList(raw.status) };
          else if ('limit' in raw) expect = { kind: 'limit', outcome: raw.outcome, limit: raw.limit, atMost: raw.atMost };
          else {
            raw.requires.forEach((id, i) => {
              checkOutcome([...expectPath, 'requires', i], id, undefined);
            });
            expect = { kind: 'requires', outcome: raw.outcome, ids: [...raw.requires] };
          }
        }
        obligations.push({ kind: 'invariant', point: input.point, when, expect, at: rep.at(invariantPath) });
      });

      const model: DutyModel = {
        id: duty.id,
        catalogue: doc.catalogue,
        title: tools.checkText(rep, [...dutyPath, 'title'], duty.title, `the title of ${where}`),
        basis: tools.checkBasis(rep, [...dutyPath, 'basis'], duty.basis, where),
        obligations,
        at: rep.at(dutyPath),
      };
      if (duty.description)
        model.description = tools.checkText(rep, [...dutyPath, 'description'], duty.description, `the description of ${where}`);
      catalogue.duties.push(model);
    });
    catalogues.push(catalogue);
  }
  return catalogues;
}
