import type { NodeLayout } from '../../../shared/model';
import { useDocumentStore } from '../../store/document-store';
import { applyLayout } from '../../store/layout-actions';

const DURATION_MS = 400;

/** The layout a fraction `progress` (0…1) of the way from `from` to `to`; nodes new to `to` start there. */
export function interpolateLayout(
  from: Readonly<Record<string, NodeLayout>>,
  to: Readonly<Record<string, NodeLayout>>,
  progress: number,
): Record<string, NodeLayout> {
  const between = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? end : start + (end - start) * progress;
  return Object.fromEntries(
    Object.entries(to).map(([id, end]) => {
      const start = from[id] ?? end;
      const frame: NodeLayout = { x: between(start.x, end.x) as number, y: between(start.y, end.y) as number };
      const width = between(start.width, end.width);
      const height = between(start.height, end.height);
      if (width !== undefined) frame.width = width;
      if (height !== undefined) frame.height = height;
      return [id, frame];
    }),
  );
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Beyond this many moving nodes, following each one with the eye is hopeless: the layout applies at once. */
const ANIMATED_NODES = 300;

/**
 * Whether a layout of this many nodes is worth animating: not for a large mesh, nor for a user who
 * prefers reduced motion. (The view's move after it follows the same rule: zooming out of a large
 * mesh over a few frames draws hundreds of products it passes through, for nothing.)
 */
export function isLayoutAnimated(nodeCount: number): boolean {
  return nodeCount <= ANIMATED_NODES && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Moves nodes to a new layout over a few frames, recorded as one undo step (a gesture), or at
 * once for a large mesh or when the user prefers reduced motion. Resolves whether it got there.
 */
export function animateLayout(target: Readonly<Record<string, NodeLayout>>): Promise<boolean> {
  const store = useDocumentStore.getState();
  const start = store.mesh?.layout.nodes ?? {};
  const instant = !isLayoutAnimated(Object.keys(target).length);
  store.beginGesture();
  const ownGesture = useDocumentStore.getState().gestureStart;
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const frame = (now: number) => {
      // An undo or a drag meanwhile ended the gesture: the animation yields rather than record each frame.
      if (useDocumentStore.getState().gestureStart !== ownGesture) return resolve(false);
      const progress = instant ? 1 : Math.min(1, (now - startedAt) / DURATION_MS);
      applyLayout(progress < 1 ? interpolateLayout(start, target, easeInOut(progress)) : target);
      if (progress < 1) requestAnimationFrame(frame);
      else {
        store.endGesture();
        resolve(true);
      }
    };
    requestAnimationFrame(frame);
  });
}
