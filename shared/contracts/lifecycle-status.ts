import type { Contract } from '../model/contract';
import { nearMiss } from '../model/near-miss';
import type { PathProblem } from './path-problem';

/**
 * The statuses ODCS v3.1 and v3.2 list for a contract, in lifecycle order. The schema leaves
 * `status` free text, so another word is valid ODCS, but no tool (nor the breaking-changes rule)
 * can tell where in its life such a contract is.
 */
export const LIFECYCLE_STATUSES = ['proposed', 'draft', 'active', 'deprecated', 'retired'] as const;

/** Statuses that promise nothing yet, or no longer: any other word is taken for published. */
const UNPUBLISHED_STATUSES = new Set(['proposed', 'draft', 'retired']);

/** The contract's ODCS status as a word to compare (`Retired ` is `retired`); empty when it has none. */
export function lifecycleStatus(contract: Contract): string {
  return contract.status?.trim().toLowerCase() ?? '';
}

/**
 * Whether consumers may rely on the contract: `active`, `deprecated` (still served while they
 * move on), and, on the safe side, a word ODCS does not list (a typo such as `actve`, ODCS 3.0's
 * `development`). A `proposed` or `draft` contract promises nothing yet, a `retired` one is no
 * longer served, and one with no status (ODCS 3.2 allows none) is taken for a draft, as the ODPS
 * export takes it.
 */
export function isPublished(contract: Contract): boolean {
  const status = lifecycleStatus(contract);
  return status !== '' && !UNPUBLISHED_STATUSES.has(status);
}

/** A status none of ODCS's lifecycle statuses, with the one it most likely meant as its repair. */
export function unknownStatusProblem(contract: Contract): PathProblem | undefined {
  const status = lifecycleStatus(contract);
  if (status === '' || (LIFECYCLE_STATUSES as readonly string[]).includes(status)) return undefined;
  const meant = nearMiss(status, LIFECYCLE_STATUSES);
  const listed = LIFECYCLE_STATUSES.join(', ');
  return {
    path: ['status'],
    message: `unknown lifecycle status '${contract.status}'; expected one of: ${listed}${meant ? ` (did you mean '${meant}'?)` : ''}`,
    ...(meant && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
  };
}
