import { defineConfig } from 'vitest/config';

/**
 * Suites that take minutes on the 2-core development machine: `pnpm test` leaves them out so it
 * stays under five minutes; `pnpm test:slow` runs them, and CI runs both (`.ci/run`).
 * `tests/test-scripts.test.ts` checks that every test file is in exactly one of the two runs.
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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One line per file as it finishes, on a terminal and in CI logs alike: progress on a long run.
    reporters: [['default', { summary: false }]],
    projects: [
      { extends: true, test: { name: 'fast', include: allSuites, exclude: slowSuites } },
      // Minutes of work per hook or test on a busy 2-core machine: a longer leash than the fast suites get.
      { extends: true, test: { name: 'slow', include: slowSuites, testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
