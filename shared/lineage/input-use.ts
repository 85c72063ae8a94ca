import { Memo } from './memo';
import type { ColumnLineage, ProductLineage, TableLineage } from './product-lineage';

/** A column a change reaches: its lower-cased key and its name as written. */
export interface ReachedColumn {
  key: string;
  name: string;
}

/** One transformation that reads an input port, seen from that port. */
export interface StepUse {
  name: string;
  /** The port's fields its SQL names. */
  named: ReadonlySet<string>;
  /** The port's fields that decide its rows (joins, filters, grouping), whether or not they feed a column. */
  rowFields: ReadonlySet<string>;
  /** Per field of the port, the result columns computed from it. */
  columnsOf: ReadonlyMap<string, readonly string[]>;
}

/** One output port that depends on an input port, seen from that port. */
export interface OutputUse {
  portId: string;
  /** The input port's fields that decide which rows the output port publishes. */
  rowFields: ReadonlySet<string>;
  /** Per field of the input port, the output fields computed from it. */
  columnsOf: ReadonlyMap<string, readonly ReachedColumn[]>;
}

/** How a product uses what arrives at one of its input ports: what a change of each field reaches. */
export interface InputUse {
  portName: string;
  /** The fields the product uses by name: expected by the port, named by SQL, or feeding an output field. */
  used: ReadonlySet<string>;
  steps: readonly StepUse[];
  outputs: readonly OutputUse[];
}

/** Per lineage, the use of each of its input ports. */
const usesByLineage = new Memo<ProductLineage, ReadonlyMap<string, InputUse>>();

/** The lineage seen from one input port, computed once per lineage: impact analysis then only looks fields up. */
export function inputUse(lineage: ProductLineage, portId: string): InputUse {
  const uses = usesByLineage.get(lineage, [], () => {
    const ports = lineage.product.inputPorts;
    return new Map(ports.map((port) => [port.id, computeUse(lineage, port.id)]));
  });
  // A link may end at a port that is gone: it is used for nothing, which computeUse says.
  return uses.get(portId) ?? computeUse(lineage, portId);
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The columns of a step read approximately, whose own are unknown: those the product's contracts
 * publish of it, each fed by every field its SQL mentions (over-reported, never missed).
 */
function publishedColumns(lineage: ProductLineage, table: TableLineage): ColumnLineage[] {
  return [...lineage.outputs.values()].flatMap((output) =>
    output.objects.flatMap((object) => (object.table === table ? [...object.fields.values()] : [])),
  );
}

function computeUse(lineage: ProductLineage, portId: string): InputUse {
  const port = lineage.product.inputPorts.find((candidate) => candidate.id === portId);
  const used = new Set((port?.expects ?? []).map((field) => field.name.toLowerCase()));
  const steps = lineage.transformations.flatMap((step): StepUse[] => {
    for (const field of step.named.fieldsOf(portId)) used.add(field);
    if (!step.table.inputs.has(portId)) return [];
    const columnsOf = new Map<string, string[]>();
    for (const column of step.table.isExact ? step.table.columns.values() : publishedColumns(lineage, step.table)) {
      for (const field of column.sources.fieldsOf(portId)) pushTo(columnsOf, field, column.name);
    }
    return [
      {
        name: step.transformation.name,
        named: step.named.fieldsOf(portId),
        rowFields: step.table.rowSources.fieldsOf(portId),
        columnsOf,
      },
    ];
  });
  // A table nothing fills may be fed by any input.
  const isFed = (table: TableLineage | undefined) => table?.inputs.has(portId) ?? lineage.inputs.has(portId);
  const outputs = [...lineage.outputs.values()].flatMap((output): OutputUse[] => {
    // Every schema object the port serves (the export makes a table of each), not only the first the engine's log carries.
    const served = output.objects.length > 0 ? output.objects : [{ fields: output.fields, table: output.table }];
    const fed = served.filter((object) => isFed(object.table));
    if (fed.length === 0) return [];
    const columnsOf = new Map<string, ReachedColumn[]>();
    const rowFields = new Set<string>();
    for (const { fields, table } of fed) {
      for (const field of table?.rowSources.fieldsOf(portId) ?? []) rowFields.add(field);
      for (const [key, column] of fields) {
        const reached = { key, name: column.name };
        for (const field of column.sources.fieldsOf(portId)) {
          used.add(field);
          // Objects that share a column name (`order_id` in orders and order_lines) are one field of the port.
          if (!columnsOf.get(field)?.some((known) => known.key === key)) pushTo(columnsOf, field, reached);
        }
      }
    }
    return [{ portId: output.port.id, rowFields, columnsOf }];
  });
  return { portName: port?.name ?? portId, used, steps, outputs };
}
