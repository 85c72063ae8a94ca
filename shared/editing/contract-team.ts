import type { Contract, DataProduct, Mesh } from '../model';
import { isBlank } from '../model/blank-text';
import { namesSameTeam } from '../model/owner-entity-ref';
import { servingProducts } from './contract-serving';

/*
 * A contract's `team` travels in its exported file beside the ODPS descriptor and Backstage
 * catalog, which both name the serving product's owner: where the team is another, the files
 * tell a catalog two owners of one dataset.
 */

/** A contract's team against the owners of the products serving it, and the team it should name. */
export interface TeamContradiction {
  written: string;
  /** The serving products that name an owner. */
  serving: readonly DataProduct[];
  /** Only where the serving products name one owner between them: of several, the design cannot tell which is meant. */
  correction?: string;
}

/**
 * The contracts whose team names none of the owners of the products serving them. A contract
 * with no team, or served by no product naming an owner, is not judged: an owner of only
 * invisible characters names none, so the export never writes it over a contract's team.
 */
export function teamContradictions(mesh: Mesh): Map<string, TeamContradiction> {
  const products = servingProducts(mesh.products);
  const contradictions = new Map<string, TeamContradiction>();
  for (const contract of mesh.contracts) {
    const contradiction = contradictionOf(contract, products.get(contract.id) ?? []);
    if (contradiction) contradictions.set(contract.id, contradiction);
  }
  return contradictions;
}

function contradictionOf(contract: Contract, products: readonly DataProduct[]): TeamContradiction | undefined {
  const team = contract.owner?.trim() ?? '';
  const owned = products.filter((product) => !isBlank(product.owner));
  if (isBlank(team) || owned.length === 0 || owned.some((product) => namesSameTeam(team, product.owner ?? ''))) {
    return undefined;
  }
  const [first, ...others] = owned.map((product) => (product.owner ?? '').trim());
  const isOneOwner = first !== undefined && others.every((owner) => namesSameTeam(owner, first));
  return { written: team, serving: owned, ...(isOneOwner && { correction: first }) };
}
