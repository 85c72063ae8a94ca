import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../../shared/contracts/finding';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { checkContractSemantics, checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { aContract, aKey, anEventContract, anObject, anOdcsText, aProperty, withProperties } from './builders';
import { officialExamples } from './official-examples';

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

  it('warns of an SLA duration in a unit it cannot read, listing the spellings it reads', () => {
    const contract = aContract({
      sla: [
        { property: 'latency', value: 10, unit: 'dys' },
        { property: 'retention', value: 1, unit: 'Years' },
        { property: 'availability', value: 99.9, unit: '%' },
      ],
    });
    expect(checkContractSemantics(contract)).toEqual([
      {
        path: 'slaProperties[0].unit',
        severity: 'warning',
        message:
          "SLA latency is given in 'dys', which is no unit of time the app reads (ms/msec/msecs/millisecond/milliseconds, s/sec/secs/second/seconds, min/m/mins/minute/minutes, h/hr/hrs/hour/hours, d/day/days, w/week/weeks, mo/mon/mos/month/months, y/yr/yrs/year/years): its changes cannot be compared between versions",
      },
    ]);
  });

  it('warns of an SLA element naming a field its schema object lacks, at the element, with the field it is a slip from', () => {
    const findings = checkContractYaml(
      anOdcsText(
        [
          'schema:', // 6
          '  - name: orders', // 7
          '    properties:', // 8
          '      - name: order_id', // 9
          '        logicalType: integer', // 10
          '        primaryKey: true', // 11
          '        required: true', // 12
          '      - name: status', // 13
          '        logicalType: string', // 14
          'slaProperties:', // 15
          '  - property: latency', // 16
          '    value: 4', // 17
          '    unit: h', // 18
          '    element: orders.ordr_id', // 19
          '  - property: freshness', // 20
          '    value: 1', // 21
          '    unit: d', // 22
          '    element: orders.order_id, orders.placed_at', // 23
          '  - property: retention', // 24
          '    value: 7', // 25
          '    unit: y', // 26
          '    element: orders', // 27
          '  - property: frequency', // 28
          '    value: 1', // 29
          '    unit: d', // 30
          '    element: orders.status', // 31
          // Another table may be another contract's, as ODCS's own examples write `tab1.txn_ref_dt`.
          '  - property: availability', // 32
          '    value: 99.9', // 33
          "    unit: '%'", // 34
          '    element: tab1.txn_ref_dt', // 35
          '',
        ].join('\n'),
      ),
    ).filter(({ severity }) => severity !== 'info');
    expect(markers(findings)).toEqual([
      "19:14 warning slaProperties[0].element: SLA latency: 'orders.ordr_id' names property 'ordr_id', which schema object 'orders' does not have: did you mean 'orders.order_id'?",
      "23:14 warning slaProperties[1].element: SLA freshness: 'orders.placed_at' names property 'placed_at', which schema object 'orders' does not have",
    ]);
    expect(findings[0]?.repair).toEqual({ kind: 'replace-marked-text', text: 'orders.order_id' });
    // The mark covers the whole list, which a repair would replace by one element.
    expect(findings[1]?.repair).toBeUndefined();
  });

  it('warns of an SLA duration without a unit, or with the unit written inside the value, at the value', () => {
    const contract = aContract({
      sla: [
        { property: 'retention', value: '1 d' },
        { property: 'freshness', value: 1 },
        { property: 'availability', value: 99.9 },
      ],
    });
    const noUnit = (property: string, value: string) => ({
      path: `slaProperties[${property === 'retention' ? 0 : 1}].value`,
      severity: 'warning',
      message: `SLA ${property} has no unit ('${value}'): its changes cannot be compared between versions`,
      fixHint:
        'Write the number and its unit apart, as value: 1 and unit: d; ODCS keeps the unit apart from the value.',
    });
    expect(checkContractSemantics(contract)).toEqual([noUnit('retention', '1 d'), noUnit('freshness', '1')]);
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

  it('reports duplicate property names nested in objects, array items and map values, by path', () => {
    const contract = aContract({
      apiVersion: 'v3.2.0',
      schema: [
        anObject('signups', [
          aKey('signup_id'),
          aProperty('source', 'object', {
            extensions: {
              properties: [
                { name: 'page_url', logicalType: 'string' },
                { name: 'page_url', logicalType: 'integer' },
              ],
            },
          }),
          aProperty('interests', 'array', {
            extensions: {
              items: {
                logicalType: 'object',
                properties: [
                  { name: 'topic', logicalType: 'string' },
                  { name: 'topic', logicalType: 'string' },
                ],
              },
            },
          }),
          aProperty('scores', 'map', {
            extensions: {
              map: {
                key: { logicalType: 'string' },
                value: {
                  logicalType: 'object',
                  properties: [
                    { name: 'value', logicalType: 'number' },
                    { name: 'value', logicalType: 'number' },
                  ],
                },
              },
            },
          }),
        ]),
      ],
    });
    expect(checkContractSemantics(contract)).toEqual([
      {
        path: 'schema[0].properties[1].properties[1].name',
        message: "duplicate property name 'page_url' (also at schema[0].properties[1].properties[0])",
        severity: 'error',
      },
      {
        path: 'schema[0].properties[2].items.properties[1].name',
        message: "duplicate property name 'topic' (also at schema[0].properties[2].items.properties[0])",
        severity: 'error',
      },
      {
        path: 'schema[0].properties[3].map.value.properties[1].name',
        message: "duplicate property name 'value' (also at schema[0].properties[3].map.value.properties[0])",
        severity: 'error',
      },
    ]);
  });

  it('tells apart properties of one name in different nested objects', () => {
    const address = (name: string) =>
      aProperty(name, 'object', { extensions: { properties: [{ name: 'street', logicalType: 'string' }] } });
    const contract = withProperties(aContract(), [aKey('order_id'), address('billing'), address('shipping')]);
    expect(checkContractSemantics(contract)).toEqual([]);
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

/** An entity `permits` keyed by permit_id, with these contract-level custom properties (and one more property). */
const permits = (customProperties: string, extraProperty = '') =>
  anOdcsText(`schema:
  - name: permits
    properties:
      - name: permit_id
        logicalType: string
        required: true
        primaryKey: true
${extraProperty}customProperties:
${customProperties}`);

describe('historyColumnPrefix', () => {
  const keptWithPrefix = (prefix: string) =>
    `  - property: keepHistory\n    value: true\n  - property: historyColumnPrefix\n    value: ${prefix}\n`;

  it('is warned of where no history is kept, at its value', () => {
    const text = permits('  - property: historyColumnPrefix\n    value: dbt_\n');
    expect(markers(checkContractYaml(text))).toEqual([
      '15:12 warning customProperties[0].value: historyColumnPrefix has no effect: no history is kept (only an entity with keepHistory: true keeps one)',
    ]);
    expect(markers(checkContractYaml(permits(keptWithPrefix('dbt_'))))).toEqual([]);
  });

  it('is reported where a property of an entity keeping history is named like one of its history columns, as import refuses it', () => {
    const text = permits(keptWithPrefix('hist_'), '      - name: hist_is_current\n        logicalType: boolean\n');
    expect(markers(checkContractYaml(text))).toEqual([
      "13:15 error schema[0].properties[1].name: property 'hist_is_current' of 'permits' clashes with the history column 'hist_is_current'",
    ]);
  });
});

describe('the custom properties the app reads', () => {
  const withCustom = (property: string, value: string) => permits(`  - property: ${property}\n    value: ${value}\n`);

  it('asks whether a custom property one slip or a case away from one the app reads meant it, and offers to correct it', () => {
    const findings = checkContractYaml(withCustom('keephistory', 'true'));
    expect(markers(findings)).toEqual([
      "14:15 warning customProperties[0].property: custom property 'keephistory' is not one the app reads: did you mean 'keepHistory'?",
    ]);
    expect(findings[0]?.repair).toEqual({ kind: 'replace-marked-text', text: 'keepHistory' });
    expect(markers(checkContractYaml(withCustom('keepHistroy', 'true')))[0]).toContain("did you mean 'keepHistory'?");
    expect(markers(checkContractYaml(withCustom('retentionOwner', 'ops')))).toEqual([]);
  });

  it('says keepHistory takes true or false, and why yes is no answer', () => {
    const errors = checkContractYaml(withCustom('keepHistory', 'yes')).filter(
      (finding) => finding.severity === 'error',
    );
    expect(errors.map((finding) => finding.message)).toEqual([
      "keepHistory takes true or false (got 'yes'; YAML 1.1 tools read yes as true, quote-free true is clearer)",
    ]);
  });
});

describe('the arguments of a library quality rule', () => {
  const vaults = (rules: string) =>
    anOdcsText(`schema:
  - name: vaults
    properties:
      - name: vault_id
        logicalType: string
        required: true
        primaryKey: true
      - name: climate
        logicalType: string
        quality:
${rules}`);

  it('asks whether an argument a slip or a case away from one its metric reads meant it, at the key, and offers to correct it', () => {
    const findings = checkContractYaml(
      vaults(`          - metric: invalidValues
            arguments:
              validvalues: [frozen, chilled]
            mustBe: 0
`),
    );
    expect(markers(findings)).toEqual([
      "18:15 warning schema[0].properties[1].quality[0].arguments.validvalues: argument 'validvalues' is not one metric invalidValues reads (validValues, pattern), so its tools ignore it: did you mean 'validValues'?",
    ]);
    expect(findings[0]?.repair).toEqual({ kind: 'replace-marked-text', text: 'validValues' });
  });

  it('warns where a duplicateValues rule names a property its schema object lacks, at that name', () => {
    const text = anOdcsText(`schema:
  - name: vaults
    quality:
      - metric: duplicateValues
        arguments:
          properties: [vault_id, shelff, bay]
        mustBe: 0
    properties:
      - name: vault_id
        logicalType: string
        required: true
        primaryKey: true
      - name: shelf
        logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "11:34 warning schema[0].quality[0].arguments.properties[1]: duplicateValues names property 'shelff', which schema object 'vaults' does not have: the rule cannot be run (did you mean 'shelf'?)",
      "11:42 warning schema[0].quality[0].arguments.properties[2]: duplicateValues names property 'bay', which schema object 'vaults' does not have: the rule cannot be run",
    ]);
  });

  it('reads a nested field’s and a schema object’s rules alike, and leaves an argument far from all of them to its tool', () => {
    const nested = anOdcsText(`schema:
  - name: vaults
    quality:
      - metric: duplicateValues
        arguments:
          propertes: [vault_id]
        mustBe: 0
    properties:
      - name: vault_id
        logicalType: string
        required: true
        primaryKey: true
      - name: readings
        logicalType: array
        items:
          logicalType: string
          quality:
            - metric: missingValues
              arguments:
                missingvalue: ['', n/a]
              mustBe: 0
`);
    expect(
      markers(checkContractYaml(nested))
        .map((marker) => marker.slice(0, marker.indexOf(': ')))
        .sort(),
    ).toEqual([
      '11:11 warning schema[0].quality[0].arguments.propertes',
      '25:17 warning schema[0].properties[1].items.quality[0].arguments.missingvalue',
    ]);
    const own = vaults(`          - metric: invalidValues
            arguments:
              validValues: [frozen]
              engineHint: fast
            mustBe: 0
`);
    expect(markers(checkContractYaml(own))).toEqual([]);
  });
});

describe('semantic checks on YAML text, at the line to mark', () => {
  it('marks a duplicate property name on its name', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: order_id
        logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "13:15 error schema[0].properties[1].name: duplicate property name 'order_id' (also at schema[0].properties[0])",
    ]);
    expect(checkContractYaml(text)[0]).toMatchObject({ endLine: 13, endColumn: 23 });
  });

  it('marks a duplicate nested property name on its line', () => {
    const text = anOdcsText(`schema:
  - name: signups
    properties:
      - name: signup_id
        logicalType: string
        required: true
        primaryKey: true
      - name: source
        logicalType: object
        properties:
          - name: page_url
            logicalType: string
          - name: page_url
            logicalType: integer
      - name: interests
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: topic
              logicalType: string
            - name: topic
              logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "18:19 error schema[0].properties[1].properties[1].name: duplicate property name 'page_url' (also at schema[0].properties[1].properties[0])",
      "27:21 error schema[0].properties[2].items.properties[1].name: duplicate property name 'topic' (also at schema[0].properties[2].items.properties[0])",
    ]);
  });

  it('reports the semantic findings together with the schema errors while the contract still reads', () => {
    const text = anOdcsText(`schema:
  - name: offers
    properties:
      - name: offer_id
        logicalType: integer
        primaryKey: true
      - name: salary
        logicalType: number
        quality:
          - metric: invalidValues
            mustBeBetween: [100000, 20000]
      - name: salary
        logicalType: string
      - name: perks
        logicalType: map
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "11:21 warning schema[0].properties[0].primaryKey: primary key property 'offer_id' is not required: key values cannot be null, add required: true",
      '16:29 error schema[0].properties[1].quality[0].mustBeBetween: mustBeBetween [100000, 20000] is reversed: write the smaller bound first, [20000, 100000]',
      "17:15 error schema[0].properties[2].name: duplicate property name 'salary' (also at schema[0].properties[1])",
      `20:22 error schema[0].properties[3].logicalType: unknown logicalType "map"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean. It is an ODCS v3.2.0 feature and this contract declares v3.1.0: the editor's Upgrade to v3.2.0 rewrites the contract in v3.2.0`,
    ]);
  });

  it('reports the semantic findings beside a misspelt logicalType, taking that property as of unknown type', () => {
    const text = anOdcsText(`schema:
  - name: invoices
    properties:
      - name: invoice_id
        logicalType: integer
        primaryKey: true
      - name: invoice_id
        logicalType: integer
      - name: amount
        logicalType: numbr
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "11:21 warning schema[0].properties[0].primaryKey: primary key property 'invoice_id' is not required: key values cannot be null, add required: true",
      "12:15 error schema[0].properties[1].name: duplicate property name 'invoice_id' (also at schema[0].properties[0])",
      '15:22 error schema[0].properties[2].logicalType: unknown logicalType "numbr"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
    ]);
  });

  it('reports the semantic findings beside a v3.2 enum written as bare strings, reading the contract without it', () => {
    const text = anOdcsText(`schema:
  - name: tariffs
    properties:
      - name: tariff_id
        logicalType: string
        primaryKey: true
      - name: price_per_kwh
        logicalType: number
        quality:
          - metric: nullValues
            mustBeBetween: [10, 1]
      - name: price_per_kwh
        logicalType: number
      - name: status
        logicalType: string
        enum: [ACTIVE, EXPIRED]
`).replace('apiVersion: v3.1.0', 'apiVersion: v3.2.0');
    expect(markers(checkContractYaml(text)).map((marker) => marker.replace(/: .*/s, ''))).toEqual([
      '11:21 warning schema[0].properties[0].primaryKey',
      '16:29 error schema[0].properties[1].quality[0].mustBeBetween',
      '17:15 error schema[0].properties[2].name',
      '21:16 error schema[0].properties[3].enum[0]',
      '21:24 error schema[0].properties[3].enum[1]',
    ]);
  });

  it('does not say an event lacks its time while one of its types is misspelt: it may be the time', () => {
    const text = anOdcsText(`customProperties:
  - property: datasetKind
    value: event
schema:
  - name: clicks
    properties:
      - name: click_id
        logicalType: string
        required: true
        unique: true
      - name: clicked_at
        logicalType: timestmp
        required: true
`);
    expect(markers(checkContractYaml(text)).map((marker) => marker.split(':')[0])).toEqual(['17']);
  });

  it('marks an unknown logicalType on its value', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integr
        primaryKey: true
        required: true
`);
    expect(markers(checkContractYaml(text))).toEqual([
      '10:22 error schema[0].properties[0].logicalType: unknown logicalType "integr"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
    ]);
  });

  it('marks an entity without a primary key on the object name: an error when the contract says entity', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
customProperties:
  - property: datasetKind
    value: entity
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "7:11 error schema[0].name: entity 'orders' has no primary key: mark the properties that identify it with primaryKey: true",
    ]);
  });

  it('only warns about a missing key when the app took the dataset for an entity', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "7:11 warning schema[0].name: entity 'orders' has no primary key: mark the properties that identify it with primaryKey: true (taken for an entity: the contract has no datasetKind custom property, streaming server or topic object; if its records are events, add `- property: datasetKind` with `value: event` to its customProperties)",
    ]);
  });

  it('says why it took a dataset with a topic object for an event, and how to say it is an entity', () => {
    const text = anOdcsText(`schema:
  - name: orders
    physicalType: topic
    properties:
      - name: order_id
        logicalType: integer
`);
    expect(markers(checkContractYaml(text)).join('\n')).toContain(
      '(taken for an event: it has a streaming server or topic object and no datasetKind custom property; if it holds the latest state of an entity, add `- property: datasetKind` with `value: entity` to its customProperties)',
    );
  });

  it('has no errors on any official example (a Kafka topic is taken for an event)', () => {
    for (const example of officialExamples) {
      const errors = checkContractYaml(example.text).filter((finding) => finding.severity === 'error');
      expect(markers(errors), example.name).toEqual([]);
    }
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

  it('reports a duplicate key and, reading its last value as PyYAML does, every other problem beside it', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: yes
        primaryKey: true
        required: true
      - name: order_id
        logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "13:9 error (document): the key 'required' appears twice in this mapping; keys must be unique",
      "14:15 error schema[0].properties[1].name: duplicate property name 'order_id' (also at schema[0].properties[0])",
    ]);
  });

  it('marks the whole of a duplicate key, plain or quoted, not its first letter', () => {
    const text = anOdcsText(`status: draft
schema:
  - name: animals
    "physicalName": animals
    "physicalName": zoo_animals
`);
    const duplicates = checkContractYaml(text).filter((finding) => finding.message.includes('appears twice'));
    expect(duplicates.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }))).toEqual([
      { line: 6, column: 1, endLine: 6, endColumn: 7 },
      { line: 10, column: 5, endLine: 10, endColumn: 19 },
    ]);
  });

  it('names and marks a duplicate key after a key left without a value (as while typing), not the end of the line before', () => {
    const text = anOdcsText(`schema:
  - name: patients
    properties:
      - name: insurer_member_no
        logicalType: string
        classification: 
        classification: restricted
      - name: date_of_birth
        logicalType: date
        tags:
          - 
        tags: [phi]
`);
    const duplicates = checkContractYaml(text).filter((finding) => finding.message.includes('appears twice'));
    expect(
      duplicates.map(({ message, line, column, endLine, endColumn }) => ({
        message,
        line,
        column,
        endLine,
        endColumn,
      })),
    ).toEqual([
      {
        message: "the key 'classification' appears twice in this mapping; keys must be unique",
        ...{ line: 12, column: 9, endLine: 12, endColumn: 23 },
      },
      {
        message: "the key 'tags' appears twice in this mapping; keys must be unique",
        ...{ line: 17, column: 9, endLine: 17, endColumn: 13 },
      },
    ]);
  });

  it('marks a problem of a duplicated key at the key the reader keeps, the last one', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
        classification: public
        classification:
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "14:9 error (document): the key 'classification' appears twice in this mapping; keys must be unique",
      '14:24 error schema[0].properties[0].classification: must be string',
    ]);
  });

  it('says that enum and the map type of a v3.1.0 contract are ODCS v3.2.0 features, and how to upgrade', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: status
        logicalType: string
        enum:
          - placed
      - name: totals
        logicalType: map
        map:
          key:
            logicalType: string
`);
    const upgrade =
      "It is an ODCS v3.2.0 feature and this contract declares v3.1.0: the editor's Upgrade to v3.2.0 rewrites the contract in v3.2.0";
    expect(markers(checkContractYaml(text))).toEqual([
      `15:9 error schema[0].properties[1].enum: unknown field 'enum'. ${upgrade}`,
      `18:22 error schema[0].properties[2].logicalType: unknown logicalType "map"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean. ${upgrade}`,
      `19:9 error schema[0].properties[2].map: unknown field 'map'. ${upgrade}`,
    ]);
  });

  it('calls a misspelt field of a v3.1.0 property without a logicalType unknown, not an ODCS v3.2.0 feature', () => {
    // v3.2.0's schema asks such a property for 'map', which hides the field from what Ajv says of it there.
    const text = anOdcsText(`schema:
  - name: treatments
    properties:
      - name: treatment_id
        logicalType: string
        required: true
        primaryKey: true
      - name: vet_id
        physicalTyp: varchar(12)
      - name: drug
        logicalTypes: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "14:9 error schema[0].properties[1].physicalTyp: unknown field 'physicalTyp'",
      "16:9 error schema[0].properties[2].logicalTypes: unknown field 'logicalTypes'",
    ]);
  });

  it('calls a misspelt field of a v3.2.0 property without a logicalType unknown, beside the logicalType it lacks', () => {
    const text = anOdcsText(`schema:
  - name: treatments
    properties:
      - name: treatment_id
        logicalTyp: string
        required: true
        primaryKey: true
`).replace('apiVersion: v3.1.0', 'apiVersion: v3.2.0');
    expect(markers(checkContractYaml(text))).toEqual([
      "9:9 error schema[0].properties[0]: has no logicalType, so ODCS v3.2.0's schema applies the rules of every type to it and asks for 'map': add a logicalType (such as string)",
      "10:9 error schema[0].properties[0].logicalTyp: unknown field 'logicalTyp'",
    ]);
  });

  it('marks a quoted value never closed at its opening quote, not at the end of the text where the reader stops', () => {
    const text = anOdcsText(`schema:
  - name: meters
    description: "Smart meters, by MPAN
    properties:
      - name: mpan
        logicalType: string
`);
    expect(markers(checkContractYaml(text))).toEqual([
      '8:18 error (document): this value quoted with " is never closed; end it with "',
    ]);
  });

  it('reports YAML syntax errors instead, as there is no contract to check yet', () => {
    expect(markers(checkContractYaml(anOdcsText(`schema: [\n`)))).toEqual([
      '6:9 error (document): this list opened with [ is never closed; end it with ]',
    ]);
  });
});

