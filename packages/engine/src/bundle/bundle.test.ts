import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../diagnostics.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { PolicySet } from '../decide/policy-set.js';
import { combinations, defaultFacts, pointDomain } from '../analyze/domain.js';
import { bundleFormat, parseBundle, serializeBundle } from './bundle.js';

const model = checkPolicyTexts(new Map(Object.entries(minimalPolicyFiles))).model!;

const refusal = (text: string): string => {
  try {
    parseBundle(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
  }
  throw new Error('bundle accepted');
};

describe('policy bundle', () => {
  it('reads back the model it was made from, and decides the same', () => {
    const text = serializeBundle(model);
    const read = parseBundle(text);
    expect(read).toEqual(JSON.parse(JSON.stringify(model)));
    expect(JSON.parse(text)).toMatchObject({
      format: bundleFormat,
      policy: { name: model.name, version: model.version, hash: model.hash },
    });
    const fromYaml = new PolicySet(model);
    const fromBundle = new PolicySet(read);
    // Every combination of the finite fact domain of every point decides the same.
    let compared = 0;
    for (const point of model.points) {
      for (const facts of combinations(pointDomain(model, point), defaultFacts(model))) {
        expect(fromBundle.decideValidated(point.id, facts)).toEqual(fromYaml.decideValidated(point.id, facts));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1);
  });

  it('refuses a bundle whose model text was changed anywhere', () => {
    const text = serializeBundle(model);
    const start = text.indexOf('"model":') + '"model":'.length;
    // Any change to one character of a string value inside the model is caught by the integrity hash.
    const quoted = [...text.matchAll(/"([a-z]{2,})"/g)].filter((m) => m.index! > start);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: quoted.length - 1 }), (index) => {
        const match = quoted[index]!;
        const at = match.index! + 1;
        const edited = text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
        expect(refusal(edited)).toMatch(/^bundle-invalid: /);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a header that does not match the model, another format, and non-JSON', () => {
    const text = serializeBundle(model);
    expect(refusal(text.replace(`"hash":"${model.hash}"`, `"hash":"sha256:0"`))).toContain('header differs');
    expect(refusal(text.replace(bundleFormat, 'vot-policy-bundle@0'))).toContain('format is `vot-policy-bundle@0`');
    expect(refusal(text.slice(0, text.length / 2))).toContain('not valid JSON');
    expect(refusal('[]')).toContain('not a JSON object');
  });
});
