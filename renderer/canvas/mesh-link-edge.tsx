import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, useStore } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { boundsOf } from '../../shared/editing/geometry';
import { describeLink } from '../../shared/editing/link-description';
import { LinkBadge, LinkImpact } from '../governance/link-marks';
import { useSimulationStore } from '../simulation/simulation-store';
import { useDocumentStore } from '../store/document-store';
import { isOnlySelected, useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import type { MeshLinkData } from './flow-elements';
import { linkLabelInView } from './link-label-in-view';
import { linkRoute, plainWay, routeThrough, runsBackward } from './link-route';
import { useRouteApart } from './link-routes-apart';
import {
  ROUTING_MARGIN,
  sameBodies,
  selectBodiesNear,
  selectBodiesOf,
  selectDomainsNear,
  selectNoBodies,
} from './node-bodies';
import { LinkActivity, useLinkViolation } from './simulation/link-activity';

/**
 * A link: out of the right of its source, into the left of its target, with an arrowhead where
 * data arrives; round its nodes when it runs backwards. Hovered, or selected on its own, it says which ports
 * it joins and under which contract; an incompatible one names each problem in its tooltip.
 */
export const MeshLinkEdge = memo(function MeshLinkEdge({
  id,
  source,
  target,
  sourceHandleId,
  targetHandleId,
  sourceX,
  sourceY,
  targetX,
  targetY,
  markerEnd,
  style,
  interactionWidth,
  data,
}: EdgeProps<Edge<MeshLinkData>>) {
  const from = { x: sourceX, y: sourceY };
  const to = { x: targetX, y: targetY };
  const isBackward = runsBackward(from, to);
  // A backward link goes round its own two nodes.
  const endBodies = useStore(
    useMemo(() => (isBackward ? selectBodiesOf(source, target) : selectNoBodies), [isBackward, source, target]),
    sameBodies,
  );
  const bothNodes = useMemo(() => boundsOf(endBodies), [endBodies]);
  const isHovered = useUiStore((state) => state.hoveredLinkId === id);
  // Labelling every link of a larger selection (Ctrl+A, a box) would pile their labels over the design.
  const isSelectedAlone = useSelectionStore((state) => isOnlySelected(state, id));
  // While simulating, a link selected in Design would keep its label over the run's own marks.
  const isDesigning = useSimulationStore((state) => state.mode === 'design');
  const lane = data?.lane;
  const plain = useMemo(
    () => plainWay({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, bothNodes, lane),
    [sourceX, sourceY, targetX, targetY, bothNodes, lane],
  );
  // While nodes move (a drag, an animated layout) a link keeps its plain way: routing every link
  // near a moving node each frame would cost frames. It goes round them once the move ends.
  const isMoving = useDocumentStore((state) => state.gestureStart !== null);
  const bodies = useStore(
    useMemo(() => (isMoving ? selectNoBodies : selectBodiesNear(plain, ROUTING_MARGIN)), [plain, isMoving]),
    sameBodies,
  );
  const outlines = useStore(
    useMemo(() => (isMoving ? selectNoBodies : selectDomainsNear(plain, ROUTING_MARGIN)), [plain, isMoving]),
    sameBodies,
  );
  // The same route while the link does not move: its activity places its count only when it does.
  const ownRoute = useMemo(
    () => linkRoute({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, bothNodes, lane, bodies, outlines),
    [sourceX, sourceY, targetX, targetY, bothNodes, lane, bodies, outlines],
  );
  const sourcePort = `${source}/${sourceHandleId}`;
  const targetPort = `${target}/${targetHandleId}`;
  const routed = useMemo(
    () => ({ linkId: id, points: ownRoute.points, sourcePort, targetPort, bodies, outlines }),
    [id, ownRoute, sourcePort, targetPort, bodies, outlines],
  );
  const points = useRouteApart(routed, isMoving);
  const route = useMemo(() => (points === ownRoute.points ? ownRoute : routeThrough(points)), [points, ownRoute]);
  const problems = data?.problems ?? [];
  const isViolating = useLinkViolation(sourcePort);
  const { x: labelX, y: labelY } = route.label;
  return (
    <>
      <LinkImpact linkId={id} path={route.path} />
      <BaseEdge
        path={route.path}
        markerEnd={markerEnd}
        style={style}
        interactionWidth={interactionWidth}
        className={isViolating ? 'edge--violations' : undefined}
      />
      {problems.length > 0 && <title>{[data?.problemsHeading, ...problems].join('\n')}</title>}
      <LinkBadge linkId={id} x={labelX} y={labelY} />
      <LinkActivity linkId={id} sourcePort={sourcePort} path={route.path} points={route.points} />
      {((isHovered && !data?.isDimmed) || (isSelectedAlone && isDesigning)) && (
        <LinkLabel linkId={id} x={labelX} y={labelY} />
      )}
    </>
  );
});

/** The gap, in flow units, between a link and its label above it: the link stays visible under the pointer. */
const LABEL_GAP = 8;

function LinkLabel({ linkId, x, y }: { linkId: string; x: number; y: number }) {
  const description = useDocumentStore(
    useShallow((state) => (state.mesh ? describeLink(state.mesh, linkId) : undefined)),
  );
  const [panX, panY, zoom] = useStore((state) => state.transform);
  const canvas = useStore(useShallow((state) => ({ width: state.width, height: state.height })));
  const element = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const text = description && `${description.from}${description.to}${description.contract}`;
  // Measured on screen before it is painted: its text's width is what decides where it fits.
  useLayoutEffect(() => {
    const box = text !== undefined && zoom > 0 ? element.current?.getBoundingClientRect() : undefined;
    if (box) setSize({ width: box.width, height: box.height });
  }, [text, zoom]);
  if (!description) return null;
  const place = size && linkLabelInView({ x: x * zoom + panX, y: y * zoom + panY }, size, canvas, LABEL_GAP * zoom);
  const transform = place
    ? `translate(${(place.x - panX) / zoom}px, ${(place.y - panY) / zoom}px)`
    : `translate(-50%, calc(-100% - ${LABEL_GAP}px)) translate(${x}px, ${y}px)`;
  return (
    <EdgeLabelRenderer>
      <div ref={element} className="link-label" style={{ transform }} data-testid={`link-label-${linkId}`}>
        <span className="link-label__ends">
          {description.from} → {description.to}
        </span>
        <span className="link-label__contract">{description.contract ?? 'no contract'}</span>
      </div>
    </EdgeLabelRenderer>
  );
}