describe('checks on keys and quality rules, each failing then passing', () => {
  const orders = (properties: string, extra = '') =>
    anOdcsText(`schema:
  - name: orders
    properties:
${properties}${extra}`);

  it('warns about a primary key property that is not required', () => {
    const optionalKey = orders('      - name: order_id\n        logicalType: integer\n        primaryKey: true\n');
    expect(markers(checkContractYaml(optionalKey))).toEqual([
      "11:21 warning schema[0].properties[0].primaryKey: primary key property 'order_id' is not required: key values cannot be null, add required: true",
    ]);
    const requiredKey = orders(
      '      - name: order_id\n        logicalType: integer\n        primaryKey: true\n        required: true\n',
    );
    expect(checkContractYaml(requiredKey)).toEqual([]);
  });

  it('refuses two key properties at the same primaryKeyPosition', () => {
    const key = (name: string, position: number) =>
      `      - name: ${name}\n        logicalType: integer\n        required: true\n        primaryKey: true\n        primaryKeyPosition: ${position}\n`;
    expect(markers(checkContractYaml(orders(key('region', 1) + key('order_id', 1))))).toEqual([
      "18:29 error schema[0].properties[1].primaryKeyPosition: primaryKeyPosition 1 is also the position of 'region': each key property needs its own",
    ]);
    expect(checkContractYaml(orders(key('region', 1) + key('order_id', 2)))).toEqual([]);
  });

  it('warns about a part of a composite key without a position when another part has one', () => {
    const positioned = (name: string, position: number) =>
      `      - name: ${name}\n        logicalType: integer\n        required: true\n        primaryKey: true\n        primaryKeyPosition: ${position}\n`;
    const unpositioned =
      '      - name: kind\n        logicalType: string\n        required: true\n        primaryKey: true\n';
    expect(markers(checkContractYaml(orders(unpositioned + positioned('order_id', 1))))).toEqual([
      "12:21 warning schema[0].properties[0].primaryKey: key property 'kind' has no primaryKeyPosition while 'order_id' has one, so it is taken as the key's last part: give it its position",
    ]);
    expect(checkContractYaml(orders(positioned('kind', 2) + positioned('order_id', 1)))).toEqual([]);
  });

  const rule = (operators: string) =>
    `    quality:\n      - metric: rowCount\n${operators
      .split('\n')
      .map((line) => `        ${line}`)
      .join('\n')}\n`;

  it('refuses a reversed mustBeBetween', () => {
    expect(markers(checkContractYaml(orders(keyed, rule('mustBeBetween: [100, 10]'))))).toEqual([
      '15:25 error schema[0].quality[0].mustBeBetween: mustBeBetween [100, 10] is reversed: write the smaller bound first, [10, 100]',
    ]);
    expect(checkContractYaml(orders(keyed, rule('mustBeBetween: [10, 100]')))).toEqual([]);
  });

  it('names an unknown quality operator as such', () => {
    expect(markers(checkContractYaml(orders(keyed, rule('mustBeGreaterThen: 10'))))).toEqual([
      "15:9 error schema[0].quality[0].mustBeGreaterThen: unknown quality operator 'mustBeGreaterThen'; expected one of: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween",
    ]);
    expect(checkContractYaml(orders(keyed, rule('mustBeGreaterThan: 10')))).toEqual([]);
  });

  it('says a rule has two operators, naming both', () => {
    expect(markers(checkContractYaml(orders(keyed, rule('mustBe: 0\nmustBeLessThan: 5'))))).toEqual([
      '14:9 error schema[0].quality[0]: has more than one comparison operator (mustBe, mustBeLessThan); a rule takes exactly one',
    ]);
    expect(checkContractYaml(orders(keyed, rule('mustBeLessThan: 5')))).toEqual([]);
  });
});

