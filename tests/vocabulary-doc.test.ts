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
});
