/**
 * Deep freezing: a checked model and every decision made from it can be shared with a host
 * without the host being able to change them, so a decision stays what was decided and the
 * policy hash stays the hash of the rules that decide.
 */

/** Freezes a plain-data value and everything reachable from it; an object already frozen is taken as done. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
