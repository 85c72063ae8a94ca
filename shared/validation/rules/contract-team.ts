import { teamContradictions } from '../../editing/contract-team';
import { Memo } from '../../lineage/memo';
import { type Contract, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractTeamRule: Rule = {
  id: 'contract-team',
  title: "A contract's team owns the product serving it",
  rationale:
    "A contract's team travels in its ODCS file beside the product's ODPS descriptor and Backstage entry, which name the product's owner (its domain's where it names none): naming another team tells a catalog that one dataset has two owners.",
  defaultSeverity: 'warning',
  reads: ['contracts', 'products', 'domains'],
  check({ mesh, graph }) {
    return findingLists.get(mesh.contracts, [mesh.products, mesh.domains], () => {
      const contradictions = teamContradictions(mesh);
      return mesh.contracts.flatMap((contract): RuleFinding[] => {
        const contradiction = contradictions.get(contract.id);
        if (!contradiction) return [];
        const servedBy = contradiction.serving
          .map(({ product, team }) => `${quoted(product.name)}, owned by ${quoted(team)}`)
          .join('; ');
        const { correction } = contradiction;
        return [
          {
            ...contractPlace(graph, contract, 'team', 'name'),
            message: `Contract ${quoted(contract.name)} names the team ${quoted(contradiction.written)} but is served by ${servedBy}.`,
            fixHint:
              "Name the product's owner as the contract's team, or give the product the team as its owner in the inspector: the ODCS export writes the product's owner, as ODPS and Backstage do.",
            ...(correction !== undefined && { fix: { kind: 'name-team', contractId: contract.id, team: correction } }),
          },
        ];
      });
    });
  },
};

const findingLists = new Memo<readonly Contract[], RuleFinding[]>();
