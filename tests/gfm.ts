/**
 * Markdown read as GitHub reads it: micromark with the GFM extension (the reference
 * implementation of the GFM spec), so the Markdown tests check where text lands against a real
 * parser rather than against the escaper's own idea of Markdown.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export const parseGfm = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Every node below `node`, depth first. */
export function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of (node as Parent).children) yield* nodes(child as Nodes);
}

/** The rendered text of a node, as GitHub looks for mentions and links in it. */
export const textOf = (node: Nodes): string =>
  [...nodes(node)]
    .filter((n): n is Extract<Nodes, { type: 'text' | 'inlineCode' }> => n.type === 'text' || n.type === 'inlineCode')
    .map((n) => n.value)
    .join('');
