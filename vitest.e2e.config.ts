import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    // Two files at a time, each with its own Chromium: the tests spend much of their time
    // waiting on the app, so two fit on a two-core machine.
    maxWorkers: 2,
    // The files share no state through modules: a worker keeps Playwright and the shared code
    // imported from one file to the next instead of importing them again.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Polls wait for the app (a worker's layout, Monaco's markers) on a busy two-core machine, not for a deadline.
    expect: { poll: { timeout: 15_000 } },
  },
});
