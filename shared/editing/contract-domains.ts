import { withContractIdentity } from '../contracts/contract-edits';
import { type Domain, type Mesh, slugify } from '../model';
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

const NAMING: Record<DomainForm, (domain: Domain) => string> = {
  id: (domain) => domain.id,
  name: (domain) => domain.name.trim(),
  slug: (domain) => slugify(domain.name),
};

/** The one domain whose products and systems serve each contract; none for a contract served from several domains. */
function servingDomains(mesh: Pick<Mesh, 'domains' | 'products' | 'systems'>): Map<string, Domain | undefined> {
  const domains = new Map(mesh.domains.map((domain) => [domain.id, domain]));
  const serving = new Map<string, Domain | undefined>();
  for (const node of [...mesh.products, ...mesh.systems]) {
    const domain = domains.get(node.domainId);
    for (const contractId of contractIdsOf(node)) {
      serving.set(contractId, serving.has(contractId) && serving.get(contractId) !== domain ? undefined : domain);
    }
  }
  return serving;
}

/**
 * Whether a contract's `domain:` names `domain` by its id where it would not follow a change of
 * that id: in a contract that `domain` alone does not serve. One it serves follows, as above.
 */
export function isDomainIdNamedInContracts(mesh: Mesh, domain: Domain): boolean {
  const serving = servingDomains(mesh);
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
  const was = servingDomains(before);
  const now = servingDomains(next);
  let changed = false;
  const contracts = next.contracts.map((contract) => {
    const from = was.get(contract.id);
    const to = now.get(contract.id);
    if (contract.domain === undefined || !from || !to) return contract;
    const form = formNaming(contract.domain, from);
    const domain = form && NAMING[form](to);
    if (!domain || domain === contract.domain) return contract;
    changed = true;
    return withContractIdentity(contract, { id: contract.id, domain });
  });
  return changed ? { ...next, contracts } : next;
}
