import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  completeOdcsKeys,
  completeOdcsValues,
  describeOdcsKey,
  describeOdcsValue,
  keyCompletionText,
} from '../../../shared/contracts/odcs-completion';
import { jsonSchemaForApiVersion } from '../../../shared/contracts/odcs-versions';
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

  it('writes a key opening a block as `key:` with the next line one level deeper than the key, and any other key with its space', () => {
    const text = CONTRACT.replace('      - name: code\n', '      - name: code\n        \n');
    const cursor = yamlCursorPath(text, 14, 9);
    const quality = completeOdcsKeys(cursor).find((suggestion) => suggestion.key === 'quality');
    const physicalType = completeOdcsKeys(cursor).find((suggestion) => suggestion.key === 'physicalType');
    if (!quality || !physicalType) throw new Error('quality and physicalType are offered in a property');
    expect(keyCompletionText(quality, cursor, 9, '  ')).toBe(`quality:\n${' '.repeat(10)}`);
    expect(keyCompletionText(physicalType, cursor, 9, '  ')).toBe('physicalType: ');
  });

  it('writes only the key in place of one written with its colon already (physicalTyp: uuid), keeping its value', () => {
    const text = CONTRACT.replace(
      '        logicalType: string',
      '        physicalTyp: uuid\n        logicalTypeOptions:',
    );
    const cursor = yamlCursorPath(text, 14, 20);
    const suggestions = completeOdcsKeys(cursor);
    const physicalType = suggestions.find((suggestion) => suggestion.key === 'physicalType');
    const quality = suggestions.find((suggestion) => suggestion.key === 'quality');
    if (!physicalType || !quality) throw new Error('physicalType and quality are offered in a property');
    expect(keyCompletionText(physicalType, cursor, 9, '  ')).toBe('physicalType');
    expect(keyCompletionText(quality, cursor, 9, '  ')).toBe('quality');
  });

  it('offers the options of the property’s logical type only, and not one written already', () => {
    expect(keysAt(12, 11)).toEqual(expect.arrayContaining(['maximum', 'exclusiveMinimum', 'multipleOf']));
    expect(keysAt(12, 11)).not.toContain('minimum');
    expect(keysAt(12, 11)).not.toContain('maxLength');
    expect(keysAt(12, 11)).not.toContain('minItems');
    expect(keysAt(16, 11)).toEqual(expect.arrayContaining(['maxLength', 'pattern', 'format']));
    expect(keysAt(16, 11)).not.toContain('minimum');
  });

  it("offers for an option's value only the values of the property's logical type", () => {
    const valuesOfFormat = (logicalType: string) => {
      const text = CONTRACT.replace('        logicalType: string', `        logicalType: ${logicalType}`).replace(
        /(logicalTypeOptions:\n) {10}\n(customProperties)/,
        '$1          format: \n$2',
      );
      return completeOdcsValues(yamlCursorPath(text, 16, 19), 'v3.1.0');
    };
    expect(valuesOfFormat('string')).toEqual(expect.arrayContaining(['email', 'uuid']));
    expect(valuesOfFormat('string')).not.toContain('i32');
    expect(valuesOfFormat('integer')).toEqual(expect.arrayContaining(['i32', 'i64']));
    expect(valuesOfFormat('integer')).not.toContain('email');
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

  it('offers the app’s custom properties by name, and true or false for keepHistory', () => {
    const custom = (property: string) =>
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'customProperties:',
        `  - property: ${property}`,
        '    value: ',
      ].join('\n');
    expect(completeOdcsValues(yamlCursorPath(custom(''), 4, 15))).toEqual([
      'datasetKind',
      'keepHistory',
      'historyColumnPrefix',
      'contractQuality',
    ]);
    expect(completeOdcsValues(yamlCursorPath(custom('keepHistory'), 5, 12))).toEqual(['true', 'false']);
  });

  describe('under slaProperties', () => {
    const sla = (property: string, unit = '') =>
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'slaProperties:',
        `  - property: ${property}`,
        '    value: 4',
        `    unit: ${unit}`,
      ].join('\n');

    it('offers the SLA properties of ODCS and those whose changes the app compares', () => {
      const names = completeOdcsValues(yamlCursorPath(sla(''), 4, 15));
      expect(names).toEqual(
        expect.arrayContaining([
          'latency',
          'freshness',
          'frequency',
          'retention',
          'availability',
          'errorRate',
          'endOfLife',
        ]),
      );
    });

    it('offers the units of time the app reads for a duration, and none for a date such as endOfLife', () => {
      expect(completeOdcsValues(yamlCursorPath(sla('latency'), 6, 11))).toEqual([
        'ms',
        's',
        'min',
        'h',
        'd',
        'w',
        'mo',
        'y',
      ]);
      expect(completeOdcsValues(yamlCursorPath(sla('Retention'), 6, 11))).toContain('y');
      expect(completeOdcsValues(yamlCursorPath(sla('endOfLife'), 6, 11))).toEqual([]);
    });

    const TODAY = '2026-12-07';

    it('offers a value in the shape its property takes, never a boolean: an amount, a percentage, a time of day, a date quoted for YAML 1.1', () => {
      const offeredFor = (property: string) =>
        completeOdcsValues(yamlCursorPath(sla(property), 5, 12), undefined, TODAY);
      for (const property of ['latency', 'Retention', 'frequency', 'freshness', 'throughput', 'errorRate']) {
        expect(offeredFor(property).every((value) => Number.isFinite(Number(value)))).toBe(true);
        expect(offeredFor(property)).not.toEqual([]);
      }
      expect(offeredFor('availability')).toEqual(['99.9', '99.5', '99']);
      expect(offeredFor('timeOfAvailability')).toEqual(['09:00-08:00', '06:00Z']);
      expect(offeredFor('endOfLife')).toEqual(['"2026-12-07"']);
      expect(offeredFor('timeToRepair')).toEqual([]);
    });
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

    it("offers the values of the server's type for a key several types have, not a file store's formats for a topic", () => {
      for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
        const withFormat = (type: string) => `${server(apiVersion, type)}format: `;
        const formatsOf = (type: string) => completeOdcsValues(yamlCursorPath(withFormat(type), 7, 13), apiVersion);
        expect(formatsOf('kafka')).toEqual(['json', 'avro', 'protobuf', 'xml']);
        expect(formatsOf('s3')).toEqual(['parquet', 'delta', 'json', 'csv']);
      }
    });
  });
});

