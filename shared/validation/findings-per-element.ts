import type { Memo } from '../lineage/memo';
import { nodeVersions } from '../lineage/node-versions';
import type { Link, Mesh } from '../model';
import type { RuleFinding } from './finding';

/** Per memo, the elements whose last findings were not none: only theirs name the element's index. */
const placedFindings = new WeakMap<object, WeakSet<object>>();

/**
 * A rule's findings gathered element by element (product, link, contract…), each element's
 * remembered until it, its index (findings name their path by it) or anything else it reads is
 * a different object: after an edit of one element, only its findings are made again. What
 * else it reads is given for all elements at once (sections or indexes of the mesh, which an
 * edit of an element leaves as they were), or per element where that is finer. An element
 * without findings has no path to name: it keeps them when only its index changes (a link
 * removed before it).
 */
export function findingsPerElement<T extends object>(
  memo: Memo<T, RuleFinding[]>,
  elements: readonly T[],
  reads: readonly unknown[] | ((element: T) => unknown[]),
  check: (element: T) => RuleFinding[],
): RuleFinding[] {
  let placed = placedFindings.get(memo);
  if (!placed) {
    placed = new WeakSet();
    placedFindings.set(memo, placed);
  }
  const findings: RuleFinding[] = [];
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index] as T;
    const dependencies = typeof reads === 'function' ? reads(element) : [...reads];
    dependencies.push(placed.has(element) ? index : NO_PLACE);
    // An element that has just got findings is made again on the next run, then remembered with its index.
    const found = memo.get(element, dependencies, () => {
      const made = check(element);
      if (made.length > 0) placed.add(element);
      else placed.delete(element);
      return made;
    });
    for (const finding of found) findings.push(finding);
  }
  return findings;
}

/** The index an element's findings depend on when it has none. */
const NO_PLACE = -1;

/** A rule's findings link by link (see `findingsPerElement`), each link's remembered while its two ends and the contracts they name stay the same. */
export function findingsPerLink(
  memo: Memo<Link, RuleFinding[]>,
  mesh: Mesh,
  check: (link: Link) => RuleFinding[],
): RuleFinding[] {
  const versions = nodeVersions(mesh);
  return findingsPerElement(
    memo,
    mesh.links,
    (link) => [versions.own(link.from.nodeId), versions.own(link.to.nodeId)],
    check,
  );
}
