import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'threads',
    // Tests assert results, never speed (benchmarks do that); a busy two-core machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
