/**
 * Loaded documents → checked policy-set model. Resolves every reference (facts and their
 * domains, outcome ids, sources, settings, named conditions, points), requires a basis for
 * every outcome that can be required or permitted and every language for every text, and folds
 * the settings in force into conditions, limits and reasons. Collects all problems; never stops
 * at the first.
 */
import { combinations, factDomain, type FactDomain } from '../analyze/domain.js';
import { factsRead, pointConditions } from '../walk.js';
import { compilePredicate } from '../compile/predicate.js';
import { checkDuties } from './duties.js';
import { isLive } from '../status.js';
import { locationText } from '../location.js';
import { closest, diagnostic, listOf, type Diagnostic, type DiagnosticCode, type DiagnosticInput } from '../diagnostics.js';
import type { LoadedDocument, LoadedFolder } from '../load/folder.js';
import type { PathSegment } from '../load/parse.js';
import type {
  ConditionInput,
  PolicyDocument,
  PolicySetDocument,
  ScenariosDocument,
  SettingsDocument,
  SourcesDocument,
  TextInput,
  VocabularyDocument,
} from '../schema/documents.js';
import type {
  CompareOperator,
  ConditionNode,
  FactModel,
  FactValue,
  Lang,
  Location,
  OutcomeModel,
  PointModel,
  PointOutcomeModel,
  PolicyModel,
  PolicySetModel,
  RequirementModel,
  RuleModel,
  ScenarioModel,
  SettingModel,
  SourceModel,
  Text,
} from '../model.js';

export interface CheckOptions {
  /** Settings in force instead of their defaults, by setting id. */
  settings?: Readonly<Record<string, FactValue>>;
  /** The hash of the texts the documents came from. */
  hash: string;
}

export interface CheckResult {
  model?: PolicySetModel;
  diagnostics: Diagnostic[];
}

/** Reports problems of one document, at positions inside it. */
class Reporter {
  /** Languages every text of this document needs besides the set's (a policy's `languages:`). */
  languages: Lang[] = [];

  constructor(
    readonly entry: LoadedDocument,
    private readonly out: Diagnostic[],
  ) {}

  at(path: readonly PathSegment[]): Location {
    const where = this.entry.parsed.locate(path);
    return { file: this.entry.file, line: where?.start.line ?? 1, column: where?.start.column ?? 1 };
  }

  report<C extends DiagnosticCode>(path: readonly PathSegment[], input: DiagnosticInput<C, 'file'>, options: { key?: boolean } = {}): void {
    const where = this.entry.parsed.locate(path, options);
    this.out.push(diagnostic({ ...input, file: this.entry.file, start: where?.start, end: where?.end, path: pathText(path) }));
  }
}

const pathText = (path: readonly PathSegment[]): string =>
  path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

const valueText = (value: FactValue): string => (value === null ? 'none' : String(value));

function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const suggestion = closest(word, candidates);
  return suggestion ? `did you mean \`${suggestion}\`?` : undefined;
}

