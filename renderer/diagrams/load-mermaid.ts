import type { Mermaid } from 'mermaid';
import {
  mermaidSettings,
  PICTURE_FILE_CONTAINER_STYLE,
  PICTURE_FILE_ID,
  pictureAsWritten,
  svgFrameTitlesCentred,
  svgTitleAsWritten,
} from '../../shared/export/mermaid';

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
  // A picture for a file is drawn as the CLI draws it (see picture-file.ts); drawings are one at a
  // time, and a picture leaves the page once made, so its one id is never taken twice.
  const container = isForFile ? pictureFileContainer() : undefined;
  try {
    if (!isForFile) {
      const drawn = (await mermaid.render(`mesh-diagram-${renderCount}`, text)).svg;
      return { ok: true, svg: svgTitleAsWritten(svgFrameTitlesCentred(drawn)) };
    }
    return { ok: true, svg: pictureAsWritten((await mermaid.render(PICTURE_FILE_ID, text, container)).svg) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    container?.remove();
  }
}

function pictureFileContainer(): HTMLElement {
  const container = document.createElement('div');
  container.style.cssText = PICTURE_FILE_CONTAINER_STYLE;
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  return container;
}
