import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Point, Rect } from '../../../shared/editing/geometry';
import { memoizedOn } from '../../../shared/editing/memo';
import { type LinkLabel, placeLinkLabels } from '../link-label-places';

/** The count labels on the canvas, by link id: they are placed all together, so none covers another. */
const useCountLabels = create<{ labels: ReadonlyMap<string, LinkLabel> }>(() => ({ labels: new Map() }));

/** Changes not yet applied: a label, or undefined for one to take away. */
const pending = new Map<string, LinkLabel | undefined>();

/**
 * Puts a link's count label among those placed (undefined takes it away). The changes a render
 * makes are applied together once it ends, so a tick that changes a thousand counts places them
 * once, not a thousand times.
 */
export function setCountLabel(linkId: string, label: LinkLabel | undefined): void {
  if (pending.size === 0) queueMicrotask(applyPending);
  pending.set(linkId, label);
}

function applyPending(): void {
  const { labels } = useCountLabels.getState();
  const changed = [...pending].filter(([linkId, label]) => !isSameLabel(labels.get(linkId), label));
  pending.clear();
  if (changed.length === 0) return;
  const next = new Map(labels);
  for (const [linkId, label] of changed) {
    if (label) next.set(linkId, label);
    else next.delete(linkId);
  }
  useCountLabels.setState({ labels: next });
}

function isSameLabel(a: LinkLabel | undefined, b: LinkLabel | undefined): boolean {
  return (
    a === b || (!!a && !!b && a.points === b.points && a.size.width === b.size.width && a.size.height === b.size.height)
  );
}

/** Once per change of the labels, the node bodies or the domains, not per label nor per frame of a pan. */
const placesOf = memoizedOn(
  (labels: ReadonlyMap<string, LinkLabel>, bodies: readonly Rect[], domains: readonly Rect[]) =>
    placeLinkLabels([...labels.values()], bodies, domains),
);

/** Where a link's count label goes (clear of node bodies and domain title bars); undefined until it has been placed. */
export function useCountLabelPlace(
  linkId: string,
  bodies: readonly Rect[],
  domains: readonly Rect[],
): Point | undefined {
  return useCountLabels(useShallow((state) => placesOf(state.labels, bodies, domains).get(linkId)));
}
