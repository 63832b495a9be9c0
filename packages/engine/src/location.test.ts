import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locationText } from './location.js';

describe('locationText', () => {
  it('writes file:line:column, and gives the three parts back when split at the last two colons', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (file, line, column) => {
        const text = locationText({ file, line, column });
        const parts = text.split(':');
        expect(parts.slice(0, -2).join(':')).toBe(file);
        expect(parts.slice(-2).map(Number)).toEqual([line, column]);
      }),
    );
  });

  it('leaves out what it is not given: the column, then the line', () => {
    expect(locationText({ file: 'policies/a.yaml', line: 4, column: 7 })).toBe('policies/a.yaml:4:7');
    expect(locationText({ file: 'policies/a.yaml', line: 4 })).toBe('policies/a.yaml:4');
    expect(locationText({ file: 'policies/a.yaml' })).toBe('policies/a.yaml');
  });
});
