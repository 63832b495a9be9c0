/**
 * A condition as a reviewer writes it → the checked condition AST. Every fact must be declared
 * and every value in its domain (its fact type decides: fact-types/), the ordering operators
 * apply only to ordered types, a named condition must exist in the document, and a setting test
 * is folded to a constant with the setting's value in force. A wrong part stands as `false`, so
 * nothing built from it can permit anything. Used by the named-conditions, policies and duties
 * passes.
 */
import { listOf } from '../diagnostics.js';
import { conditionLiteral, expectedLiterals, factType, literalText, orderedKeywords, orderingKeywords } from '../fact-types/index.js';
import type { PathSegment } from '../load/parse.js';
import type { CompareOperator, ConditionNode, FactModel, FactValue, SettingModel } from '../model.js';
import type { ConditionInput } from '../schema/documents.js';
import { didYouMean, type CheckContext, type DocumentReporter } from './context.js';

/** Where a condition stands: its document, how a message names its place, its policy and named conditions. */
export interface ConditionScope {
  rep: DocumentReporter;
  where: string;
  /** The policy whose named conditions `{ condition: name }` refers to. */
  policy: string;
  named: ReadonlyMap<string, unknown>;
}

/** The equality keywords every type takes; the ordering ones (`atLeast`, `onOrAfter` …) belong to ordered types (fact-types/). */
const equalityOperators: Record<string, CompareOperator> = {
  is: 'eq',
  isNot: 'ne',
  in: 'in',
  notIn: 'notIn',
};

function checkValue(
  scope: Pick<ConditionScope, 'rep'>,
  path: readonly PathSegment[],
  fact: FactModel,
  raw: unknown,
): FactValue | undefined {
  const value = conditionLiteral(fact, raw);
  if (value !== undefined) return value;
  const { allowed, listed } = expectedLiterals(fact);
  scope.rep.report(path, {
    code: 'value-out-of-domain',
    args: { value: literalText(raw as FactValue), what: `fact \`${fact.id}\`` },
    expected: listed ? listOf(allowed) : allowed.join(' or '),
    received: literalText(raw as FactValue),
    help: typeof raw === 'string' ? didYouMean(raw, allowed) : factType(fact).literalHelp,
  });
  return undefined;
}

function reportUnknownFact(
  ctx: CheckContext,
  scope: Pick<ConditionScope, 'rep' | 'where'>,
  path: readonly PathSegment[],
  factName: string,
  options: { key?: boolean } = {},
): void {
  scope.rep.report(
    path,
    {
      code: 'unknown-fact',
      args: { fact: factName, where: scope.where },
      expected: listOf(ctx.facts.ids()),
      help: didYouMean(factName, ctx.facts.ids()) ?? 'add the fact to vocabulary.yaml first',
    },
    options,
  );
}

/** The setting `{ setting: id }` names (at `path`), or undefined with the problem reported. */
function declaredSetting(
  ctx: CheckContext,
  scope: Pick<ConditionScope, 'rep' | 'where'>,
  path: readonly PathSegment[],
  id: string,
): SettingModel | undefined {
  const setting = ctx.settings.get(id);
  if (!setting)
    scope.rep.report([...path, 'setting'], {
      code: 'unknown-setting',
      args: { id, where: scope.where },
      help: didYouMean(id, ctx.settings.ids()),
    });
  return setting;
}

/** A number written in place, or the value in force of a numeric setting (for comparisons and limits). */
export function numberFrom(
  ctx: CheckContext,
  scope: Pick<ConditionScope, 'rep' | 'where'>,
  path: readonly PathSegment[],
  raw: number | { setting: string },
): { value: number; setting?: string } | undefined {
  if (typeof raw === 'number') return { value: raw };
  const setting = declaredSetting(ctx, scope, path, raw.setting);
  if (!setting) return undefined;
  if (!factType(setting).numeric) {
    scope.rep.report([...path, 'setting'], {
      code: 'operator-not-for-type',
      args: { operator: 'a number', what: `setting \`${setting.id}\``, type: setting.type },
    });
    return undefined;
  }
  return { value: setting.value as number, setting: setting.id };
}

