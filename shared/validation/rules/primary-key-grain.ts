import { primaryKeyOf } from '../../contracts/primary-key';
import {
  distinctFanOut,
  type GroupingFanOut,
  groupingFanOut,
  type KeyFanOut,
  keyFanOut,
  type SelectedFanOut,
  tablesBefore,
  type UnionFanOut,
  unionFanOut,
  type WindowFanOut,
} from '../../lineage/key-fan-out';
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
    "A transformation that reads the key from a table it is no key of gives it once per row of that table, one that joins another table on columns that are not a key of it gives each of its rows once per match, and one that groups by the key and a column the key does not decide gives a row per value of that column, as does DISTINCT over such a column, a window partitioned or ordered by one, or a window whose value differs row by row (`row_number()`, `lag(x)`) where the key names many rows: where a port publishes the result, the contract's primary key repeats and the simulation quarantines every such row. Said only where the SQL shows it; the same goes for a UNION ALL whose SELECTs may each read one value of the key from a table (or one of which fans out), and for a UNION whose SELECTs, or the joined rows of one of them, may differ beside it. Where it cannot tell (a subquery, a CTE, a key computed per SELECT, INTERSECT or EXCEPT), the rule stays silent.",
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
        const keyColumns = key.map((column) => column.toLowerCase());
        const tables = tablesBefore(lineage, index);
        const repeat =
          repeatOf(keyFanOut(query, keyColumns, tables), key) ??
          repeatOf(unionFanOut(query, keyColumns, tables), key) ??
          repeatOf(groupingFanOut(query, keyColumns, tables), key) ??
          repeatOf(distinctFanOut(query, keyColumns, tables), key);
        if (!repeat) return [];
        return [
          {
            ...transformationPlace(graph, product, index),
            related: [{ kind: 'port', productId: product.id, portId: output.port.id }],
            message: `${transformation.name}: primary key ${key.join(', ')} may repeat: ${repeat.reason}; contract ${quoted(output.governing.contract.name)} of output port ${quoted(output.port.name)} then gets rows the simulation quarantines ("unique on ${key.join(', ')}").`,
            fixHint: repeat.fixHint,
          },
        ];
      });
    });
  },
};

/** Why the key may repeat, and how to make it name one row. */
function repeatOf(
  fanOut: KeyFanOut | UnionFanOut | GroupingFanOut | WindowFanOut | SelectedFanOut | undefined,
  key: readonly string[],
): { reason: string; fixHint: string } | undefined {
  if (!fanOut) return undefined;
  const keyText = key.join(', ');
  const decides = `${keyText} ${key.length > 1 ? 'do' : 'does'} not decide`;
  if ('operator' in fanOut) {
    const [one, other] = fanOut.sources.map(({ table, columns }) => `${quoted(table)} (${columns.join(', ')})`);
    const rows = fanOut.operator === 'union all' ? 'adds the rows of' : 'keeps the rows that differ beside the key of';
    return {
      reason: `${fanOut.operator.toUpperCase()} ${rows} ${one} and ${other}, which may share a ${keyText}`,
      fixHint: `Make each SELECT's ${keyText} its own (a prefix or offset per source), or add a column telling the sources apart to the key.`,
    };
  }
  if ('selected' in fanOut) {
    return {
      reason: `it selects ${fanOut.selected}, and ${decides} ${fanOut.selected}, so ${fanOut.dedupedBy} keeps a row per ${fanOut.selected}`,
      fixHint: `Group by ${keyText} (aggregating ${fanOut.selected}), or add ${fanOut.selected} to the key.`,
    };
  }
  if ('window' in fanOut) {
    const undecided = joinedWith(fanOut.undecided, 'and');
    if (fanOut.isRowByRow) {
      const window = `the window of ${fanOut.window}${fanOut.function ? ` (${fanOut.function})` : ''}`;
      return {
        reason: `${window} gives each row its own value, and ${decides} ${undecided}, so ${fanOut.dedupedBy} keeps a row per ${undecided}`,
        fixHint: `Compute the window of ${fanOut.window} over one row per ${keyText} (group by ${keyText} first), or add ${undecided} to the key.`,
      };
    }
    const partitioned =
      fanOut.partitionedBy.length > 0 ? `partitioned by ${joinedWith(fanOut.partitionedBy, 'and')}` : '';
    const ordered = fanOut.orderedBy.length > 0 ? `ordered by ${joinedWith(fanOut.orderedBy, 'and')}` : '';
    const window = `the window of ${fanOut.window}`;
    return {
      reason: `${window} is ${[partitioned, ordered].filter(Boolean).join(' and ')}, and ${decides} ${undecided}, so ${fanOut.dedupedBy} keeps a row per ${undecided}`,
      fixHint: `Partition ${window} by ${keyText} alone${ordered ? ', without ORDER BY' : ''}, or add ${undecided} to the key.`,
    };
  }
  if ('undecided' in fanOut) {
    const undecided = joinedWith(fanOut.undecided, 'and');
    return {
      reason: `it groups by ${joinedWith(fanOut.groupedBy, 'and')}, and ${decides} ${undecided}, so it gives a row per ${undecided}`,
      fixHint: `Group by ${keyText} alone (aggregating ${undecided}), or add ${undecided} to the key.`,
    };
  }
  const table = quoted(fanOut.table);
  if (fanOut.isKeySource) {
    const tableKey = fanOut.key.join(', ');
    return {
      reason: `it gives a row per row of ${table}, whose key is ${tableKey}, and ${keyText} ${key.length > 1 ? 'are' : 'is'} no key of ${table}`,
      fixHint: `Group by ${keyText}, or make ${tableKey} the key.`,
    };
  }
  const joined =
    fanOut.joinedOn.length > 0
      ? `joins ${table} on ${joinedWith(fanOut.joinedOn, 'and')}, which ${fanOut.joinedOn.length > 1 ? 'are' : 'is'} not a key of ${table}`
      : `joins ${table} on none of its keys`;
  const added = fanOut.key.filter((column) => !key.includes(column));
  return {
    reason: `${joined}, so each row meets every matching row of it`,
    fixHint: `Group by ${keyText}${added.length > 0 ? `, or add ${joinedWith(added, 'and')} to the key` : ''}, or join ${table} on a key of it.`,
  };
}
