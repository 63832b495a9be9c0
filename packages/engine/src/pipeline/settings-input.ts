/**
 * Settings a host passes to `loadPolicies({ settings })` → a prototype-free record of own data
 * properties, or diagnostics. Like facts, they come from outside the policy folder and are not
 * trusted to be a plain object: a non-object, a symbol or accessor key, or a key with control
 * characters is refused here, before the checker compares ids and ranges. A Proxy whose traps
 * throw is refused, not let through as an exception.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { shownText } from '../decide/facts.js';
import type { FactValue } from '../model.js';

export type SettingsRecord = Record<string, FactValue>;

export function readSettingsInput(input: unknown): { settings?: SettingsRecord; diagnostics: Diagnostic[] } {
  if (input === undefined) return { diagnostics: [] };
  const refuse = (detail: string) => ({ diagnostics: [diagnostic({ code: 'invalid-value', args: { path: 'settings', detail } })] });
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return refuse('settings must be an object of setting ids and values');
    const prototype = Object.getPrototypeOf(input) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return refuse('settings must be a plain object, not an instance of a class');
    const diagnostics: Diagnostic[] = [];
    const settings: SettingsRecord = Object.create(null) as SettingsRecord;
    for (const key of Reflect.ownKeys(input)) {
      // A key with control characters is refused; its length is not limited here (the checker
      // compares it with the declared ids), so escape without cutting it short.
      if (typeof key === 'symbol' || shownText(key, key.length) !== key) {
        diagnostics.push(diagnostic({ code: 'setting-unknown', args: { id: shownText(String(key.toString())) } }));
        continue;
      }
      const descriptor = Object.getOwnPropertyDescriptor(input, key)!;
      if (!('value' in descriptor)) {
        diagnostics.push(diagnostic({ code: 'invalid-value', args: { path: `settings.${key}`, detail: 'a getter, not a plain value' } }));
        continue;
      }
      settings[key] = descriptor.value as FactValue;
    }
    return diagnostics.length > 0 ? { diagnostics } : { settings, diagnostics };
  } catch {
    return refuse('the settings object cannot be read');
  }
}
