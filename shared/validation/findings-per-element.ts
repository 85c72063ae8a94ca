import type { Memo } from '../lineage/memo';
import type { RuleFinding } from './finding';

/**
 * A rule's findings gathered element by element (product, link, contract…), each element's
 * remembered until it, its index (findings name their path by it) or anything else it reads is
 * a different object: after an edit of one element, only its findings are made again. What
 * else it reads is given for all elements at once (sections or indexes of the mesh, which an
 * edit of an element leaves as they were), or per element where that is finer.
 */
export function findingsPerElement<T extends object>(
  memo: Memo<T, RuleFinding[]>,
  elements: readonly T[],
  reads: readonly unknown[] | ((element: T) => unknown[]),
  check: (element: T, index: number) => RuleFinding[],
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index] as T;
    const dependencies = typeof reads === 'function' ? reads(element) : [...reads];
    dependencies.push(index);
    for (const finding of memo.get(element, dependencies, () => check(element, index))) findings.push(finding);
  }
  return findings;
}