describe('completion in a quality rule', () => {
  const rule = (apiVersion: string, ...lines: string[]) =>
    [
      `apiVersion: ${apiVersion}`,
      'kind: DataContract',
      'schema:',
      '  - name: orders',
      '    quality:',
      ...lines,
      '        ',
    ].join('\n');
  const keysOnLastLine = (text: string, apiVersion: string) =>
    completeOdcsKeys(yamlCursorPath(text, text.split('\n').length, 9), apiVersion).map(({ key }) => key);

  for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
    it(`${apiVersion}: offers a library rule its own keys, not a custom or sql rule's, nor a second operator`, () => {
      const keys = keysOnLastLine(
        rule(apiVersion, '      - metric: rowCount', '        mustBeGreaterThan: 100'),
        apiVersion,
      );
      expect(keys).toEqual(expect.arrayContaining(['arguments', 'dimension', 'severity', 'type']));
      for (const refused of ['engine', 'implementation', 'query', 'mustBe', 'mustBeBetween', 'mustBeLessThan']) {
        expect(keys).not.toContain(refused);
      }
    });

    it(`${apiVersion}: offers every operator while the library rule has none, but not its deprecated rule`, () => {
      const keys = keysOnLastLine(rule(apiVersion, '      - metric: rowCount'), apiVersion);
      expect(keys).toEqual(expect.arrayContaining(['mustBe', 'mustBeGreaterThan', 'mustBeBetween']));
      expect(keys).not.toContain('rule');
      expect(keys).not.toContain('engine');
    });

    it(`${apiVersion}: offers a custom rule engine and implementation, not a library rule's metric or operators`, () => {
      const keys = keysOnLastLine(rule(apiVersion, '      - type: custom'), apiVersion);
      expect(keys).toEqual(expect.arrayContaining(['engine', 'implementation', 'description']));
      expect(keys).not.toContain('metric');
      expect(keys).not.toContain('mustBe');
      expect(keys).not.toContain('query');
    });

    it(`${apiVersion}: offers an sql rule its query and operators`, () => {
      const keys = keysOnLastLine(rule(apiVersion, '      - type: sql'), apiVersion);
      expect(keys).toEqual(expect.arrayContaining(['query', 'mustBe', 'mustBeLessThan']));
      expect(keys).not.toContain('engine');
      expect(keys).not.toContain('metric');
    });

    it(`${apiVersion}: explains each metric the library offers when its value is hovered, and no other value`, () => {
      const metrics = completeOdcsValues(yamlCursorPath(rule(apiVersion, '      - metric: '), 6, 17), apiVersion);
      expect(metrics).toContain('invalidValues');
      for (const metric of metrics) {
        const text = rule(apiVersion, `      - metric: ${metric}`);
        expect(describeOdcsValue(yamlCursorPath(text, 6, 18), metric), metric).toMatch(/^Counts /);
      }
      const invalid = rule(apiVersion, '      - metric: invalidValues');
      expect(describeOdcsValue(yamlCursorPath(invalid, 6, 18), 'invalidValues')).toMatch(/validValues.*pattern/);
      expect(describeOdcsValue(yamlCursorPath(invalid, 6, 10), 'metric')).toBeUndefined();
      const dimension = rule(apiVersion, '      - dimension: completeness');
      expect(describeOdcsValue(yamlCursorPath(dimension, 6, 22), 'completeness')).toBeUndefined();
    });

    it(`${apiVersion}: offers under arguments what the rule's metric reads, not one written already, with what each holds`, () => {
      const argumentsOf = (metric: string, ...written: string[]) => {
        const text = [
          rule(apiVersion, `      - metric: ${metric}`, '        arguments:', ...written).trimEnd(),
          '          ',
        ].join('\n');
        return completeOdcsKeys(yamlCursorPath(text, text.split('\n').length, 11), apiVersion);
      };
      expect(argumentsOf('invalidValues').map(({ key }) => key)).toEqual(['validValues', 'pattern']);
      expect(argumentsOf('invalidValues', '          validValues: [a, b]').map(({ key }) => key)).toEqual(['pattern']);
      expect(argumentsOf('duplicateValues').map(({ key }) => key)).toEqual(['properties']);
      expect(argumentsOf('missingValues').map(({ key }) => key)).toEqual(['missingValues']);
      expect(argumentsOf('rowCount')).toEqual([]);
      expect(argumentsOf('invalidValues')[0]?.description).toMatch(/allowed values/);
    });

    it(`${apiVersion}: offers a rule without type or metric the keys of every kind of rule`, () => {
      const keys = keysOnLastLine(rule(apiVersion, '      - name: enough rows'), apiVersion);
      expect(keys).toEqual(expect.arrayContaining(['metric', 'query', 'engine', 'mustBe', 'type']));
    });
  }

  it('still offers team, whose older list form alone is deprecated', () => {
    expect(keysAt(4, 1)).toContain('team');
  });
});

