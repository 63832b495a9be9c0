import { defineConfig } from 'vitest/config';

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
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Generous on purpose: the heaviest suites (the differential test over every slice, the gate
    // under every setting, replay's fixtures) take about 20 s alone but several minutes on a
    // shared 2-core machine. A hang still fails; speed is measured by `pnpm bench`, not here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
