import { useLayoutEffect } from 'react';
import type { Point } from '../../shared/editing/geometry';
import { memoizedOn } from '../../shared/editing/memo';
import { createBatchedLinkMap } from './batched-link-map';
import { type RoutedLink, spreadSharedRuns } from './shared-runs';

/** Every link's route as routed on its own: links are moved apart all together. */
const routedLinks = createBatchedLinkMap<RoutedLink>((a, b) => a === b || (!!a && !!b && isSameRoute(a, b)));

function isSameRoute(a: RoutedLink, b: RoutedLink): boolean {
  return (
    a.points === b.points &&
    a.bodies === b.bodies &&
    a.outlines === b.outlines &&
    a.sourcePort === b.sourcePort &&
    a.targetPort === b.targetPort
  );
}

/** Once per change of any route, not per link nor per frame of a pan. */
const spreadOf = memoizedOn((links: ReadonlyMap<string, RoutedLink>) => spreadSharedRuns([...links.values()]));

/**
 * The corners a link is drawn through: its own route, unless it would share a stretch of line with
 * another link's, then moved apart from it (see `spreadSharedRuns`). While nodes move, links keep
 * their own routes: moving every link apart on each frame of a drag would cost frames.
 */
export function useRouteApart(link: RoutedLink, isMoving: boolean): readonly Point[] {
  const { linkId } = link;
  useLayoutEffect(() => {
    if (!isMoving) routedLinks.set(linkId, link);
  }, [linkId, link, isMoving]);
  useLayoutEffect(() => () => routedLinks.set(linkId, undefined), [linkId]);
  // Only moved apart from the route it has now: a route just changed is not among them yet.
  const apart = routedLinks.useEntries((state) => {
    const registered = state.entries.get(linkId);
    return registered && isSameRoute(registered, link) ? spreadOf(state.entries).get(linkId) : undefined;
  });
  return apart ?? link.points;
}
