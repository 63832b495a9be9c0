/**
 * Scenarios pass: the reviewers' scenario tests (`*.scenarios.yaml`). Each scenario names a
 * declared point (in the file or the scenario), expects only outcomes that point decides, and
 * gives its source as a declared source id or as a sentence. The facts are not checked here:
 * the scenario runner decides them, and refused facts fail the scenario.
 */
import { listOf } from '../../diagnostics.js';
import type { ScenarioModel } from '../../model.js';
import { didYouMean, type CheckContext } from '../context.js';

export function checkScenarios(ctx: CheckContext): void {
  for (const entry of ctx.documents('scenarios')) {
    const rep = ctx.reporter.in(entry);
    const doc = entry.document;
    doc.scenarios.forEach((scenario, index) => {
      const path = ['scenarios', index];
      const pointId = scenario.point ?? doc.point;
      const point = pointId ? ctx.points.get(pointId) : undefined;
      if (!point) {
        rep.report(scenario.point ? [...path, 'point'] : doc.point ? ['point'] : path, {
          code: 'unknown-point',
          args: { point: pointId ?? '(none)' },
          expected: listOf(ctx.points.ids()),
          help: pointId ? didYouMean(pointId, ctx.points.ids()) : 'give the point with `point:` in the file or the scenario',
        });
        return;
      }
      const decided = new Set(point.outcomes.map((o) => o.id));
      const expect: ScenarioModel['expect'] = {};
      for (const [id, expectation] of Object.entries(scenario.expect)) {
        if (!decided.has(id)) {
          rep.report(
            [...path, 'expect', id],
            { code: 'scenario-unknown-outcome', args: { name: scenario.name, id, point: point.id }, help: didYouMean(id, decided) },
            { key: true },
          );
        }
        expect[id] = typeof expectation === 'string' ? { status: expectation } : expectation;
      }
      if (!ctx.sources.has(scenario.source) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(scenario.source)) {
        rep.report([...path, 'source'], {
          code: 'unknown-source',
          args: { id: scenario.source, where: `scenario \`${scenario.name}\`` },
          help: didYouMean(scenario.source, ctx.sources.ids()) ?? 'use a source id, or a sentence',
        });
      }
      ctx.scenarios.push({
        name: scenario.name,
        point: point.id,
        facts: { ...scenario.facts },
        expect,
        source: scenario.source,
        at: rep.at(path),
      });
    });
  }
}
