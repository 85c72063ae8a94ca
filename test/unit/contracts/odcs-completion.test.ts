import { describe, expect, it } from 'vitest';
import { completeOdcsKeys, completeOdcsValues, describeOdcsKey } from '../../../shared/contracts/odcs-completion';
import { yamlCursorPath } from '../../../shared/contracts/yaml-cursor-path';

const CONTRACT = [
  'apiVersion: v3.1.0', // 1
  'kind: DataContract', // 2
  'id: orders', // 3
  '', // 4
  'schema:', // 5
  '  - name: orders', // 6
  '    properties:', // 7
  '      - name: total', // 8
  '        logicalType: number', // 9
  '        logicalTypeOptions:', // 10
  '          minimum: 0', // 11
  '          ', // 12
  '      - name: code', // 13
  '        logicalType: string', // 14
  '        logicalTypeOptions:', // 15
  '          ', // 16
  'customProperties:', // 17
  '  - property: datasetKind', // 18
  '    value: ', // 19
].join('\n');

const keysAt = (line: number, column: number) =>
  completeOdcsKeys(yamlCursorPath(CONTRACT, line, column)).map((suggestion) => suggestion.key);

describe('completion in a contract', () => {
  it('offers the keys of the mapping not written yet', () => {
    const keys = keysAt(4, 1);
    expect(keys).toEqual(expect.arrayContaining(['status', 'version', 'slaProperties']));
    expect(keys).not.toEqual(expect.arrayContaining(['apiVersion']));
    expect(keys).not.toContain('kind');
    expect(keys).not.toContain('schema');
  });

  it('offers the options of the property’s logical type only, and not one written already', () => {
    expect(keysAt(12, 11)).toEqual(expect.arrayContaining(['maximum', 'exclusiveMinimum', 'multipleOf']));
    expect(keysAt(12, 11)).not.toContain('minimum');
    expect(keysAt(12, 11)).not.toContain('maxLength');
    expect(keysAt(12, 11)).not.toContain('minItems');
    expect(keysAt(16, 11)).toEqual(expect.arrayContaining(['maxLength', 'pattern', 'format']));
    expect(keysAt(16, 11)).not.toContain('minimum');
  });

  it('offers for apiVersion only the versions the app reads, whatever else the schema lists', () => {
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      const text = CONTRACT.replace('apiVersion: v3.1.0', 'apiVersion: ');
      expect(completeOdcsValues(yamlCursorPath(text, 1, 13), apiVersion)).toEqual([
        'v3.2.0',
        'v3.1.0',
        'v3.0.2',
        'v3.0.1',
        'v3.0.0',
      ]);
    }
  });

  it('offers event and entity for the app’s datasetKind custom property', () => {
    expect(completeOdcsValues(yamlCursorPath(CONTRACT, 19, 12))).toEqual(['event', 'entity']);
  });

  describe('under a server', () => {
    const server = (apiVersion: string, type: string) =>
      [
        `apiVersion: ${apiVersion}`,
        'kind: DataContract',
        'servers:',
        '  - server: main',
        `    type: ${type}`,
        '    host: x',
        '    ',
      ].join('\n');
    const hostHover = (apiVersion: string, type: string) =>
      describeOdcsKey(yamlCursorPath(server(apiVersion, type), 6, 6), apiVersion);

    it('describes a key as the server of its type does, not as the first server type in the schema does', () => {
      expect(hostHover('v3.1.0', 'kafka')).toBe('The bootstrap server of the kafka cluster.');
      expect(hostHover('v3.2.0', '"kafka"')).toBe('The bootstrap server of the kafka cluster.');
      expect(hostHover('v3.2.0', 'postgresql')).toBe('The host to the Postgres server');
    });

    it("offers the keys of the server's type and the common ones, not every server type's", () => {
      const keys = completeOdcsKeys(yamlCursorPath(server('v3.1.0', 'kafka'), 7, 5), 'v3.1.0').map(({ key }) => key);
      expect(keys.sort()).toEqual(['customProperties', 'description', 'environment', 'format', 'id', 'roles']);
    });
  });
});
