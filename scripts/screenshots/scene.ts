import type { Page } from 'playwright-core';

/** One picture for the docs: how to bring the built app into the state it shows. */
export interface Scene {
  /** File name under docs/screenshots, without `.png`. */
  name: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Brings the freshly opened app into the state to picture. */
  arrange(page: Page): Promise<void>;
}