describe('logicalTypeOptions that no value can keep', () => {
  const keyed =
    '      - name: order_id\n        logicalType: integer\n        required: true\n        primaryKey: true\n';
  /** The orders contract with a property `value` of the type and options, its options from line 16. */
  const withOptions = (logicalType: string, options: string) =>
    anOdcsText(`schema:
  - name: orders
    properties:
${keyed}      - name: value
        logicalType: ${logicalType}
        logicalTypeOptions:
${options
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`);

  it('refuses a minLength above the maxLength, at the minLength, as it refuses a reversed mustBeBetween', () => {
    expect(markers(checkContractYaml(withOptions('string', 'maxLength: 120\nminLength: 200')))).toEqual([
      '17:22 error schema[0].properties[1].logicalTypeOptions.minLength: minLength 200 and maxLength 120 leave no length between them: no value can keep the contract',
    ]);
    expect(checkContractYaml(withOptions('string', 'minLength: 10\nmaxLength: 10'))).toEqual([]);
  });

  it.each([
    ['integer', 'minimum: 10\nmaximum: 1', 'minimum 10 and maximum 1 leave no integer between them'],
    [
      'number',
      'exclusiveMinimum: 5\nexclusiveMaximum: 5',
      'exclusiveMinimum 5 and exclusiveMaximum 5 leave no number between them',
    ],
    ['number', 'minimum: 5\nexclusiveMaximum: 5', 'minimum 5 and exclusiveMaximum 5 leave no number between them'],
    [
      'integer',
      'exclusiveMinimum: 1\nexclusiveMaximum: 2',
      'exclusiveMinimum 1 and exclusiveMaximum 2 leave no integer between them',
    ],
    [
      'date',
      "minimum: '2024-02-01'\nmaximum: '2024-01-01'",
      'minimum 2024-02-01 and maximum 2024-01-01 leave no date between them',
    ],
    [
      'timestamp',
      "exclusiveMinimum: '2024-01-01T10:00:00Z'\nmaximum: '2024-01-01T11:00:00+02:00'",
      'exclusiveMinimum 2024-01-01T10:00:00Z and maximum 2024-01-01T11:00:00+02:00 leave no timestamp between them',
    ],
    [
      'timestamp',
      "minimum: '2024-06-01T10:30:00'\nmaximum: '2024-06-01T10:29:59.5'",
      'minimum 2024-06-01T10:30:00 and maximum 2024-06-01T10:29:59.5 leave no timestamp between them',
    ],
    [
      'timestamp',
      "format: yyyy-MM-dd'T'HH:mm:ssXXX\nminimum: '2024-06-01T10:00:00.0002Z'\nexclusiveMaximum: '2024-06-01T10:00:00.0002Z'",
      'minimum 2024-06-01T10:00:00.0002Z and exclusiveMaximum 2024-06-01T10:00:00.0002Z leave no timestamp between them',
    ],
    [
      'date',
      "format: yyyy-MM-dd\nminimum: '0099-01-02'\nmaximum: '0099-01-01'",
      'minimum 0099-01-02 and maximum 0099-01-01 leave no date between them',
    ],
    ['array', 'minItems: 3\nmaxItems: 1', 'minItems 3 and maxItems 1 leave no number of items between them'],
    [
      'object',
      'minProperties: 2\nmaxProperties: 1',
      'minProperties 2 and maxProperties 1 leave no number of properties between them',
    ],
  ])('refuses bounds of the type %s that admit no value: %s', (logicalType, options, said) => {
    expect(
      checkContractYaml(withOptions(logicalType, options)).map((finding) => [finding.severity, finding.message]),
    ).toEqual([['error', `${said}: no value can keep the contract`]]);
  });

  it.each([
    ['integer', 'minimum: 5\nmaximum: 5'],
    ['number', 'exclusiveMinimum: 1\nexclusiveMaximum: 2'],
    ['number', 'minimum: 1\nexclusiveMinimum: 0\nmaximum: 3'],
    ['date', "minimum: '2024-01-01'\nmaximum: '2024-01-01'"],
    ['array', 'minItems: 1\nmaxItems: 1'],
  ])('accepts bounds of the type %s that leave a value: %s', (logicalType, options) => {
    expect(checkContractYaml(withOptions(logicalType, options))).toEqual([]);
  });

  it.each([
    ['maximum: 86400.5', 'maximum', 'maximum 86400.5 on an integer field means maximum 86400'],
    ['minimum: 0.5', 'minimum', 'minimum 0.5 on an integer field means minimum 1'],
    ['exclusiveMaximum: 5.5', 'exclusiveMaximum', 'exclusiveMaximum 5.5 on an integer field means exclusiveMaximum 6'],
    [
      'exclusiveMinimum: -0.5',
      'exclusiveMinimum',
      'exclusiveMinimum -0.5 on an integer field means exclusiveMinimum -1',
    ],
  ])(
    'warns of a fractional bound on an integer at its key, saying the integer bound it means: %s',
    (options, option, said) => {
      expect(
        checkContractYaml(withOptions('integer', options)).map((finding) => [
          finding.severity,
          finding.path,
          finding.message,
        ]),
      ).toEqual([
        [
          'warning',
          `schema[0].properties[1].logicalTypeOptions.${option}`,
          `${said}: no integer lies between the two, so write the integer`,
        ],
      ]);
      expect(checkContractYaml(withOptions('number', options))).toEqual([]);
    },
  );

  it.each([['Europe/Atlantis'], ['UTC+2'], ['+02:00']])(
    'warns of a defaultTimezone that is no IANA time zone name, at the value, naming what to write: %s',
    (zone) => {
      expect(
        markers(checkContractYaml(withOptions('timestamp', `timezone: false\ndefaultTimezone: '${zone}'`))),
      ).toEqual([
        `17:28 warning schema[0].properties[1].logicalTypeOptions.defaultTimezone: defaultTimezone ${zone} is not an IANA time zone name such as Europe/Paris, America/New_York or Etc/UTC: the SQL export's migration between timestamp and timestamptz would fail on it, or read an offset with its sign reversed`,
      ]);
    },
  );

  it('tells in Problems what to write in place of a defaultTimezone that is no IANA time zone name', () => {
    const placedAt = aProperty('placed_at', 'timestamp', {
      extensions: { logicalTypeOptions: { timezone: false, defaultTimezone: 'Europe/Atlantis' } },
    });
    expect(checkContractSemantics(withProperties(aContract(), [aKey('order_id'), placedAt]))).toEqual([
      expect.objectContaining({
        path: 'schema[0].properties[1].logicalTypeOptions.defaultTimezone',
        severity: 'warning',
        fixHint: 'Write the IANA name of the zone the clock times are in; for UTC write Etc/UTC.',
      }),
    ]);
  });

  it.each([['Europe/Paris'], ['Etc/UTC'], ['UTC'], ['America/Argentina/Buenos_Aires']])(
    'accepts a defaultTimezone that is an IANA time zone: %s',
    (zone) => {
      expect(checkContractYaml(withOptions('timestamp', `timezone: false\ndefaultTimezone: ${zone}`))).toEqual([]);
    },
  );

  it('refuses a pattern that is no regular expression as JSON Schema reads it (ECMA-262), at the pattern', () => {
    expect(markers(checkContractYaml(withOptions('string', "pattern: '^([a-z'")))).toEqual([
      '16:20 error schema[0].properties[1].logicalTypeOptions.pattern: pattern ^([a-z is not a regular expression (ECMA-262, as JSON Schema reads it): no value can be checked against it',
    ]);
    expect(checkContractYaml(withOptions('string', "pattern: '^[a-z_]+$'"))).toEqual([]);
  });

  it.each([
    [
      "maxLength: 10\npattern: '^L[0-9]{4}-[0-9]{6}$'",
      'pattern ^L[0-9]{4}-[0-9]{6}$ matches only values of 12 characters; maxLength 10 holds at most 10: no value can keep the contract',
    ],
    [
      "maxLength: 3\npattern: '^[A-Z]{4,}'",
      'pattern ^[A-Z]{4,} matches only values of at least 4 characters; maxLength 3 holds at most 3: no value can keep the contract',
    ],
    [
      "minLength: 5\npattern: '^[A-Z]{2,4}$'",
      'pattern ^[A-Z]{2,4}$ matches only values of 2 to 4 characters; minLength 5 needs at least 5: no value can keep the contract',
    ],
  ])('warns of a pattern no value of the allowed lengths matches: %s', (options, said) => {
    expect(
      checkContractYaml(withOptions('string', options)).map((finding) => [
        finding.severity,
        finding.path,
        finding.message,
      ]),
    ).toEqual([['warning', 'schema[0].properties[1].logicalTypeOptions.pattern', said]]);
  });

  it('warns of a pattern longer than the length its physicalType states, at the pattern', () => {
    const lotId = aProperty('lot_id', 'string', {
      physicalType: 'varchar(10)',
      extensions: { logicalTypeOptions: { pattern: '^L[0-9]{4}-[0-9]{6}$' } },
    });
    expect(checkContractSemantics(withProperties(aContract(), [aKey('order_id'), lotId]))).toEqual([
      {
        path: 'schema[0].properties[1].logicalTypeOptions.pattern',
        message:
          'pattern ^L[0-9]{4}-[0-9]{6}$ matches only values of 12 characters; varchar(10) holds at most 10: no value can keep the contract',
        severity: 'warning',
        fixHint: 'Change the pattern, or the length, so that some value fits both.',
      },
    ]);
  });

  it.each([
    "maxLength: 12\npattern: '^L[0-9]{4}-[0-9]{6}$'",
    "minLength: 20\npattern: '[0-9]{4}'",
    "minLength: 20\npattern: '^[0-9]{4}'",
    "maxLength: 2\npattern: '^(a)\\1{5}$'",
    "minLength: 3\nmaxLength: 3\npattern: '^[A-Z]{2,4}$'",
  ])('leaves a pattern some allowed length can match alone: %s', (options) => {
    expect(checkContractYaml(withOptions('string', options))).toEqual([]);
  });

  it.each([
    ['a day-first format, read US-style as empty', "format: dd/MM/yyyy\nminimum: '02/03/2024'\nmaximum: '01/04/2024'"],
    [
      'an ISO-looking date under a format that reorders it',
      "format: yyyy-dd-MM\nminimum: '2024-02-01'\nmaximum: '2024-01-02'",
    ],
    ['a year, no date', "minimum: '2024'\nmaximum: '2023-12-31'"],
    ['no calendar date', "minimum: '2024-02-30'\nmaximum: '2024-02-01'"],
  ])('leaves date bounds it cannot read for certain unjudged: %s', (_case, options) => {
    expect(checkContractYaml(withOptions('date', options))).toEqual([]);
  });

  // Date.parse reads a timestamp without offset in the machine's zone: each pair is empty in some zone, never in all.
  it.each([
    [
      'a wall time against an instant (empty in UTC)',
      "minimum: '2024-06-01T10:30:00'\nmaximum: '2024-06-01T09:00:00Z'",
    ],
    [
      'an instant against a wall time (empty east of UTC)',
      "minimum: '2024-06-01T10:30:00Z'\nmaximum: '2024-06-01T11:00:00'",
    ],
    [
      'wall times in a declared format that is not ISO 8601',
      "format: yyyy-MM-dd HH:mm:ss\nminimum: '2024-06-01 10:30:00'\nmaximum: '2024-06-01 10:29:59'",
    ],
    ['a timestamp with its date only', "minimum: '2024-01-02'\nmaximum: '2024-01-01T00:00:00Z'"],
  ])('leaves timestamp bounds whose order depends on a time zone or format unjudged: %s', (_case, options) => {
    expect(checkContractYaml(withOptions('timestamp', options))).toEqual([]);
  });

  it('looks into nested properties, and reports it in the design (validate, the Problems panel) as in the editor', () => {
    const nested = aProperty('address', 'object', {
      extensions: {
        properties: [{ name: 'zip', logicalType: 'string', logicalTypeOptions: { minLength: 20, maxLength: 10 } }],
      },
    });
    expect(checkContractSemantics(withProperties(aContract(), [aKey('order_id'), nested]))).toEqual([
      {
        path: 'schema[0].properties[1].properties[0].logicalTypeOptions.minLength',
        message: 'minLength 20 and maxLength 10 leave no length between them: no value can keep the contract',
        severity: 'error',
        fixHint: 'Lower minLength or raise maxLength.',
      },
    ]);
  });
});

