import { withContractIdentity } from '../contracts/contract-edits';
import { type DataProduct, type Domain, type Mesh, type OperationalSystem, slugify } from '../model';
import { contractIdsOf } from './mesh-index';

/*
 * An ODCS contract names its domain in its own text (`domain: orders`). When the product or
 * system serving it moves to another domain, or its domain is renamed, that text follows in the
 * same edit, so the exported contract never names a domain its product left.
 */

/** How a contract's `domain:` names its domain, so the new one is written the same way. */
type DomainForm = 'id' | 'name' | 'slug';

function formNaming(value: string, domain: Domain): DomainForm | undefined {
  const named = value.trim();
  // Exact forms first: a new domain's name `Domain` is its name, though it spells its id `domain`.
  if (domain.id === named) return 'id';
  if (domain.name.trim() === named) return 'name';
  if (slugify(domain.name) === named) return 'slug';
  if (domain.id.toLowerCase() === named.toLowerCase()) return 'id';
  if (domain.name.trim().toLowerCase() === named.toLowerCase()) return 'name';
  return undefined;
}

/** Whether a contract's `domain:` text names `domain`, in any of the forms a move keeps. */
export const namesDomain = (value: string, domain: Domain): boolean => formNaming(value, domain) !== undefined;

const NAMING: Record<DomainForm, (domain: Domain) => string> = {
  id: (domain) => domain.id,
  name: (domain) => domain.name.trim(),
  slug: (domain) => slugify(domain.name),
};

/** `to` named as `value` names `from` (by id, name or slug); undefined when `value` does not name `from`. */
function domainNamedAs(value: string, from: Domain, to: Domain): string | undefined {
  const form = formNaming(value, from);
  return form && NAMING[form](to);
}

type ServingNode = DataProduct | OperationalSystem;

/**
 * The one domain whose products and systems serve each contract, each in the domain `domainIdOf`
 * says (its own by default); none for a contract served from several domains.
 */
export function servingDomains(
  domains: readonly Domain[],
  nodes: readonly ServingNode[],
  domainIdOf: (node: ServingNode) => string = (node) => node.domainId,
): Map<string, Domain | undefined> {
  const byId = new Map(domains.map((domain) => [domain.id, domain]));
  const serving = new Map<string, Domain | undefined>();
  for (const node of nodes) {
    const domain = byId.get(domainIdOf(node));
    for (const contractId of contractIdsOf(node)) {
      serving.set(contractId, serving.has(contractId) && serving.get(contractId) !== domain ? undefined : domain);
    }
  }
  return serving;
}

const servingDomainsIn = (mesh: Mesh) => servingDomains(mesh.domains, [...mesh.products, ...mesh.systems]);

/**
 * Whether a contract's `domain:` names `domain` by its id where it would not follow a change of
 * that id: in a contract that `domain` alone does not serve. One it serves follows, as above.
 */
export function isDomainIdNamedInContracts(mesh: Mesh, domain: Domain): boolean {
  const serving = servingDomainsIn(mesh);
  return mesh.contracts.some(
    (contract) =>
      contract.domain !== undefined &&
      formNaming(contract.domain, domain) === 'id' &&
      serving.get(contract.id) !== domain,
  );
}

/**
 * `next` with each contract's `domain:` naming the domain that serves it now, where it named the
 * one that served it in `before`; a contract served from several domains, or naming another one
 * on purpose, keeps its text. Only edits that change products, systems or domains are looked at.
 */
export function withContractDomainsFollowing(next: Mesh, before: Mesh): Mesh {
  const moved = next.products !== before.products || next.systems !== before.systems || next.domains !== before.domains;
  if (!moved) return next;
  const was = servingDomainsIn(before);
  const now = servingDomainsIn(next);
  let changed = false;
  const contracts = next.contracts.map((contract) => {
    const from = was.get(contract.id);
    const to = now.get(contract.id);
    if (contract.domain === undefined || !from || !to) return contract;
    const domain = domainNamedAs(contract.domain, from, to);
    if (!domain || domain === contract.domain) return contract;
    changed = true;
    return withContractIdentity(contract, { id: contract.id, domain });
  });
  return changed ? { ...next, contracts } : next;
}

/**
 * The `domain:` of a pasted copy of a contract whose text says `value`: the domain `to` the copy is
 * served from, named as the original named `from`, the domain it was served from (when the copy
 * tells). Text naming another domain of `domains`, the design pasted into, is kept, as a move keeps
 * it; text naming no domain there, nor `from`, becomes `to`'s name, as the ODPS descriptor names a
 * product's domain.
 */
export function pastedContractDomain(
  value: string,
  from: Domain | undefined,
  to: Domain,
  domains: readonly Domain[],
): string {
  const followed = from && domainNamedAs(value, from, to);
  if (followed) return followed;
  if (domains.some((domain) => formNaming(value, domain))) return value;
  return NAMING.name(to);
}
