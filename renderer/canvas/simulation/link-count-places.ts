import { useShallow } from 'zustand/react/shallow';
import type { Point, Rect } from '../../../shared/editing/geometry';
import { memoizedOn } from '../../../shared/editing/memo';
import { createBatchedLinkMap } from '../batched-link-map';
import { type LinkLabel, placeLinkLabels } from '../link-label-places';

/** The count labels on the canvas, by link id: they are placed all together, so none covers another. */
const countLabels = createBatchedLinkMap<LinkLabel>(isSameLabel);

/** Puts a link's count label among those placed (undefined takes it away). */
export function setCountLabel(linkId: string, label: LinkLabel | undefined): void {
  countLabels.set(linkId, label);
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
  return countLabels.useEntries(useShallow((state) => placesOf(state.entries, bodies, domains).get(linkId)));
}
