import { primaryKeyOf } from '../../contracts/primary-key';
import { keyFanOut, tablesBefore } from '../../lineage/key-fan-out';
import { Memo } from '../../lineage/memo';
import { sqlLineageOf } from '../../lineage/sql-lineage';
import { type DataProduct, joinedWith, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { productPlace, transformationPlace } from '../places';
import { tableClaimsOf } from '../product-table-sources';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const primaryKeyGrainRule: Rule = {
  id: 'primary-key-grain',
  title: 'A published step gives one row per primary key',
  rationale:
    "A transformation that joins another table on columns that are not a key of it gives each of its rows once per match: where a port publishes the result, the contract's primary key repeats and the simulation quarantines every such row. Said only where the SQL shows it; where it cannot tell (a subquery, a CTE, a UNION), the rule stays silent.",
  defaultSeverity: 'warning',
  reads: ['products', 'links', 'contracts', 'systems'],
  check({ graph }) {
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) => {
      const claims = tableClaimsOf(graph, product, productPlace(graph, product).path);
      return claims.transformations.flatMap(({ transformation, dataset }) => {
        const output = claims.outputs.find((candidate) => candidate.dataset === dataset);
        const key = output ? primaryKeyOf(output.governing.schemaObject) : [];
        const { query } = sqlLineageOf(transformation.sql);
        const index = product.transformations.indexOf(transformation);
        if (!output || key.length === 0 || !query) return [];
        const fanOut = keyFanOut(
          query,
          key.map((column) => column.toLowerCase()),
          tablesBefore(lineage, index),
        );
        if (!fanOut) return [];
        const keyText = key.join(', ');
        const table = quoted(fanOut.table);
        const joined =
          fanOut.joinedOn.length > 0
            ? `joins ${table} on ${joinedWith(fanOut.joinedOn, 'and')}, which ${fanOut.joinedOn.length > 1 ? 'are' : 'is'} not a key of ${table}`
            : `joins ${table} on none of its keys`;
        const added = fanOut.key.filter((column) => !key.includes(column));
        return [
          {
            ...transformationPlace(graph, product, index),
            related: [{ kind: 'port', productId: product.id, portId: output.port.id }],
            message: `${transformation.name}: primary key ${keyText} may repeat: ${joined}, so each row meets every matching row of it; contract ${quoted(output.governing.contract.name)} of output port ${quoted(output.port.name)} then gets rows the simulation quarantines ("unique on ${keyText}").`,
            fixHint: `Group by ${keyText}${added.length > 0 ? `, or add ${joinedWith(added, 'and')} to the key` : ''}, or join ${table} on a key of it.`,
          },
        ];
      });
    });
  },
};
