/**
 * Texts a person reads: each must be given in every language of the set (and of its document),
 * and a reason's `{setting:id}` placeholders are filled with the settings in force.
 */
import type { PathSegment } from '../load/parse.js';
import { literalText } from '../fact-types/index.js';
import type { Lang, Text } from '../model.js';
import type { TextInput } from '../schema/documents.js';
import type { CheckContext, DocumentReporter } from './context.js';

/** Checks that a text has every language of the set and of its document; returns the text. */
export function checkText(
  ctx: CheckContext,
  rep: DocumentReporter,
  path: readonly PathSegment[],
  text: TextInput | undefined,
  what: string,
): Text {
  const result: Text = {};
  if (!text) return result;
  const needed = [...new Set([...ctx.languages, ...rep.languages])];
  for (const lang of needed) {
    if (!text[lang]) {
      rep.report(path, { code: 'missing-translation', args: { where: what, lang, langs: needed.map((l) => `\`${l}\``).join(' and ') } });
    }
  }
  for (const [lang, value] of Object.entries(text)) if (value !== undefined) result[lang as Lang] = value;
  return result;
}

/** Replaces `{setting:id}` placeholders by the values in force (the settings pass ran before). */
export function fillText(ctx: CheckContext, rep: DocumentReporter, path: readonly PathSegment[], text: Text, where: string): Text {
  const result: Text = {};
  for (const [lang, value] of Object.entries(text) as Array<[Lang, string]>) {
    result[lang] = value.replace(/\{([^{}]*)\}/g, (whole, inner: string) => {
      const match = /^setting:(.+)$/.exec(inner.trim());
      const setting = match ? ctx.settings.get(match[1]!) : undefined;
      if (!setting) {
        rep.report([...path, lang], { code: 'unknown-placeholder', args: { placeholder: inner, where } });
        return whole;
      }
      return literalText(setting.value);
    });
  }
  return result;
}
