/**
 * Problems as CI systems read them: SARIF 2.1.0 (code scanning) and GitHub Actions workflow
 * commands (`::error file=…,line=…::…`), for `vot check` and `vot test`. One shape goes in: a
 * diagnostic, or a broken duty or failed scenario put in the same shape. This module owns the
 * escaping of both formats: nothing from a policy or a file name reaches them another way.
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '@vot/engine';

/** A problem to annotate: a diagnostic's fields, with a rule id that may be outside the diagnostic codes. */
export interface Annotation {
  /** The rule: a diagnostic code, `broken-duty` or `scenario-failed`. */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  start?: { line: number; column: number };
  end?: { line: number; column: number };
  help?: string;
}

export type AnnotationFormat = 'sarif' | 'github';

/** A diagnostic as an annotation. */
export const fromDiagnostic = (d: Diagnostic): Annotation => ({
  rule: d.code,
  severity: d.severity,
  message: d.message,
  ...(d.file === undefined ? {} : { file: d.file }),
  ...(d.start ? { start: d.start } : {}),
  ...(d.end ? { end: d.end } : {}),
  ...(d.help ? { help: d.help } : {}),
});

/** `file:line` or `file:line:column`, as traces and scenario results carry a place. */
export function placeOf(at: string): Pick<Annotation, 'file' | 'start'> {
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(at);
  if (!match) return { file: at };
  return { file: match[1]!, start: { line: Number(match[2]), column: Number(match[3] ?? 1) } };
}

/** A path as both formats want it: relative to the working folder, with forward slashes. */
const repositoryPath = (file: string, cwd: string) => (isAbsolute(file) ? relative(cwd, file) : file).split('\\').join('/');

/** GitHub's escaping of a workflow command's message, and (stricter) of a property value. */
const githubData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const githubProperty = (text: string) => githubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** One `::error …::message` line per annotation (`::warning` for warnings). */
export function githubAnnotations(annotations: readonly Annotation[], cwd: string): string {
  return annotations
    .map((a) => {
      const properties: string[] = [];
      if (a.file !== undefined) properties.push(`file=${githubProperty(repositoryPath(a.file, cwd))}`);
      if (a.start) properties.push(`line=${a.start.line}`, `col=${a.start.column}`);
      if (a.end) properties.push(`endLine=${a.end.line}`, `endColumn=${a.end.column}`);
      properties.push(`title=${githubProperty(`vot: ${a.rule}`)}`);
      const message = a.help ? `${a.message}\n${a.help}` : a.message;
      return `::${a.severity} ${properties.join(',')}::${githubData(message)}`;
    })
    .join('\n');
}

/** A SARIF 2.1.0 log with one run of the tool `vot`. */
export function sarifLog(annotations: readonly Annotation[], cwd: string, version: string): string {
  const rules = [...new Set(annotations.map((a) => a.rule))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'vot', version, informationUri: 'https://github.com/vot-policies/vot', rules: rules.map((id) => ({ id })) },
        },
        results: annotations.map((a) => ({
          ruleId: a.rule,
          ruleIndex: rules.indexOf(a.rule),
          level: a.severity,
          message: { text: a.help ? `${a.message}\n${a.help}` : a.message },
          ...(a.file === undefined
            ? {}
            : {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: encodeURI(repositoryPath(a.file, cwd)) },
                      ...(a.start
                        ? {
                            region: {
                              startLine: a.start.line,
                              startColumn: a.start.column,
                              ...(a.end ? { endLine: a.end.line, endColumn: a.end.column } : {}),
                            },
                          }
                        : {}),
                    },
                  },
                ],
              }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** The annotations in a CI format. */
export function renderAnnotations(format: AnnotationFormat, annotations: readonly Annotation[], cwd: string, version: string): string {
  return format === 'sarif' ? sarifLog(annotations, cwd, version) : githubAnnotations(annotations, cwd);
}
