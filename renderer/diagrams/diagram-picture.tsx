import { useEffect, useState } from 'react';
import { type RenderedDiagram, renderMermaid } from './load-mermaid';

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
      // Mermaid's own output, its labels sanitized by Mermaid (securityLevel strict).
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG Mermaid rendered from our escaped text
      dangerouslySetInnerHTML={{ __html: state.svg }}
    />
  );
}
