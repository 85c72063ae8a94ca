import type { ContractModel } from '../model/contract';
import { asArray, isJsonObject } from './odcs-document';

export type ContractOwner = { owner: string } | { owner?: undefined; why: string };

/**
 * Who a contract says owns it, for the domain and product an import creates: its team's
 * `name`; for a team without one (the list of members ODCS v3.0.x writes, which v3.1.0 still
 * reads as the team's `members`), the member whose `role` is owner, by username else name.
 */
export function contractOwnerOf(contract: ContractModel): ContractOwner {
  if (contract.owner) return { owner: contract.owner };
  const team = contract.extensions?.team;
  const members = isJsonObject(team) ? asArray(team.members).filter(isJsonObject) : [];
  if (members.length === 0) return { why: 'the contract names no team' };
  const owning = members.find((member) => String(member.role).toLowerCase() === 'owner');
  const owner = [owning?.username, owning?.name].find((name) => typeof name === 'string' && name.trim() !== '');
  return typeof owner === 'string' ? { owner } : { why: "the contract's team lists no member with role: owner" };
}
