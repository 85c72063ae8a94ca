import { describe, expect, it } from 'vitest';
import { pastedContractFileName } from '../../../shared/contracts';
import { importContractSource } from '../../../shared/contracts/import';

describe('pastedContractFileName', () => {
  it.each([
    ['ODCS YAML', 'apiVersion: v3.1.0\nkind: DataContract\nid: parcels\n', 'pasted.odcs.yaml'],
    [
      'SQL DDL, named after its first table',
      'CREATE TABLE IF NOT EXISTS "sales"."order_lines" (id int);',
      'order_lines.sql',
    ],
    [
      'Protobuf, named after its first message',
      'syntax = "proto3";\nmessage Parcel {\n  string id = 1;\n}',
      'Parcel.proto',
    ],
    [
      'an Avro record, named without its namespace',
      '{"type": "record", "name": "com.acme.Parcel", "fields": []}',
      'Parcel.avsc',
    ],
    [
      'a JSON Schema, named after its title',
      '{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "parcel"}',
      'parcel.json',
    ],
  ])('names %s so the importers read it in its format', (_, text, expected) => {
    expect(pastedContractFileName(text)).toBe(expected);
  });

  it.each([
    ['prose', 'meeting notes: create table of contents'],
    ['YAML that is not a contract', 'kind: Deployment\napiVersion: apps/v1\n'],
    ['JSON that is not a schema', '{"parcels": 3}'],
    ['broken JSON', '{"$schema": '],
  ])('takes %s for no contract', (_, text) => {
    expect(pastedContractFileName(text)).toBeUndefined();
  });

  it('gives the contract the name of the table a pasted DDL defines', () => {
    const text = 'CREATE TABLE parcel_lockers (id integer PRIMARY KEY, site text NOT NULL);';
    const imported = importContractSource(pastedContractFileName(text) as string, text);
    expect(imported.ok && imported.contract.name).toBe('parcel_lockers');
  });
});