describe('hovers on logicalTypeOptions', () => {
  /** The options of each logical type the schema's if/then branches name, with their documentation. */
  const optionsByLogicalType = (apiVersion: string) => {
    const schema = jsonSchemaForApiVersion(apiVersion) as {
      $defs: { SchemaBaseProperty: { allOf: BranchNode[] } };
    };
    return schema.$defs.SchemaBaseProperty.allOf.flatMap((branch) => {
      const options = branch.then?.properties?.logicalTypeOptions?.properties;
      if (!options) return [];
      const names = [branch.if?.properties?.logicalType?.const, ...(branch.if?.anyOf ?? []).map(logicalTypeOf)];
      return names
        .filter((name): name is string => name !== undefined)
        .map((logicalType) => ({ logicalType, options: Object.entries(options) }));
    });
  };
  const optionHover = (apiVersion: string, logicalType: string, option: string) => {
    const text = [
      `apiVersion: ${apiVersion}`,
      'schema:',
      '  - name: lots',
      '    properties:',
      '      - name: wafer_count',
      `        logicalType: ${logicalType}`,
      '        logicalTypeOptions:',
      `          ${option}: 1`,
    ].join('\n');
    return {
      onKey: describeOdcsKey(yamlCursorPath(text, 8, 12), apiVersion),
      onValue: describeOdcsKey(yamlCursorPath(text, 8, option.length + 14), apiVersion),
    };
  };

  for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
    const branches = optionsByLogicalType(apiVersion);

    it(`${apiVersion}: covers every logical type with options`, () => {
      expect(branches.map(({ logicalType }) => logicalType).sort()).toEqual(
        ['array', 'date', 'integer', 'number', 'object', 'string', 'time', 'timestamp'].sort(),
      );
    });

    for (const { logicalType, options } of branches) {
      it(`${apiVersion}: documents each option of a ${logicalType} as a ${logicalType}'s, on the key and on its value`, () => {
        for (const [option, node] of options) {
          expect(optionHover(apiVersion, logicalType, option)).toEqual({
            onKey: node.description,
            onValue: node.description,
          });
        }
      });
    }
  }

  it("says an integer's maximum is any value's bound, not a date's", () => {
    expect(optionHover('v3.1.0', 'integer', 'maximum').onKey).toBe(
      'All values are less than or equal to this value (values <= maximum).',
    );
  });
});

