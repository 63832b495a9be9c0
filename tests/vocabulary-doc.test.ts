/**
 * docs/vocabulary.md is the repository's own statement of the public contract: every fact, every
 * value of an enum fact and every outcome id of the bundled vocabulary has a row there. A fact or
 * an outcome added to policies/vocabulary.yaml without its meaning written down fails here.
 */
import { readFile } from 'node:fs/promises';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';

const doc = await readFile(new URL('../docs/vocabulary.md', import.meta.url), 'utf8');
const { model } = await loadPolicies();

/** The table row whose first cell is `id` in backticks, or undefined. */
const rowOf = (id: string): string | undefined => doc.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));

describe('docs/vocabulary.md', () => {
  it.each(model.facts.map((fact) => [fact.id, fact] as const))('explains the fact %s and each of its values', (id, fact) => {
    const row = rowOf(id);
    expect(row, `no row for the fact \`${id}\``).toBeDefined();
    const values = fact.type === 'enum' ? (fact.values ?? []) : [];
    for (const value of values) expect(row, `the row of \`${id}\` does not name the value \`${value}\``).toContain(`\`${value}\``);
  });

  it.each(model.outcomes.map((outcome) => [outcome.id] as const))('explains the outcome id %s', (id) => {
    expect(rowOf(id), `no row for the outcome id \`${id}\``).toBeDefined();
  });

  it('names exactly the facts an explanation may not change, each with its reason, and every other fact as one that varies', () => {
    const section = doc.slice(doc.indexOf('## Why not'), doc.indexOf('\n## ', doc.indexOf('## Why not') + 1));
    const fixed = [...section.matchAll(/^- `([a-zA-Z]+)`: \S/gm)].map((match) => match[1]);
    expect(fixed).toEqual(model.facts.filter((fact) => fact.explain === 'fixed').map((fact) => fact.id));
    const rest = section.slice(section.indexOf('Every other fact may vary'));
    for (const fact of model.facts.filter((f) => f.explain !== 'fixed')) expect(rest, fact.id).toContain(`\`${fact.id}\``);
  });
});
