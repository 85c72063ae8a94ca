import { describe, expect, it } from 'vitest';
import { completeRelationshipReferences } from '../../../shared/contracts/relationship-reference-completion';

const WAFER_LOTS = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'id: urn:datacontract:fab:wafer-lots', // 3
  'version: 1.0.0', // 4
  'status: active', // 5
  'schema:', // 6
  '  - name: wafer_lots', // 7
  '    properties:', // 8
  '      - name: lot_id', // 9
  '        logicalType: string', // 10
  '        primaryKey: true', // 11
  '        required: true', // 12
  '      - name: route_id', // 13
  '        logicalType: string', // 14
  '        relationships:', // 15
  '          - type: foreignKey', // 16
  '            to: ', // 17
  '  - name: routes', // 18
  '    properties:', // 19
  '      - name: technology_node', // 20
  '        logicalType: string', // 21
  '      - name: route_id', // 22
  '        logicalType: string', // 23
  '        unique: true', // 24
  '      - name: step count', // 25
  '        logicalType: integer', // 26
  '    relationships:', // 27
  '      - type: foreignKey', // 28
  '        from: ', // 29
  '        to: wafer_lots.lot_id', // 30
].join('\n');

const choicesAt = (text: string, line: number) =>
  completeRelationshipReferences(text, line, (text.split('\n')[line - 1] as string).length + 1);
const referencesAt = (text: string, line: number) => choicesAt(text, line).map(({ reference }) => reference);

describe('completion of a relationship’s references', () => {
  it('offers a property’s `to` the contract’s fields as table.column, keys first, never the field itself', () => {
    expect(referencesAt(WAFER_LOTS, 17)).toEqual(['wafer_lots.lot_id', 'routes.route_id', 'routes.technology_node']);
  });

  it('leaves out a field whose name the shorthand cannot write', () => {
    expect(referencesAt(WAFER_LOTS, 17)).not.toContain('routes.step count');
  });

  it('offers a schema object’s `from` its own fields only', () => {
    expect(referencesAt(WAFER_LOTS, 29)).toEqual(['routes.route_id', 'routes.technology_node']);
  });

  it('offers a schema object’s `to` every field of the contract', () => {
    const text = WAFER_LOTS.replace('        to: wafer_lots.lot_id', '        to: ');
    expect(referencesAt(text, 30)).toEqual([
      'wafer_lots.lot_id',
      'routes.route_id',
      'wafer_lots.route_id',
      'routes.technology_node',
    ]);
  });

  it('never offers a schema object’s `to` the field its `from` names', () => {
    const text = WAFER_LOTS.replace('        from: ', '        from: routes.route_id').replace(
      '        to: wafer_lots.lot_id',
      '        to: ',
    );
    expect(referencesAt(text, 30)).toEqual(['wafer_lots.lot_id', 'wafer_lots.route_id', 'routes.technology_node']);
  });

  it('never offers a composite `to` the fields its `from` lists, in flow and block style', () => {
    const flow = WAFER_LOTS.replace(
      '        from: ',
      '        from: [routes.route_id, routes.technology_node]',
    ).replace('        to: wafer_lots.lot_id', '        to: [');
    expect(referencesAt(flow, 30)).toEqual(['wafer_lots.lot_id', 'wafer_lots.route_id']);
    const block = WAFER_LOTS.replace(
      '        from: ',
      '        from:\n          - routes.route_id\n          - routes.technology_node',
    ).replace('        to: wafer_lots.lot_id', '        to:\n          - ');
    expect(referencesAt(block, 33)).toEqual(['wafer_lots.lot_id', 'wafer_lots.route_id']);
  });

  it('offers each item of a composite key’s `from` and `to` lists the fields, in flow and block style', () => {
    const flow = WAFER_LOTS.replace('        from: ', '        from: [routes.route_id, ').replace(
      '        to: wafer_lots.lot_id',
      '        to: [',
    );
    expect(referencesAt(flow, 30)).toEqual(['wafer_lots.lot_id', 'wafer_lots.route_id', 'routes.technology_node']);
    const block = WAFER_LOTS.replace('        from: ', '        from:\n          - ');
    expect(referencesAt(block, 30)).toEqual(['routes.route_id', 'routes.technology_node']);
  });

  it('never offers an item of a composite `from` or `to` list a field that list already names, in flow and block style', () => {
    const flow = WAFER_LOTS.replace('        from: ', '        from: [routes.route_id, ').replace(
      '        to: wafer_lots.lot_id',
      '        to: [wafer_lots.route_id, ',
    );
    expect(referencesAt(flow, 29)).toEqual(['routes.technology_node']);
    const block = WAFER_LOTS.replace(
      '        from: ',
      '        from:\n          - routes.technology_node\n          - ',
    ).replace('        to: wafer_lots.lot_id', '        to:\n          - wafer_lots.lot_id\n          - ');
    expect(referencesAt(block, 31)).toEqual(['routes.route_id']);
    expect(referencesAt(block, 34)).toEqual(['routes.route_id', 'wafer_lots.route_id']);
  });

  it('offers an item of a composite list the field it is written over', () => {
    const flow = WAFER_LOTS.replace('        from: ', '        from: [routes.technology_node, routes.route_id');
    expect(referencesAt(flow, 29)).toEqual(['routes.route_id']);
  });

  it('never offers a property’s composite `to` list a field that list already names', () => {
    const text = WAFER_LOTS.replace(
      '            to: ',
      '            to:\n              - routes.route_id\n              - ',
    );
    expect(referencesAt(text, 19)).toEqual(['wafer_lots.lot_id', 'routes.technology_node']);
  });

  it('offers nothing for a key that is no relationship’s', () => {
    expect(referencesAt(WAFER_LOTS.replace("'status: active'", ''), 5)).toEqual([]);
    expect(referencesAt(WAFER_LOTS, 14)).toEqual([]);
  });
});

