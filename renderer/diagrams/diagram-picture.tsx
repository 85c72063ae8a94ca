import { type CSSProperties, useEffect, useState } from 'react';
import { type RenderedDiagram, renderMermaid } from './load-mermaid';

/**
 * A picture is fitted to the pane, but never drawn smaller than this: a long chain fitted whole
 * would be a strip a few pixels tall; at half size it stays readable and the pane scrolls.
 */
const MIN_FIT_SCALE = 0.5;

type PictureState = { status: 'rendering' } | (RenderedDiagram & { status: 'done'; milliseconds: number });

interface DiagramPictureProps {
  text: string;
  isDark: boolean;
  isActualSize: boolean;
  /** Called each time Mermaid is done with a text, drawn or refused. */
  onDone?: () => void;
}

/** The diagram drawn by Mermaid; redrawn when its text or the theme changes, the latest request winning. */
export function DiagramPicture({ text, isDark, isActualSize, onDone }: DiagramPictureProps) {
  const [state, setState] = useState<PictureState>({ status: 'rendering' });
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'rendering' });
    const startedAt = performance.now();
    renderMermaid(text, isDark).then((rendered) => {
      if (isCurrent) setState({ ...rendered, status: 'done', milliseconds: Math.round(performance.now() - startedAt) });
    });
    return () => {
      isCurrent = false;
    };
  }, [text, isDark]);
  useEffect(() => {
    if (state.status === 'done') onDone?.();
  }, [state, onDone]);

  if (state.status === 'rendering') return <p className="diagram-view__loading">Drawing the diagram…</p>;
  if (!state.ok) {
    return (
      <p className="diagram-view__error" role="alert">
        Mermaid could not draw this diagram: {state.error}
      </p>
    );
  }
  return (
    <div
      className={`diagram-picture${isActualSize ? ' diagram-picture--actual-size' : ''}`}
      data-testid="diagram-picture"
      data-render-ms={state.milliseconds}
      style={{ '--diagram-min-width': `${naturalWidth(state.svg) * MIN_FIT_SCALE}px` } as CSSProperties}
      // Mermaid's own output, its labels sanitized by Mermaid (securityLevel strict).
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG Mermaid rendered from our escaped text
      dangerouslySetInnerHTML={{ __html: state.svg }}
    />
  );
}

/** The width Mermaid drew the picture at, from its `viewBox` (0 when it has none). */
function naturalWidth(svg: string): number {
  const width = Number(/viewBox="[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)/.exec(svg)?.[1]);
  return Number.isFinite(width) ? width : 0;
}
