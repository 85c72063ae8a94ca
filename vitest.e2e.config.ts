import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Polls wait for the app (a worker's layout, Monaco's markers) on a busy two-core machine, not for a deadline.
    expect: { poll: { timeout: 15_000 } },
  },
});
