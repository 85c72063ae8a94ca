import { MERMAID_LIMITS } from './mermaid-limits';
import { SVG_TEXT_LABELS } from './svg-text-labels';

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

const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

/** The app's own colours (see renderer/app.css), so a diagram looks like the canvas beside it. */
const LIGHT_COLORS = {
  fontFamily: FONT_FAMILY,
  background: '#ffffff',
  primaryColor: '#eef3fd',
  primaryBorderColor: '#2f6fde',
  primaryTextColor: '#1d2430',
  lineColor: '#5b6577',
  clusterBkg: '#f6f7f9',
  clusterBorder: '#d5d9e2',
  titleColor: '#1d2430',
  edgeLabelBackground: '#ffffff',
};
const DARK_COLORS = {
  darkMode: true,
  fontFamily: FONT_FAMILY,
  background: '#1d2129',
  primaryColor: '#262b35',
  primaryBorderColor: '#6b9cf5',
  primaryTextColor: '#e4e8ef',
  lineColor: '#98a2b3',
  clusterBkg: '#14171c',
  clusterBorder: '#363c48',
  titleColor: '#e4e8ef',
  edgeLabelBackground: '#1d2129',
};

/**
 * A diagram in the app's colours, on screen or for a file (labels as SVG text: see
 * SVG_TEXT_LABELS). Both wrap labels at the file's width, so that Mermaid breaks no line the text
 * did not (on screen it measures HTML a little wider). The CLI's pictures take the same as the
 * app's saved ones: Mermaid's default theme lays edge labels out otherwise, some across the border
 * of the group they leave.
 */
export function mermaidSettings({ isDark, isForFile }: { isDark: boolean; isForFile: boolean }) {
  return {
    ...MERMAID_SETTINGS,
    theme: 'base',
    themeVariables: isDark ? DARK_COLORS : LIGHT_COLORS,
    ...(isForFile && { htmlLabels: SVG_TEXT_LABELS.htmlLabels }),
    flowchart: { useMaxWidth: false, ...SVG_TEXT_LABELS.flowchart },
  } as const;
}
