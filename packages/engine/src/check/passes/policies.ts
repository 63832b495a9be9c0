/**
 * Policies pass: each `kind: policy` document → its policy model, added to its decision point.
 * The point, every outcome id and requirement, every track and every basis must be declared;
 * the scope and each rule's condition are checked as conditions (check/conditions.ts); a rule
 * that can make an outcome required or permitted must cite a basis; limits taken from settings
 * and reasons' placeholders are filled with the settings in force; a rule below one that always
 * holds is unreachable. A rule's window (`inForce`, within its policy's) is added to its condition
 * (check/windows.ts); rules sharing an `id` are versions of one rule and must each have a window
 * (the time pass checks that they do not overlap). Last, each point's facts read and required
 * facts are worked out.
 */
import { listOf } from '../../diagnostics.js';
import type { PathSegment } from '../../load/parse.js';
import type { ConditionNode, PointOutcomeModel, PolicyModel, RequirementModel, RuleModel } from '../../model.js';
import type { ConditionInput, TextInput } from '../../schema/documents.js';
import { isLive } from '../../status.js';
import { factsRead, pointConditions } from '../../walk.js';
import { checkCondition, numberFrom, type ConditionScope } from '../conditions.js';
import { didYouMean, type CheckContext } from '../context.js';
import { checkText, fillText } from '../texts.js';
import { bothConditions, checkWindow, never, windowCondition } from '../windows.js';
import { checkBasis } from './sources.js';
import { intersect, type Window } from '../../time/windows.js';

/** A rule as written: one of `rules`, or the `otherwise` block. */
interface RuleInput {
  id?: string;
  when?: ConditionInput;
  status: RuleModel['status'];
  requires?: Array<string | { id: string; when?: ConditionInput; unless?: ConditionInput }>;
  limits?: Record<string, number | { setting: string }>;
  basis?: string[];
  inForce?: { from?: string; until?: string };
  reason: TextInput;
  note?: TextInput;
}

