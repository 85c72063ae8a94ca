import type { Mermaid } from 'mermaid';
import { mermaidSettings, svgLabelsAsWritten, svgTitleAsWritten } from '../../shared/export/mermaid';

let loading: Promise<Mermaid> | undefined;
let renderCount = 0;
let previousRender: Promise<unknown> = Promise.resolve();
let warmingUp: Promise<void> | undefined;

/** Mermaid on first use, from the app's own bundle (no CDN): it weighs more than the rest of the app. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}

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
  const isForFile = use === 'file';
  mermaid.initialize({ ...mermaidSettings({ isDark, isForFile }), suppressErrorRendering: true });
  renderCount += 1;
  // A picture for a file is named the same each time (its id is in its styles), so that a design
  // exported twice gives the same files; drawings are one at a time, and a picture leaves the page once made.
  const id = use === 'file' ? 'mesh-picture' : `mesh-diagram-${renderCount}`;
  try {
    const { svg } = await mermaid.render(id, text);
    return { ok: true, svg: svgTitleAsWritten(isForFile ? svgLabelsAsWritten(svg) : svg) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
