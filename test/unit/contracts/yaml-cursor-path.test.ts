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
