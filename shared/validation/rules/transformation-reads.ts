import { Memo } from '../../lineage/memo';
import type { ProductLineage } from '../../lineage/product-lineage';
import { type KnownTable, type UnprovidedRead, unprovidedReads } from '../../lineage/unprovided-reads';
import { type DataProduct, quoted } from '../../model';
import { rawZoneColumns } from '../../simulation/raw-zone-columns';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { transformationPlace } from '../places';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();
const readsByLineage = new Memo<ProductLineage, ReturnType<typeof unprovidedReads>>();

export const transformationReadsRule: Rule = {
  id: 'transformation-reads',
  title: 'Transformations read only what their inputs bring',
  rationale:
    'A step whose SQL reads a field or table its inputs no longer bring (a producer dropped or renamed it) fails on every run: the design cannot run.',
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems'],
  check({ graph }) {
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) => {
      const steps = readsByLineage.get(lineage, [], () =>
        unprovidedReads(lineage, (port) => rawZoneColumns(graph.mesh, product, port)),
      );
      return steps.flatMap(({ transformation, index, unprovided }) =>
        unprovided.map(
          (read): RuleFinding => ({
            ...transformationPlace(graph, product, index),
            message: `Transformation ${quoted(transformation.name)} of ${quoted(product.name)} ${whatIsMissing(read)}`,
            fixHint: repair(read),
            related: portsOf(read).map((port) => ({ kind: 'port', productId: product.id, portId: port.id })),
          }),
        ),
      );
    });
  },
};

function whatIsMissing(read: UnprovidedRead): string {
  if (read.kind === 'table') {
    const brought = read.inputTables.map((table) => quoted(table.name)).join(', ');
    return `reads table ${quoted(read.table)}, which no input port brings and no earlier transformation makes${brought ? `; its inputs bring ${brought}` : ''}.`;
  }
  const [only, ...others] = read.tables;
  if (only?.kind === 'step' && others.length === 0) {
    return `reads ${quoted(read.column)} of ${quoted(only.name)}, which the transformation ${quoted(only.name)} before it does not make: it makes ${columnsOf(only)}.`;
  }
  if (only?.kind === 'raw' && others.length === 0) {
    return `reads ${quoted(read.column)} of the raw zone ${quoted(only.name)} of input port ${quoted(only.port.name)}, which has no such column: ${rawZoneAdvice(only, read.column)}.`;
  }
  if (only?.kind === 'clean' && others.length === 0) {
    return `reads ${quoted(read.column)} of ${quoted(only.name)}, which its input port ${quoted(only.port.name)} does not bring: it brings ${columnsOf(only)}.`;
  }
  const tables = read.tables.map((table) => `${quoted(table.name)} (${madeBy(table)})`);
  return `reads ${quoted(read.column)}, which none of the tables it reads brings: ${tables.join(', ')}.`;
}

function madeBy(table: KnownTable): string {
  return table.kind === 'step' ? `transformation ${quoted(table.name)}` : `input port ${quoted(table.port.name)}`;
}

function repair(read: UnprovidedRead): string {
  const failure = read.kind === 'table' ? `no such table: ${read.table}` : `no such column: ${read.column}`;
  const readsRawZone = read.kind === 'column' && read.tables.every((table) => table.kind === 'raw');
  const [step, ...others] = read.kind === 'column' ? read.tables : [];
  const fix =
    read.kind === 'table'
      ? `Read a table an input brings, link an input that brings ${quoted(read.table)}, or add a transformation of that name before this one`
      : step?.kind === 'step' && others.length === 0
        ? `Read a column ${quoted(step.name)} makes, or have it make ${quoted(read.column)}`
        : readsRawZone
          ? "Read the raw zone's columns (a change record's fields are after_<field> and before_<field>), or read the input's clean table instead"
          : `Read a field the input brings, or have its producer publish ${quoted(read.column)} again (or link one that does)`;
  return `${fix}; as it is, the step fails every run with "${failure}".`;
}

function columnsOf(table: KnownTable): string {
  return table.fields.join(', ') || 'no field';
}

/** A raw zone keeps a change record's row images as `before_<field>` and `after_<field>`: name the one meant. */
function rawZoneAdvice(table: KnownTable, column: string): string {
  const [after, before] = [`after_${column}`, `before_${column}`];
  return table.columns.has(after.toLowerCase())
    ? `its change records hold the field as ${quoted(after)} (and ${quoted(before)}, the row before the change)`
    : `it has ${columnsOf(table)}`;
}

function portsOf(read: UnprovidedRead) {
  const inputs =
    read.kind === 'column' ? read.tables.flatMap((table) => (table.kind === 'step' ? [] : [table.port])) : [];
  return [...new Set(inputs)];
}
