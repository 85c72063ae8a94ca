import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../../shared/contracts/finding';
import { checkContractSemantics, checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { aContract, aKey, anEventContract, anObject, anOdcsText, aProperty, withProperties } from './builders';

/** `line:column severity path: message`, to read findings the way an editor shows them. */
function markers(findings: readonly LocatedFinding[]): string[] {
  return findings.map(
    (finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.path}: ${finding.message}`,
  );
}

describe('semantic checks on a contract', () => {
  it('finds nothing wrong with a keyed entity or a well-formed event', () => {
    expect(checkContractSemantics(aContract())).toEqual([]);
    expect(checkContractSemantics(anEventContract())).toEqual([]);
  });

  it('reports duplicate property names at the second one', () => {
    const contract = withProperties(aContract(), [
      aKey('order_id'),
      aProperty('status'),
      aProperty('status', 'integer'),
    ]);
    expect(checkContractSemantics(contract)).toEqual([
      {
        path: 'schema[0].properties[2].name',
        message: "duplicate property name 'status' (also at schema[0].properties[1])",
        severity: 'error',
      },
    ]);
  });

  it('reports duplicate schema object names', () => {
    const orders = anObject('orders', [aKey('order_id')]);
    expect(checkContractSemantics(aContract({ schema: [orders, orders] })).map((finding) => finding.path)).toEqual([
      'schema[1].name',
    ]);
  });

  it('requires a primary key on every object of an entity', () => {
    const contract = withProperties(aContract(), [aProperty('order_id', 'integer', { required: true, unique: true })]);
    expect(checkContractSemantics(contract)).toEqual([
      {
        path: 'schema[0].name',
        message: "entity 'orders' has no primary key: mark the properties that identify it with primaryKey: true",
        severity: 'error',
      },
    ]);
  });

  it('requires an event id: a required property that is unique or the primary key', () => {
    const optionalId = aProperty('event_id', 'string', { unique: true });
    const contract = withProperties(anEventContract(), [optionalId, aProperty('at', 'timestamp', { required: true })]);
    expect(checkContractSemantics(contract).map((finding) => finding.message)).toEqual([
      "event 'order_placed' has no event id: a required property that is unique or the primary key",
    ]);
  });

  it('accepts a primary key as the event id', () => {
    const contract = withProperties(anEventContract(), [
      aKey('event_id'),
      aProperty('at', 'timestamp', { required: true }),
    ]);
    expect(checkContractSemantics(contract)).toEqual([]);
  });

  it('requires an event time: a required timestamp property', () => {
    const dateOnly = aProperty('day', 'date', { required: true });
    const contract = withProperties(anEventContract(), [aKey('event_id', 'string'), dateOnly]);
    expect(checkContractSemantics(contract).map((finding) => finding.message)).toEqual([
      "event 'order_placed' has no event time: a required timestamp property",
    ]);
  });

  it('warns that keepHistory means nothing on an event', () => {
    expect(checkContractSemantics(anEventContract({ keepHistory: true }))).toEqual([
      {
        path: 'keepHistory',
        message: 'keepHistory has no effect on an event: events never change, so there is no history to keep',
        severity: 'warning',
      },
    ]);
  });
});

describe('semantic checks on YAML text, at the line to mark', () => {
  it('marks a duplicate property name on its name', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
      - name: order_id
        logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "12:15 error schema[0].properties[1].name: duplicate property name 'order_id' (also at schema[0].properties[0])",
    ]);
    expect(checkContractYaml(text)[0]).toMatchObject({ endLine: 12, endColumn: 23 });
  });

  it('marks an unknown logicalType on its value', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integr
        primaryKey: true
`);
    expect(markers(checkContractYaml(text))).toEqual([
      '10:22 error schema[0].properties[0].logicalType: unknown logicalType "integr"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
    ]);
  });

  it('marks an entity without a primary key on the object name', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "7:11 error schema[0].name: entity 'orders' has no primary key: mark the properties that identify it with primaryKey: true",
    ]);
  });

  it('marks an event without event id and time, and keepHistory on it, where they are declared', () => {
    const text = anOdcsText(`schema:
  - name: order_placed
    properties:
      - name: total
        logicalType: number
customProperties:
  - property: datasetKind
    value: event
  - property: keepHistory
    value: true
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "7:11 error schema[0].name: event 'order_placed' has no event id: a required property that is unique or the primary key",
      "7:11 error schema[0].name: event 'order_placed' has no event time: a required timestamp property",
      '15:12 warning customProperties[1].value: keepHistory has no effect on an event: events never change, so there is no history to keep',
    ]);
  });

  it('reports YAML syntax errors instead, as there is no contract to check yet', () => {
    expect(markers(checkContractYaml(anOdcsText(`schema: [\n`)))).toEqual([
      expect.stringMatching(/^7:1 error \(document\): /),
    ]);
  });
});
