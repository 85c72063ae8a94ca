import { MERMAID_LIMITS } from './mermaid-limits';

/**
 * What every Mermaid of ours (the app's Diagram view and pictures, the CLI's pictures) is
 * initialised with, beside its colours and labels.
 */
export const MERMAID_SETTINGS = {
  startOnLoad: false,
  securityLevel: 'strict',
  // Mermaid draws some shapes (a `doc`'s wavy edge) with rough.js, at random unless seeded:
  // seeded, a design's pictures come out byte for byte the same on every export.
  handDrawnSeed: 1,
  ...MERMAID_LIMITS,
} as const;
