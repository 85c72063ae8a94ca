import { defineConfig } from 'vitest/config';
import { testWorkers } from './scripts/test-workers';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    // Each file with its own Chromium.
    maxWorkers: testWorkers(),
    // The files share no state through modules: a worker keeps Playwright and the shared code
    // imported from one file to the next instead of importing them again.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Polls wait for the app (a worker's layout, Monaco's markers) on a busy two-core machine, not for a deadline.
    expect: { poll: { timeout: 15_000 } },
  },
});
