import { type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import './canvas-grid.css';
import { dotGridAt, dotLayerOffset } from './grid-dots';

const selectFlowId = (state: ReactFlowState) => state.rfId;

/**
 * The dot grid behind a canvas. Its dots are drawn once per zoom, on a layer one grid step larger
 * than the canvas on each side; a pan only moves that layer, which the compositor does without
 * drawing anything. (React Flow's <Background> offsets its pattern instead, so every frame of a pan
 * redrew the dots over the whole canvas: most of a frame's time without a GPU.)
 */
export function CanvasGrid({ gridSize }: { gridSize: number }) {
  const zoom = useStore(useCallback((state: ReactFlowState) => state.transform[2], []));
  const grid = dotGridAt(gridSize, zoom);
  const spacing = grid?.spacing;
  const patternId = `canvas-grid-${useStore(selectFlowId)}`;
  const layer = useRef<SVGSVGElement>(null);
  const flowStore = useStoreApi();
  useLayoutEffect(() => {
    if (!spacing) return;
    // Whole pixels: an opaque layer at a whole-pixel offset hides what is under it and is copied
    // without resampling; a dot off by less than half a pixel does not show.
    const place = ({ transform: [x, y] }: ReactFlowState) => {
      const offsetX = Math.round(dotLayerOffset(x, spacing));
      const offsetY = Math.round(dotLayerOffset(y, spacing));
      layer.current?.style.setProperty('transform', `translate(${offsetX}px, ${offsetY}px)`);
    };
    place(flowStore.getState());
    return flowStore.subscribe(place);
  }, [flowStore, spacing]);
  return (
    <div className="canvas-grid" data-testid="canvas-grid" data-dots={grid ? 'shown' : 'hidden'}>
      {grid && (
        <svg
          ref={layer}
          className="canvas-grid__dots"
          style={{ width: `calc(100% + ${2 * grid.spacing}px)`, height: `calc(100% + ${2 * grid.spacing}px)` }}
          aria-hidden="true"
        >
          <pattern
            id={patternId}
            x={-grid.spacing / 2}
            y={-grid.spacing / 2}
            width={grid.spacing}
            height={grid.spacing}
            patternUnits="userSpaceOnUse"
          >
            <circle cx={grid.spacing / 2} cy={grid.spacing / 2} r={grid.radius} />
          </pattern>
          <rect width="100%" height="100%" fill={`url(#${patternId})`} />
        </svg>
      )}
    </div>
  );
}
