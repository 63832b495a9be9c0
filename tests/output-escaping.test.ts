/**
 * The output modules against generated hostile text: control characters, direction controls,
 * Markdown and HTML metacharacters, mentions, URLs and e-mail addresses. Markdown is parsed as
 * GitHub-flavoured Markdown (micromark with the GFM extension, the reference implementation of
 * the GFM spec) and must hold the text in the one node it was put in, unchanged, adding nothing.
 */
import fc from 'fast-check';
import {
  escapeHtml,
  htmlHref,
  markdownCode,
  markdownLink,
  markdownText,
  markdownUrl,
  scriptJson,
  terminalColumns,
  terminalJson,
  terminalLine,
  terminalProse,
  terminalText,
} from '@vot/engine/tools';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { nodes, parseGfm as parse, textOf as renderedText } from './gfm.js';

/** Every character that acts on a terminal or on how text displays. */
const acting = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/;

const pieces = [
  '\u001b[2J',
  '\u001b[1A\u001b[2KPERMITTED',
  '\u009b31m',
  '\u202e',
  '\u2066',
  '\r',
  '\n',
  '\n\n# Approved by legal\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u2028',
  '@octocat',
  'a@b.example',
  'https://evil.example/x.png',
  'www.evil.example',
  'mailto:a@b.example',
  '![img](https://evil.example/i.png)',
  '[link](https://evil.example)',
  '<img src=x onerror=alert(1)>',
  '<!-- -->',
  '</script>',
  '`',
  '``',
  '*',
  '**',
  '_',
  '~~',
  '|',
  '\\',
  '#',
  '> ',
  '- ',
  '+ ',
  '1. ',
  '1) ',
  '---',
  '===',
  '$x$',
  '$$',
  '&amp;',
  '&#64;',
  '&',
  '"',
  "'",
  ')',
  '(',
  '[',
  ']',
  ':',
  '[^1]',
  '- [ ] ',
  '    ',
  '%',
  'å',
  '😀',
];

/** Text that mixes ordinary characters with the pieces above. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** The rendered text as a reader sees it: without the zero-width spaces that break links. */
const textOf = (node: Nodes): string => renderedText(node).replace(/\u200b/g, '');

/** A URL with its percent escapes decoded where they decode (to compare encodings of one URL). */
const decoded = (url: string): string =>
  url.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** What is live in rendered text on GitHub: a mention, an e-mail address or a bare URL or www. link. */
const live = /@[A-Za-z0-9]|:\/\/|www\./i;

describe('terminal output', () => {
  it('property: no acting character survives; everything else is kept; line feeds and tabs only where allowed', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = terminalText(text);
        expect(shown).not.toMatch(acting);
        // Undoing the escapes gives the text back (when it had no `\u` of its own).
        if (!text.includes('\\u'))
          expect(shown.replace(/\\u([0-9a-f]{4})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))).toBe(text);
        expect(terminalLine(text)).not.toMatch(/[\n\t\r]/);
        expect(terminalLine(text)).not.toMatch(acting);
        expect(terminalProse(text)).not.toMatch(/[\n\t\r]|^ | $/);
        // One visible character per character, so a caret under a code frame stays in its column.
        const columns = terminalColumns(text);
        expect(columns.length).toBe(text.length);
        expect(columns).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it('property: terminal JSON reads back as the same value and holds no acting character', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, text) => {
        const data = { value, text, [text]: 1 };
        const shown = terminalJson(data);
        expect(shown.replace(/\n/g, '')).not.toMatch(acting);
        expect(JSON.parse(shown)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });

  it('shows an escape sequence instead of sending it', () => {
    expect(terminalText('ok\u001b[1A\u001b[2KPERMITTED\n')).toBe('ok\\u001b[1A\\u001b[2KPERMITTED\n');
    expect(terminalLine('a.yaml\nPERMITTED')).toBe('a.yaml\\u000aPERMITTED');
  });
});

