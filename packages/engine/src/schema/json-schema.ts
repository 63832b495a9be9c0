/** JSON Schema (draft-07, as yaml-language-server reads it) generated from the zod schemas. */
import { z } from 'zod';
import { documentSchemas } from './documents.js';
import { editorJsonSchema, type EditorVocabulary } from './editor.js';

export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The schema file names in `policies/schema/`, one per document kind. */
export const schemaFileNames = {
  'policy-set': 'policy-set.schema.json',
  vocabulary: 'vocabulary.schema.json',
  sources: 'sources.schema.json',
  settings: 'settings.schema.json',
  policy: 'policy.schema.json',
  scenarios: 'scenarios.schema.json',
  duties: 'duties.schema.json',
} as const satisfies Record<keyof typeof documentSchemas, string>;

/**
 * Every schema file's content, as committed under `policies/schema/`: the editor schema, with
 * the fact names, outcome ids, sources, settings and points of `vocabulary` when given.
 */
export function jsonSchemaFiles(vocabulary?: EditorVocabulary): Map<string, string> {
  const files = new Map<string, string>();
  for (const [kind, fileName] of Object.entries(schemaFileNames)) {
    const schema = editorJsonSchema(documentSchemas[kind as keyof typeof documentSchemas], vocabulary);
    const origin = vocabulary ? ' and the vocabulary, sources, settings and points of the policy folder' : '';
    const titled = {
      ...schema,
      title: `@vot policy file: kind ${kind}`,
      $comment: `Generated from packages/engine/src/schema/documents.ts${origin} by \`pnpm vot schema --write\`. Do not edit.`,
    };
    files.set(fileName, `${JSON.stringify(titled, null, 2)}\n`);
  }
  return files;
}