interface LogicalTypeIf {
  properties?: { logicalType?: { const?: string } };
  anyOf?: LogicalTypeIf[];
}

interface BranchNode {
  if?: LogicalTypeIf;
  then?: { properties?: { logicalTypeOptions?: { properties?: Record<string, { description?: string }> } } };
}

const logicalTypeOf = (condition: LogicalTypeIf) => condition.properties?.logicalType?.const;

describe('hovers and completion inside flow collections', () => {
  const FLOW = readFileSync(new URL('../../fixtures/odcs/flow-style.odcs.yaml', import.meta.url), 'utf8');
  const lines = FLOW.split('\n');
  const cursorOn = (text: string, word: string, offset = 0, source = FLOW) => {
    const lineIndex = source.split('\n').findIndex((line) => line.includes(text));
    const line = source.split('\n')[lineIndex] ?? '';
    return yamlCursorPath(source, lineIndex + 1, line.indexOf(text) + text.indexOf(word) + 1 + offset);
  };
  const blockHover = (path: string, key: string) => {
    const block = ['apiVersion: v3.1.0', ...path.split('\n'), `${key}: x`].join('\n');
    return describeOdcsKey(yamlCursorPath(block, block.split('\n').length, 2 + key.length / 2), 'v3.1.0');
  };

  it('documents the keys of a flow mapping as those of the same mapping in block style', () => {
    const property = (key: string) => blockHover('schema:\n  - properties:\n      - name: a', `        ${key}`);
    expect(describeOdcsKey(cursorOn('unique: true}', 'unique'), 'v3.1.0')).toBe(property('unique'));
    expect(describeOdcsKey(cursorOn('logicalType: string,', 'logicalType'), 'v3.1.0')).toBe(property('logicalType'));
    expect(describeOdcsKey(cursorOn('logicalType: string,', 'string', 2), 'v3.1.0')).toBe(property('logicalType'));
    expect(describeOdcsKey(cursorOn('unit: min', 'unit'), 'v3.1.0')).toMatch(/unit/i);
    expect(describeOdcsKey(cursorOn('unit: min', 'unit'), 'v3.1.0')).toBe(
      blockHover('slaProperties:\n  - property: freshness', '    unit'),
    );
  });

  it("documents an option in a flow logicalTypeOptions as the property's logical type's, not as logicalTypeOptions", () => {
    expect(describeOdcsKey(cursorOn('maximum: 25', 'maximum'), 'v3.1.0')).toBe(
      'All values are less than or equal to this value (values <= maximum).',
    );
  });

  it('completes a value typed inside a flow mapping with that key’s values', () => {
    const line = lines.findIndex((text) => text.includes('{name: sample_id'));
    const typed = [...lines];
    typed[line] = (typed[line] ?? '').replace('unique: true}', 'unique: true, classification: }');
    const text = typed.join('\n');
    const cursor = cursorOn('classification: }', 'classification', 'classification: '.length, text);
    expect(cursor).toMatchObject({ key: 'classification', isInValue: true });
    expect(completeOdcsValues(cursor, 'v3.1.0')).toEqual(expect.arrayContaining(['public', 'restricted']));
  });

  it('writes a key that opens a block, taken inside a flow mapping, on the same line with its space', () => {
    const typed = FLOW.replace('unique: true}', 'unique: true, }');
    const cursor = cursorOn('unique: true, }', '}', 0, typed);
    const quality = completeOdcsKeys(cursor, 'v3.1.0').find(({ key }) => key === 'quality');
    if (!quality) throw new Error('quality is offered in a flow property');
    expect(keyCompletionText(quality, cursor, 40, '  ')).toBe('quality: ');
  });

  it('offers the keys of the flow mapping not written yet after a comma', () => {
    const typed = FLOW.replace('unique: true}', 'unique: true, }');
    const keys = completeOdcsKeys(cursorOn('unique: true, }', '}', 0, typed), 'v3.1.0').map(({ key }) => key);
    expect(keys).toEqual(expect.arrayContaining(['classification', 'description']));
    expect(keys).not.toContain('unique');
    expect(keys).not.toContain('name');
  });
});