const DEPOTS = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'id: urn:datacontract:haulage:shipments', // 3
  'version: 1.0.0', // 4
  'status: active', // 5
  'schema:', // 6
  '  - name: depots', // 7
  '    properties:', // 8
  '      - name: depot_code', // 9
  '        logicalType: string', // 10
  '        primaryKey: true', // 11
  '      - name: depot_no', // 12
  '        logicalType: integer', // 13
  '        physicalType: bigint', // 14
  '        unique: true', // 15
  '      - name: capacity', // 16
  '        logicalType: number', // 17
  '      - name: opened', // 18
  '        logicalType: date', // 19
  '      - name: legacy_ref', // 20
  '  - name: shipments', // 21
  '    properties:', // 22
  '      - name: shipment_id', // 23
  '        logicalType: string', // 24
  '      - name: depot_no', // 25
  '        logicalType: number', // 26
  '        relationships:', // 27
  '          - to: ', // 28
  '    relationships:', // 29
  '      - from: shipments.shipment_id', // 30
  '        to: ', // 31
].join('\n');

describe('completion of a relationship’s `to` by the type of its `from`', () => {
  it('offers a property’s `to` only the fields its type joins, an integer a number, with each one’s type', () => {
    expect(choicesAt(DEPOTS, 28)).toEqual([
      { reference: 'depots.depot_no', detail: 'integer · bigint' },
      { reference: 'depots.capacity', detail: 'number' },
      { reference: 'depots.legacy_ref', detail: 'no logicalType' },
    ]);
  });

  it('offers a schema object’s `to` the fields of the type of the field its `from` names', () => {
    expect(referencesAt(DEPOTS, 31)).toEqual(['depots.depot_code', 'depots.legacy_ref']);
  });

  it('offers an item of a composite `to` the fields of the type of the `from` item it pairs with', () => {
    const text = DEPOTS.replace(
      'from: shipments.shipment_id',
      'from: [shipments.shipment_id, shipments.depot_no]',
    ).replace('        to: ', '        to: [depots.depot_code, ');
    expect(referencesAt(text, 31)).toEqual(['depots.depot_no', 'depots.capacity', 'depots.legacy_ref']);
  });

  it('offers every field, with its type, where the `from` declares none', () => {
    const text = DEPOTS.replace('        logicalType: number\n        relationships:', '        relationships:');
    expect(choicesAt(text, 27).map(({ detail }) => detail)).toEqual([
      'string',
      'integer · bigint',
      'number',
      'date',
      'string',
      'no logicalType',
    ]);
  });
});
