import { defineConfig } from 'vitest/config';
import { testWorkers } from './scripts/test-workers';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'threads',
    // Vitest's default leaves one core idle.
    maxWorkers: testWorkers(),
    // The tests share no state through modules (timers and globals are restored), so files reuse
    // a thread's imports: a fresh module graph per file cost more than the tests themselves.
    isolate: false,
    // Tests assert results, never speed (benchmarks do that); a busy two-core machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
