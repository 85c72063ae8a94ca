import { describe, expect, it } from 'vitest';
import { readOdcsDocument } from '../../../shared/contracts/contract-edits';
import { schemaDiagramOf } from '../../../shared/contracts/schema-diagram';
import { edgeSides, tableColumns } from '../../../shared/contracts/schema-diagram-layout';
import { anOdcsText } from './builders';

/** A contract whose tables each hold an `id` and refer by `ref_<table>` to the tables given. */
function diagramOf(references: Record<string, string[]>) {
  const schema = Object.entries(references)
    .map(([table, targets]) =>
      [
        `  - name: ${table}`,
        '    properties:',
        '      - name: id',
        '        logicalType: integer',
        ...targets.flatMap((target) => [
          `      - name: ref_${target}`,
          '        logicalType: integer',
          '        relationships:',
          `          - to: ${target}.id`,
        ]),
      ].join('\n'),
    )
    .join('\n');
  const document = readOdcsDocument(anOdcsText(`schema:\n${schema}\n`));
  if (!document) throw new Error('not a mapping');
  return schemaDiagramOf(document);
}

const columnsOf = (references: Record<string, string[]>) => Object.fromEntries(tableColumns(diagramOf(references)));

const sidesOf = (references: Record<string, string[]>) => {
  const diagram = diagramOf(references);
  const columns = tableColumns(diagram);
  return diagram.edges.map((edge) => {
    const { from, to } = edgeSides(edge, columns);
    return `${edge.from.table} ${from} -> ${edge.to.table} ${to}`;
  });
};

describe('where the schema diagram places its tables and joins its edges', () => {
  it('places a table right of the tables referring to it, though the schema writes it first', () => {
    expect(columnsOf({ guests: [], guest_stays: ['guests', 'reservations'] })).toEqual({
      guests: 1,
      guest_stays: 0,
      reservations: 1,
    });
  });

  it('places a table right of the furthest table referring to it', () => {
    expect(columnsOf({ lines: ['orders', 'products'], orders: ['customers'], products: [], customers: [] })).toEqual({
      lines: 0,
      orders: 1,
      products: 1,
      customers: 2,
    });
  });

  it('places the tables of a cycle of relationships, and of a table referring to itself, without looping', () => {
    expect(columnsOf({ a: ['b'], b: ['a'], staff: ['staff'] })).toEqual({ a: 0, b: 1, staff: 0 });
  });

  it('joins the sides that face each other, and the right sides of tables in one column', () => {
    expect(sidesOf({ guests: [], guest_stays: ['guests'], a: ['b'], b: ['a'], staff: ['staff'] })).toEqual([
      'guest_stays right -> guests left',
      'a right -> b left',
      'b left -> a right',
      'staff right -> staff right',
    ]);
  });
});
