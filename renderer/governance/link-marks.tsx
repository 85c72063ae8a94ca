import { memo } from 'react';
import { useCanvasCapture } from '../canvas/canvas-image';
import { useLinkBadge } from './canvas-marks';
import { useLinkImpact } from './use-impact';

/**
 * A link's problems: a small badge in the middle of the link, its tooltip listing each. Not drawn
 * in an image of the canvas: the image copies each link's <svg> whole, out of reach of its filter.
 */
export const LinkBadge = memo(function LinkBadge({ linkId, x, y }: { linkId: string; x: number; y: number }) {
  const badge = useLinkBadge(linkId);
  const isCapturing = useCanvasCapture((state) => state.theme !== null);
  if (!badge.severity || isCapturing) return null;
  return (
    <g
      className={`link-badge link-badge--${badge.severity}`}
      transform={`translate(${x} ${y})`}
      data-testid={`link-problems-${linkId}`}
      data-severity={badge.severity}
    >
      <title>{badge.tooltip}</title>
      <circle r={8} />
      <text textAnchor="middle" dominantBaseline="central">
        {badge.severity === 'off' ? '○' : '!'}
      </text>
    </g>
  );
});

/** Under an impacted link, a wide stroke in the impact's colour. */
export const LinkImpact = memo(function LinkImpact({ linkId, path }: { linkId: string; path: string }) {
  const level = useLinkImpact(linkId);
  if (!level) return null;
  return <path d={path} className={`link-impact link-impact--${level}`} data-testid={`link-impact-${linkId}`} />;
});
