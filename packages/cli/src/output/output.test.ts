/**
 * The pieces behind `vot`'s colour and GitHub annotations, tested on their own: when colour is
 * wanted (NO_COLOR, FORCE_COLOR and the terminal, over every combination), what gets painted, and
 * how an annotation escapes what GitHub would read as a command. The commands that use them are
 * tested as processes in tests/cli-conventions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../io.js';
import { githubAnnotations } from './annotations.js';
import { paint } from './colour.js';

describe('colour', () => {
  it('is wanted as NO_COLOR, FORCE_COLOR and the terminal say, over every combination', () => {
    const values = fc.constantFrom(undefined, '', '0', '1', 'true', 'false', '3');
    fc.assert(
      fc.property(values, values, fc.boolean(), (force, noColor, isTTY) => {
        const env = { ...(force === undefined ? {} : { FORCE_COLOR: force }), ...(noColor === undefined ? {} : { NO_COLOR: noColor }) };
        const expected = force !== undefined ? !['0', 'false'].includes(force) : noColor ? false : isTTY;
        expect(colourWanted(env, isTTY)).toBe(expected);
      }),
    );
  });

  it('paints only the starts of the lines it writes', () => {
    expect(paint('error[unknown-fact]: unknown fact `x`\n  --> a.yaml:1:2\nPASS: 3/3\nthe error: stays')).toBe(
      '\u001b[1m\u001b[31merror[unknown-fact]\u001b[0m: unknown fact `x`\n  --> a.yaml:1:2\n\u001b[32mPASS\u001b[0m: 3/3\nthe error: stays',
    );
  });
});

describe('GitHub annotations', () => {
  it('escape what GitHub would read as a command, in messages and properties', () => {
    const line = githubAnnotations(
      [{ rule: 'x', severity: 'warning', message: 'a%b\n::error::c', file: 'p,q:r.yaml', start: { line: 1, column: 2 } }],
      '/repo',
    );
    expect(line).toBe('::warning file=p%2Cq%3Ar.yaml,line=1,col=2,title=vot%3A x::a%25b%0A::error::c');
    expect(line.split('\n')).toHaveLength(1);
  });
});
