import { checkDatasetShape } from '../../contracts';
import { CONTRACT_KEYS_RULE_ID } from '../../contracts/contract-rule-ids';
import { Memo } from '../../lineage/memo';
import { type Contract, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractKeysRule: Rule = {
  id: CONTRACT_KEYS_RULE_ID,
  title: 'Entities have a primary key; events an event id and a time',
  rationale:
    'Without a key, updates and deletes cannot find their row; without an id and a time, events cannot be deduplicated or ordered.',
  defaultSeverity: 'error',
  reads: ['contracts'],
  check({ mesh, graph }) {
    return findingsPerElement(findingsByContract, mesh.contracts, [], (contract) =>
      checkDatasetShape(contract).map((finding) => ({
        ...contractPlace(graph, contract),
        path: `${contractPlace(graph, contract).path}.${finding.path}`,
        message: `Contract ${quoted(contract.name)}: ${finding.message}.`,
        // A warning where the app only inferred event or entity: the contract never promised a key.
        severity: finding.severity,
        fixHint:
          contract.kind === 'entity'
            ? 'Mark the properties that identify a row with primaryKey: true.'
            : 'Add a required unique event id (e.g. event_id) and a required timestamp (e.g. occurred_at).',
      })),
    );
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
