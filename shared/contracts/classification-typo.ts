import type { ContractProperty } from '../model/contract';
import { nearMiss } from '../model/near-miss';
import type { PathProblem, PathSegment } from './path-problem';

/**
 * A property's classification a slip away from one of the known `levels` (`confidental`): a
 * warning with that word as its repair. A word far from all of them is a company's own, and allowed.
 */
export function misspeltClassificationIssues(
  property: ContractProperty,
  path: readonly PathSegment[],
  levels: readonly string[],
): Array<PathProblem & { severity: 'warning' }> {
  const { classification } = property;
  if (classification === undefined) return [];
  const written = classification.trim().toLowerCase();
  if (levels.some((level) => level.toLowerCase() === written)) return [];
  const meant = nearMiss(written, levels);
  if (meant === undefined) return [];
  return [
    {
      path: [...path, 'classification'],
      message: `classification '${classification}' is not one the design knows: did you mean '${meant}'?`,
      severity: 'warning',
      repair: { kind: 'replace-marked-text', text: meant },
    },
  ];
}
