/**
 * What the checker passes share: the loaded documents by kind, one reporter for every problem,
 * and the registries the passes fill in turn (facts and outcome ids, sources, settings, points,
 * named conditions, policies, scenarios, duty catalogues). A pass reads what the passes before
 * it registered and adds its own; check.ts lists them in that order.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticInput } from '../diagnostics.js';
export { didYouMean } from '../diagnostics.js';
import { locationText } from '../location.js';
import type { DeclarationReporter } from '../fact-types/index.js';
import type { LoadedDocument, LoadedDocumentOf, LoadedFolder } from '../load/folder.js';
import { pathText, type PathSegment } from '../load/parse.js';
import type { DocumentKind } from '../schema/documents.js';
import type {
  ConditionNode,
  DutyCatalogueModel,
  FactModel,
  FactValue,
  LimitModel,
  Lang,
  Location,
  OutcomeModel,
  PointModel,
  PointOutcomeModel,
  PolicyModel,
  ScenarioModel,
  SettingModel,
  SourceModel,
  Text,
} from '../model.js';

export interface CheckOptions {
  /** Settings in force instead of their defaults, by setting id. */
  settings?: Readonly<Record<string, FactValue>>;
  /** The hash of the texts the documents came from. */
  hash: string;
}

/** Reports problems of one document, at positions inside it, into the shared reporter. */
export class DocumentReporter {
  /** Languages every text of this document needs besides the set's (a policy's `languages:`). */
  readonly languages: Lang[];

  constructor(
    readonly entry: LoadedDocument,
    private readonly out: Diagnostic[],
  ) {
    this.languages = entry.kind === 'policy' ? ((entry.document.languages ?? []) as Lang[]) : [];
  }

  at(path: readonly PathSegment[]): Location {
    const where = this.entry.parsed.locate(path);
    return { file: this.entry.file, line: where?.start.line ?? 1, column: where?.start.column ?? 1 };
  }

  report<C extends DiagnosticCode>(path: readonly PathSegment[], input: DiagnosticInput<C, 'file'>, options: { key?: boolean } = {}): void {
    const where = this.entry.parsed.locate(path, options);
    this.out.push(diagnostic({ ...input, file: this.entry.file, start: where?.start, end: where?.end, path: pathText(path) }));
  }

  /** Reports at paths inside the place `prefix` (a fact or setting declaration, checked by its type). */
  inside(prefix: readonly PathSegment[]): DeclarationReporter {
    return {
      report: (path, problem) => this.report([...prefix, ...path], problem),
      pathText: (path) => pathText([...prefix, ...path]),
    };
  }
}

/** The one reporter of a check: every pass reports here, in a document or outside any. */
export class Reporter {
  private readonly out: Diagnostic[] = [];

  /** Reports at paths inside `entry`. */
  in(entry: LoadedDocument): DocumentReporter {
    return new DocumentReporter(entry, this.out);
  }

  /** A problem with no place in a document: a missing document, a setting a host passed. */
  general<C extends DiagnosticCode>(input: DiagnosticInput<C>): void {
    this.out.push(diagnostic(input));
  }

