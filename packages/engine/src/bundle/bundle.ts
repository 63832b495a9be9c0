/**
 * A policy bundle: the checked policy-set model as JSON, made at build time, so a host decides
 * without parsing YAML at start-up. The bundle carries the integrity hash of its model text and
 * the policy hash of the YAML it was built from; reading it verifies both, so a truncated or
 * edited bundle is refused instead of deciding with unknown rules.
 */
import { createHash } from 'node:crypto';
import { diagnostic, PolicyError } from '../diagnostics.js';
import type { PolicySetModel } from '../model.js';

/** The `format` of a policy bundle file. */
export const bundleFormat = 'vot-policy-bundle@1';

/** A checked policy set as one JSON file, with the hashes that let a host verify it before deciding. */
export interface PolicyBundle {
  format: typeof bundleFormat;
  policy: { name: string; version: string; hash: string };
  /** sha256 over `JSON.stringify(model)`. */
  integrity: string;
  model: PolicySetModel;
}

const integrityOf = (modelText: string): string => `sha256:${createHash('sha256').update(modelText).digest('hex')}`;

/** The bundle file's text for a checked model. */
export function serializeBundle(model: PolicySetModel): string {
  const modelText = JSON.stringify(model);
  const policy = { name: model.name, version: model.version, hash: model.hash };
  // Written by hand around the model text, so the integrity covers exactly the bytes shipped.
  return `{"format":${JSON.stringify(bundleFormat)},"policy":${JSON.stringify(policy)},"integrity":${JSON.stringify(integrityOf(modelText))},"model":${modelText}}\n`;
}

function refuse(file: string, reason: string, help?: string): never {
  throw new PolicyError(`the policy bundle ${file} is not usable: ${reason}`, [
    diagnostic({ code: 'bundle-invalid', file, args: { reason }, help }),
  ]);
}

/** Parses and verifies a bundle's text; throws a PolicyError naming what is wrong. */
export function parseBundle(text: string, file = 'bundle.json'): PolicySetModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    refuse(file, `not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) refuse(file, 'not a JSON object');
  const bundle = data as Partial<PolicyBundle>;
  if (bundle.format !== bundleFormat)
    refuse(
      file,
      `format is \`${String(bundle.format).slice(0, 40)}\`, expected \`${bundleFormat}\``,
      'rebuild the package with the engine version it depends on',
    );
  const model = bundle.model;
  if (model === null || typeof model !== 'object' || !Array.isArray(model.points) || !Array.isArray(model.facts))
    refuse(file, 'it holds no policy-set model');
  // JSON.parse → JSON.stringify gives back the bytes serializeBundle hashed: the model text was
  // itself produced by JSON.stringify, so key order and number forms are already normalised.
  const actual = integrityOf(JSON.stringify(model));
  if (actual !== bundle.integrity)
    refuse(
      file,
      `integrity hash mismatch (expected ${String(bundle.integrity).slice(0, 80)}, found ${actual})`,
      'the file was changed after the build; reinstall the package',
    );
  if (model.hash !== bundle.policy?.hash || model.version !== bundle.policy?.version || model.name !== bundle.policy?.name) {
    refuse(file, 'the policy name, version or hash in the header differs from the model', 'reinstall the package');
  }
  return model;
}
