import { type ContractFinding, checkDatasetShape } from '../../contracts';
import { DependentCache } from '../../lineage/dependent-cache';
import type { Contract } from '../../model';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractKeysRule: Rule = {
  id: 'contract-keys',
  title: 'Entities have a primary key; events an event id and a time',
  rationale:
    'Without a key, updates and deletes cannot find their row; without an id and a time, events cannot be deduplicated or ordered.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.contracts.flatMap((contract) =>
      shapeOf(contract).map((finding) => ({
        ...contractPlace(graph, contract),
        path: `${contractPlace(graph, contract).path}.${finding.path}`,
        message: `Contract '${contract.name}': ${finding.message}.`,
        fixHint:
          contract.kind === 'entity'
            ? 'Mark the properties that identify a row with primaryKey: true.'
            : 'Add a required unique event id (e.g. event_id) and a required timestamp (e.g. occurred_at).',
      })),
    );
  },
};

const shapes = new DependentCache<Contract, ContractFinding[]>();

function shapeOf(contract: Contract): ContractFinding[] {
  return shapes.get(contract, [], () => checkDatasetShape(contract));
}
