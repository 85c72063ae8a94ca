import { describe, expect, it } from 'vitest';
import { yamlCursorPath } from '../../../shared/contracts/yaml-cursor-path';

const CONTRACT = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'schema:', // 3
  '  - name: orders', // 4
  '    properties:', // 5
  '      - name: order_id', // 6
  '        logicalType: integer', // 7
  '        ', // 8
  '      - na', // 9
  'slaProperties:', // 10
  '  - property: latency', // 11
].join('\n');

describe('the path at the cursor in contract YAML', () => {
  it('knows a top-level key', () => {
    expect(yamlCursorPath(CONTRACT, 2, 3)).toMatchObject({ parentPath: [], key: 'kind', isInValue: false });
  });

  it('follows keys and array items down to a nested property', () => {
    expect(yamlCursorPath(CONTRACT, 7, 10)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'logicalType',
      isInValue: false,
    });
  });

  it('tells a value from a key', () => {
    expect(yamlCursorPath(CONTRACT, 7, 23).isInValue).toBe(true);
  });

  it('places an empty line by the indentation typed so far', () => {
    expect(yamlCursorPath(CONTRACT, 8, 9).parentPath).toEqual(['schema', '[]', 'properties', '[]']);
    expect(yamlCursorPath(CONTRACT, 8, 5).parentPath).toEqual(['schema', '[]']);
  });

  it('treats a half-typed item as a new element of the array', () => {
    expect(yamlCursorPath(CONTRACT, 9, 11)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      isInValue: false,
    });
  });

  it('starts over at a top-level key', () => {
    expect(yamlCursorPath(CONTRACT, 11, 8)).toMatchObject({
      parentPath: ['slaProperties', '[]'],
      key: 'property',
      isInValue: false,
    });
  });

  it('reads text with Windows line endings (CRLF) as Monaco gives it', () => {
    expect(yamlCursorPath(CONTRACT.replaceAll('\n', '\r\n'), 7, 10)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'logicalType',
      isInValue: false,
    });
  });

  it('finds the key of a list written at its own indentation (`schema:` then `- name:`)', () => {
    const text = [
      'schema:',
      '- name: orders',
      '  properties:',
      '  - name: id',
      '    logicalType: string',
      'servers:',
      '- type: kafka',
    ].join('\n');
    expect(yamlCursorPath(text, 5, 6)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'logicalType',
      isInValue: false,
    });
    expect(yamlCursorPath(text, 3, 4).parentPath).toEqual(['schema', '[]']);
    expect(yamlCursorPath(text, 7, 4).parentPath).toEqual(['servers', '[]']);
  });
});

describe('the path at the cursor with quoted keys', () => {
  const QUOTED = [
    '"schema":', // 1
    "  - 'name': orders", // 2
    '    "properties":', // 3
    '      - "name": "a:b"', // 4
    "        'logicalType': integer", // 5
  ].join('\n');

  it('reads a double- or single-quoted key as the key it names', () => {
    expect(yamlCursorPath(QUOTED, 5, 12)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'logicalType',
      isInValue: false,
    });
  });

  it('tells a value from a key by the colon after the quoted key, not one inside it', () => {
    const withColonInKey = '"a:b": 1';
    expect(yamlCursorPath(withColonInKey, 1, 4)).toMatchObject({ parentPath: [], key: 'a:b', isInValue: false });
    expect(yamlCursorPath(withColonInKey, 1, 8).isInValue).toBe(true);
    expect(yamlCursorPath(QUOTED, 4, 17).isInValue).toBe(true);
  });
});

describe('the keys beside the cursor in contract YAML', () => {
  it('are the other keys of its mapping, this array item’s only, with their values', () => {
    expect([...yamlCursorPath(CONTRACT, 8, 9).siblings]).toEqual([
      ['logicalType', 'integer'],
      ['name', 'order_id'],
    ]);
    expect([...yamlCursorPath(CONTRACT, 2, 3).siblings.keys()]).toEqual(['apiVersion', 'schema', 'slaProperties']);
  });

  it('are those of the mapping that holds its mapping too: a property’s logicalType beside its options', () => {
    const text = [
      'schema:',
      '  - name: orders',
      '    properties:',
      '      - name: total',
      '        logicalType: number # money',
      '        logicalTypeOptions:',
      '          minimum: 0',
      '          ',
      '        required: true',
      '      - name: code',
      '        logicalType: string',
    ].join('\n');
    const cursor = yamlCursorPath(text, 8, 11);

    expect(cursor.parentPath).toEqual(['schema', '[]', 'properties', '[]', 'logicalTypeOptions']);
    expect([...cursor.siblings]).toEqual([['minimum', '0']]);
    expect(cursor.parentSiblings.get('logicalType')).toBe('number');
    expect([...cursor.parentSiblings.keys()]).toEqual(['logicalType', 'name', 'required']);
  });
});

