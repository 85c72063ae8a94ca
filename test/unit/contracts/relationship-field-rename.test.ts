import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renamedFieldAt, renameRelationshipField } from '../../../shared/contracts/relationship-field-rename';
import type { TextChange } from '../../../shared/contracts/text-change';

const READINGS = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'id: urn:datacontract:metering:meter-readings', // 3
  'version: 1.0.0', // 4
  'status: active', // 5
  'schema:', // 6
  '  - name: meter_readings', // 7
  '    properties:', // 8
  '      - name: reading_id', // 9
  '        logicalType: string', // 10
  '      - name: mpan', // 11
  '        logicalType: string', // 12
  '        relationships:', // 13
  '          - to: meters.mpan', // 14
  '            type: foreignKey', // 15
  '  - name: meters', // 16
  '    id: meters_tbl', // 17
  '    properties:', // 18
  '      - name: mpan', // 19
  '        id: mpan_pk', // 20
  '        logicalType: string', // 21
  '      - name: postcode', // 22
  '        logicalType: string', // 23
  '    relationships:', // 24
  '      - from: [meters.mpan, meters.postcode]', // 25
  '        to:', // 26
  '          - "meter_readings.mpan"', // 27
  '          - meter_readings.reading_id', // 28
  '      - from: meters.mpan', // 29
  '        to: schema/meters_tbl/properties/mpan_pk', // 30
].join('\n');

const columnOf = (text: string, line: number, snippet: string, into = 0) =>
  (text.split('\n')[line - 1] as string).indexOf(snippet) + 1 + into;

/** The text after the changes, applied from the last to the first as an editor does. */
function applied(text: string, changes: TextChange[]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((sum, each) => sum + each.length + 1, 0) + column - 1;
  return [...changes]
    .sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column))
    .reduce(
      (result, change) =>
        result.slice(0, offset(change.line, change.column)) +
        change.text +
        result.slice(offset(change.endLine, change.endColumn)),
      text,
    );
}

function renamed(text: string, line: number, snippet: string, newName: string, into = 0): string {
  const rename = renameRelationshipField(text, line, columnOf(text, line, snippet, into), newName);
  if (!rename.ok) throw new Error(rename.reason);
  return applied(text, rename.changes);
}

