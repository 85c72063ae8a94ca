import { type ServingContradiction, servingContradictions, servingCorrections } from '../../editing/contract-serving';
import { Memo } from '../../lineage/memo';
import { type Contract, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractServingRule: Rule = {
  id: 'contract-serving',
  title: 'Contracts name the product and domain that serve them',
  rationale:
    "A contract's domain and dataProduct travel in its ODCS file beside the product's ODPS descriptor; importing the file finds its product by them. Naming another domain or product than the one serving it tells other tools, and the import, a different story than the design.",
  defaultSeverity: 'warning',
  reads: ['contracts', 'product outlines', 'systems', 'domains'],
  check({ mesh, graph }) {
    return findingLists.get(mesh.contracts, [graph.productOutlines, mesh.systems, mesh.domains], () => {
      const contradictions = servingContradictions(mesh);
      return mesh.contracts.flatMap((contract) => {
        const contradiction = contradictions.get(contract.id);
        return contradiction ? [findingOf(contract, contradiction, contractPlace(graph, contract))] : [];
      });
    });
  },
};

const findingLists = new Memo<readonly Contract[], RuleFinding[]>();

function findingOf(
  contract: Contract,
  contradiction: ServingContradiction,
  place: ReturnType<typeof contractPlace>,
): RuleFinding {
  const { domain, dataProduct } = contradiction;
  const says = [
    ...(domain ? [`domain ${quoted(domain.written)} but is served in ${quoted(domain.serving.name)}`] : []),
    ...(dataProduct
      ? [
          `dataProduct ${quoted(dataProduct.written)} but is served by ${dataProduct.serving.map((product) => quoted(product.name)).join(', ')}`,
        ]
      : []),
  ];
  const corrections = servingCorrections(contradiction);
  const canFix = Object.keys(corrections).length > 0;
  return {
    ...place,
    message: `Contract ${quoted(contract.name)} says ${says.join('; and ')}.`,
    fixHint:
      'Name the domain and data product serving it in the contract (or serve it from the ones it names): its exported file names them, and importing it places the contract there.',
    ...(canFix && { fix: { kind: 'name-serving', contractId: contract.id, ...corrections } }),
  };
}
