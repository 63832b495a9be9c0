/**
 * Time pass: the rules' windows against their sources and against one another. A rule is never
 * in force on a day when none of the sources it cites is (`rule-outside-sources`); two versions
 * of a rule (rules of one outcome sharing an `id`) are never in force on the same day
 * (`overlapping-versions`); an outcome decided before and after a day has a rule in force on that
 * day too (`window-gap`). Last, each point's covered dates are worked out: a decision for a day
 * before the earliest (or after the latest) rule of the point is refused, never left empty.
 */
import type { PathSegment } from '../../load/parse.js';
import { locationText } from '../../location.js';
import type { PointModel, RuleModel } from '../../model.js';
import { always, gaps, intersect, isEmpty, uncovered, type Window } from '../../time/windows.js';
import { outcomeRules } from '../../walk.js';
import type { CheckContext, DocumentReporter } from '../context.js';
import { daysText } from '../windows.js';

export function checkTime(ctx: CheckContext): void {
  for (const point of ctx.points.values()) {
    for (const outcome of point.outcomes) {
      const rep = ctx.policyReporters.get(outcome.policy);
      if (!rep) continue;
      const rules = outcomeRules(outcome);
      for (const rule of rules) checkRuleSources(ctx, rep, rule);
      checkVersions(rep, rules);
      for (const gap of gaps(rules.map((rule) => rule.inForce ?? always)))
        rep.report([...outcomePath(rep, outcome.id), 'id'], {
          code: 'window-gap',
          args: { outcome: outcome.id, point: point.id, days: daysText(gap) },
        });
    }
    const covers = coveredDates(point);
    if (covers) point.covers = covers;
  }
}

/** Where an outcome is written in its policy document. */
function outcomePath(rep: DocumentReporter, outcome: string): PathSegment[] {
  const document = rep.entry.kind === 'policy' ? rep.entry.document : undefined;
  return ['outcomes', Math.max(0, document?.outcomes.findIndex((o) => o.id === outcome) ?? 0)];
}

/** Where a rule's window is written (the rule itself when it takes its policy's window). */
function windowPath(rep: DocumentReporter, rule: RuleModel): PathSegment[] {
  const index = rule.key.slice(rule.key.lastIndexOf('#') + 1);
  const path: PathSegment[] = [
    ...outcomePath(rep, rule.outcome),
    ...(index === 'otherwise' ? ['otherwise'] : ['rules', Number(index) - 1]),
  ];
  const written = rep.entry.parsed.locate([...path, 'inForce']);
  return written ? [...path, 'inForce'] : path;
}

function checkRuleSources(ctx: CheckContext, rep: DocumentReporter, rule: RuleModel): void {
  if (rule.basis.length === 0) return;
  const sources = rule.basis.map((id) => ctx.sources.get(id)?.inForce ?? always);
  const holes = uncovered(rule.inForce ?? always, sources);
  if (holes.length === 0) return;
  rep.report(windowPath(rep, rule), {
    code: 'rule-outside-sources',
    args: { rule: rule.id ?? rule.key, outcome: rule.outcome, days: holes.map(daysText).join(' and ') },
  });
}

function checkVersions(rep: DocumentReporter, rules: readonly RuleModel[]): void {
  rules.forEach((rule, index) => {
    if (rule.id === undefined) return;
    const earlier = rules.slice(0, index).find((other) => other.id === rule.id && intersect(other.inForce, rule.inForce));
    if (!earlier) return;
    rep.report(windowPath(rep, rule), {
      code: 'overlapping-versions',
      args: {
        rule: rule.id,
        outcome: rule.outcome,
        days: daysText(intersect(earlier.inForce, rule.inForce) ?? always),
        other: locationText(earlier.at),
      },
    });
  });
}

/** From the earliest day any rule of the point is in force to the latest; undefined when both ends are open. */
function coveredDates(point: PointModel): Window | undefined {
  const windows = point.outcomes
    .flatMap((outcome) => outcomeRules(outcome).map((rule) => rule.inForce ?? always))
    .filter((window) => !isEmpty(window));
  if (windows.length === 0) return undefined;
  const covers: Window = {};
  if (windows.every((w) => w.from !== undefined)) covers.from = windows.map((w) => w.from!).sort()[0]!;
  if (windows.every((w) => w.until !== undefined))
    covers.until = windows
      .map((w) => w.until!)
      .sort()
      .at(-1)!;
  return covers.from === undefined && covers.until === undefined ? undefined : covers;
}