  /** Every problem reported, each once (a text checked twice reports once). */
  diagnostics(): Diagnostic[] {
    const seen = new Set<string>();
    return this.out.filter((d) => {
      const key = `${d.code}|${d.file}|${d.start?.line}|${d.start?.column}|${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

export { locationText };

/** Declared ids of one kind, in declaration order; a second declaration of an id is reported with the place of the first. */
export class Registry<T> {
  readonly byId = new Map<string, T>();
  private readonly places = new Map<string, Location>();

  constructor(private readonly what: string) {}

  add(rep: DocumentReporter, path: readonly PathSegment[], id: string, value: T): void {
    const existing = this.places.get(id);
    if (existing) {
      rep.report(path, { code: 'duplicate-id', args: { what: this.what, id, other: locationText(existing) } });
      return;
    }
    this.byId.set(id, value);
    this.places.set(id, rep.at(path));
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  values(): T[] {
    return [...this.byId.values()];
  }
}

/** A policy that decides an outcome at a point, for the overrides pass to compare with the others. */
export interface OutcomeOwner {
  policy: PolicyModel;
  outcome: PointOutcomeModel;
  at: Location;
  rep: DocumentReporter;
  path: PathSegment[];
}

export interface CheckContext {
  readonly options: CheckOptions;
  readonly reporter: Reporter;
  /** The loaded documents of one kind, in file order. */
  documents<K extends DocumentKind>(kind: K): Array<Extract<LoadedDocument, { kind: K }>>;
  /** The policy set and the vocabulary: exactly one each, or there is nothing to check. */
  readonly set: LoadedDocumentOf<'policy-set'>;
  readonly vocabulary: LoadedDocumentOf<'vocabulary'>;
  /** The languages every text needs. */
  readonly languages: Lang[];

  // Filled by the passes, in the order check.ts runs them.
  /** vocabulary */
  readonly facts: Registry<FactModel>;
  /** vocabulary: the fact that carries the date a decision is made for, if one is declared */
  decisionDate?: string;
  /** vocabulary */
  readonly outcomes: Registry<OutcomeModel>;
  /** vocabulary */
  readonly limits: Registry<LimitModel>;
  /** sources */
  readonly sources: Registry<SourceModel>;
  /** settings */
  readonly settings: Registry<SettingModel>;
  /** policy set: the decision points, and the set's title */
  readonly points: Registry<PointModel>;
  setTitle: Text;
  /** named conditions: each policy document's, checked (a cyclic one stands as false) */
  readonly namedConditions: Map<LoadedDocumentOf<'policy'>, PolicyModel['conditions']>;
  /** policies */
  readonly policies: Registry<PolicyModel>;
  /** policies: the reporter of each policy id's first document */
  readonly policyReporters: Map<string, DocumentReporter>;
  /** policies: who decides each outcome, by `<point>\u0000<outcome>` */
  readonly outcomeOwners: Map<string, OutcomeOwner[]>;
  /** policies: every registered policy's named conditions by qualified name */
  readonly conditionsByName: Map<string, ConditionNode>;
  /** scenarios */
  readonly scenarios: ScenarioModel[];
  /** duties */
  readonly duties: DutyCatalogueModel[];
}

/**
 * The context of one check, or undefined (with the problem reported) when the folder lacks
 * its policy set or vocabulary: without them no reference can be resolved.
 */
export function createContext(loaded: LoadedFolder, options: CheckOptions, reporter: Reporter): CheckContext | undefined {
  const documents = <K extends DocumentKind>(kind: K) =>
    loaded.documents.filter((d): d is Extract<LoadedDocument, { kind: K }> => d.kind === kind);
  const single = <D extends LoadedDocument>(found: D[], missing: 'missing-policy-set' | 'missing-vocabulary'): D | undefined => {
    if (found.length === 0) reporter.general({ code: missing });
    for (const extra of found.slice(1)) {
      reporter.in(extra).report(['kind'], { code: 'duplicate-document', args: { kind: extra.kind, other: found[0]!.file } });
    }
    return found[0];
  };
  const set = single(documents('policy-set'), 'missing-policy-set');
  const vocabulary = single(documents('vocabulary'), 'missing-vocabulary');
  if (!set || !vocabulary) return undefined;
  return {
    options,
    reporter,
    documents,
    set,
    vocabulary,
    languages: set.document.languages as Lang[],
    facts: new Registry('fact'),
    outcomes: new Registry('outcome id'),
    limits: new Registry('limit'),
    sources: new Registry('source'),
    settings: new Registry('setting'),
    points: new Registry('decision point'),
    setTitle: {},
    namedConditions: new Map(),
    policies: new Registry('policy'),
    policyReporters: new Map(),
    outcomeOwners: new Map(),
    conditionsByName: new Map(),
    scenarios: [],
    duties: [],
  };
}