describe('relationships', () => {
  /** Orders and customers, keyed, then `orders` relationships (`objectLevel`) and order_id's (`propertyLevel`). */
  const related = ({ objectLevel = '', propertyLevel = '', apiVersion = 'v3.1.0' }) =>
    anOdcsText(`schema:
  - name: customers
    id: cust
    properties:
      - name: customer_id
        id: cid
        logicalType: integer
        required: true
        primaryKey: true
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
${propertyLevel}      - name: customer_id
        logicalType: integer
${objectLevel}`).replace('apiVersion: v3.1.0', `apiVersion: ${apiVersion}`);
  const onOrderId = (lines: string) => `        relationships:\n${lines}`;
  const onOrders = (lines: string) => `    relationships:\n${lines}`;

  it('accepts references to what the contract has, and forms it cannot resolve here', () => {
    expect(
      markers(
        checkContractYaml(
          related({
            propertyLevel: onOrderId(
              `${[
                '          - to: customers.customer_id',
                '          - to: schema/cust/properties/cid',
                '          - to: other.yaml#/schema/x/properties/y',
              ].join('\n')}\n`,
            ),
            objectLevel: onOrders(
              '      - type: foreignKey\n        from: [orders.customer_id, orders.order_id]\n        to: [customers.customer_id, customers.customer_id]\n',
            ),
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      markers(
        checkContractYaml(
          related({
            apiVersion: 'v3.2.0',
            propertyLevel: onOrderId('          - to: sales.customers.customer_id\n'),
          }),
        ),
      ),
    ).toEqual([]);
  });

  it("warns of a reference the contract lacks, a from's schema object or any property, at the reference", () => {
    const text = related({
      propertyLevel: onOrderId(
        `${[
          '          - to: customer.customer_id',
          '          - to: customers.id',
          '          - to: schema/cust/properties/nope',
        ].join('\n')}\n`,
      ),
      objectLevel: onOrders(
        '      - from: orders.customer_idx\n        to: customers.customer_id\n      - from: order.customer_id\n        to: customers.customer_id\n',
      ),
    });
    expect(markers(checkContractYaml(text))).toEqual([
      "23:17 warning schema[1].properties[0].relationships[1].to: 'customers.id' names property 'id', which schema object 'customers' does not have",
      "24:17 warning schema[1].properties[0].relationships[2].to: 'schema/cust/properties/nope' names property id 'nope', which schema object 'customers' does not have",
      "28:15 warning schema[1].relationships[0].from: 'orders.customer_idx' names property 'customer_idx', which schema object 'orders' does not have: did you mean 'orders.customer_id'?",
      "30:15 warning schema[1].relationships[1].from: 'order.customer_id' names schema object 'order', which this contract does not have: did you mean 'orders.customer_id'?",
    ]);
  });

  it("leaves a shorthand to naming a table the contract lacks alone: it may be another contract's, as in ODCS's full example", () => {
    const text = related({ propertyLevel: onOrderId('          - to: receiver_types.type_code\n') });
    expect(markers(checkContractYaml(text))).toEqual([]);
  });

  it('warns of a relationship between properties of different types, which no foreign key can join', () => {
    const text = anOdcsText(`schema:
  - name: publishers
    properties:
      - name: publisher_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: name
        logicalType: string
      - name: code
        logicalType: number
  - name: titles
    properties:
      - name: isbn
        logicalType: string
        required: true
        primaryKey: true
      - name: publisher_id
        logicalType: integer
        relationships:
          - to: publishers.name
          - to: publishers.publisher_id
          - to: publishers.code
    relationships:
      - from: [titles.isbn, titles.publisher_id]
        to: [publishers.publisher_id, publishers.publisher_id]
`);
    expect(markers(checkContractYaml(text))).toEqual([
      "26:17 warning schema[1].properties[1].relationships[0].to: 'publishers.name' is a string and 'publisher_id', which refers to it, an integer: the two ends of a relationship hold values of one type, and the SQL export's FOREIGN KEY between them would fail to deploy",
      "31:14 warning schema[1].relationships[0].to[0]: 'publishers.publisher_id' is an integer and 'titles.isbn', which refers to it, a string: the two ends of a relationship hold values of one type, and the SQL export's FOREIGN KEY between them would fail to deploy",
    ]);
  });

  it('refuses a composite relationship whose from and to differ in length', () => {
    const text = related({
      objectLevel: onOrders(
        '      - from: [orders.customer_id, orders.order_id]\n        to: [customers.customer_id]\n',
      ),
    });
    expect(markers(checkContractYaml(text))).toEqual([
      '25:14 error schema[1].relationships[0].to: from names 2 properties and to 1: a composite relationship pairs them one by one, so both need as many',
    ]);
  });
});

/** The first property of a keyed orders table, as YAML lines. */
const keyed =
  '      - name: order_id\n        logicalType: integer\n        required: true\n        primaryKey: true\n';

/**
 * The orders contract with a property `land_use` of the type whose validValues (ODCS 3.1) start at
 * line 19, a line later for each of its `attributes` (`required: true`).
 */
const withValidValues = (logicalType: string, values: string[], attributes: string[] = []) =>
  anOdcsText(`schema:
  - name: orders
    properties:
${keyed}      - name: land_use
        logicalType: ${logicalType}
${attributes.map((attribute) => `        ${attribute}\n`).join('')}        quality:
          - metric: invalidValues
            arguments:
              validValues:
${values.map((value) => `                - ${value}`).join('\n')}
            mustBe: 0
`);

describe('allowed values of another type than their field', () => {
  const at = (index: number) => `schema[0].properties[1].quality[0].arguments.validValues[${index}]`;

  it('warns of a number among the allowed texts, at its line, saying how YAML 1.2 and 1.1 read a leading zero', () => {
    expect(markers(checkContractYaml(withValidValues('string', ['NO', '0755', '1_000', "'0644'"])))).toEqual([
      `19:19 warning ${at(0)}: PyYAML and SnakeYAML read \`NO\` as the boolean false: write "NO"`,
      `20:19 warning ${at(1)}: allowed value 755 of land_use is a number, the field is a string, so no record can match it; quote it ('0755') if the leading zero matters: unquoted, YAML 1.2 reads 0755 as the decimal 755 and YAML 1.1 as the octal 493`,
      `21:19 warning ${at(2)}: YAML 1.1 readers such as PyYAML read \`1_000\` otherwise than YAML 1.2 does: write "1_000"`,
    ]);
  });

  it('says to quote a number or boolean of a text field as it was written', () => {
    expect(markers(checkContractYaml(withValidValues('string', ['A1', '42', 'true', '1e3'])))).toEqual([
      `20:19 warning ${at(1)}: allowed value 42 of land_use is a number, the field is a string, so no record can match it; quote it ('42') to allow that text`,
      `21:19 warning ${at(2)}: allowed value true of land_use is a boolean, the field is a string, so no record can match it; quote it ('true') to allow that text`,
      `22:19 warning ${at(3)}: allowed value 1000 of land_use is a number, the field is a string, so no record can match it; quote it ('1e3') to allow that text: unquoted, YAML 1.2 reads 1e3 as 1000`,
    ]);
  });

  it('says to unquote a number of a number field, or to write a number', () => {
    expect(markers(checkContractYaml(withValidValues('integer', ['7', "'5'", 'abc'])))).toEqual([
      `20:19 warning ${at(1)}: allowed value '5' of land_use is a string, the field is an integer, so no record can match it; write it without quotes (5)`,
      `21:19 warning ${at(2)}: allowed value 'abc' of land_use is a string, the field is an integer, so no record can match it; write a number, or make the field a string`,
    ]);
  });

  const framesWith = (property: string) =>
    anOdcsText(`schema:
  - name: frames
    properties:
${keyed}${property}`).replace(/^apiVersion: .*$/m, 'apiVersion: v3.2.0');

  it("names an array's items and a map's values by the field they belong to", () => {
    const text = framesWith(
      '      - name: flags\n        logicalType: map\n        map:\n          key:\n            logicalType: string\n          value:\n            logicalType: integer\n            enum:\n              - value: 0\n              - value: "1"\n',
    );
    expect(markers(checkContractYaml(text)).filter((marker) => marker.includes('allowed value'))).toEqual([
      `22:24 warning schema[0].properties[1].map.value.enum[1].value: allowed value '1' of flags{value} is a string, the field is an integer, so no record can match it; write it without quotes (1)`,
    ]);
  });

  it('reads bare allowed values of array items as the values they name, marked only as needing {value: …}', () => {
    const text = framesWith(
      '      - name: bands\n        logicalType: array\n        items:\n          logicalType: string\n          enum: [S, X]\n',
    );
    expect(markers(checkContractYaml(text))).toEqual([
      '17:18 error schema[0].properties[1].items.enum[0]: must be an object: write each allowed value as {value: S}',
      '17:21 error schema[0].properties[1].items.enum[1]: must be an object: write each allowed value as {value: X}',
    ]);
  });

  it('refuses allowed values none of which is of the field’s type: no record can keep the contract', () => {
    expect(markers(checkContractYaml(withValidValues('boolean', ['yes'])))).toEqual([
      `19:19 error ${at(0)}: allowed value 'yes' of land_use is a string, the field is a boolean, so no record can match it; write true or false`,
    ]);
  });

  it('finds an ODCS 3.2 enum entry at its value', () => {
    const text = withValidValues('string', []).replace(
      / {8}quality:[\s\S]*$/,
      '        enum:\n          - value: A1\n          - value: null\n          - value: 0755\n',
    );
    expect(markers(checkContractYaml(text.replace('v3.1.0', 'v3.2.0')))).toEqual([
      expect.stringMatching(/^17:20 warning schema\[0\]\.properties\[1\]\.enum\[1\]\.value: allowed value null /),
      "18:20 warning schema[0].properties[1].enum[2].value: allowed value 755 of land_use is a number, the field is a string, so no record can match it; quote it ('0755') if the leading zero matters: unquoted, YAML 1.2 reads 0755 as the decimal 755 and YAML 1.1 as the octal 493",
    ]);
  });

  it('reports a design’s contract at the value’s path in the model', () => {
    const contract = withProperties(aContract(), [
      aKey('order_id'),
      aProperty('land_use', 'string', { enum: ['A', 7] }),
    ]);
    expect(checkContractSemantics(contract)).toEqual([
      expect.objectContaining({
        path: 'schema[0].properties[1].enum[1]',
        severity: 'warning',
        message:
          "allowed value 7 of land_use is a number, the field is a string, so no record can match it; quote it ('7') to allow that text",
      }),
    ]);
  });
});

describe('null among allowed values, which say what a value may be, not whether there is one', () => {
  const redundant =
    'allowed value null of land_use is redundant: required: false already lets land_use be empty, and a CHECK or enum only judges the values there are; remove it';
  const contradiction =
    'allowed value null of land_use contradicts required: true, which refuses an empty land_use; remove it, or make the field optional';

  it('warns that a null is redundant on an optional field, at its line, and keeps the other values allowed', () => {
    const text = withValidValues('string', ['G', 'PG', '~']);
    expect(markers(checkContractYaml(text))).toEqual([
      `21:19 warning schema[0].properties[1].quality[0].arguments.validValues[2]: ${redundant}`,
    ]);
  });

  it('warns that a null contradicts a required field', () => {
    const text = withValidValues('string', ['null', 'G'], ['required: true']);
    expect(markers(checkContractYaml(text))).toEqual([
      `20:19 warning schema[0].properties[1].quality[0].arguments.validValues[0]: ${contradiction}`,
    ]);
  });

  it('finds an ODCS 3.2 enum entry whose value is null', () => {
    const text = withValidValues('string', [], ['required: true'])
      .replace(/ {8}quality:[\s\S]*$/, '        enum:\n          - value: G\n          - value: null\n')
      .replace('v3.1.0', 'v3.2.0');
    expect(markers(checkContractYaml(text))).toEqual([
      `18:20 warning schema[0].properties[1].enum[1].value: ${contradiction}`,
    ]);
  });

  it('reports a design’s contract at the property’s allowed values', () => {
    const read = parseOdcsYaml(withValidValues('string', ['G', '~']));
    if (!read.ok) throw new Error('the test contract does not read');
    expect(checkContractSemantics(read.value)).toEqual([
      expect.objectContaining({ path: 'schema[0].properties[1].enum', severity: 'warning', message: redundant }),
    ]);
  });
});

describe('examples of another type than their field', () => {
  const withExamples = (logicalType: string, examples: string) =>
    anOdcsText(`schema:
  - name: orders
    properties:
${keyed}      - name: sku
        logicalType: ${logicalType}
        examples: ${examples}
`);

  it('warns of a hexadecimal number among a text field’s examples, saying how YAML read it', () => {
    expect(markers(checkContractYaml(withExamples('string', '[NO, 0x1F, A-100]')))).toEqual([
      '15:20 warning schema[0].properties[1].examples[0]: PyYAML and SnakeYAML read `NO` as the boolean false: write "NO"',
      "15:24 warning schema[0].properties[1].examples[1]: example 31 of sku is a number, the field is a string, so it shows a value no record holds; quote it ('0x1F') to keep that text: unquoted, YAML 1.2 reads 0x1F as 31",
    ]);
  });

  it('warns of quoted numbers among a number field’s examples, and leaves other kinds of values alone', () => {
    expect(markers(checkContractYaml(withExamples('integer', "[7, '5', {a: 1}]")))).toEqual([
      "15:23 warning schema[0].properties[1].examples[1]: example '5' of sku is a string, the field is an integer, so it shows a value no record holds; write it without quotes (5)",
    ]);
  });
});

describe('limits of a property that its physicalType or maxLength cannot meet', () => {
  // enum is ODCS v3.2.0's.
  const withProperty = (lines: string) =>
    anOdcsText(`schema:
  - name: fittings
    properties:
      - name: fitting_id
        logicalType: integer
        primaryKey: true
        required: true
${lines
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`).replace('v3.1.0', 'v3.2.0');

  /** A property's findings: of `logicalType` and `physicalType`, with `options` (one `key: value` line) as its logicalTypeOptions. */
  const boundFindings = (logicalType: string, physicalType: string, options: string) =>
    checkContractYaml(
      withProperty(`- name: amount
  logicalType: ${logicalType}
  physicalType: ${physicalType}
  logicalTypeOptions:
    ${options}`),
    ).map((finding) => [finding.severity, finding.path, finding.message]);

  it.each([
    [
      'an allowed value longer than the physical length, at the value in its validValues',
      '- name: ear\n  logicalType: string\n  physicalType: char(1)\n  quality:\n    - metric: invalidValues\n      arguments:\n        validValues: [left, r]\n      mustBe: 0',
      "19:29 warning schema[0].properties[1].quality[0].arguments.validValues[0]: allowed value 'left' has 4 characters; char(1) holds at most 1: no record can hold it",
    ],
    [
      'an allowed value longer than maxLength, at the value in its enum',
      '- name: side\n  logicalType: string\n  enum: [{ value: left }, { value: right }]\n  logicalTypeOptions:\n    maxLength: 4',
      "15:42 warning schema[0].properties[1].enum[1].value: allowed value 'right' has 5 characters; maxLength 4 holds at most 4: no record can hold it",
    ],
    [
      'a minLength above the physical length, at the minLength',
      '- name: code\n  logicalType: string\n  physicalType: VARCHAR ( 3 )\n  logicalTypeOptions:\n    minLength: 10',
      '17:22 warning schema[0].properties[1].logicalTypeOptions.minLength: minLength 10 needs at least 10 characters; VARCHAR ( 3 ) holds at most 3: no value can keep the contract',
    ],
    ...['varchar(8)', 'char(8)', 'character varying(8)', 'nvarchar(8)'].map((physicalType) => [
      `a maxLength above the physical length of ${physicalType}, at the maxLength`,
      `- name: bin_code\n  logicalType: string\n  physicalType: ${physicalType}\n  logicalTypeOptions:\n    maxLength: 10`,
      `17:22 warning schema[0].properties[1].logicalTypeOptions.maxLength: maxLength 10 allows 10 characters; ${physicalType} holds at most 8: longer values the contract allows cannot be stored`,
    ]),
  ])('warns of %s', (_case, lines, marker) => {
    expect(markers(checkContractYaml(withProperty(lines)))).toEqual([marker]);
  });

  it.each([
    [
      'smallint',
      'maximum: 100000',
      'maximum',
      'maximum 100000 is above the largest value smallint holds, 32767: the bound is never reached, as no larger value can be stored',
    ],
    [
      'smallint',
      'minimum: -100000',
      'minimum',
      'minimum -100000 is below the smallest value smallint holds, -32768: the bound is never reached, as no smaller value can be stored',
    ],
    [
      'smallint',
      'minimum: 40000',
      'minimum',
      'minimum 40000 is above the largest value smallint holds, 32767: no value can keep the contract',
    ],
    [
      'numeric(3)',
      'exclusiveMaximum: -1000',
      'exclusiveMaximum',
      'exclusiveMaximum -1000 is below the smallest value numeric(3) holds, -999: no value can keep the contract',
    ],
    // Read as 2^63, as 9223372036854775807 is: past the largest bigint or at it, no value is above it.
    [
      'bigint',
      'exclusiveMinimum: 9223372036854775807',
      'exclusiveMinimum',
      'exclusiveMinimum 9223372036854776000 excludes even the largest value bigint holds, 9223372036854775807: no value can keep the contract',
    ],
  ])('warns of a bound beyond what %s holds: %s', (physicalType, options, option, said) => {
    expect(boundFindings('integer', physicalType, options)).toEqual([
      ['warning', `schema[0].properties[1].logicalTypeOptions.${option}`, said],
    ]);
  });

  it.each([
    [
      'numeric(18,8)',
      'maximum: 100000000000',
      'maximum',
      'maximum 100000000000 is above the largest value numeric(18,8) holds, 9999999999.99999999: the bound is never reached, as no larger value can be stored',
    ],
    [
      'numeric(20,2)',
      'minimum: -10000000000000000000',
      'minimum',
      'minimum -10000000000000000000 is below the smallest value numeric(20,2) holds, -999999999999999999.99: the bound is never reached, as no smaller value can be stored',
    ],
    [
      'numeric(3,3)',
      'minimum: -1',
      'minimum',
      'minimum -1 is below the smallest value numeric(3,3) holds, -0.999: the bound is never reached, as no smaller value can be stored',
    ],
    [
      'numeric(4,2)',
      'exclusiveMinimum: 99.99',
      'exclusiveMinimum',
      'exclusiveMinimum 99.99 excludes even the largest value numeric(4,2) holds, 99.99: no value can keep the contract',
    ],
    // 1e10 reads as exactly 10000000000, one past 9999999999.99999999, though the two read as the same double.
    [
      'numeric(18,8)',
      'minimum: 1e10',
      'minimum',
      'minimum 10000000000 is above the largest value numeric(18,8) holds, 9999999999.99999999: no value can keep the contract',
    ],
    [
      'numeric(18,8)',
      'exclusiveMinimum: 10000000000',
      'exclusiveMinimum',
      'exclusiveMinimum 10000000000 excludes even the largest value numeric(18,8) holds, 9999999999.99999999: no value can keep the contract',
    ],
    [
      'numeric(18,8)',
      'maximum: -1e10',
      'maximum',
      'maximum -10000000000 is below the smallest value numeric(18,8) holds, -9999999999.99999999: no value can keep the contract',
    ],
    [
      'numeric(18,8)',
      'exclusiveMaximum: -10000000000',
      'exclusiveMaximum',
      'exclusiveMaximum -10000000000 excludes even the smallest value numeric(18,8) holds, -9999999999.99999999: no value can keep the contract',
    ],
    [
      'numeric(18,8)',
      'maximum: 99999999999',
      'maximum',
      'maximum 99999999999 is above the largest value numeric(18,8) holds, 9999999999.99999999: the bound is never reached, as no larger value can be stored',
    ],
    [
      'numeric(18,8)',
      'exclusiveMaximum: 99999999999',
      'exclusiveMaximum',
      'exclusiveMaximum 99999999999 is above the largest value numeric(18,8) holds, 9999999999.99999999: the bound is never reached, as no larger value can be stored',
    ],
    [
      'numeric(18,8)',
      'exclusiveMinimum: 9999999999.99999999',
      'exclusiveMinimum',
      'exclusiveMinimum 10000000000 excludes even the largest value numeric(18,8) holds, 9999999999.99999999: no value can keep the contract',
    ],
  ])('names the exact end of what %s holds: %s', (physicalType, options, option, said) => {
    expect(boundFindings('number', physicalType, options)).toEqual([
      ['warning', `schema[0].properties[1].logicalTypeOptions.${option}`, said],
    ]);
  });

  it.each([
    ['exclusiveMinimum: 32767', 'exclusiveMinimum 32767 excludes even the largest value smallint holds, 32767'],
    ['exclusiveMaximum: -32768', 'exclusiveMaximum -32768 excludes even the smallest value smallint holds, -32768'],
  ])('warns of an exclusive bound at the other end of what the type holds: %s', (options, said) => {
    const text = withProperty(`- name: tier
  logicalType: integer
  physicalType: smallint
  logicalTypeOptions:
    ${options}`);
    expect(checkContractYaml(text).map((finding) => finding.message)).toEqual([
      `${said}: no value can keep the contract`,
    ]);
  });

  it.each([
    ['char(5)', 'enum: [{ value: left }, { value: right }]\n  logicalTypeOptions:\n    minLength: 4'],
    ['smallint', 'logicalTypeOptions:\n    minimum: -32768\n    maximum: 32767'],
    ['numeric(5,2)', 'logicalTypeOptions:\n    maximum: 999.99'],
    ['bigint', 'logicalTypeOptions:\n    maximum: 9007199254740991'],
    // Both read as 2^63, which a bound written one above bigint's largest value would read as too: not certainly past it.
    ['bigint', 'logicalTypeOptions:\n    minimum: -9223372036854775808\n    maximum: 9223372036854775807'],
    // Read as 10000000000, as is the type's largest value written out: not certainly past it.
    ['numeric(18,8)', 'logicalTypeOptions:\n    maximum: 9999999999.99999999'],
    ['varchar(8)', 'logicalTypeOptions:\n    maxLength: 8'],
  ])('leaves limits that %s meets alone: %s', (physicalType, lines) => {
    const logicalType =
      lines.startsWith('enum') || physicalType.startsWith('varchar')
        ? 'string'
        : physicalType.startsWith('numeric')
          ? 'number'
          : 'integer';
    const text = withProperty(
      `- name: value\n  logicalType: ${logicalType}\n  physicalType: ${physicalType}\n  ${lines}`,
    );
    expect(checkContractYaml(text)).toEqual([]);
  });
});