export function checkPolicies(ctx: CheckContext): void {
  /** Rule ids by `<policy>/<outcome>/<id>`: unique within an outcome of a policy, unless each version has a window. */
  const ruleIds = new Map<string, boolean>();

  for (const entry of ctx.documents('policy')) {
    const rep = ctx.reporter.in(entry);
    const doc = entry.document;
    const point = ctx.points.get(doc.point);
    if (!point) {
      rep.report(['point'], {
        code: 'unknown-point',
        args: { point: doc.point },
        expected: listOf(ctx.points.ids()),
        help: didYouMean(doc.point, ctx.points.ids()) ?? 'declare the point in policy-set.yaml',
      });
    }
    const named = new Map(Object.entries(doc.conditions ?? {}));
    const scope = (where: string): ConditionScope => ({ rep, where, policy: doc.policy, named });
    const policy: PolicyModel = {
      id: doc.policy,
      point: doc.point,
      title: checkText(ctx, rep, ['title'], doc.title, `the title of policy \`${doc.policy}\``),
      ordering: doc.ordering ?? 'as-listed',
      scope: doc.appliesWhen ? checkCondition(ctx, scope(`the scope of policy \`${doc.policy}\``), ['appliesWhen'], doc.appliesWhen) : null,
      scopeKey: `${doc.policy}/scope`,
      ...(doc.overrides !== undefined ? { overrides: doc.overrides } : {}),
      tracks: [],
      conditions: ctx.namedConditions.get(entry) ?? [],
      file: entry.file,
      at: rep.at([]),
    };
    if (doc.description)
      policy.description = checkText(ctx, rep, ['description'], doc.description, `the description of policy \`${doc.policy}\``);
    if (doc.note) policy.note = checkText(ctx, rep, ['note'], doc.note, `the note of policy \`${doc.policy}\``);
    const policyWindow = checkWindow(rep, ['inForce'], doc.inForce, `policy \`${doc.policy}\``);
    if (policyWindow) policy.inForce = policyWindow;
    ctx.policies.add(rep, ['policy'], doc.policy, policy);
    if (!ctx.policyReporters.has(doc.policy)) ctx.policyReporters.set(doc.policy, rep);

    const trackIds = new Set<string>();
    (doc.tracks ?? []).forEach((track, index) => {
      if (trackIds.has(track.id))
        rep.report(['tracks', index, 'id'], { code: 'duplicate-id', args: { what: 'track', id: track.id, other: 'this document' } });
      trackIds.add(track.id);
      const model: PolicyModel['tracks'][number] = {
        id: track.id,
        title: checkText(ctx, rep, ['tracks', index, 'title'], track.title, `the title of track \`${track.id}\``),
      };
      if (track.description)
        model.description = checkText(
          ctx,
          rep,
          ['tracks', index, 'description'],
          track.description,
          `the description of track \`${track.id}\``,
        );
      policy.tracks.push(model);
    });

    const localOutcomes = new Set<string>();
    doc.outcomes.forEach((outcome, outcomeIndex) => {
      const outcomePath: PathSegment[] = ['outcomes', outcomeIndex];
      if (!ctx.outcomes.has(outcome.id)) {
        rep.report([...outcomePath, 'id'], {
          code: 'unknown-outcome',
          args: { id: outcome.id, where: `policy \`${doc.policy}\`` },
          help: didYouMean(outcome.id, ctx.outcomes.ids()) ?? 'declare the outcome id in vocabulary.yaml',
        });
      }
      if (localOutcomes.has(outcome.id)) {
        rep.report([...outcomePath, 'id'], { code: 'duplicate-id', args: { what: 'outcome', id: outcome.id, other: 'this document' } });
      }
      localOutcomes.add(outcome.id);
      if (outcome.track !== undefined && !trackIds.has(outcome.track)) {
        rep.report([...outcomePath, 'track'], {
          code: 'unknown-track',
          args: { track: outcome.track, outcome: outcome.id },
          expected: trackIds.size ? listOf([...trackIds]) : 'a track declared under `tracks:`',
          help: didYouMean(outcome.track, trackIds),
        });
      }
      const outcomeBasis = checkBasis(ctx, rep, [...outcomePath, 'basis'], outcome.basis, `outcome \`${outcome.id}\``);
      const outcomeWindow = checkWindow(rep, [...outcomePath, 'inForce'], outcome.inForce, `outcome \`${outcome.id}\``);
      // The window every rule of the outcome lies in: the outcome's within the policy's.
      const sharedWindow: Window | undefined =
        outcomeWindow && policyWindow ? (intersect(outcomeWindow, policyWindow) ?? never) : (outcomeWindow ?? policyWindow);
      const sharedPath: PathSegment[] = outcome.inForce !== undefined ? [...outcomePath, 'inForce'] : ['inForce'];
      const buildRule = (rulePath: PathSegment[], key: string, input: RuleInput): RuleModel => {
        const where = `outcome \`${outcome.id}\``;
        const ruleBasis = checkBasis(ctx, rep, [...rulePath, 'basis'], input.basis, where);
        const basis = [...outcomeBasis, ...ruleBasis.filter((id) => !outcomeBasis.includes(id))];
        // A basis that only names unknown sources is reported as such, not again as missing.
        const citedUnknown = [...(outcome.basis ?? []), ...(input.basis ?? [])].length > 0;
        if (isLive(input.status) && basis.length === 0 && !citedUnknown) {
          rep.report([...rulePath, 'status'], { code: 'missing-basis', args: { outcome: outcome.id, status: input.status } });
        }
        const requires: RequirementModel[] = (input.requires ?? []).map((item, index) => {
          const itemPath = [...rulePath, 'requires', index];
          const id = typeof item === 'string' ? item : item.id;
          if (!ctx.outcomes.has(id)) {
            rep.report(typeof item === 'string' ? itemPath : [...itemPath, 'id'], {
              code: 'unknown-outcome',
              args: { id, where: `the requires of ${where}` },
              help: didYouMean(id, ctx.outcomes.ids()) ?? 'declare the id in vocabulary.yaml',
            });
          }
          if (typeof item === 'string' || (item.when === undefined && item.unless === undefined)) return { id, when: null, key: null };
          const parts: ConditionNode[] = [];
          if (item.when !== undefined) parts.push(checkCondition(ctx, scope(`the requires of ${where}`), [...itemPath, 'when'], item.when));
          if (item.unless !== undefined)
            parts.push({
              kind: 'not',
              item: checkCondition(ctx, scope(`the requires of ${where}`), [...itemPath, 'unless'], item.unless),
              at: rep.at([...itemPath, 'unless']),
            });
          const when: ConditionNode = parts.length === 1 ? parts[0]! : { kind: 'all', items: parts, at: rep.at(itemPath) };
          return { id, when, key: `${key}/requires/${index + 1}` };
        });
        const limits: Record<string, number> = {};
        const limitSettings: Record<string, string> = {};
        for (const [name, raw] of Object.entries(input.limits ?? {})) {
          // A limit without a title would reach a reader as its bare name.
          if (!ctx.limits.has(name))
            rep.report([...rulePath, 'limits', name], {
              code: 'untitled-limit',
              args: { limit: name, where },
              help: didYouMean(name, ctx.limits.ids()) ?? `declare it under \`limits:\` in vocabulary.yaml, with a title in each language`,
            });
          const number = numberFrom(ctx, scope(where), [...rulePath, 'limits', name], raw);
          if (number) limits[name] = number.value;
          if (number?.setting) limitSettings[name] = number.setting;
        }
        const ownWindow = checkWindow(rep, [...rulePath, 'inForce'], input.inForce, `a rule of ${where}`);
        // A rule outside its outcome's or policy's window holds on no day: an empty window (`until` before `from`).
        const window: Window | undefined =
          ownWindow && sharedWindow ? (intersect(ownWindow, sharedWindow) ?? never) : (ownWindow ?? sharedWindow);
        const written = input.when === undefined ? null : checkCondition(ctx, scope(where), [...rulePath, 'when'], input.when);
        const windowPath = input.inForce !== undefined ? [...rulePath, 'inForce'] : sharedPath;
        const rule: RuleModel = {
          key,
          outcome: outcome.id,
          policy: doc.policy,
          when: bothConditions(windowCondition(ctx, rep, windowPath, window, `a rule of ${where}`), written, rep.at(rulePath)),
          status: input.status,
          requires,
          limits,
          basis,
          reason: fillText(
            ctx,
            rep,
            [...rulePath, 'reason'],
            checkText(ctx, rep, [...rulePath, 'reason'], input.reason, `the reason of ${where}`),
            `the reason of ${where}`,
          ),
          at: rep.at(rulePath),
        };
        if (window) rule.inForce = window;
        if (input.id !== undefined) {
          rule.id = input.id;
          const qualified = `${doc.policy}/${outcome.id}/${input.id}`;
          // Versions of a rule share its id, each with its own window; without windows an id is used once.
          const versioned = input.inForce !== undefined;
          if (ruleIds.has(qualified) && !(versioned && ruleIds.get(qualified)))
            rep.report([...rulePath, 'id'], {
              code: 'duplicate-id',
              args: { what: 'rule', id: input.id, other: `outcome \`${outcome.id}\`` },
            });
          ruleIds.set(qualified, (ruleIds.get(qualified) ?? true) && versioned);
        }
        if (input.note) rule.note = checkText(ctx, rep, [...rulePath, 'note'], input.note, `the note of ${where}`);
        if (Object.keys(limitSettings).length > 0) rule.limitSettings = limitSettings;
        return rule;
      };
      const rules = outcome.rules.map((rule, index) =>
        buildRule([...outcomePath, 'rules', index], `${doc.policy}/${outcome.id}#${index + 1}`, rule),
      );
      rules.forEach((_rule, index) => {
        const earlier = rules.slice(0, index).find((r) => r.when?.kind === 'const' && r.when.value);
        if (earlier)
          rep.report([...outcomePath, 'rules', index], {
            code: 'unreachable-rule',
            args: { rule: String(index + 1), outcome: outcome.id },
          });
      });
      const otherwise =
        outcome.otherwise === 'omit'
          ? null
          : buildRule([...outcomePath, 'otherwise'], `${doc.policy}/${outcome.id}#otherwise`, outcome.otherwise);
      const model: PointOutcomeModel = { id: outcome.id, policy: doc.policy, rules, otherwise, at: rep.at(outcomePath) };
      if (outcome.track !== undefined) model.track = outcome.track;
      if (outcome.title)
        model.title = checkText(ctx, rep, [...outcomePath, 'title'], outcome.title, `the title of outcome \`${outcome.id}\``);
      if (outcome.note) model.note = checkText(ctx, rep, [...outcomePath, 'note'], outcome.note, `the note of outcome \`${outcome.id}\``);
      if (point) {
        point.outcomes.push(model);
        const owners = ctx.outcomeOwners.get(`${doc.point}\u0000${outcome.id}`) ?? [];
        owners.push({ policy, outcome: model, at: rep.at(outcomePath), rep, path: [...outcomePath, 'id'] });
        ctx.outcomeOwners.set(`${doc.point}\u0000${outcome.id}`, owners);
      }
    });
    if (point) point.policies.push(policy);
  }

  for (const policy of ctx.policies.values()) for (const c of policy.conditions) ctx.conditionsByName.set(c.qualified, c.when);

  // Facts each point reads (named conditions included) and those it therefore requires.
  for (const point of ctx.points.values()) {
    const reads = factsRead(pointConditions(point), ctx.conditionsByName).read;
    point.reads = ctx.facts.ids().filter((id) => reads.has(id));
    point.requiredFacts = point.reads.filter((id) => !ctx.facts.get(id)!.hasDefault);
  }
}
