/**
 * Markdown a reviewer pastes into a pull request, made from policies with hostile text: a reason
 * that tries to add a heading claiming legal approval, a mention, an image and a link, and a
 * source URL with `)` that tries to add an image. `vot diff --format markdown` and the Markdown
 * book are parsed as GitHub-flavoured Markdown: every such text stays in its list item, nothing
 * is live, and the only links are the sources' own URLs.
 */
import { join } from 'node:path';
import { checkPolicyFolder } from '@vot/engine';
import { bookMarkdown } from '@vot/cli';
import type { Nodes, Root } from 'mdast';
import { bundledPolicyDir } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy } from './cli-harness.js';
import { nodes, parseGfm as parse, textOf } from './gfm.js';

const hostileReason = [
  'You cannot hold a talk yet, ask @octocat ![x](https://evil.example/i.png) <b>now</b> [here](https://evil.example) www.evil.example',
  '',
  '            # Approved by the legal department',
  '',
  '            - [x] signed off',
].join('\n');

const hostileUrl = 'https://www.retsinformation.dk/eli/lta/2022/799)![pwned](https://evil.example/i.png)';

/** What nobody may add to a pull-request comment or a book: markup that is not the tool's own. */
function expectNothingLive(tree: Root): void {
  for (const node of nodes(tree)) {
    expect(['image', 'imageReference', 'html', 'linkReference', 'definition', 'footnoteReference']).not.toContain(node.type);
    if (node.type === 'link') expect(node.url).toMatch(/^https:\/\/(www\.retsinformation\.dk|lovdata\.no|[a-z.]+)\//);
  }
  expect(textOf(tree)).not.toMatch(/@[A-Za-z0-9]|:\/\/|www\./);
}

describe('Markdown from hostile policy text', () => {
  it('vot diff --format markdown keeps a reason with a heading, a mention, an image and links inside its list item', async () => {
    await withPolicyCopy(async ({ policies }) => {
      await editFile(
        join(policies, 'reaction', 'ladder.yaml'),
        'You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.',
        hostileReason,
      );
      const run = await runVot(['diff', bundledPolicyDir(), policies, '--format', 'markdown', '--lang', 'en']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const tree = parse(run.stdout);
      expectNothingLive(tree);
      // The tool's own headings only: the title and its sections.
      const headings = tree.children.filter((n) => n.type === 'heading').map((n) => textOf(n));
      expect(headings).toEqual(['Semantic diff', 'Changed reasons']);
      expect(textOf(tree)).toContain('Approved by the legal department');
      // The would-be heading is part of the reason's own list item, after the reason's first words.
      const items = [...nodes(tree)].filter((n) => n.type === 'listItem' && n.children.length === 1);
      expect(
        items.some((item) => /You cannot hold a talk yet, ask .*Approved by the legal department.*signed off/.test(textOf(item))),
      ).toBe(true);
    });
  });

  it('the Markdown book keeps a source URL with `)` as one link to that URL, and adds no image', async () => {
    await withPolicyCopy(async ({ policies }) => {
      await editFile(
        join(policies, 'sources', 'dk-statutes.yaml'),
        'url: https://www.retsinformation.dk/eli/lta/2022/799',
        `url: "${hostileUrl}"`,
      );
      const checked = await checkPolicyFolder(policies);
      expect(checked.model, JSON.stringify(checked.diagnostics.slice(0, 2))).toBeDefined();
      for (const lang of ['nb', 'en'] as const) {
        const tree = parse(bookMarkdown(checked.model!, lang));
        expectNothingLive(tree);
        const links = [...nodes(tree)].filter((n): n is Extract<Nodes, { type: 'link' }> => n.type === 'link');
        const forSource = links.filter((l) => l.url.startsWith('https://www.retsinformation.dk/eli/lta/2022/799'));
        expect(forSource.length).toBeGreaterThan(0);
        for (const link of forSource) expect(decodeURIComponent(link.url)).toBe(hostileUrl);
      }
    });
  });
});
