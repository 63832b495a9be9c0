/**
 * The scale generator: the bundled organisations multiplied `copies` times into a new policy
 * folder, as a set with every municipality in it would look. Copy 1 is the bundled set itself;
 * copy k (2..copies) adds, for every value v of the organisation fact, a new value `v-k` that
 * behaves exactly as v does:
 *
 * - shared files (policies, duty catalogues, scenarios outside `organisations/`) name every copy
 *   wherever they name an organisation (`is: v` becomes `in: [v, v-2, …]`, `in` and `notIn`
 *   lists grow the same way), so a shared policy or duty applies to every copy of the
 *   organisations it applied to;
 * - every organisation pack (`organisations/<pack>/`) is copied to `organisations/<pack>-k/`,
 *   its policy ids renamed (`<id>-k`), every organisation it names replaced by the copy's own,
 *   and its scenarios renamed and run for the copy's organisations.
 *
 * Files are read with the `yaml` document API and edited in place at the source ranges of the
 * nodes that change, so every other byte (comments, layout) stays and the folder grows as a real
 * one would. The result loads, checks and passes the regulation gate exactly
 * when the bundled set does (tests/scale-generator.test.ts).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { folderCeiling, folderLimits } from '@vot/engine/tools';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, visit } from 'yaml';

/** The fact that names the organisation an incident belongs to. */
const organisationFact = 'organisation';
const packFolder = 'organisations';

export interface MultipliedFolder {
  copies: number;
  /** Organisation values in the new folder (bundled ones times `copies`). */
  organisations: number;
  files: number;
  bytes: number;
}

/** Every `.yaml` file under `dir`, by relative path with `/` separators, sorted. */
async function yamlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.yaml')) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  await walk(dir);
  return found.sort();
}

/** The values of the organisation fact, as declared in the vocabulary. */
function organisationValues(vocabulary: Document): string[] {
  const facts = vocabulary.get('facts');
  if (!isSeq(facts)) throw new Error('the vocabulary has no list of facts');
  for (const fact of facts.items) {
    if (isMap(fact) && fact.get('id') === organisationFact) {
      const values = fact.get('values');
      if (isSeq(values)) return values.items.map((item) => String(isScalar(item) ? item.value : item));
    }
  }
  throw new Error(`the vocabulary declares no enum fact \`${organisationFact}\``);
}

const scalarText = (node: unknown): string | undefined => (isScalar(node) ? String(node.value) : undefined);

/** A replacement of the text between two offsets. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The text with the edits made, everything else left byte for byte. */
function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((x, y) => y.start - x.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** Where a node's text lies (value only, without a comment after it). */
function span(node: Node | null): [number, number] {
  if (!node?.range) throw new Error('a node without a source range');
  return [node.range[0], node.range[1]];
}

const listText = (values: readonly string[]): string => `[${values.join(', ')}]`;

/**
 * Edits that rewrite every condition test of the organisation fact: each value becomes the list
 * `rename` gives for it; a one-value test that now names several becomes a list test (`is` →
 * `in`, `isNot` → `notIn`).
 */
function organisationTestEdits(document: Document, rename: (value: string) => string[]): Edit[] {
  const edits: Edit[] = [];
  visit(document, {
    Map(_key, map: YAMLMap) {
      if (map.get('fact') !== organisationFact) return;
      for (const pair of map.items as Array<Pair<Node, Node>>) {
        const key = scalarText(pair.key);
        if (key === 'is' || key === 'isNot') {
          const values = rename(scalarText(pair.value)!);
          const [start] = span(pair.key);
          const [, end] = span(pair.value);
          const text = values.length === 1 ? `${key}: ${values[0]}` : `${key === 'is' ? 'in' : 'notIn'}: ${listText(values)}`;
          edits.push({ start, end, text });
        } else if ((key === 'in' || key === 'notIn') && isSeq(pair.value)) {
          const [start, end] = span(pair.value);
          edits.push({ start, end, text: listText(pair.value.items.flatMap((item) => rename(scalarText(item)!))) });
        }
      }
    },
  });
  return edits;
}

/** The edit that lists every copy's organisation values after the bundled ones in the vocabulary. */
function vocabularyEdit(document: Document, values: readonly string[], copies: number): Edit {
  const facts = document.get('facts');
  if (isSeq(facts)) {
    for (const fact of facts.items) {
      const list = isMap(fact) && fact.get('id') === organisationFact ? fact.get('values', true) : undefined;
      if (isSeq(list)) {
        const [start, end] = span(list);
        return { start, end, text: listText(copiesOf(values, copies)) };
      }
    }
  }
  throw new Error(`the vocabulary declares no enum fact \`${organisationFact}\``);
}

/** `values` followed by their copies 2..copies, copy by copy. */
function copiesOf(values: readonly string[], copies: number): string[] {
  const all = [...values];
  for (let k = 2; k <= copies; k++) for (const value of values) all.push(`${value}-${k}`);
  return all;
}

/** Edits that make an organisation pack's file copy k: its own organisations, policy id and scenario names. */
function packCopyEdits(document: Document, organisations: ReadonlySet<string>, k: number): Edit[] {
  const own = (value: string) => (organisations.has(value) ? `${value}-${k}` : value);
  const edits = organisationTestEdits(document, (value) => [own(value)]);
  const suffix = (node: unknown, text: (value: string) => string) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    // Plain or quoted alike: a JSON string is valid YAML in either place.
    edits.push({ start: node.range[0], end: node.range[1], text: JSON.stringify(text(node.value)) });
  };
  suffix(document.get('policy', true), (id) => `${id}-${k}`);
  const scenarios = document.get('scenarios');
  if (isSeq(scenarios)) {
    for (const scenario of scenarios.items) {
      if (!isMap(scenario)) continue;
      suffix(scenario.get('name', true), (name) => `${name} (copy ${k})`);
      const facts = scenario.get('facts');
      if (isMap(facts)) suffix(facts.get(organisationFact, true), own);
    }
  }
  return edits;
}

