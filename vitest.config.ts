import { defineConfig } from 'vitest/config';

/**
 * Suites that take minutes on the 2-core development machine: `pnpm test:fast` leaves them out so
 * the edit-test loop stays under five minutes; `pnpm test:slow` runs only them; `pnpm test` (what
 * CI runs) runs both projects. `tests/test-scripts.test.ts` checks that every test file is in
 * exactly one of the two.
 */
export const slowSuites = [
  'tests/consumer.test.ts',
  'tests/render-browser.test.ts',
  'tests/differential.test.ts',
  'tests/mutations/mutations.test.ts',
  'tests/regulation-gate-settings.test.ts',
  'tests/fuzz/**/*.test.ts',
  'tests/release.test.ts',
  'tests/service-postgres.test.ts',
  'tests/audit-trail.test.ts',
  'tests/replay.test.ts',
];
export const allSuites = ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources in tests (see each package's exports).
    conditions: ['@vot/source'],
  },
  ssr: {
    resolve: {
      conditions: ['@vot/source'],
      externalConditions: ['@vot/source'],
    },
  },
  test: {
    environment: 'node',
    // Generous on purpose: the heaviest suites (the differential test over every slice, the gate
    // under every setting, replay's fixtures) take about 20 s alone but several minutes on a
    // shared 2-core machine. A hang still fails; speed is measured by `pnpm bench`, not here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One line per file as it finishes, on a terminal and in CI logs alike: progress on a long run.
    reporters: [['default', { summary: false }]],
    projects: [
      { extends: true, test: { name: 'fast', include: allSuites, exclude: slowSuites } },
      { extends: true, test: { name: 'slow', include: slowSuites } },
    ],
  },
});
