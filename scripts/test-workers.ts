import { availableParallelism } from 'node:os';

/**
 * Test files run at a time: one per core, two at least (the tests spend part of their time
 * waiting, so two fit on a two-core machine) and four at most (each end-to-end file runs a
 * Chromium of its own, which memory bounds before cores do).
 */
export function testWorkers(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}
