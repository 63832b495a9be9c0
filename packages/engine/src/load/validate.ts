/**
 * Parsed data → typed document, by the zod schema of its `kind`. Zod keeps its issues as data;
 * here each becomes a diagnostic at the right line and column, with what was expected.
 */
import type { z } from 'zod';
import { closest, diagnostic, listOf, type Diagnostic } from '../diagnostics.js';
import { documentSchemas, type DocumentKind } from '../schema/documents.js';
import { toJsonSchema } from '../schema/json-schema.js';
import { pathText, type ParsedFile, type PathSegment } from './parse.js';

type Issue = z.core.$ZodIssue;

interface JsonSchemaNode {
  $ref?: string;
  anyOf?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  definitions?: Record<string, JsonSchemaNode>;
}

const jsonSchemaCache = new Map<string, JsonSchemaNode>();
const kindOf = new WeakMap<ParsedFile, string>();

function kindSchema(parsed: ParsedFile): JsonSchemaNode | undefined {
  const kind = kindOf.get(parsed);
  if (!kind) return undefined;
  let cached = jsonSchemaCache.get(kind);
  if (!cached) {
    cached = toJsonSchema(documentSchemas[kind as keyof typeof documentSchemas]) as JsonSchemaNode;
    jsonSchemaCache.set(kind, cached);
  }
  return cached;
}

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `\`${String(value)}\``;
};

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment as string];
  }
  return value;
}

function whereOf(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the document' : `\`${pathText(path)}\``;
}

/** A branch whose literal key (`type: enum`, `kind: policy`) differs is about another shape. */
const isDiscriminatorMismatch = (issue: Issue): boolean =>
  issue.path.length === 1 && issue.code === 'invalid_value' && (issue as { values: unknown[] }).values.length === 1;
const isRootUnknownKeys = (issue: Issue): boolean => issue.path.length === 0 && issue.code === 'unrecognized_keys';
const isMissingKey = (issue: Issue): boolean =>
  issue.path.length === 1 && issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;

/** Scores a union branch: lower fits the shape better. */
function branchScore(issues: readonly Issue[]): number {
  let score = issues.length;
  for (const issue of issues) {
    if (isRootUnknownKeys(issue)) score += 1000;
    else if (isDiscriminatorMismatch(issue)) score += 1000;
    else if (issue.path.length === 0) score += 1000;
    else if (isMissingKey(issue)) score += 10;
  }
  return score;
}

/** The property names JSON Schema allows at a path (the union over `anyOf` branches). */
function knownKeys(schema: JsonSchemaNode | undefined, path: readonly PathSegment[]): string[] | undefined {
  const resolve = (node: JsonSchemaNode | undefined): JsonSchemaNode[] => {
    if (!node) return [];
    if (node.$ref && schema?.definitions) return resolve(schema.definitions[node.$ref.replace('#/definitions/', '')]);
    if (node.anyOf) return node.anyOf.flatMap(resolve);
    return [node];
  };
  let nodes = resolve(schema);
  for (const segment of path) {
    nodes = nodes.flatMap((node) =>
      typeof segment === 'number'
        ? resolve(node.items)
        : resolve(node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined)),
    );
  }
  const keys = new Set(nodes.flatMap((node) => Object.keys(node.properties ?? {})));
  return keys.size > 0 ? [...keys] : undefined;
}

/** A key no schema branch takes at `path`, with the keys that are taken and the closest of them. */
function unknownKeyDiagnostic(
  parsed: ParsedFile,
  path: readonly PathSegment[],
  key: string,
  known: readonly string[] | undefined,
  shown: number,
  fallbackHelp: string,
): Diagnostic {
  const keyPath = [...path, key];
  const suggestion = known ? closest(key, known) : undefined;
  return diagnostic({
    code: 'unknown-key',
    file: parsed.file,
    ...parsed.locate(keyPath, { key: true }),
    path: pathText(keyPath),
    args: { key, where: whereOf(path) },
    expected: known ? listOf(known, shown) : undefined,
    help: suggestion ? `did you mean \`${suggestion}\`?` : fallbackHelp,
  });
}

