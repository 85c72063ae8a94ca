import type { Page } from 'playwright-core';

/**
 * How long a page must go without a long task to count as settled: longer than the app waits
 * before its background set-up (an input pause of 1 s, then the next idle moment, at most 1 s more).
 */
export const SETTLED_MS = 3000;

/**
 * Waits until the page has run no long task (over 50 ms) for a while: what the app does in the
 * background once a design is open (setting up Mermaid for the first diagram) is over.
 */
export async function settled(page: Page): Promise<void> {
  // Polled from here: the app's Content-Security-Policy refuses the string predicates of waitForFunction.
  for (const startedAt = Date.now(); Date.now() - startedAt < 30_000; await page.waitForTimeout(100)) {
    if (((await page.evaluate(`performance.now() - (window.benchLongTaskEnd ?? 0)`)) as number) > SETTLED_MS) return;
  }
  throw new Error('the page kept running long tasks for 30 s');
}

/** Records the end of each long task, from page start (see `settled`). */
export const LONG_TASK_WATCH = `
  window.benchLongTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      window.benchLongTaskEnd = Math.max(window.benchLongTaskEnd, task.startTime + task.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
`;
