/**
 * Sources pass: the source catalogues of policies/sources/. Every source id is declared once
 * across the catalogues and its title and note have each language of the set; its window
 * (`inForce`) and the date of the consolidation read are real dates. `checkBasis` resolves the
 * `basis` lists of the later passes against these ids.
 */
import type { PathSegment } from '../../load/parse.js';
import type { SourceModel } from '../../model.js';
import { isIsoDate } from '../../time/calendar.js';
import { didYouMean, type CheckContext, type DocumentReporter } from '../context.js';
import { checkText } from '../texts.js';
import { checkWindow } from '../windows.js';

export function checkSources(ctx: CheckContext): void {
  for (const entry of ctx.documents('sources')) {
    const rep = ctx.reporter.in(entry);
    entry.document.sources.forEach((source, index) => {
      const path = ['sources', index];
      const { title, note, inForce, ...rest } = source;
      const model: SourceModel = { ...rest, at: rep.at(path) };
      const window = checkWindow(rep, [...path, 'inForce'], inForce, `source \`${source.id}\``);
      if (window) model.inForce = window;
      if (source.consolidation !== undefined && !isIsoDate(source.consolidation))
        rep.report([...path, 'consolidation'], {
          code: 'invalid-date',
          args: { value: source.consolidation, where: `\`consolidation\` of source \`${source.id}\`` },
        });
      if (title) model.title = checkText(ctx, rep, [...path, 'title'], title, `the title of source \`${source.id}\``);
      if (note) model.note = checkText(ctx, rep, [...path, 'note'], note, `the note of source \`${source.id}\``);
      ctx.sources.add(rep, [...path, 'id'], source.id, model);
    });
  }
}

/** The declared sources of a `basis` list, each once; an unknown id is reported. */
export function checkBasis(
  ctx: CheckContext,
  rep: DocumentReporter,
  path: readonly PathSegment[],
  ids: readonly string[] | undefined,
  where: string,
): string[] {
  const result: string[] = [];
  (ids ?? []).forEach((id, index) => {
    if (!ctx.sources.has(id)) {
      rep.report([...path, index], {
        code: 'unknown-source',
        args: { id, where },
        help: didYouMean(id, ctx.sources.ids()) ?? 'add the source to a file in policies/sources/',
      });
    } else if (!result.includes(id)) {
      result.push(id);
    }
  });
  return result;
}
