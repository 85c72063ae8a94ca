import { ViewportPortal } from '@xyflow/react';
import type { Guide } from '../../shared/editing/alignment';

/** The lines shown while dragging where the dragged node lines up with another (edges or centres). */
export function AlignmentGuides({ guides }: { guides: readonly Guide[] }) {
  if (guides.length === 0) return null;
  return (
    <ViewportPortal>
      {guides.map((guide) => (
        <div
          key={`${guide.axis}:${guide.at}`}
          className={`alignment-guide alignment-guide--${guide.axis}`}
          data-testid="alignment-guide"
          style={
            guide.axis === 'x'
              ? { left: guide.at, top: guide.from, height: guide.to - guide.from }
              : { top: guide.at, left: guide.from, width: guide.to - guide.from }
          }
        />
      ))}
    </ViewportPortal>
  );
}