export function checkCondition(
  ctx: CheckContext,
  scope: ConditionScope,
  path: readonly PathSegment[],
  input: ConditionInput,
): ConditionNode {
  const at = scope.rep.at(path);
  if (input === 'always') return { kind: 'const', value: true, origin: 'always', at };
  if ('all' in input || 'any' in input) {
    const kind = 'all' in input ? 'all' : 'any';
    const items = (input as Record<string, ConditionInput[]>)[kind]!;
    return { kind, items: items.map((item, index) => checkCondition(ctx, scope, [...path, kind, index], item)), at };
  }
  if ('not' in input) return { kind: 'not', item: checkCondition(ctx, scope, [...path, 'not'], input.not), at };
  if ('condition' in input) {
    if (!scope.named.has(input.condition)) {
      scope.rep.report([...path, 'condition'], {
        code: 'unknown-condition',
        args: { name: input.condition, where: scope.where },
        expected: scope.named.size > 0 ? listOf([...scope.named.keys()]) : 'a name declared under `conditions:` in this document',
        help: didYouMean(input.condition, scope.named.keys()),
      });
      return { kind: 'const', value: false, origin: `unknown condition ${input.condition}`, at };
    }
    return { kind: 'ref', name: input.condition, qualified: `${scope.policy}/${input.condition}`, at };
  }
  if ('setting' in input) {
    const setting = declaredSetting(ctx, scope, path, input.setting);
    if (!setting) return { kind: 'const', value: false, origin: `unknown setting ${input.setting}`, at };
    if (!factType(setting).settingLiteralFits(setting, input.is)) {
      scope.rep.report([...path, 'is'], {
        code: 'value-out-of-domain',
        args: { value: String(input.is), what: `setting \`${setting.id}\`` },
      });
    }
    return { kind: 'const', value: setting.value === input.is, origin: `setting ${setting.id} is ${String(input.is)}`, at };
  }
  const factName = input.fact;
  const operatorKey = Object.keys(input).find((key) => key !== 'fact')!;
  const ordering = orderingKeywords.get(operatorKey);
  const op = ordering ?? equalityOperators[operatorKey]!;
  const raw = (input as Record<string, unknown>)[operatorKey];
  const fact = ctx.facts.get(factName);
  if (!fact) {
    reportUnknownFact(ctx, scope, [...path, 'fact'], factName);
    return { kind: 'const', value: false, origin: `unknown fact ${factName}`, at };
  }
  if (ordering) {
    const keywords = orderedKeywords(fact);
    if (!keywords || keywords[ordering] !== operatorKey) {
      scope.rep.report([...path, operatorKey], {
        code: 'operator-not-for-type',
        args: { operator: operatorKey, what: `fact \`${fact.id}\``, type: factType(fact).kindText },
        help: keywords
          ? `use ${listOf(Object.values(keywords))}, or \`is\`, \`isNot\`, \`in\`, \`notIn\``
          : 'use `is`, `isNot`, `in` or `notIn`',
      });
      return { kind: 'const', value: false, origin: 'invalid comparison', at };
    }
    if (!factType(fact).numeric) {
      const value = checkValue(scope, [...path, operatorKey], fact, raw);
      if (value === undefined) return { kind: 'const', value: false, origin: 'invalid comparison', at };
      return { kind: 'test', fact: fact.id, op, value, at };
    }
    const number = numberFrom(ctx, scope, [...path, operatorKey], raw as number | { setting: string });
    if (!number) return { kind: 'const', value: false, origin: 'invalid comparison', at };
    const node: ConditionNode = { kind: 'test', fact: fact.id, op, value: number.value, at };
    if (number.setting) node.setting = number.setting;
    return node;
  }
  if (op === 'in' || op === 'notIn') {
    const values = (raw as unknown[]).map((value, index) => checkValue(scope, [...path, operatorKey, index], fact, value));
    if (values.some((v) => v === undefined)) return { kind: 'const', value: false, origin: 'invalid value', at };
    return { kind: 'test', fact: fact.id, op, value: values as FactValue[], at };
  }
  const value = checkValue(scope, [...path, operatorKey], fact, raw);
  if (value === undefined) return { kind: 'const', value: false, origin: 'invalid value', at };
  return { kind: 'test', fact: fact.id, op, value, at };
}

/**
 * A fact fixed to a value outside a condition (a duty's `with: { fact: value }`): the fact must
 * be declared (reported at the key) and the value in its domain (reported at the value), as in a
 * condition. Undefined when either is wrong.
 */
export function checkFixedFact(
  ctx: CheckContext,
  scope: Pick<ConditionScope, 'rep' | 'where'>,
  path: readonly PathSegment[],
  factName: string,
  raw: unknown,
): { fact: FactModel; value: FactValue } | undefined {
  const fact = ctx.facts.get(factName);
  if (!fact) {
    reportUnknownFact(ctx, scope, path, factName, { key: true });
    return undefined;
  }
  const value = checkValue(scope, path, fact, raw);
  return value === undefined ? undefined : { fact, value };
}
