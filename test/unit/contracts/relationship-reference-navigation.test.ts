import { describe, expect, it } from 'vitest';
import {
  relationshipReferenceDefinition,
  relationshipReferencesTo,
} from '../../../shared/contracts/relationship-reference-navigation';

const HAULAGE = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'id: urn:datacontract:haulage:shipments', // 3
  'version: 1.0.0', // 4
  'status: active', // 5
  'schema:', // 6
  '  - name: shipments', // 7
  '    id: shipments_tbl', // 8
  '    properties:', // 9
  '      - name: shipment_id', // 10
  '        logicalType: string', // 11
  '        primaryKey: true', // 12
  '      - name: route_id', // 13
  '        logicalType: string', // 14
  '        relationships:', // 15
  '          - type: foreignKey', // 16
  '            to: routes.route_id', // 17
  '      - name: depot_code', // 18
  '        relationships:', // 19
  '          - to: depots.depot_code', // 20
  '  - name: routes', // 21
  '    properties:', // 22
  '      - name: route_id', // 23
  '        id: route_pk', // 24
  '        logicalType: string', // 25
  '      - name: origin', // 26
  '        logicalType: string', // 27
  '    relationships:', // 28
  '      - type: foreignKey', // 29
  '        from: [routes.route_id, routes.origin]', // 30
  '        to:', // 31
  '          - shipments.route_id', // 32
  '          - shipments.depot_code', // 33
  '      - to: schema/routes_tbl/properties/route_pk', // 34
  '        from: routes.origin', // 35
].join('\n');

const lineOf = (text: string, line: number) => text.split('\n')[line - 1] as string;
/** The column of `snippet`'s first character on a line, plus `into` characters. */
const columnOf = (text: string, line: number, snippet: string, into = 0) =>
  lineOf(text, line).indexOf(snippet) + 1 + into;
const definitionAt = (text: string, line: number, snippet: string, into = 0) =>
  relationshipReferenceDefinition(text, line, columnOf(text, line, snippet, into));

describe('go to the definition of a relationship’s reference', () => {
  it('goes from a property’s `to: table.column` to that field’s name under its schema object', () => {
    expect(definitionAt(HAULAGE, 17, 'routes.route_id', 9)).toEqual({
      line: 23,
      column: 15,
      endLine: 23,
      endColumn: 23,
    });
  });

  it('goes there from the `to` key as well, and from the reference’s first or last character', () => {
    expect(definitionAt(HAULAGE, 17, 'to:')?.line).toBe(23);
    expect(definitionAt(HAULAGE, 17, 'routes.route_id')?.line).toBe(23);
    expect(definitionAt(HAULAGE, 17, 'routes.route_id', 'routes.route_id'.length)?.line).toBe(23);
  });

  it('tells the field from one of the same name under another schema object', () => {
    expect(definitionAt(HAULAGE, 32, 'shipments.route_id', 12)?.line).toBe(13);
  });

  it('goes from each item of a schema object’s `from` and `to` lists, flow or block', () => {
    expect(definitionAt(HAULAGE, 30, 'routes.route_id')?.line).toBe(23);
    expect(definitionAt(HAULAGE, 30, 'routes.origin', 3)?.line).toBe(26);
    expect(definitionAt(HAULAGE, 33, 'shipments.depot_code')?.line).toBe(18);
    expect(definitionAt(HAULAGE, 35, 'routes.origin')?.line).toBe(26);
  });

  it('goes from a reference by ids, schema/<id>/properties/<id>, to the property with that id', () => {
    const text = HAULAGE.replace(
      '  - name: routes\n    properties:',
      '  - name: routes\n    id: routes_tbl\n    properties:',
    );
    expect(definitionAt(text, 35, 'schema/routes_tbl')?.line).toBe(24);
  });

  it('goes nowhere from a reference to a field the contract lacks, or from what is no reference', () => {
    expect(definitionAt(HAULAGE, 20, 'depots.depot_code', 3)).toBeUndefined();
    expect(
      definitionAt(HAULAGE.replace('to: routes.route_id', 'to: routes.route_no'), 17, 'routes', 2),
    ).toBeUndefined();
    expect(definitionAt(HAULAGE, 14, 'string')).toBeUndefined();
    expect(definitionAt(HAULAGE, 29, 'foreignKey')).toBeUndefined();
  });
});

