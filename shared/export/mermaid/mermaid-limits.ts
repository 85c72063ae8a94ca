/**
 * The limits every Mermaid of ours (the app's Diagram view, the CLI's SVG and PNG) is
 * initialised with: a thousand-product mesh is far past Mermaid's defaults (50,000 characters,
 * 500 edges), and Mermaid takes both only from `initialize`, never from a diagram's own
 * directive (they are among its `secure` settings).
 */
export const MERMAID_LIMITS = { maxTextSize: 20_000_000, maxEdges: 100_000 } as const;
