import type { KeyboardEvent, PointerEvent } from 'react';
import { SIDE_PANEL_WIDTH, usePreferencesStore } from '../store/preferences-store';

const KEY_STEP = 16;

interface SplitterProps {
  /** The width of the panel right of the splitter. */
  width: number;
  setWidth(width: number): void;
  range: { min: number; max: number };
  label: string;
  testId: string;
}

/** Drag (or use the arrow keys on) the border to resize the panel on its right; the width is remembered. */
export function Splitter({ width, setWidth, range, label, testId }: SplitterProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const splitter = event.currentTarget;
    splitter.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const onMove = (move: globalThis.PointerEvent) => setWidth(startWidth + (startX - move.clientX));
    const onUp = () => {
      splitter.removeEventListener('pointermove', onMove);
      splitter.removeEventListener('pointerup', onUp);
    };
    splitter.addEventListener('pointermove', onMove);
    splitter.addEventListener('pointerup', onUp);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') setWidth(width + KEY_STEP);
    else if (event.key === 'ArrowRight') setWidth(width - KEY_STEP);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused and dragged; this is the ARIA splitter pattern
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}

/** The side panel's splitter. */
export function PanelSplitter() {
  const width = usePreferencesStore((state) => state.sidePanelWidth);
  const setWidth = usePreferencesStore((state) => state.setSidePanelWidth);
  return (
    <Splitter
      width={width}
      setWidth={setWidth}
      range={SIDE_PANEL_WIDTH}
      label="Resize the side panel"
      testId="panel-splitter"
    />
  );
}