export function checkPolicySet(loaded: LoadedFolder, options: CheckOptions): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const byKind = (kind: string) => loaded.documents.filter((d) => d.kind === kind);
  const reporter = (entry: LoadedDocument) => new Reporter(entry, diagnostics);

  // --- the policy set and the vocabulary: exactly one each ------------------------------------
  const single = (kind: string, missing: 'missing-policy-set' | 'missing-vocabulary'): LoadedDocument | undefined => {
    const found = byKind(kind);
    if (found.length === 0) diagnostics.push(diagnostic({ code: missing }));
    for (const extra of found.slice(1)) {
      reporter(extra).report(['kind'], { code: 'duplicate-document', args: { kind, other: found[0]!.file } });
    }
    return found[0];
  };
  const setEntry = single('policy-set', 'missing-policy-set');
  const vocabularyEntry = single('vocabulary', 'missing-vocabulary');
  if (!setEntry || !vocabularyEntry) return { diagnostics };
  const setDocument = setEntry.document as PolicySetDocument;
  const languages = setDocument.languages as Lang[];

  /** Checks that a text has every language of the set (plus `extra`). */
  const checkText = (rep: Reporter, path: readonly PathSegment[], text: TextInput | undefined, what: string, extra: Lang[] = []): Text => {
    const result: Text = {};
    if (!text) return result;
    const needed = [...new Set([...languages, ...rep.languages, ...extra])];
    for (const lang of needed) {
      if (!text[lang]) {
        rep.report(path, { code: 'missing-translation', args: { where: what, lang, langs: needed.map((l) => `\`${l}\``).join(' and ') } });
      }
    }
    for (const [lang, value] of Object.entries(text)) if (value !== undefined) result[lang as Lang] = value;
    return result;
  };

  /** Registers ids, reporting duplicates with the place of the first. */
  const registry = <T>(what: string) => {
    const map = new Map<string, { value: T; at: Location }>();
    return {
      map,
      add(rep: Reporter, path: readonly PathSegment[], id: string, value: T): void {
        const existing = map.get(id);
        if (existing) {
          rep.report(path, { code: 'duplicate-id', args: { what, id, other: locationText(existing.at) } });
          return;
        }
        map.set(id, { value, at: rep.at(path) });
      },
    };
  };

  // --- vocabulary ----------------------------------------------------------------------------
  const facts = registry<FactModel>('fact');
  const outcomes = registry<OutcomeModel>('outcome id');
  {
    const rep = reporter(vocabularyEntry);
    const vocabulary = vocabularyEntry.document as VocabularyDocument;
    vocabulary.facts.forEach((fact, index) => {
      const path = ['facts', index];
      const model: FactModel = {
        id: fact.id,
        type: fact.type,
        hasDefault: fact.default !== undefined,
        title: checkText(rep, [...path, 'title'], fact.title, `the title of fact \`${fact.id}\``),
        at: rep.at(path),
      };
      if (fact.description)
        model.description = checkText(rep, [...path, 'description'], fact.description, `the description of fact \`${fact.id}\``);
      if (fact.type === 'enum') {
        model.values = fact.values;
        if (new Set(fact.values).size !== fact.values.length) {
          rep.report([...path, 'values'], {
            code: 'duplicate-id',
            args: { what: 'value', id: fact.values.find((v, i) => fact.values.indexOf(v) !== i)!, other: 'the same list' },
          });
        }
        if (fact.default !== undefined) {
          if (fact.default === 'none' && !fact.values.includes('none')) model.default = null;
          else if (fact.values.includes(fact.default)) model.default = fact.default;
          else
            rep.report([...path, 'default'], {
              code: 'value-out-of-domain',
              args: { value: fact.default, what: `fact \`${fact.id}\`` },
              expected: listOf([...fact.values, 'none']),
            });
        }
      } else if (fact.type === 'integer') {
        model.min = fact.min;
        model.max = fact.max;
        if (fact.min > fact.max)
          rep.report([...path, 'max'], {
            code: 'invalid-value',
            args: { path: pathText([...path, 'max']), detail: '`max` is below `min`' },
          });
        if (fact.default !== undefined) {
          if (fact.default === 'none') model.default = null;
          else if (fact.default >= fact.min && fact.default <= fact.max) model.default = fact.default;
          else
            rep.report([...path, 'default'], {
              code: 'value-out-of-domain',
              args: { value: fact.default, what: `fact \`${fact.id}\`` },
              expected: `a whole number from ${fact.min} to ${fact.max}`,
            });
        }
      } else if (fact.default !== undefined) {
        model.default = fact.default === 'none' ? null : fact.default;
      }
      facts.add(rep, [...path, 'id'], fact.id, model);
    });
    vocabulary.outcomes.forEach((outcome, index) => {
      const path = ['outcomes', index];
      const model: OutcomeModel = {
        id: outcome.id,
        group: outcome.group,
        title: checkText(rep, [...path, 'title'], outcome.title, `the title of outcome \`${outcome.id}\``),
        at: rep.at(path),
      };
      if (outcome.description)
        model.description = checkText(rep, [...path, 'description'], outcome.description, `the description of outcome \`${outcome.id}\``);
      outcomes.add(rep, [...path, 'id'], outcome.id, model);
    });
  }

  // --- sources ---------------------------------------------------------------------------------
  const sources = registry<SourceModel>('source');
  for (const entry of byKind('sources')) {
    const rep = reporter(entry);
    (entry.document as SourcesDocument).sources.forEach((source, index) => {
      const path = ['sources', index];
      const { title, note, ...rest } = source;
      const model: SourceModel = { ...rest, at: rep.at(path) };
      if (title) model.title = checkText(rep, [...path, 'title'], title, `the title of source \`${source.id}\``);
      if (note) model.note = checkText(rep, [...path, 'note'], note, `the note of source \`${source.id}\``);
      sources.add(rep, [...path, 'id'], source.id, model);
    });
  }
  const checkBasis = (rep: Reporter, path: readonly PathSegment[], ids: readonly string[] | undefined, where: string): string[] => {
    const result: string[] = [];
    (ids ?? []).forEach((id, index) => {
      if (!sources.map.has(id)) {
        rep.report([...path, index], {
          code: 'unknown-source',
          args: { id, where },
          help: didYouMean(id, sources.map.keys()) ?? 'add the source to a file in policies/sources/',
        });
      } else if (!result.includes(id)) {
        result.push(id);
      }
    });
    return result;
  };

  // --- settings --------------------------------------------------------------------------------
  const settings = registry<SettingModel>('setting');
  for (const entry of byKind('settings')) {
    const rep = reporter(entry);
    (entry.document as SettingsDocument).settings.forEach((setting, index) => {
      const path = ['settings', index];
      const model: SettingModel = {
        id: setting.id,
        type: setting.type,
        default: setting.default,
        value: setting.default,
        title: checkText(rep, [...path, 'title'], setting.title, `the title of setting \`${setting.id}\``),
        basis: checkBasis(rep, [...path, 'basis'], setting.basis, `setting \`${setting.id}\``),
        at: rep.at(path),
      };
      if (setting.description)
        model.description = checkText(rep, [...path, 'description'], setting.description, `the description of setting \`${setting.id}\``);
      if (setting.type === 'integer') {
        model.min = setting.min;
        model.max = setting.max;
        if (setting.default < setting.min || setting.default > setting.max) {
          rep.report([...path, 'default'], {
            code: 'setting-out-of-range',
            args: { id: setting.id, value: setting.default, range: `range ${setting.min} to ${setting.max}` },
          });
        }
      } else if (setting.type === 'enum') {
        model.values = setting.values;
        if (!setting.values.includes(setting.default)) {
          rep.report([...path, 'default'], {
            code: 'value-out-of-domain',
            args: { value: setting.default, what: `setting \`${setting.id}\`` },
            expected: listOf(setting.values),
          });
        }
      }
      settings.add(rep, [...path, 'id'], setting.id, model);
    });
  }
  for (const [id, value] of Object.entries(options.settings ?? {})) {
    const setting = settings.map.get(id)?.value;
    if (!setting) {
      diagnostics.push(
        diagnostic({
          code: 'setting-unknown',
          args: { id },
          expected: listOf([...settings.map.keys()]),
          help: didYouMean(id, settings.map.keys()),
        }),
      );
      continue;
    }
    const fits =
      setting.type === 'integer'
        ? typeof value === 'number' && Number.isInteger(value) && value >= setting.min! && value <= setting.max!
        : setting.type === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'string' && setting.values!.includes(value);
    if (!fits) {
      const range =
        setting.type === 'integer'
          ? `range ${setting.min} to ${setting.max}`
          : setting.type === 'boolean'
            ? 'values `true` and `false`'
            : `values ${listOf(setting.values!)}`;
      diagnostics.push(diagnostic({ code: 'setting-out-of-range', args: { id, value: valueText(value), range } }));
      continue;
    }
    setting.value = value;
  }

  /** Replaces `{setting:id}` placeholders by the values in force. */
  const fillText = (rep: Reporter, path: readonly PathSegment[], text: Text, where: string): Text => {
    const result: Text = {};
    for (const [lang, value] of Object.entries(text) as Array<[Lang, string]>) {
      result[lang] = value.replace(/\{([^{}]*)\}/g, (whole, inner: string) => {
        const match = /^setting:(.+)$/.exec(inner.trim());
        const setting = match ? settings.map.get(match[1]!)?.value : undefined;
        if (!setting) {
          rep.report([...path, lang], { code: 'unknown-placeholder', args: { placeholder: inner, where } });
          return whole;
        }
        return valueText(setting.value);
      });
    }
    return result;
  };

  // --- points --------------------------------------------------------------------------------
  const points = registry<PointModel>('decision point');
  {
    const rep = reporter(setEntry);
    checkText(rep, ['title'], setDocument.title, 'the title of the policy set');
    if (setDocument.description) checkText(rep, ['description'], setDocument.description, 'the description of the policy set');
    setDocument.points.forEach((point, index) => {
      const path = ['points', index];
      points.add(rep, [...path, 'id'], point.id, {
        id: point.id,
        title: checkText(rep, [...path, 'title'], point.title, `the title of point \`${point.id}\``),
        question: checkText(rep, [...path, 'question'], point.question, `the question of point \`${point.id}\``),
        policies: [],
        outcomes: [],
        reads: [],
        requiredFacts: [],
      });
    });
  }

  // --- conditions ------------------------------------------------------------------------------
  interface ConditionContext {
    rep: Reporter;
    where: string;
    policy: string;
    named: ReadonlyMap<string, unknown>;
    reads: Set<string>;
  }

  const domainOf = (fact: FactModel): FactValue[] | undefined =>
    fact.type === 'boolean' ? [true, false] : fact.type === 'enum' ? [...fact.values!] : undefined;

  const checkValue = (ctx: ConditionContext, path: readonly PathSegment[], fact: FactModel, raw: unknown): FactValue | undefined => {
    if (raw === 'none') {
      if (fact.hasDefault && fact.default === null) return null;
      if (fact.type === 'enum' && fact.values!.includes('none')) return 'none';
    }
    if (fact.type === 'boolean' && typeof raw === 'boolean') return raw;
    if (fact.type === 'enum' && typeof raw === 'string' && fact.values!.includes(raw)) return raw;
    if (fact.type === 'integer' && typeof raw === 'number' && Number.isInteger(raw)) return raw;
    const domain = domainOf(fact);
    const allowed = domain ? domain.map(valueText) : [`a whole number from ${fact.min} to ${fact.max}`];
    if (fact.hasDefault && fact.default === null && !allowed.includes('none')) allowed.push('none');
    ctx.rep.report(path, {
      code: 'value-out-of-domain',
      args: { value: valueText(raw as FactValue), what: `fact \`${fact.id}\`` },
      expected: domain ? listOf(allowed) : allowed.join(' or '),
      received: valueText(raw as FactValue),
      help: typeof raw === 'string' ? didYouMean(raw, allowed) : fact.type === 'boolean' ? 'write `true` or `false`' : undefined,
    });
    return undefined;
  };

  const numberFrom = (
    ctx: ConditionContext,
    path: readonly PathSegment[],
    raw: number | { setting: string },
  ): { value: number; setting?: string } | undefined => {
    if (typeof raw === 'number') return { value: raw };
    const setting = settings.map.get(raw.setting)?.value;
    if (!setting) {
      ctx.rep.report([...path, 'setting'], {
        code: 'unknown-setting',
        args: { id: raw.setting, where: ctx.where },
        help: didYouMean(raw.setting, settings.map.keys()),
      });
      return undefined;
    }
    if (setting.type !== 'integer') {
      ctx.rep.report([...path, 'setting'], {
        code: 'operator-not-for-type',
        args: { operator: 'a number', what: `setting \`${setting.id}\``, type: setting.type },
      });
      return undefined;
    }
    return { value: setting.value as number, setting: setting.id };
  };

  const compareOperators: Record<string, CompareOperator> = {
    is: 'eq',
    isNot: 'ne',
    in: 'in',
    notIn: 'notIn',
    atLeast: 'gte',
    atMost: 'lte',
    above: 'gt',
    below: 'lt',
  };

  const checkCondition = (ctx: ConditionContext, path: readonly PathSegment[], input: ConditionInput): ConditionNode => {
    const at = ctx.rep.at(path);
    if (input === 'always') return { kind: 'const', value: true, origin: 'always', at };
    if ('all' in input || 'any' in input) {
      const kind = 'all' in input ? 'all' : 'any';
      const items = (input as Record<string, ConditionInput[]>)[kind]!;
      return { kind, items: items.map((item, index) => checkCondition(ctx, [...path, kind, index], item)), at };
    }
    if ('not' in input) return { kind: 'not', item: checkCondition(ctx, [...path, 'not'], input.not), at };
    if ('condition' in input) {
      if (!ctx.named.has(input.condition)) {
        ctx.rep.report([...path, 'condition'], {
          code: 'unknown-condition',
          args: { name: input.condition, where: ctx.where },
          expected: ctx.named.size > 0 ? listOf([...ctx.named.keys()]) : 'a name declared under `conditions:` in this document',
          help: didYouMean(input.condition, ctx.named.keys()),
        });
        return { kind: 'const', value: false, origin: `unknown condition ${input.condition}`, at };
      }
      return { kind: 'ref', name: input.condition, qualified: `${ctx.policy}/${input.condition}`, at };
    }
    if ('setting' in input) {
      const setting = settings.map.get(input.setting)?.value;
      if (!setting) {
        ctx.rep.report([...path, 'setting'], {
          code: 'unknown-setting',
          args: { id: input.setting, where: ctx.where },
          help: didYouMean(input.setting, settings.map.keys()),
        });
        return { kind: 'const', value: false, origin: `unknown setting ${input.setting}`, at };
      }
      const ok =
        setting.type === 'enum'
          ? typeof input.is === 'string' && setting.values!.includes(input.is)
          : typeof input.is === (setting.type === 'integer' ? 'number' : 'boolean');
      if (!ok) {
        ctx.rep.report([...path, 'is'], {
          code: 'value-out-of-domain',
          args: { value: String(input.is), what: `setting \`${setting.id}\`` },
        });
      }
      return { kind: 'const', value: setting.value === input.is, origin: `setting ${setting.id} is ${String(input.is)}`, at };
    }
    const factName = input.fact;
    const operatorKey = Object.keys(input).find((key) => key !== 'fact')!;
    const op = compareOperators[operatorKey]!;
    const raw = (input as Record<string, unknown>)[operatorKey];
    const fact = facts.map.get(factName)?.value;
    if (!fact) {
      ctx.rep.report([...path, 'fact'], {
        code: 'unknown-fact',
        args: { fact: factName, where: ctx.where },
        expected: listOf([...facts.map.keys()]),
        help: didYouMean(factName, facts.map.keys()) ?? 'add the fact to vocabulary.yaml first',
      });
      return { kind: 'const', value: false, origin: `unknown fact ${factName}`, at };
    }
    ctx.reads.add(fact.id);
    if (op === 'gte' || op === 'lte' || op === 'gt' || op === 'lt') {
      if (fact.type !== 'integer') {
        ctx.rep.report([...path, operatorKey], {
          code: 'operator-not-for-type',
          args: { operator: operatorKey, what: `fact \`${fact.id}\``, type: fact.type === 'enum' ? 'a list of values' : 'yes/no' },
          help: 'use `is`, `isNot`, `in` or `notIn`',
        });
        return { kind: 'const', value: false, origin: 'invalid comparison', at };
      }
      const number = numberFrom(ctx, [...path, operatorKey], raw as number | { setting: string });
      if (!number) return { kind: 'const', value: false, origin: 'invalid comparison', at };
      const node: ConditionNode = { kind: 'test', fact: fact.id, op, value: number.value, at };
      if (number.setting) node.setting = number.setting;
      return node;
    }
    if (op === 'in' || op === 'notIn') {
      const values = (raw as unknown[]).map((value, index) => checkValue(ctx, [...path, operatorKey, index], fact, value));
      if (values.some((v) => v === undefined)) return { kind: 'const', value: false, origin: 'invalid value', at };
      return { kind: 'test', fact: fact.id, op, value: values as FactValue[], at };
    }
    const value = checkValue(ctx, [...path, operatorKey], fact, raw);
    if (value === undefined) return { kind: 'const', value: false, origin: 'invalid value', at };
    return { kind: 'test', fact: fact.id, op, value, at };
  };

  // --- policies ------------------------------------------------------------------------------
  const policyIds = registry<PolicyModel>('policy');
  const ruleIds = new Set<string>();
  const outcomeOwners = new Map<
    string,
    Array<{ policy: PolicyModel; outcome: PointOutcomeModel; at: Location; rep: Reporter; path: PathSegment[] }>
  >();
  const policyReporters = new Map<string, Reporter>();
  const pointReads = new Map<string, Set<string>>();

  for (const entry of byKind('policy')) {
    const rep = reporter(entry);
    const doc = entry.document as PolicyDocument;
    rep.languages = (doc.languages ?? []) as Lang[];
    const point = points.map.get(doc.point)?.value;
    if (!point) {
      rep.report(['point'], {
        code: 'unknown-point',
        args: { point: doc.point },
        expected: listOf([...points.map.keys()]),
        help: didYouMean(doc.point, points.map.keys()) ?? 'declare the point in policy-set.yaml',
      });
    }
    const reads = pointReads.get(doc.point) ?? new Set<string>();
    pointReads.set(doc.point, reads);
    const named = new Map(Object.entries(doc.conditions ?? {}));
    const ctx = (where: string): ConditionContext => ({ rep, where, policy: doc.policy, named, reads });
    const policy: PolicyModel = {
      id: doc.policy,
      point: doc.point,
      title: checkText(rep, ['title'], doc.title, `the title of policy \`${doc.policy}\``),
      ordering: doc.ordering ?? 'as-listed',
      scope: doc.appliesWhen ? checkCondition(ctx(`the scope of policy \`${doc.policy}\``), ['appliesWhen'], doc.appliesWhen) : null,
      scopeKey: `${doc.policy}/scope`,
      ...(doc.overrides !== undefined ? { overrides: doc.overrides } : {}),
      tracks: [],
      conditions: [],
      file: entry.file,
      at: rep.at([]),
    };
    if (doc.description)
      policy.description = checkText(rep, ['description'], doc.description, `the description of policy \`${doc.policy}\``);
    if (doc.note) policy.note = checkText(rep, ['note'], doc.note, `the note of policy \`${doc.policy}\``);
    policyIds.add(rep, ['policy'], doc.policy, policy);
    if (!policyReporters.has(doc.policy)) policyReporters.set(doc.policy, rep);

    const trackIds = new Set<string>();
    (doc.tracks ?? []).forEach((track, index) => {
      if (trackIds.has(track.id))
        rep.report(['tracks', index, 'id'], { code: 'duplicate-id', args: { what: 'track', id: track.id, other: 'this document' } });
      trackIds.add(track.id);
      const model = {
        id: track.id,
        title: checkText(rep, ['tracks', index, 'title'], track.title, `the title of track \`${track.id}\``),
      } as PolicyModel['tracks'][number];
      if (track.description)
        model.description = checkText(rep, ['tracks', index, 'description'], track.description, `the description of track \`${track.id}\``);
      policy.tracks.push(model);
    });

    // Named conditions, with a check that they do not refer to themselves.
    for (const [name, definition] of named) {
      const path = ['conditions', name];
      const node = checkCondition(ctx(`named condition \`${name}\``), [...path, 'when'], definition.when);
      const entryModel: PolicyModel['conditions'][number] = { name, qualified: `${doc.policy}/${name}`, when: node, at: rep.at(path) };
      if (definition.title) entryModel.title = checkText(rep, [...path, 'title'], definition.title, `the title of condition \`${name}\``);
      policy.conditions.push(entryModel);
    }
    const refsOf = (node: ConditionNode): string[] =>
      node.kind === 'ref'
        ? [node.name]
        : node.kind === 'all' || node.kind === 'any'
          ? node.items.flatMap(refsOf)
          : node.kind === 'not'
            ? refsOf(node.item)
            : [];
    const conditionByName = new Map(policy.conditions.map((c) => [c.name, c]));
    for (const start of policy.conditions) {
      const stack: Array<{ name: string; chain: string[] }> = refsOf(start.when).map((name) => ({ name, chain: [start.name, name] }));
      const seen = new Set<string>();
      while (stack.length > 0) {
        const { name, chain } = stack.pop()!;
        if (name === start.name) {
          rep.report(
            ['conditions', start.name],
            { code: 'condition-cycle', args: { name: start.name, chain: chain.map((c) => `\`${c}\``).join(' → ') } },
            { key: true },
          );
          start.when = { kind: 'const', value: false, origin: 'cyclic condition' };
          break;
        }
        if (seen.has(name)) continue;
        seen.add(name);
        for (const next of refsOf(conditionByName.get(name)?.when ?? { kind: 'const', value: false, origin: '' }))
          stack.push({ name: next, chain: [...chain, next] });
      }
    }

    const localOutcomes = new Set<string>();
    doc.outcomes.forEach((outcome, outcomeIndex) => {
      const outcomePath: PathSegment[] = ['outcomes', outcomeIndex];
      if (!outcomes.map.has(outcome.id)) {
        rep.report([...outcomePath, 'id'], {
          code: 'unknown-outcome',
          args: { id: outcome.id, where: `policy \`${doc.policy}\`` },
          help: didYouMean(outcome.id, outcomes.map.keys()) ?? 'declare the outcome id in vocabulary.yaml',
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
      const outcomeBasis = checkBasis(rep, [...outcomePath, 'basis'], outcome.basis, `outcome \`${outcome.id}\``);
      const buildRule = (
        rulePath: PathSegment[],
        key: string,
        input: {
          id?: string;
          when?: ConditionInput;
          status: RuleModel['status'];
          requires?: Array<string | { id: string; when?: ConditionInput; unless?: ConditionInput }>;
          limits?: Record<string, number | { setting: string }>;
          basis?: string[];
          reason: TextInput;
          note?: TextInput;
        },
      ): RuleModel => {
        const where = `outcome \`${outcome.id}\``;
        const ruleBasis = checkBasis(rep, [...rulePath, 'basis'], input.basis, where);
        const basis = [...outcomeBasis, ...ruleBasis.filter((id) => !outcomeBasis.includes(id))];
        // A basis that only names unknown sources is reported as such, not again as missing.
        const citedUnknown = [...(outcome.basis ?? []), ...(input.basis ?? [])].length > 0;
        if (isLive(input.status) && basis.length === 0 && !citedUnknown) {
          rep.report([...rulePath, 'status'], { code: 'missing-basis', args: { outcome: outcome.id, status: input.status } });
        }
        const requires: RequirementModel[] = (input.requires ?? []).map((item, index) => {
          const itemPath = [...rulePath, 'requires', index];
          const id = typeof item === 'string' ? item : item.id;
          if (!outcomes.map.has(id)) {
            rep.report(typeof item === 'string' ? itemPath : [...itemPath, 'id'], {
              code: 'unknown-outcome',
              args: { id, where: `the requires of ${where}` },
              help: didYouMean(id, outcomes.map.keys()) ?? 'declare the id in vocabulary.yaml',
            });
          }
          if (typeof item === 'string' || (item.when === undefined && item.unless === undefined)) return { id, when: null, key: null };
          const parts: ConditionNode[] = [];
          if (item.when !== undefined) parts.push(checkCondition(ctx(`the requires of ${where}`), [...itemPath, 'when'], item.when));
          if (item.unless !== undefined)
            parts.push({
              kind: 'not',
              item: checkCondition(ctx(`the requires of ${where}`), [...itemPath, 'unless'], item.unless),
              at: rep.at([...itemPath, 'unless']),
            });
          const when: ConditionNode = parts.length === 1 ? parts[0]! : { kind: 'all', items: parts, at: rep.at(itemPath) };
          return { id, when, key: `${key}/requires/${index + 1}` };
        });
        const limits: Record<string, number> = {};
        const limitSettings: Record<string, string> = {};
        for (const [name, raw] of Object.entries(input.limits ?? {})) {
          const number = numberFrom(ctx(where), [...rulePath, 'limits', name], raw);
          if (number) limits[name] = number.value;
          if (number?.setting) limitSettings[name] = number.setting;
        }
        const rule: RuleModel = {
          key,
          outcome: outcome.id,
          policy: doc.policy,
          when: input.when === undefined ? null : checkCondition(ctx(where), [...rulePath, 'when'], input.when),
          status: input.status,
          requires,
          limits,
          basis,
          reason: fillText(
            rep,
            [...rulePath, 'reason'],
            checkText(rep, [...rulePath, 'reason'], input.reason, `the reason of ${where}`),
            `the reason of ${where}`,
          ),
          at: rep.at(rulePath),
        };
        if (input.id !== undefined) {
          rule.id = input.id;
          const qualified = `${doc.policy}/${outcome.id}/${input.id}`;
          if (ruleIds.has(qualified))
            rep.report([...rulePath, 'id'], {
              code: 'duplicate-id',
              args: { what: 'rule', id: input.id, other: `outcome \`${outcome.id}\`` },
            });
          ruleIds.add(qualified);
        }
        if (input.note) rule.note = checkText(rep, [...rulePath, 'note'], input.note, `the note of ${where}`);
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
      if (outcome.title) model.title = checkText(rep, [...outcomePath, 'title'], outcome.title, `the title of outcome \`${outcome.id}\``);
      if (outcome.note) model.note = checkText(rep, [...outcomePath, 'note'], outcome.note, `the note of outcome \`${outcome.id}\``);
      if (point) {
        point.outcomes.push(model);
        const owners = outcomeOwners.get(`${doc.point}\u0000${outcome.id}`) ?? [];
        owners.push({ policy, outcome: model, at: rep.at(outcomePath), rep, path: [...outcomePath, 'id'] });
        outcomeOwners.set(`${doc.point}\u0000${outcome.id}`, owners);
      }
    });
    if (point) point.policies.push(policy);
  }

  const namedConditions = new Map<string, ConditionNode>();
  for (const { value: policy } of policyIds.map.values()) for (const c of policy.conditions) namedConditions.set(c.qualified, c.when);

  // An override names a shared policy of its point, which is not itself an override, and its
  // scope must lie inside the shared scope: it specialises the shared rules, never widens them.
  const validOverride = new Set<string>();
  for (const { value: policy } of policyIds.map.values()) {
    if (policy.overrides === undefined) continue;
    const rep = policyReporters.get(policy.id)!;
    const target = policyIds.map.get(policy.overrides)?.value;
    const problem =
      policy.overrides === policy.id
        ? 'a policy cannot override itself'
        : !target
          ? 'no policy has this id'
          : target.point !== policy.point
            ? `it decides point \`${target.point}\`, not \`${policy.point}\``
            : target.overrides !== undefined
              ? `it overrides \`${target.overrides}\` itself; override the shared policy directly`
              : undefined;
    if (problem) {
      rep.report(['overrides'], {
        code: 'invalid-override',
        args: { policy: policy.id, target: policy.overrides, problem },
        help: !target
          ? didYouMean(
              policy.overrides,
              [...policyIds.map.keys()].filter((id) => id !== policy.id),
            )
          : undefined,
      });
      continue;
    }
    const outside = findFacts([policy.scope, target!.scope], facts.map, namedConditions, ([own, shared]) => own! && !shared!);
    if (outside !== 'none') {
      rep.report(policy.scope ? ['appliesWhen'] : ['overrides'], {
        code: 'override-outside-scope',
        args: {
          policy: policy.id,
          target: target!.id,
          example: outside === 'unknown' ? 'the scopes are too large to compare' : `it holds for ${factsText(outside)}`,
        },
      });
      continue;
    }
    validOverride.add(policy.id);
  }

  // An outcome decided by two policies of one point is ambiguous unless their scopes never
  // overlap, or one overrides the other; two overrides of one shared outcome must not overlap.
  for (const [key, owners] of outcomeOwners) {
    if (owners.length < 2) continue;
    const [pointId, outcomeId] = key.split('\u0000') as [string, string];
    for (const owner of owners) {
      if (!owner.policy.overrides || !validOverride.has(owner.policy.id)) continue;
      const shared = owners.find((o) => o.policy.id === owner.policy.overrides);
      if (!shared) continue;
      (shared.outcome.overriddenBy ??= []).push(owner.policy.id);
      owner.outcome.overrides = shared.policy.id;
    }
    for (let i = 1; i < owners.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [owners[i]!, owners[j]!];
        if (a.policy.overrides === b.policy.id || b.policy.overrides === a.policy.id) continue;
        if (!scopesMayOverlap(a.policy.scope, b.policy.scope, facts.map, namedConditions)) continue;
        const sharedTarget =
          a.policy.overrides !== undefined &&
          a.policy.overrides === b.policy.overrides &&
          owners.some((o) => o.policy.id === a.policy.overrides);
        if (sharedTarget) {
          a.rep.report(a.path, {
            code: 'ambiguous-override',
            args: { id: outcomeId, target: a.policy.overrides ?? '', other: b.policy.id, at: locationText(b.at) },
          });
        } else {
          a.rep.report(a.path, { code: 'conflicting-outcome', args: { id: outcomeId, point: pointId, other: locationText(b.at) } });
        }
      }
    }
  }
  // An override that shares no outcome with its shared policy replaces nothing: most likely a
  // misspelt outcome id, which would otherwise silently add an outcome instead of replacing one.
  for (const id of validOverride) {
    const policy = policyIds.map.get(id)!.value;
    const point = points.map.get(policy.point)?.value;
    if (point && !point.outcomes.some((o) => o.policy === id && o.overrides !== undefined)) {
      policyReporters
        .get(id)!
        .report(['overrides'], { code: 'override-replaces-nothing', args: { policy: id, target: policy.overrides! } });
    }
  }

  // Facts each point reads (named conditions included) and those it therefore requires.
  for (const { value: point } of points.map.values()) {
    const reads = factsRead(pointConditions(point), namedConditions).read;
    const order = [...facts.map.keys()];
    point.reads = order.filter((id) => reads.has(id));
    point.requiredFacts = point.reads.filter((id) => !facts.map.get(id)!.value.hasDefault);
  }

  // --- scenarios -----------------------------------------------------------------------------
  const scenarios: ScenarioModel[] = [];
  for (const entry of byKind('scenarios')) {
    const rep = reporter(entry);
    const doc = entry.document as ScenariosDocument;
    doc.scenarios.forEach((scenario, index) => {
      const path = ['scenarios', index];
      const pointId = scenario.point ?? doc.point;
      const point = pointId ? points.map.get(pointId)?.value : undefined;
      if (!point) {
        rep.report(scenario.point ? [...path, 'point'] : doc.point ? ['point'] : path, {
          code: 'unknown-point',
          args: { point: pointId ?? '(none)' },
          expected: listOf([...points.map.keys()]),
          help: pointId ? didYouMean(pointId, points.map.keys()) : 'give the point with `point:` in the file or the scenario',
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
      if (!sources.map.has(scenario.source) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(scenario.source)) {
        rep.report([...path, 'source'], {
          code: 'unknown-source',
          args: { id: scenario.source, where: `scenario \`${scenario.name}\`` },
          help: didYouMean(scenario.source, sources.map.keys()) ?? 'use a source id, or a sentence',
        });
      }
      scenarios.push({
        name: scenario.name,
        point: point.id,
        facts: { ...scenario.facts },
        expect,
        source: scenario.source,
        at: rep.at(path),
      });
    });
  }

  // --- duty catalogues (the regulation gate's input; see check/duties.ts) ----------------------
  const duties = checkDuties(byKind('duties'), {
    reporter,
    checkText,
    checkBasis,
    checkCondition: (rep, where, path, input) =>
      checkCondition({ rep, where, policy: 'duties', named: new Map(), reads: new Set() }, path, input),
    points: new Map([...points.map].map(([id, entry]) => [id, entry.value])),
    outcomeIds: new Set(outcomes.map.keys()),
  });

  const model: PolicySetModel = {
    name: setDocument.name,
    version: setDocument.version,
    title: checkText(reporter(setEntry), ['title'], setDocument.title, 'the title of the policy set'),
    languages,
    hash: options.hash,
    points: [...points.map.values()].map((p) => p.value),
    facts: [...facts.map.values()].map((f) => f.value),
    outcomes: [...outcomes.map.values()].map((o) => o.value),
    sources: [...sources.map.values()].map((s) => s.value),
    settings: [...settings.map.values()].map((s) => s.value),
    scenarios,
    duties,
    extraDocuments: [],
  };
  if (setDocument.description) model.description = setDocument.description;
  // Diagnostics about texts were reported once above; dedupe the title check repeated for the model.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}|${d.file}|${d.start?.line}|${d.start?.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { model, diagnostics: unique };
}

/** Whether two scopes can hold for the same facts (assumed when that cannot be decided). */
function scopesMayOverlap(
  a: ConditionNode | null,
  b: ConditionNode | null,
  facts: ReadonlyMap<string, { value: FactModel }>,
  named: ReadonlyMap<string, ConditionNode>,
): boolean {
  if (!a || !b) return true;
  return findFacts([a, b], facts, named, ([x, y]) => x! && y!) !== 'none';
}

const factsText = (record: Readonly<Record<string, FactValue>>): string =>
  Object.entries(record)
    .map(([id, value]) => `\`${id}: ${valueText(value)}\``)
    .join(', ') || 'every incident';

/**
 * Searches the facts the conditions read for a combination where `wanted` holds of their
 * answers (an absent condition holds always). Conditions read few facts, so every combination
 * is tried, integers split at the numbers the conditions compare with (analyze/domain.ts);
 * 'unknown' when the product is too large or a fact is not declared.
 */
function findFacts(
  conditions: Array<ConditionNode | null>,
  facts: ReadonlyMap<string, { value: FactModel }>,
  named: ReadonlyMap<string, ConditionNode>,
  wanted: (answers: boolean[]) => boolean,
): Record<string, FactValue> | 'none' | 'unknown' {
  const { read, breakpoints } = factsRead(conditions, named);
  const domains: FactDomain[] = [];
  let size = 1;
  for (const id of read) {
    const fact = facts.get(id)?.value;
    if (!fact) return 'unknown';
    const domain = factDomain(fact, breakpoints.get(id));
    domains.push(domain);
    size *= domain.values.length;
    if (size > 100_000) return 'unknown';
  }
  const predicates = conditions.map((node) => (node ? compilePredicate(node, named) : () => true));
  for (const record of combinations(domains, {})) {
    if (wanted(predicates.map((holds) => holds(record)))) return { ...record };
  }
  return 'none';
}
