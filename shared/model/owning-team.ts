import { isBlank } from './blank-text';
import type { Domain } from './domain';

/** The team an owner names, as written but for surrounding spaces; none where it shows nothing. */
export function writtenTeam(owner: string | undefined): string | undefined {
  return isBlank(owner) ? undefined : owner?.trim();
}

/**
 * The team that answers for a data product or operational system: its own owner, else its
 * domain's; none where neither names one. Every export names this team, so a catalog reading
 * the ODPS descriptor, the ODCS contract and the Backstage entry beside it finds one owner.
 */
export function owningTeam(
  domains: readonly Pick<Domain, 'id' | 'owner'>[],
  element: { owner?: string; domainId: string },
): string | undefined {
  return writtenTeam(element.owner) ?? writtenTeam(domains.find((domain) => domain.id === element.domainId)?.owner);
}
