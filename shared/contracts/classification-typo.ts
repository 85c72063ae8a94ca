import type { ContractProperty } from '../model/contract';
import { nearMiss } from '../model/near-miss';
import { quotedClassification } from '../model/quoted-classification';
import type { PathProblem, PathSegment } from './path-problem';

/**
 * A property's classification a slip away from one of the known `levels` (`confidental`), or one
 * of them with spaces around it (`" restricted "`, which catalogs match exactly): a warning with the
 * word meant as its repair. A word far from all of them is a company's own, and allowed.
 */
export function misspeltClassificationIssues(
  property: ContractProperty,
  path: readonly PathSegment[],
  levels: readonly string[],
): Array<PathProblem & { severity: 'warning' }> {
  const { classification } = property;
  if (classification === undefined) return [];
  const trimmed = classification.trim();
  const written = trimmed.toLowerCase();
  const shown = quotedClassification(classification);
  const warning = (message: string, text: string) => [
    {
      path: [...path, 'classification'],
      message,
      severity: 'warning' as const,
      repair: { kind: 'replace-marked-text' as const, text },
    },
  ];
  if (levels.some((level) => level.toLowerCase() === written)) {
    return trimmed === classification
      ? []
      : warning(
          `classification ${shown} has spaces around it, but catalogs and policies match a classification exactly: write ${quotedClassification(trimmed)}`,
          trimmed,
        );
  }
  const meant = nearMiss(written, levels);
  if (meant === undefined) return [];
  // The words may be a design's, an organisation's or the common four: a contract file checked alone has no design.
  return warning(
    `classification ${shown} is not one of the known classifications: did you mean ${quotedClassification(meant)}?`,
    meant,
  );
}