describe('hovers on the custom properties the app reads', () => {
  const text = [
    'apiVersion: v3.1.0', // 1
    'kind: DataContract', // 2
    'customProperties:', // 3
    '  - property: keepHistory', // 4
    '    value: true', // 5
    '  - property: retentionOwner', // 6
    '    value: ops', // 7
  ].join('\n');

  it('explains keepHistory on its name and on its value, where ODCS says only what a custom property is', () => {
    const onName = describeOdcsValue(yamlCursorPath(text, 4, 18), 'keepHistory');
    expect(onName).toMatch(/history beside .*latest state/);
    expect(onName).toMatch(/SCD type 2/);
    expect(onName).toMatch(/historyColumnPrefix/);
    expect(describeOdcsValue(yamlCursorPath(text, 5, 13), 'true')).toBe(onName);
  });

  it('leaves a custom property of the contract’s own to ODCS’s words', () => {
    expect(describeOdcsValue(yamlCursorPath(text, 6, 18), 'retentionOwner')).toBeUndefined();
    expect(describeOdcsValue(yamlCursorPath(text, 7, 12), 'ops')).toBeUndefined();
  });
});

describe('completion and hovers in text the contract writes in prose', () => {
  const PROSE = [
    'apiVersion: v3.1.0', // 1
    'kind: DataContract', // 2
    'schema:', // 3
    '  - name: slot_requests', // 4
    '    description: |', // 5
    '      Slots are swapped ', // 6
    '      physicalType: the runway’s own, not ours', // 7
    '', // 8
    '        ', // 9
    '    # grandfather rule: ', // 10
    '    properties:', // 11
    '      - name: season_code', // 12
    '        logicalType: string # IATA season, ', // 13
    '        description: >-', // 14
    '          Summer or winter', // 15
    '        ', // 16
  ].join('\n');
  const cursorAt = (line: number, column: number) => yamlCursorPath(PROSE, line, column);

  it('offers no keys while a block scalar’s text is typed, where Enter would write one into it', () => {
    expect(completeOdcsKeys(cursorAt(6, 25))).toEqual([]);
    expect(completeOdcsKeys(cursorAt(9, 9))).toEqual([]);
    expect(completeOdcsKeys(cursorAt(15, 27))).toEqual([]);
  });

  it('offers no keys nor values in a comment, on its own line or after a value', () => {
    expect(completeOdcsKeys(cursorAt(10, 25))).toEqual([]);
    expect(completeOdcsValues(cursorAt(13, 40))).toEqual([]);
  });

  it('documents no key written in a block scalar’s text', () => {
    expect(describeOdcsKey(cursorAt(7, 8))).toBeUndefined();
  });

  it('offers the mapping’s keys again once a line leaves the block scalar', () => {
    expect(completeOdcsKeys(cursorAt(16, 9)).map(({ key }) => key)).toContain('required');
    expect(completeOdcsValues(cursorAt(13, 24))).toContain('string');
  });
});