describe('find the relationships referring to a field', () => {
  it('lists every reference naming the field whose name is at the caret, in the order written', () => {
    expect(relationshipReferencesTo(HAULAGE, 23, columnOf(HAULAGE, 23, 'route_id', 2))).toEqual({
      declaration: { line: 23, column: 15, endLine: 23, endColumn: 23 },
      references: [
        { line: 17, column: 17, endLine: 17, endColumn: 32 },
        { line: 30, column: 16, endLine: 30, endColumn: 31 },
      ],
    });
  });

  it('lists them from the `name` key too, and only that object’s field’s', () => {
    const linesReferringFrom = (line: number, snippet: string) =>
      relationshipReferencesTo(HAULAGE, line, columnOf(HAULAGE, line, snippet))?.references.map(({ line }) => line);
    expect(linesReferringFrom(23, 'name')).toEqual([17, 30]);
    expect(linesReferringFrom(13, 'route_id')).toEqual([32]);
  });

  it('lists the duplicateValues rules of the field’s object naming it, and goes from them to the field', () => {
    const text = [
      HAULAGE,
      '    quality:', // 36
      '      - metric: duplicateValues', // 37
      '        arguments:', // 38
      '          properties: [origin, route_id]', // 39
      '  - name: depots', // 40
      '    properties:', // 41
      '      - name: origin', // 42
      '    quality:', // 43
      '      - metric: duplicateValues', // 44
      '        arguments:', // 45
      '          properties:', // 46
      '            - origin', // 47
    ].join('\n');
    expect(relationshipReferencesTo(text, 26, columnOf(text, 26, 'origin'))?.references).toEqual([
      { line: 30, column: 33, endLine: 30, endColumn: 46 },
      { line: 35, column: 15, endLine: 35, endColumn: 28 },
      { line: 39, column: 24, endLine: 39, endColumn: 30 },
    ]);
    expect(definitionAt(text, 39, 'route_id', 2)?.line).toBe(23);
    expect(definitionAt(text, 47, 'origin')?.line).toBe(42);
  });

  it('lists the SLA elements naming the field, each of a comma-separated list, and goes from them to the field', () => {
    const text = [
      HAULAGE,
      'slaProperties:', // 36
      '  - property: latency', // 37
      '    value: 4', // 38
      '    unit: h', // 39
      '    element: routes.origin', // 40
      '  - property: freshness', // 41
      '    value: 1', // 42
      '    unit: d', // 43
      '    element: routes.route_id,routes.origin', // 44
    ].join('\n');
    expect(relationshipReferencesTo(text, 26, columnOf(text, 26, 'origin'))?.references).toEqual([
      { line: 30, column: 33, endLine: 30, endColumn: 46 },
      { line: 35, column: 15, endLine: 35, endColumn: 28 },
      { line: 40, column: 14, endLine: 40, endColumn: 27 },
      { line: 44, column: 30, endLine: 44, endColumn: 43 },
    ]);
    expect(definitionAt(text, 40, 'routes.origin', 8)?.line).toBe(26);
    expect(definitionAt(text, 44, 'routes.route_id', 3)?.line).toBe(23);
    expect(definitionAt(text, 44, 'routes.origin', 3)?.line).toBe(26);
  });

  it('lists nothing for a field no relationship names, or a caret on no field’s name', () => {
    expect(relationshipReferencesTo(HAULAGE, 10, columnOf(HAULAGE, 10, 'shipment_id'))?.references).toEqual([]);
    expect(relationshipReferencesTo(HAULAGE, 11, columnOf(HAULAGE, 11, 'string'))).toBeUndefined();
  });
});
