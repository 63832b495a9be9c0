/**
 * Settings a host passes when it loads the policies come from outside the policy folder: any
 * value that is not a plain record of setting ids is refused with a diagnostic, never ignored
 * (that would silently decide with the defaults) and never thrown as a raw exception.
 */
import { checkPolicyTexts } from '@vot/engine';
import { describe, expect, it } from 'vitest';
import { minimalPolicyFiles } from '@vot/engine/tools';

const files = new Map(Object.entries(minimalPolicyFiles));
const check = (settings: unknown) => checkPolicyTexts(files, { settings: settings as never });

describe('settings from the host', () => {
  it('a plain record, or a prototype-free one, within range gives a model with the value in force', () => {
    for (const settings of [{ 'door.max-weeks': 3 }, Object.assign(Object.create(null) as object, { 'door.max-weeks': 3 })]) {
      const checked = check(settings);
      expect(checked.diagnostics).toEqual([]);
      expect(checked.model!.settings.find((s) => s.id === 'door.max-weeks')!.value).toBe(3);
    }
  });

  it('a setting id longer than a message shows is still accepted (ids are not cut short before the comparison)', () => {
    const id = 'door.longest-period-a-host-may-choose-for-this';
    expect(id.length).toBeGreaterThan(40);
    const longFiles = new Map(files);
    longFiles.set('settings.yaml', minimalPolicyFiles['settings.yaml']!.replace('id: door.max-weeks', `id: ${id}`));
    longFiles.set('access/doors.yaml', minimalPolicyFiles['access/doors.yaml']!.replaceAll('door.max-weeks', id));
    const checked = checkPolicyTexts(longFiles, { settings: { [id]: 3 } });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.model!.settings.find((s) => s.id === id)!.value).toBe(3);
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['a number', 5, /invalid value at `settings`: settings must be an object/],
    ['a string', 'door.max-weeks=3', /invalid value at `settings`/],
    ['a list', [3], /invalid value at `settings`/],
    ['a Map', new Map([['door.max-weeks', 3]]), /not an instance of a class/],
    [
      'a Proxy whose traps throw',
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('trap');
          },
        },
      ),
      /cannot be read/,
    ],
    [
      'a getter',
      {
        get 'door.max-weeks'() {
          return 3;
        },
      },
      /invalid value at `settings.door.max-weeks`: a getter/,
    ],
    ['a symbol key', { 'door.max-weeks': 3, [Symbol('x')]: 1 }, /unknown setting `Symbol\(x\)`/],
    ['a key with a terminal escape', { '\u001b[2J': 3 }, /unknown setting `\\u001b\[2J`/],
    ['`__proto__` from JSON', JSON.parse('{"__proto__": 3}'), /unknown setting `__proto__`/],
    ['a value of the wrong type', { 'door.max-weeks': '3' }, /setting `door.max-weeks`/],
    ['NaN', { 'door.max-weeks': NaN }, /setting `door.max-weeks`/],
  ];
  for (const [what, settings, message] of refused) {
    it(`refuses ${what}`, () => {
      const checked = check(settings);
      expect(checked.model).toBeUndefined();
      expect(checked.diagnostics.map((d) => d.message).join('\n')).toMatch(message);
      for (const d of checked.diagnostics) expect(d.message).not.toMatch(/[\u0000-\u001f]/);
    });
  }
});
