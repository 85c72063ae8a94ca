import { counted, isolated, type Mesh } from '../model';
import type { Finding } from './finding';

/**
 * What moving products and systems into another domain did, beside the move itself: `Moved Repair
 * Estimates to Finance: its contract's domain updated; 1 new error (cross-domain-sources)`.
 * Undefined when nothing changed domain.
 */
export function describeDomainMove(before: Mesh, after: Mesh, errorsBrought: readonly Finding[]): string | undefined {
  const moved = nodesMovedToOtherDomain(before, after);
  const [first] = moved;
  if (!first) return undefined;
  const domainIds = new Set(moved.map((node) => node.domainId));
  const to =
    domainIds.size === 1
      ? isolated(after.domains.find((domain) => domain.id === first.domainId)?.name ?? first.domainId)
      : counted(domainIds.size, 'domain');
  const what =
    moved.length > 3 ? counted(moved.length, 'element') : moved.map((node) => isolated(node.name)).join(', ');
  const consequences = [contractsFollowing(before, after, moved.length), errorsNamed(errorsBrought)].filter(Boolean);
  return `Moved ${what} to ${to}${consequences.length > 0 ? `: ${consequences.join('; ')}` : ''}`;
}

/** `its contract's domain updated`: the contracts whose `domain:` followed the move. */
function contractsFollowing(before: Mesh, after: Mesh, movedCount: number): string {
  const previous = new Map(before.contracts.map((contract) => [contract.id, contract]));
  const changed = after.contracts.filter((contract) => {
    const was = previous.get(contract.id);
    return was !== undefined && was !== contract;
  }).length;
  if (changed === 0) return '';
  const owner = movedCount === 1 ? 'its' : 'their';
  return changed === 1 ? `${owner} contract's domain updated` : `${owner} ${changed} contracts' domains updated`;
}

/** `1 new error (cross-domain-sources)`: counted, with the rules that found them. */
function errorsNamed(errors: readonly Finding[]): string {
  if (errors.length === 0) return '';
  const ruleIds = [...new Set(errors.map((error) => error.ruleId))];
  return `${counted(errors.length, 'new error')} (${ruleIds.join(', ')})`;
}

/** The products and systems of `after` that were in another domain in `before`. */
export function nodesMovedToOtherDomain(before: Mesh, after: Mesh) {
  const domainBefore = new Map([...before.products, ...before.systems].map((node) => [node.id, node.domainId]));
  return [...after.products, ...after.systems].filter((node) => {
    const was = domainBefore.get(node.id);
    return was !== undefined && was !== node.domainId;
  });
}
