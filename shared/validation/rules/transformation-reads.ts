import { Memo } from '../../lineage/memo';
import type { ProductLineage } from '../../lineage/product-lineage';
import { type InputTable, type UnprovidedRead, unprovidedReads } from '../../lineage/unprovided-reads';
import { type DataProduct, quoted } from '../../model';
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
      const steps = readsByLineage.get(lineage, [], () => unprovidedReads(lineage));
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
  if (only && others.length === 0) {
    return `reads ${quoted(read.column)} of ${quoted(only.name)}, which its input port ${quoted(only.port.name)} does not bring: it brings ${columnsOf(only)}.`;
  }
  const tables = read.tables.map((table) => `${quoted(table.name)} (input port ${quoted(table.port.name)})`);
  return `reads ${quoted(read.column)}, which none of the tables it reads brings: ${tables.join(', ')}.`;
}

function repair(read: UnprovidedRead): string {
  const failure = read.kind === 'table' ? `no such table: ${read.table}` : `no such column: ${read.column}`;
  const fix =
    read.kind === 'table'
      ? `Read a table an input brings, link an input that brings ${quoted(read.table)}, or add a transformation of that name before this one`
      : `Read a field the input brings, or have its producer publish ${quoted(read.column)} again (or link one that does)`;
  return `${fix}; as it is, the step fails every run with "${failure}".`;
}

function columnsOf(table: InputTable): string {
  return table.dataset.schema.properties.map((property) => property.name).join(', ') || 'no field';
}

function portsOf(read: UnprovidedRead) {
  return read.kind === 'column' ? [...new Set(read.tables.map((table) => table.port))] : [];
}