describe('the path at the cursor inside flow collections', () => {
  const FLOW = [
    'schema:', // 1
    '  - name: cleanroom_sample', // 2
    '    properties:', // 3
    '      - {name: sample_id, logicalType: string, required: true, unique: true}', // 4
    '      - name: temperature_c', // 5
    '        logicalType: number', // 6
    '        logicalTypeOptions: {minimum: 15, maximum: 25}', // 7
    '      - {name: count, logicalType: integer, logicalTypeOptions: {minimum: 1, maximum: 3}}', // 8
    'slaProperties:', // 9
    '  - {property: freshness, value: 1, unit: min}', // 10
    'tags: [{a: 1}, {"b:c": \'x\', url: http://h:80}]', // 11
  ].join('\n');
  const at = (line: number, text: string, offset = 0) => {
    const column = (FLOW.split('\n')[line - 1] ?? '').indexOf(text) + 1 + offset;
    return yamlCursorPath(FLOW, line, column);
  };

  it('reads the keys of a flow mapping written as an array item, and the keys beside them', () => {
    expect(at(4, 'unique')).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'unique',
      isInValue: false,
    });
    expect([...at(4, 'unique').siblings]).toEqual([
      ['name', 'sample_id'],
      ['logicalType', 'string'],
      ['required', 'true'],
    ]);
    expect(at(10, 'unit')).toMatchObject({ parentPath: ['slaProperties', '[]'], key: 'unit', isInValue: false });
  });

  it('tells a value from a key inside a flow mapping', () => {
    expect(at(4, 'string', 2)).toMatchObject({ key: 'logicalType', isInValue: true });
    expect(at(4, 'logicalType', 2)).toMatchObject({ key: 'logicalType', isInValue: false });
  });

  it('reads a flow mapping written as a key’s value as that key’s mapping, beside the keys of the line’s mapping', () => {
    const cursor = at(7, 'maximum');
    expect(cursor).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]', 'logicalTypeOptions'],
      key: 'maximum',
      isInValue: false,
    });
    expect([...cursor.siblings]).toEqual([['minimum', '15']]);
    expect(cursor.parentSiblings.get('logicalType')).toBe('number');
    expect(at(7, 'logicalTypeOptions')).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'logicalTypeOptions',
      isInValue: false,
    });
  });

  it('follows flow mappings nested in flow mappings, the outer one holding the inner one’s parent keys', () => {
    const cursor = at(8, 'maximum');
    expect(cursor).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]', 'logicalTypeOptions'],
      key: 'maximum',
    });
    expect(cursor.parentSiblings.get('logicalType')).toBe('integer');
  });

  it('follows flow mappings inside flow sequences, with quoted keys and colons inside values', () => {
    expect(at(11, 'a: 1')).toMatchObject({ parentPath: ['tags', '[]'], key: 'a', isInValue: false });
    expect(at(11, 'url')).toMatchObject({ parentPath: ['tags', '[]'], key: 'url', isInValue: false });
    expect([...at(11, 'url').siblings]).toEqual([['b:c', "'x'"]]);
    expect(at(11, 'h:80')).toMatchObject({ key: 'url', isInValue: true });
    expect(at(11, 'b:c')).toMatchObject({ key: 'b:c', isInValue: false });
  });

  it('reads a flow mapping half typed: a key after a comma, a value after an unclosed key', () => {
    const typing = (line: string) => [...FLOW.split('\n').slice(0, 3), line].join('\n');
    const afterComma = typing('      - {name: sample_id, ');
    expect(yamlCursorPath(afterComma, 4, 27)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      isInValue: false,
    });
    expect(yamlCursorPath(afterComma, 4, 27).key).toBeUndefined();
    expect([...yamlCursorPath(afterComma, 4, 27).siblings]).toEqual([['name', 'sample_id']]);
    const unclosed = typing('      - {name: sample_id, classification: ');
    expect(yamlCursorPath(unclosed, 4, 43)).toMatchObject({ key: 'classification', isInValue: true });
    const beforeBrace = typing('      - {name: sample_id, classification: }');
    expect(yamlCursorPath(beforeBrace, 4, 43)).toMatchObject({
      parentPath: ['schema', '[]', 'properties', '[]'],
      key: 'classification',
      isInValue: true,
    });
  });
});

describe('prose at the cursor in contract YAML', () => {
  const PROSE = [
    'tags:', // 1
    '  - |', // 2
    '    slot: swap ', // 3
    'schema:', // 4
    "  - name: 'runway #2'", // 5
    '    physicalType: table # the ', // 6
  ].join('\n');

  it('reads the text of an item’s block scalar as prose, not as a key', () => {
    expect(yamlCursorPath(PROSE, 3, 15)).toMatchObject({ isInText: true, parentPath: [] });
    expect(yamlCursorPath(PROSE, 3, 15).key).toBeUndefined();
  });

  it('reads a # inside quotes as the value’s, and one after a blank as a comment', () => {
    expect(yamlCursorPath(PROSE, 5, 20)).toMatchObject({ isInText: false, key: 'name', isInValue: true });
    expect(yamlCursorPath(PROSE, 6, 29)).toMatchObject({ isInText: true });
    expect(yamlCursorPath(PROSE, 6, 20)).toMatchObject({ isInText: false, key: 'physicalType' });
  });
});