describe('Markdown output', () => {
  it('property: a text stays in its list item as one paragraph of plain text, whole, with nothing live', () => {
    fc.assert(
      fc.property(hostile, hostile, (first, second) => {
        const tree = parse(`- ${markdownText(first)}\n- **${markdownText(second)}**\n`);
        expect(tree.children.map((n) => n.type)).toEqual(['list']);
        const list = tree.children[0] as Extract<Nodes, { type: 'list' }>;
        expect(list.children).toHaveLength(2);
        for (const item of list.children) {
          expect(item.children.length).toBeLessThanOrEqual(1);
          for (const node of nodes(item)) expect(['listItem', 'paragraph', 'text', 'strong']).toContain(node.type);
        }
        expect(textOf(list.children[0]!)).toBe(terminalProse(first));
        expect(textOf(list.children[1]!)).toBe(terminalProse(second));
        expect(renderedText(tree)).not.toMatch(live);
      }),
    );
  });

  it('property: a heading and a table cell hold their text whole, and a code span holds any text', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, cell, id) => {
        const tree = parse(
          `## ${markdownText(title)}\n\n| a | b |\n|---|---|\n| ${markdownText(cell)} | ${markdownCode(id, { cell: true })} |\n\n- ${markdownCode(id)}\n`,
        );
        expect(tree.children.map((n) => n.type)).toEqual(['heading', 'table', 'list']);
        const [heading, table, list] = tree.children as [Nodes, Extract<Nodes, { type: 'table' }>, Nodes];
        expect(textOf(heading)).toBe(terminalProse(title));
        expect(table.children).toHaveLength(2);
        const row = table.children[1]!;
        expect(row.children).toHaveLength(2);
        expect(textOf(row.children[0]!)).toBe(terminalProse(cell));
        const code = [...nodes(row.children[1]!)].filter((n) => n.type === 'inlineCode');
        expect(code).toHaveLength(terminalProse(id) === '' || id.includes('|') ? 0 : 1);
        expect(textOf(row.children[1]!)).toBe(terminalProse(id));
        expect([...nodes(list)].filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value)).toEqual(
          terminalProse(id) === '' ? [] : [terminalProse(id)],
        );
        for (const node of nodes(tree))
          expect(['root', 'heading', 'table', 'tableRow', 'tableCell', 'text', 'inlineCode', 'list', 'listItem', 'paragraph']).toContain(
            node.type,
          );
      }),
    );
  });

  it('property: a source link is the one link, to its own URL, percent-encoded; nothing else is linked or shown as an image', () => {
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl(), hostile).map(([base, tail]) => `${base}/${tail}`),
      hostile,
    );
    fc.assert(
      fc.property(hostile, url, (citation, given) => {
        const tree = parse(`- ${markdownLink(citation, given)}\n`);
        const links = [...nodes(tree)].filter((n) => n.type === 'link');
        expect([...nodes(tree)].filter((n) => n.type === 'image' || n.type === 'html' || n.type === 'linkReference')).toEqual([]);
        const destination = markdownUrl(given);
        if (destination === undefined) {
          expect(links).toEqual([]);
        } else {
          expect(links).toHaveLength(1);
          const link = links[0] as Extract<Nodes, { type: 'link' }>;
          // The destination is the given URL, only encoded.
          expect(decoded(link.url)).toBe(decoded(new URL(given).href));
          expect(destination).not.toMatch(/[\s()<>"'`]/);
        }
        expect(textOf(tree)).toBe(terminalProse(citation));
      }),
    );
  });

  it('a URL with `)` cannot add an image to the book, and a non-http URL is no link', () => {
    const text = markdownLink('Lov', 'https://lovdata.no/x)![pwned](https://evil.example/i.png');
    expect(text).toBe('[Lov](https://lovdata.no/x%29!%5Bpwned%5D%28https://evil.example/i.png)');
    expect(markdownLink('Lov', 'javascript:alert(1)')).toBe('Lov');
    expect(markdownText('see @octocat\n\n# Approved')).toBe('see @&#8203;octocat \\# Approved');
  });
});

describe('HTML output', () => {
  const decode = (html: string) =>
    html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

  it('property: escaped text opens no element, attribute or entity of its own, and reads back as the visible text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"']/);
        expect(html.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(decode(html)).toBe(terminalText(text));
        expect(html).not.toMatch(acting);
      }),
    );
  });

  it('property: only http(s) URLs become links, and script data cannot close its element', () => {
    fc.assert(
      fc.property(hostile, fc.jsonValue(), (text, value) => {
        const href = htmlHref(text);
        if (href !== undefined) expect(href).toMatch(/^https?:\/\/[^<>"']*$/i);
        const json = scriptJson({ text, value });
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ text, value })));
      }),
    );
    expect(htmlHref('javascript:alert(1)')).toBeUndefined();
    expect(htmlHref('https://lovdata.no/a"onmouseover="x')).toBe('https://lovdata.no/a%22onmouseover=%22x');
  });
});
