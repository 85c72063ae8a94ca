/**
 * The limits every Mermaid of ours (the app's Diagram view, the CLI's SVG and PNG) is
 * initialised with: a thousand-product mesh is far past Mermaid's defaults (50,000 characters,
 * 500 edges), and Mermaid takes both only from `initialize`, never from a diagram's own
 * directive (they are among its `secure` settings).
 */
export const MERMAID_LIMITS = { maxTextSize: 20_000_000, maxEdges: 100_000 } as const;

/** Mermaid's own defaults, which GitHub, GitLab and wikis draw an exported `.mmd` with. */
export const MERMAID_DEFAULT_LIMITS = { maxTextSize: 50_000, maxEdges: 500 } as const;

/** Why Mermaid with its default limits would not draw a diagram of this text and edge count, or `undefined`. */
export function pastDefaultLimits(text: string, edgeCount: number): string | undefined {
  const { maxEdges, maxTextSize } = MERMAID_DEFAULT_LIMITS;
  if (edgeCount > maxEdges) return `${edgeCount} edges, past the ${maxEdges} Mermaid draws by default`;
  if (text.length > maxTextSize) {
    return `${text.length} characters, past the ${maxTextSize} Mermaid reads by default`;
  }
  return undefined;
}
