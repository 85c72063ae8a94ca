import { describe, expect, it } from 'vitest';
import { describeKey, suggestKeys, suggestValues, writtenKeysOf } from '../../../shared/contracts/odcs-schema-guide';
import { LogicalTypeSchema } from '../../../shared/model';

const keysAt = (path: string[]) => suggestKeys(path).map((suggestion) => suggestion.key);

describe('the ODCS schema guide', () => {
  it('suggests the top-level fields of a contract', () => {
    expect(keysAt([])).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'id', 'status', 'schema', 'slaProperties']),
    );
  });

  it('suggests property fields inside a schema object, through refs and allOf', () => {
    expect(keysAt(['schema', '[]', 'properties', '[]'])).toEqual(
      expect.arrayContaining(['name', 'logicalType', 'physicalType', 'required', 'primaryKey', 'classification']),
    );
  });

  it('offers the logical types of the model (the same as ODCS 3.2) as values', () => {
    expect(suggestValues(['schema', '[]', 'properties', '[]'], 'logicalType', 'v3.2.0')).toEqual(
      LogicalTypeSchema.options,
    );
  });

  it('reads the schema of the contract version: map is not offered to a 3.1 contract, nor enum', () => {
    const property = ['schema', '[]', 'properties', '[]'];
    expect(suggestValues(property, 'logicalType', 'v3.1.0')).not.toContain('map');
    expect(suggestKeys(property, 'v3.1.0').map((suggestion) => suggestion.key)).not.toContain('enum');
    expect(suggestKeys(property, 'v3.2.0').map((suggestion) => suggestion.key)).toContain('enum');
    expect(suggestKeys([], 'v3.0.2').map((suggestion) => suggestion.key)).not.toContain('context');
  });

  it('offers true and false for booleans', () => {
    expect(suggestValues(['schema', '[]', 'properties', '[]'], 'required')).toEqual(['true', 'false']);
  });

  it('documents a key for hovers', () => {
    expect(describeKey([], 'kind')).toMatch(/kind of file/);
    expect(describeKey([], 'nonsense')).toBeUndefined();
  });

  it('knows which values open a nested block', () => {
    const schema = suggestKeys([]).find((suggestion) => suggestion.key === 'schema');
    const version = suggestKeys([]).find((suggestion) => suggestion.key === 'version');
    expect([schema?.opensBlock, version?.opensBlock]).toEqual([true, false]);
  });

  it('reads the if/then branch the written keys choose: a Kafka server, not the ClickHouse one listed first', () => {
    const kafka = new Map([['type', 'kafka']]);
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      expect(describeKey(['servers', '[]'], 'host', apiVersion, kafka)).toBe(
        'The bootstrap server of the kafka cluster.',
      );
      expect(suggestKeys(['servers', '[]'], apiVersion, kafka).map(({ key }) => key)).not.toContain('database');
    }
  });

  it("does not offer what the schema forbids with not: a property-level relationship's from", () => {
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      expect(
        suggestKeys(['schema', '[]', 'properties', '[]', 'relationships', '[]'], apiVersion).map(({ key }) => key),
      ).toEqual(expect.not.arrayContaining(['from']));
      expect(suggestKeys(['schema', '[]', 'relationships', '[]'], apiVersion).map(({ key }) => key)).toContain('from');
    }
  });

  it('offers the usual values the schema names as examples: status, environment, classification', () => {
    expect(suggestValues([], 'status', 'v3.1.0')).toEqual(['proposed', 'draft', 'active', 'deprecated', 'retired']);
    expect(suggestValues(['servers', '[]'], 'environment')).toEqual(['prod', 'preprod', 'dev', 'uat']);
    expect(suggestValues(['schema', '[]', 'properties', '[]'], 'classification')).toEqual([
      'confidential',
      'restricted',
      'public',
    ]);
  });

  it('offers the examples of the branch the written keys choose: a Kafka server’s message formats, as the Form lists them', () => {
    const server = (type: string) => writtenKeysOf({ server: 'main', type, format: 'avro' }, 'format');
    expect(suggestValues(['servers', '[]'], 'format', 'v3.1.0', server('kafka'))).toEqual([
      'json',
      'avro',
      'protobuf',
      'xml',
    ]);
    expect(suggestValues(['servers', '[]'], 'format', 'v3.1.0', server('s3'))).toEqual([
      'parquet',
      'delta',
      'json',
      'csv',
    ]);
    expect(suggestValues(['servers', '[]'], 'format', 'v3.1.0')).toEqual(expect.arrayContaining(['parquet', 'avro']));
  });

  it('offers a schema object its kinds (table, view…) as physicalType, but not a property, whose physicalType is a column type', () => {
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      expect(suggestValues(['schema', '[]'], 'physicalType', apiVersion)).toEqual(['table', 'view', 'topic', 'file']);
      expect(suggestValues(['schema', '[]', 'properties', '[]'], 'physicalType', apiVersion)).toEqual([]);
      expect(suggestValues(['schema', '[]', 'properties', '[]', 'items'], 'physicalType', apiVersion)).toEqual([]);
    }
  });

  it('does not offer a placeholder example as a value: a lone one, or one that is not a word', () => {
    expect(suggestValues(['schema', '[]'], 'physicalName')).toEqual([]);
    expect(suggestValues(['schema', '[]', 'quality', '[]'], 'schedule')).toEqual([]);
  });
});
