import type { Contract, DataProduct, Mesh } from '../model';
import { isBlank } from '../model/blank-text';
import { namesSameTeam } from '../model/owner-entity-ref';
import { owningTeam } from '../model/owning-team';
import { servingProducts } from './contract-serving';

/*
 * A contract's `team` travels in its exported file beside the ODPS descriptor and Backstage
 * catalog, which both name the serving product's owning team: where the team is another, the
 * files tell a catalog two owners of one dataset.
 */

/** A serving product and the team that owns it: its own owner, else its domain's (`owning-team`). */
export interface OwnedProduct {
  product: DataProduct;
  team: string;
}

/** A contract's team against the owning teams of the products serving it, and the team it should name. */
export interface TeamContradiction {
  written: string;
  /** The serving products owned by a team. */
  serving: readonly OwnedProduct[];
  /** Only where the serving products have one owning team between them: of several, the design cannot tell which is meant. */
  correction?: string;
}

/**
 * The contracts whose team names none of the owning teams of the products serving them. A
 * contract with no team, or served by no product that it or its domain gives an owner, is not
 * judged: an owner of only invisible characters names none, so the export never writes it over a
 * contract's team.
 */
export function teamContradictions(mesh: Mesh): Map<string, TeamContradiction> {
  const products = servingProducts(mesh.products);
  const contradictions = new Map<string, TeamContradiction>();
  for (const contract of mesh.contracts) {
    const owned = (products.get(contract.id) ?? []).flatMap((product) => {
      const team = owningTeam(mesh.domains, product);
      return team === undefined ? [] : [{ product, team }];
    });
    const contradiction = contradictionOf(contract, owned);
    if (contradiction) contradictions.set(contract.id, contradiction);
  }
  return contradictions;
}

function contradictionOf(contract: Contract, owned: readonly OwnedProduct[]): TeamContradiction | undefined {
  const team = contract.owner?.trim() ?? '';
  if (isBlank(team) || owned.length === 0 || owned.some((each) => namesSameTeam(team, each.team))) {
    return undefined;
  }
  const [first, ...others] = owned.map((each) => each.team);
  const isOneOwner = first !== undefined && others.every((owner) => namesSameTeam(owner, first));
  return { written: team, serving: owned, ...(isOneOwner && { correction: first }) };
}
