/** Generated audit entries for the tests of this package (not part of its API). */
import { statuses } from '@vot/engine';
import fc from 'fast-check';
import type { AuditEntry } from './chain.js';

export const entryArbitrary: fc.Arbitrary<AuditEntry> = fc.record({
  id: fc.uuid(),
  at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString()),
  caller: fc.constantFrom('case-system', 'contact-centre', 'école'),
  date: fc.constant('2026-03-01'),
  point: fc.constantFrom('reaction', 'reporting', 'follow-up'),
  facts: fc.dictionary(
    // The prototype keys are refused by the strict reader, so never stored (see linkEntries).
    fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key)),
    fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 10 }), fc.boolean()),
    {
      maxKeys: 5,
    },
  ),
  outcomes: fc.array(
    fc.record({
      id: fc.constantFrom('talk-with-user', 'exclusion-physical', 'police-report'),
      status: fc.constantFrom(...statuses),
    }),
    { maxLength: 3 },
  ),
  policy: fc.constant({ name: 'vot', version: '1.0.0', hash: `sha256:${'ab'.repeat(32)}` }),
}) as fc.Arbitrary<AuditEntry>;
