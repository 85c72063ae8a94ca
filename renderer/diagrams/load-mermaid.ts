import type { Mermaid } from 'mermaid';
import { MERMAID_SETTINGS, SVG_TEXT_LABELS, svgLabelsAsWritten, svgTitleAsWritten } from '../../shared/export/mermaid';

let loading: Promise<Mermaid> | undefined;
let renderCount = 0;
let previousRender: Promise<unknown> = Promise.resolve();
let warmingUp: Promise<void> | undefined;

/** Mermaid on first use, from the app's own bundle (no CDN): it weighs more than the rest of the app. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}

const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

/** The app's own colours (see app.css), so a diagram looks like the canvas beside it. */
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
 * Fetches Mermaid and draws a two-node flowchart (off screen, as every render is), ahead of the
 * first diagram: that loads the flowchart module and its layout and sets Mermaid up, so the
 * first diagram a user asks for costs only its own drawing. Once per page.
 */
export function warmUpMermaid(): Promise<void> {
  warmingUp ??= renderMermaid('flowchart LR\n  warm --> up', false).then(() => undefined);
  return warmingUp;
}

export type RenderedDiagram = { ok: true; svg: string } | { ok: false; error: string };

/** Where a picture goes: on screen its labels are HTML; in a file SVG text, which every SVG renderer draws. */
export type PictureUse = 'screen' | 'file';

/**
 * Mermaid text as an SVG string, in the app's light or dark colours. Labels go through Mermaid's
 * strict sanitizer; a diagram Mermaid cannot draw comes back as its error message.
 */
export function renderMermaid(text: string, isDark: boolean, use: PictureUse = 'screen'): Promise<RenderedDiagram> {
  // Mermaid's settings are global and read while it draws: one drawing at a time keeps each its own.
  const rendered = previousRender.then(() => renderNow(text, isDark, use));
  previousRender = rendered.catch(() => undefined);
  return rendered;
}

async function renderNow(text: string, isDark: boolean, use: PictureUse): Promise<RenderedDiagram> {
  const mermaid = await loadMermaid();
  const fileLabels = use === 'file' ? SVG_TEXT_LABELS : undefined;
  mermaid.initialize({
    ...MERMAID_SETTINGS,
    theme: 'base',
    themeVariables: isDark ? DARK_COLORS : LIGHT_COLORS,
    ...(fileLabels && { htmlLabels: fileLabels.htmlLabels }),
    suppressErrorRendering: true,
    flowchart: { useMaxWidth: false, ...fileLabels?.flowchart },
  });
  renderCount += 1;
  // A picture for a file is named the same each time (its id is in its styles), so that a design
  // exported twice gives the same files; drawings are one at a time, and a picture leaves the page once made.
  const id = use === 'file' ? 'mesh-picture' : `mesh-diagram-${renderCount}`;
  try {
    const { svg } = await mermaid.render(id, text);
    return { ok: true, svg: svgTitleAsWritten(fileLabels ? svgLabelsAsWritten(svg) : svg) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