describe('rename a field with the relationships naming it (F2)', () => {
  it('renames the field and every shorthand reference to it, leaving references by id as they are', () => {
    const after = renamed(READINGS, 19, 'mpan', 'supply_number', 2);
    const lines = after.split('\n');
    expect(lines[18]).toBe('      - name: supply_number');
    expect(lines[13]).toBe('          - to: meters.supply_number');
    expect(lines[24]).toBe('      - from: [meters.supply_number, meters.postcode]');
    expect(lines[28]).toBe('      - from: meters.supply_number');
    expect(lines[29]).toBe('        to: schema/meters_tbl/properties/mpan_pk');
    // The other object's field of the same name, and what refers to it, are not touched.
    expect(lines[10]).toBe('      - name: mpan');
    expect(lines[26]).toBe('          - "meter_readings.mpan"');
  });

  it('renames the duplicateValues rules naming the field too, in flow and block lists, quoted or not', () => {
    const text = [
      READINGS,
      '    quality:', // 31
      '      - metric: duplicateValues', // 32
      '        arguments:', // 33
      "          properties: [mpan, 'postcode']", // 34
      '      - metric: duplicateValues', // 35
      '        arguments:', // 36
      '          properties:', // 37
      '            - "mpan"', // 38
      '            - postcode', // 39
    ].join('\n');
    const lines = renamed(text, 19, 'mpan', 'supply_number').split('\n');
    expect(lines[33]).toBe("          properties: [supply_number, 'postcode']");
    expect(lines[37]).toBe('            - "supply_number"');
    // Renamed from a rule's argument, as from a relationship reference.
    const fromArgument = renamed(text, 39, 'postcode', 'post_code').split('\n');
    expect(fromArgument[21]).toBe('      - name: post_code');
    expect(fromArgument[33]).toBe("          properties: [mpan, 'post_code']");
  });

  it('renames the SLA elements naming the field too, each of a comma-separated list alone', () => {
    const text = [
      READINGS,
      'slaProperties:', // 31
      '  - property: latency', // 32
      '    value: 4', // 33
      '    unit: h', // 34
      '    element: meters.mpan', // 35
      '  - property: freshness', // 36
      '    value: 1', // 37
      '    unit: d', // 38
      "    element: 'meters.postcode, meters.mpan , meter_readings.mpan'", // 39
      '  - property: retention', // 40
      '    value: 7', // 41
      '    unit: y', // 42
      '    element: meters', // 43
    ].join('\n');
    const lines = renamed(text, 19, 'mpan', 'supply_number').split('\n');
    expect(lines[34]).toBe('    element: meters.supply_number');
    expect(lines[38]).toBe("    element: 'meters.postcode, meters.supply_number , meter_readings.mpan'");
    expect(lines[42]).toBe('    element: meters');
    // Renamed from an SLA's element, as from a relationship reference.
    const fromElement = renamed(text, 39, 'meters.postcode', 'post_code', 8).split('\n');
    expect(fromElement[21]).toBe('      - name: post_code');
    expect(fromElement[38]).toBe("    element: 'meters.post_code, meters.mpan , meter_readings.mpan'");
  });

  it('quotes a new name a flow list would split, in a rule’s argument naming the field', () => {
    // No table.column names postcode here, which could not hold the new name.
    const text = [
      READINGS.replace('[meters.mpan, meters.postcode]', '[meters.mpan]'),
      '    quality:',
      '      - metric: duplicateValues',
      '        arguments:',
      '          properties: [postcode, mpan]',
    ].join('\n');
    const after = renamed(text, 22, 'postcode', 'post, code');
    expect(after.split('\n')[21]).toBe('      - name: "post, code"');
    expect(after.split('\n')[33]).toBe('          properties: ["post, code", mpan]');
    expect(parse(after).schema[1].quality[0].arguments.properties).toEqual(['post, code', 'mpan']);
  });

  it('renames from a reference as from the name, a quoted reference keeping its quotes', () => {
    const after = renamed(READINGS, 27, 'meter_readings.mpan', 'supply_mpan', 3);
    expect(after.split('\n')[10]).toBe('      - name: supply_mpan');
    expect(after.split('\n')[26]).toBe('          - "meter_readings.supply_mpan"');
    expect(after).toContain('          - to: meters.mpan');
  });

  it('offers the name under the caret as the text to rename, without its quotes', () => {
    const text = READINGS.replace('      - name: postcode', '      - name: "postcode"');
    expect(renamedFieldAt(text, 22, columnOf(text, 22, 'postcode'))).toEqual({
      range: { line: 22, column: 16, endLine: 22, endColumn: 24 },
      name: 'postcode',
    });
    expect(renamedFieldAt(READINGS, 21, columnOf(READINGS, 21, 'string'))).toBeUndefined();
  });

  it('quotes a new name YAML would read as another value, so the field keeps a text name', () => {
    const after = renamed(READINGS, 22, 'postcode', 'true');
    expect(after.split('\n')[21]).toBe('      - name: "true"');
    expect(parse(after).schema[1].properties[1].name).toBe('true');
  });

  it('refuses a name its object already has, an empty one, or one a table.column reference cannot hold', () => {
    const at = (newName: string) => renameRelationshipField(READINGS, 19, columnOf(READINGS, 19, 'mpan'), newName);
    expect(at('postcode')).toEqual({ ok: false, reason: "Schema object 'meters' already has a field 'postcode'" });
    expect(at('  ')).toMatchObject({ ok: false });
    expect(at('supply number')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("cannot be written in the relationship reference 'meters.mpan'"),
    });
    expect(renameRelationshipField(READINGS, 21, columnOf(READINGS, 21, 'string'), 'x')).toMatchObject({ ok: false });
  });
});