/**
 * A folder past the default folder limits declares its own in policy-set.yaml, with room to
 * grow by half, as a real set that has grown would; never past the ceiling.
 */
function declareLimits(written: Map<string, string>): void {
  const bytes = [...written.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (written.size <= folderLimits.maxFiles && bytes <= folderLimits.maxTotalBytes) return;
  const megabyte = 1024 * 1024;
  const files = Math.min(Math.ceil(written.size * 1.5), folderCeiling.maxFiles);
  const megabytes = Math.min(Math.ceil((bytes * 1.5) / megabyte), folderCeiling.maxTotalBytes / megabyte);
  const text = written.get('policy-set.yaml');
  if (text === undefined) throw new Error('the folder has no policy-set.yaml');
  written.set('policy-set.yaml', `${text.endsWith('\n') ? text : `${text}\n`}limits: { files: ${files}, megabytes: ${megabytes} }\n`);
}

/** Writes the bundled set `source` multiplied `copies` times into `target` (an empty or new folder). */
export async function multiplyPolicies(source: string, target: string, copies: number): Promise<MultipliedFolder> {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a whole number of at least 1, not ${copies}`);
  const files = await yamlFiles(source);
  const texts = new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(source, file), 'utf8')] as const)));
  const vocabularyFile = files.find((file) => parseDocument(texts.get(file)!).get('kind') === 'vocabulary');
  if (!vocabularyFile) throw new Error(`${source} has no vocabulary`);
  const values = organisationValues(parseDocument(texts.get(vocabularyFile)!));
  const organisations = new Set(values);
  const everyCopy = (value: string) => (organisations.has(value) ? copiesOf([value], copies) : [value]);

  const written = new Map<string, string>();
  for (const file of files) {
    const text = texts.get(file)!;
    if (copies === 1) {
      written.set(file, text);
      continue;
    }
    const document = parseDocument(text);
    if (!file.startsWith(`${packFolder}/`)) {
      const edits = organisationTestEdits(document, everyCopy);
      if (file === vocabularyFile) edits.push(vocabularyEdit(document, values, copies));
      written.set(file, applyEdits(text, edits));
      continue;
    }
    // A pack's first copy is the bundled pack itself.
    written.set(file, text);
    const [, pack, ...rest] = file.split('/');
    for (let k = 2; k <= copies; k++) {
      written.set([packFolder, `${pack}-${k}`, ...rest].join('/'), applyEdits(text, packCopyEdits(document, organisations, k)));
    }
  }
  declareLimits(written);
  let bytes = 0;
  for (const [file, text] of written) {
    const path = join(target, ...file.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { copies, organisations: values.length * copies, files: written.size, bytes };
}