function explain(issue: Issue, base: readonly PathSegment[], data: unknown, out: Diagnostic[], parsed: ParsedFile): void {
  const path = [...base, ...(issue.path as PathSegment[])];
  const at = (key?: boolean) => parsed.locate(path, { key });
  const file = parsed.file;
  /** The value at `path` does not fit: `detail` says how; `more` adds expected, received, help. */
  const invalidValue = (detail: string, more: Pick<Diagnostic, 'expected' | 'received' | 'help'>): Diagnostic =>
    diagnostic({
      code: 'invalid-value',
      file,
      ...at(),
      path: pathText(path),
      args: { path: pathText(path) || 'document', detail },
      ...more,
    });
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(kindSchema(parsed), path);
      for (const key of issue.keys) {
        out.push(unknownKeyDiagnostic(parsed, path, key, known, 12, 'remove the key, or check its spelling and indentation'));
      }
      return;
    }
    case 'invalid_union': {
      const branches = (issue as { errors: Issue[][] }).errors;
      const value = valueAt(data, path);
      if (branches.length === 0) break;
      const ranked = [...branches].sort((x, y) => branchScore(x) - branchScore(y));
      const best = ranked[0]!;
      if (branchScore(best) < 1000) {
        for (const inner of best) explain(inner, path, data, out, parsed);
        return;
      }
      // No branch fits the shape. Object-shaped branches tell which keys they take; a key that
      // none of them takes is the likely typo.
      const objectBranches = branches.filter((branch) => branch.some((inner) => inner.path.length > 0 || isRootUnknownKeys(inner)));
      const accepted = new Set<string>();
      for (const branch of objectBranches) {
        for (const inner of branch) if (inner.path.length === 1 && typeof inner.path[0] === 'string') accepted.add(inner.path[0]);
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const takes = (key: string) =>
          accepted.has(key) ||
          objectBranches.some(
            (branch) => !branch.some((inner) => isRootUnknownKeys(inner) && (inner as { keys: string[] }).keys.includes(key)),
          );
        for (const key of Object.keys(value)) {
          if (takes(key)) continue;
          out.push(unknownKeyDiagnostic(parsed, path, key, [...accepted], 14, 'check the spelling against docs/policy-format.md'));
          return;
        }
      }
      out.push(
        invalidValue('it fits none of the allowed forms', {
          received: describeValue(value),
          expected: accepted.size > 0 ? `a map with ${listOf([...accepted], 14)}` : undefined,
          help: 'see docs/policy-format.md for the allowed forms',
        }),
      );
      return;
    }
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined && path.length > 0) {
        const key = String(path[path.length - 1]);
        const parent = path.slice(0, -1);
        out.push(
          diagnostic({
            code: 'missing-key',
            file,
            ...parsed.locate(parent),
            path: pathText(path),
            args: { key, where: whereOf(parent) },
            expected: issue.expected,
            help: `add \`${key}:\``,
          }),
        );
        return;
      }
      out.push(invalidValue(`expected ${issue.expected}`, { expected: issue.expected, received: describeValue(received) }));
      return;
    }
    case 'invalid_value': {
      const values = (issue as { values: unknown[] }).values.map(String);
      const received = valueAt(data, path);
      const suggestion = typeof received === 'string' ? closest(received, values) : undefined;
      out.push(
        invalidValue(`${describeValue(received)} is not allowed here`, {
          expected: listOf(values, 12),
          received: describeValue(received),
          help: suggestion ? `did you mean \`${suggestion}\`?` : undefined,
        }),
      );
      return;
    }
    default:
      break;
  }
  out.push(invalidValue(issue.message.replace(/^Invalid input: /, '').toLowerCase(), { received: describeValue(valueAt(data, path)) }));
}

export function validateDocument<K extends DocumentKind>(
  kind: K,
  parsed: ParsedFile,
): { document?: z.infer<(typeof documentSchemas)[K]>; diagnostics: Diagnostic[] } {
  const schema = documentSchemas[kind] as unknown as z.ZodType;
  kindOf.set(parsed, kind);
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return { document: result.data as z.infer<(typeof documentSchemas)[K]>, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) explain(issue, [], parsed.data, diagnostics, parsed);
  // One problem can surface through several union branches: keep each once.
  const seen = new Set<string>();
  return {
    diagnostics: diagnostics.filter((d) => {
      const key = `${d.code}:${d.start?.line}:${d.start?.column}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
