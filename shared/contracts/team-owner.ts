import type { ContractModel } from '../model/contract';
import { asArray, isJsonObject } from './odcs-document';

type Member = Record<string, unknown>;

export type ContractOwner = { owner: string } | { owner?: undefined; why: string };

/**
 * Who a contract says owns it, for the domain and product an import creates: its team's
 * `name`; for a team without one (the list of members ODCS v3.0.x writes, which v3.1.0 still
 * reads as the team's `members`), the member whose `role` is owner, by username else name.
 * A member whose `dateOut` is before `today` (an ISO date) has left: the owner is one who has
 * not, else the one a departed owner was `replacedByUsername`.
 */
export function contractOwnerOf(contract: ContractModel, today = new Date().toISOString().slice(0, 10)): ContractOwner {
  if (contract.owner) return { owner: contract.owner };
  const team = contract.extensions?.team;
  const members = isJsonObject(team) ? asArray(team.members).filter(isJsonObject) : [];
  if (members.length === 0) return { why: 'the contract names no team' };
  const hasLeft = (member: Member) => typeof member.dateOut === 'string' && member.dateOut < today;
  const owners = members.filter((member) => String(member.role).toLowerCase() === 'owner');
  if (owners.length === 0) return { why: "the contract's team lists no member with role: owner" };
  const owner = nameOf(owners.find((member) => !hasLeft(member))) ?? successorOf(owners, members, hasLeft);
  return owner !== undefined
    ? { owner }
    : { why: "the contract's team lists no member with role: owner who has not left (dateOut) nor a replacement" };
}

/** The first departed owner's replacement, followed while the replacement has left too. */
function successorOf(
  owners: readonly Member[],
  members: readonly Member[],
  hasLeft: (member: Member) => boolean,
): string | undefined {
  const byUsername = new Map(members.map((member) => [member.username, member]));
  const seen = new Set<string>();
  let successor: unknown = owners.map((owner) => owner.replacedByUsername).find(isName);
  while (isName(successor) && !seen.has(successor)) {
    seen.add(successor);
    const member = byUsername.get(successor);
    if (!member || !hasLeft(member)) return successor;
    successor = member.replacedByUsername;
  }
  return undefined;
}

function nameOf(member: Member | undefined): string | undefined {
  return [member?.username, member?.name].find(isName);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
