import { describe, expect, it } from 'vitest';
import { type ChangeKind, compareContracts } from '../../../shared/contracts/breaking-changes';
import { formatChangelog } from '../../../shared/contracts/changelog';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { formatLocatedProblem } from '../../../shared/contracts/yaml-source';
import type { Contract, ContractProperty } from '../../../shared/model/contract';
import { aContract, aKey, anObject, anOdcsText, anUntypedProperty, aProperty, withProperties } from './builders';

const previous = aContract({
  version: '1.0.0',
  schema: [
    anObject('orders', [
      aKey('order_id'),
      aProperty('status', 'string', { required: true, enum: ['open', 'paid', 'shipped'] }),
      aProperty('total', 'integer'),
      aProperty('note', 'string', { description: 'Free text.' }),
    ]),
  ],
});

/** The previous contract with its `orders` properties changed, and a version bumped enough. */
function changed(edit: (properties: ContractProperty[]) => ContractProperty[], version = '2.0.0'): Contract {
  return { ...withProperties(previous, edit(previous.schema[0]?.properties ?? [])), version };
}

function replace(name: string, attributes: Partial<ContractProperty>) {
  return (properties: ContractProperty[]) =>
    properties.map((property) => (property.name === name ? { ...property, ...attributes } : property));
}

function imported(text: string): Contract {
  const result = parseOdcsYaml(text);
  if (!result.ok) throw new Error(result.errors.map(formatLocatedProblem).join('\n'));
  return result.value;
}

/** A v3.1.0 contract whose `work_order.kind` allows `kinds` through an `invalidValues` rule, with `ruleLines` more. */
function workOrderKinds(kinds: string, ...ruleLines: string[]): Contract {
  return imported(
    anOdcsText(`schema:
  - name: work_order
    properties:
      - name: kind
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [${kinds}]
            mustBe: 0
${ruleLines.map((line) => `            ${line}\n`).join('')}`),
  );
}

function changesOf(next: Contract): Array<[ChangeKind, boolean, string, string]> {
  return compareContracts(previous, next).changes.map((change) => [
    change.kind,
    change.isBreaking,
    change.subject,
    change.message,
  ]);
}

describe('breaking changes', () => {
  it('finds no change in the same contract', () => {
    expect(compareContracts(previous, previous)).toMatchObject({ changes: [], isBreaking: false, findings: [] });
  });

  it('reports renamed history columns as breaking: readers of the history table name them', () => {
    const history = { ...previous, keepHistory: true };
    expect(compareContracts(history, { ...history, version: '2.0.0', historyColumnPrefix: 'dbt_' }).changes).toEqual([
      expect.objectContaining({
        kind: 'history-columns-renamed',
        isBreaking: true,
        message:
          'history columns renamed: valid_from, valid_to, is_current → dbt_valid_from, dbt_valid_to, dbt_is_current',
      }),
    ]);
    expect(compareContracts(previous, { ...previous, version: '1.0.1', historyColumnPrefix: 'dbt_' }).changes).toEqual(
      [],
    );
  });

  it.each<[string, Contract, [ChangeKind, boolean, string, string]]>([
    [
      'a removed field',
      changed((properties) => properties.filter((property) => property.name !== 'note')),
      ['field-removed', true, 'orders.note', 'field removed'],
    ],
    [
      'a changed type',
      changed(replace('total', { logicalType: 'number' })),
      ['type-changed', true, 'orders.total', 'type changed from integer to number'],
    ],
    [
      'an optional field made required',
      changed(replace('note', { required: true })),
      ['optional-to-required', true, 'orders.note', 'optional field made required'],
    ],
    [
      'a required field made optional',
      changed(replace('status', { required: false })),
      ['required-to-optional', true, 'orders.status', 'required field made optional'],
    ],
    [
      'a field made unique',
      changed(replace('note', { unique: true })),
      ['uniqueness-added', true, 'orders.note', 'field made unique'],
    ],
    [
      'a removed allowed value',
      changed(replace('status', { enum: ['open', 'paid'] })),
      ['enum-value-removed', true, 'orders.status', "allowed value 'shipped' removed"],
    ],
    [
      'values restricted to an enum',
      changed(replace('note', { enum: ['a', 'b'] })),
      ['enum-introduced', true, 'orders.note', 'values restricted to a, b'],
    ],
    [
      'a required field added',
      changed((properties) => [...properties, aProperty('currency', 'string', { required: true })]),
      ['field-added-required', true, 'orders.currency', 'required field added'],
    ],
  ])('%s is breaking', (_, next, expected) => {
    expect(changesOf(next)).toEqual([expected]);
  });

  it('calls a field no longer unique breaking', () => {
    const unique = withProperties(previous, [aKey('order_id'), aProperty('email', 'string', { unique: true })]);
    const notUnique = { ...withProperties(previous, [aKey('order_id'), aProperty('email')]), version: '2.0.0' };
    expect(compareContracts(unique, notUnique).changes).toEqual([
      {
        kind: 'uniqueness-dropped',
        isBreaking: true,
        subject: 'orders.email',
        message: 'field no longer unique',
        attribute: ['unique'],
      },
    ]);
  });

  it('finds no change when the one field of a primary key no longer says unique: a primary key is unique', () => {
    expect(changesOf(changed(replace('order_id', { unique: false }), '1.0.0'))).toEqual([]);
  });

  it('finds no change when a key field gains or drops required: true, as a key value is never null', () => {
    const parts = [aKey('order_id'), aProperty('line', 'integer', { required: true, primaryKey: true })];
    const saysRequired = withProperties(previous, parts);
    const saysNothing = withProperties(
      previous,
      parts.map((part) => ({ ...part, required: false })),
    );
    expect(compareContracts(saysNothing, saysRequired).changes).toEqual([]);
    expect(compareContracts(saysRequired, saysNothing).changes).toEqual([]);
  });

  it('calls a key field that leaves the key and drops required: true made optional, beside the key changed', () => {
    const keyed = withProperties(previous, [
      aKey('order_id'),
      aProperty('line', 'integer', { required: true, primaryKey: true }),
    ]);
    const unkeyed = {
      ...withProperties(previous, [aKey('order_id'), aProperty('line', 'integer')]),
      version: '2.0.0',
    };
    expect(compareContracts(keyed, unkeyed).changes.map((change) => [change.kind, change.subject])).toEqual([
      ['required-to-optional', 'orders.line'],
      ['primary-key-changed', 'orders'],
    ]);
  });

  it('calls a field of a composite primary key that is no longer unique breaking: the key is unique, not its parts', () => {
    const parts = [aKey('order_id'), aProperty('line', 'integer', { required: true, primaryKey: true })];
    const unique = withProperties(
      previous,
      parts.map((part) => ({ ...part, unique: true })),
    );
    const notUnique = {
      ...withProperties(
        previous,
        parts.map((part) => ({ ...part, unique: false })),
      ),
      version: '2.0.0',
    };
    expect(compareContracts(unique, notUnique).changes.map((change) => [change.kind, change.subject])).toEqual([
      ['uniqueness-dropped', 'orders.order_id'],
      ['uniqueness-dropped', 'orders.line'],
    ]);
  });

  it("calls a v3.1.0 contract's invalidValues rule values allowed values in its changes and changelog, as it has no enum", () => {
    const comparison = compareContracts(workOrderKinds('repair, calibration'), {
      ...workOrderKinds('repair'),
      version: '2.0.0',
    });
    const messages = comparison.changes.map((change) => change.message);
    expect(messages).toContain("allowed value 'calibration' removed");
    expect(`${messages.join('\n')}\n${formatChangelog(comparison).join('\n')}`).not.toContain('enum');
  });

  it("lists a v3.2.0 enum entry's label, description or id changed as documentation, not breaking", () => {
    const tapTypes = (onEntry: string) =>
      imported(
        `apiVersion: v3.2.0\nkind: DataContract\nid: taps\nversion: 1.0.0\nschema:
  - name: taps
    properties:
      - name: tap_type
        logicalType: string
        enum:
${onEntry}
          - value: "off"
`,
      );
    const comparison = compareContracts(
      tapTypes('          - value: "on"\n            label: Tap on\n            description: Boarding.'),
      tapTypes('          - value: "on"\n            label: Boarding tap\n            id: tap-on'),
    );
    expect(
      comparison.changes.map(({ kind, isBreaking, subject, message }) => [kind, isBreaking, subject, message]),
    ).toEqual([
      [
        'documentation-changed',
        false,
        'taps.tap_type',
        "allowed value 'on': label changed from 'Tap on' to 'Boarding tap'",
      ],
      ['documentation-changed', false, 'taps.tap_type', "allowed value 'on': description removed (was 'Boarding.')"],
      ['documentation-changed', false, 'taps.tap_type', "allowed value 'on': id set to 'tap-on'"],
    ]);
  });

  it("calls a v3.2.0 semanticType changed breaking, as consumers sum a measure and group by a dimension, and writing the default 'column' no change", () => {
    const fare = (semanticType: string) =>
      imported(
        `apiVersion: v3.2.0\nkind: DataContract\nid: fares\nversion: 1.0.0\nschema:
  - name: fares
    properties:
      - name: fare_cents
        logicalType: integer
${semanticType}`,
      );
    const measure = fare('        semanticType: measure\n        transformLogic: SUM(fare_cents)\n');
    const dimension = {
      ...fare('        semanticType: dimension\n        transformLogic: SUM(fare_cents)\n'),
      version: '2.0.0',
    };
    expect(
      compareContracts(measure, dimension).changes.map(({ kind, isBreaking, message }) => [kind, isBreaking, message]),
    ).toEqual([['semantic-type-changed', true, "semanticType changed from 'measure' to 'dimension'"]]);
    expect(compareContracts(fare(''), fare('        semanticType: column\n')).changes).toEqual([]);
  });

  it('calls a type change that old readers can still read a narrowing, and still breaking', () => {
    const wide = withProperties(previous, [aKey('order_id'), aProperty('total', 'number')]);
    const narrow = { ...withProperties(previous, [aKey('order_id'), aProperty('total', 'integer')]), version: '2.0.0' };
    expect(compareContracts(wide, narrow).changes).toEqual([
      {
        kind: 'type-narrowed',
        isBreaking: true,
        subject: 'orders.total',
        message: 'type narrowed from number to integer',
        attribute: ['logicalType'],
      },
    ]);
  });

  it('calls a type given to an untyped field a narrowing, and a type taken away a change: both break readers', () => {
    const untyped = withProperties(previous, [aKey('order_id'), anUntypedProperty('total')]);
    const typed = { ...withProperties(previous, [aKey('order_id'), aProperty('total', 'integer')]), version: '2.0.0' };
    expect(compareContracts(untyped, typed).changes.map((change) => [change.kind, change.message])).toEqual([
      ['type-narrowed', 'type narrowed from any type to integer'],
    ]);
    expect(compareContracts(typed, { ...untyped, version: '3.0.0' }).changes.map((change) => change.message)).toEqual([
      'type changed from integer to any type',
    ]);
  });

  describe('a removed and an added field alike in type and attributes', () => {
    /** The changes when `note` (optional string) becomes `to`, with `from` and `to` given more attributes. */
    const noteRenamed = (to: string, before: Partial<ContractProperty> = {}, after: Partial<ContractProperty> = {}) =>
      compareContracts(
        { ...changed(replace('note', before)), version: '1.0.0' },
        changed((properties) =>
          properties.map((property) => (property.name === 'note' ? { ...property, ...after, name: to } : property)),
        ),
      ).changes.map((change) => [change.kind, change.message]);

    it('is a rename when the names are close, and says so', () => {
      expect(noteRenamed('note_text')).toEqual([
        ['field-renamed', 'field seems renamed to note_text (same type and attributes, similar names)'],
      ]);
    });

    it.each([
      ['e_mail', 'email'],
      ['zip', 'zip_code'],
      ['customerName', 'customer_name'],
      ['line_id', 'id'],
      ['playback', 'playbacks'],
    ])('takes %s and %s for close names', (from, to) => {
      const [kind] = noteRenamed(to, { name: from })[0] ?? [];
      expect(kind).toBe('field-renamed');
    });

    it.each([
      ['s3_uri', 'sensor'],
      ['note', 'remark'],
      ['customer_id', 'line_id'],
      ['customer_name', 'full_name'],
    ])('takes %s and %s, whose names are not close, for a removal and an addition', (from, to) => {
      expect(noteRenamed(to, { name: from }).map(([kind]) => kind)).toEqual(['field-removed', 'field-added-optional']);
    });

    it('is a rename when both have the same ODCS id or the same physicalName, whatever the names', () => {
      const id = { extensions: { id: 'note_id' } };
      expect(noteRenamed('remark', id, id)).toEqual([
        ['field-renamed', "field seems renamed to remark (same type and attributes, same id 'note_id')"],
      ]);
      expect(noteRenamed('remark', {}, { extensions: { physicalName: 'note' } })).toEqual([
        ['field-renamed', "field seems renamed to remark (same type and attributes, same physicalName 'note')"],
      ]);
    });

    /** `note` replaced by `amount_due` and `amount_paid`, alike in all but name. */
    const noteSplitInTwo = (properties: ContractProperty[]) =>
      properties.flatMap((property) =>
        property.name === 'note'
          ? [
              { ...property, name: 'amount_due' },
              { ...property, name: 'amount_paid' },
            ]
          : [property],
      );

    it('is no rename when similar names fit more than one added field, and says which it may have become', () => {
      const changes = compareContracts(
        { ...changed(replace('note', { name: 'amount' })), version: '1.0.0' },
        changed(noteSplitInTwo),
      ).changes.map((change) => [change.kind, change.message]);
      expect(changes).toEqual([
        [
          'field-removed',
          'field removed; amount_due, amount_paid: added — it may have been renamed to one of them: give the fields ODCS ids or the same physicalName to say which',
        ],
        ['field-added-optional', 'optional field added'],
        ['field-added-optional', 'optional field added'],
      ]);
    });

    it('is no rename when similar names fit one added field to more than one removed one', () => {
      const changes = compareContracts(
        {
          ...changed(noteSplitInTwo),
          version: '1.0.0',
        },
        changed(replace('note', { name: 'amount' })),
      ).changes.map((change) => change.kind);
      expect(changes).toEqual(['field-removed', 'field-removed', 'field-added-optional']);
    });

    it('is no rename when both have an ODCS id and the ids differ, however close the names', () => {
      const kinds = noteRenamed('note_text', { extensions: { id: 'a' } }, { extensions: { id: 'b' } });
      expect(kinds.map(([kind]) => kind)).toEqual(['field-removed', 'field-added-optional']);
    });
  });

  it('takes a removed and an added schema object with the same fields and close names for a rename, and one with other fields for a removal', () => {
    const orders = previous.schema[0]!;
    const renamed: Contract = { ...previous, version: '2.0.0', schema: [{ ...orders, name: 'order_records' }] };
    expect(changesOf(renamed)).toEqual([
      ['object-renamed', true, 'orders', 'schema object seems renamed to order_records (same fields, similar names)'],
    ]);
    const unrelated: Contract = { ...renamed, schema: [{ ...orders, name: 'shipments' }] };
    expect(changesOf(unrelated).map(([kind, , subject]) => [kind, subject])).toEqual([
      ['object-removed', 'orders'],
      ['object-added', 'shipments'],
    ]);
    const samePhysicalName: Contract = {
      ...renamed,
      schema: [{ ...orders, name: 'shipments', physicalName: 'orders' }],
    };
    expect(changesOf(samePhysicalName).map(([, , , message]) => message)).toEqual([
      "schema object seems renamed to shipments (same fields, same physicalName 'orders')",
    ]);
    const other = anObject('order_records', orders.properties.slice(1));
    expect(changesOf({ ...renamed, schema: [other] }).map(([kind, , subject]) => [kind, subject])).toEqual([
      ['object-removed', 'orders'],
      ['object-added', 'order_records'],
    ]);
  });

  describe('what else changed in a renamed field or schema object', () => {
    /** The changes as `subject → subject in the new text: message`. */
    const renamedChanges = (next: Contract) =>
      compareContracts(previous, next).changes.map(
        (change) => `${change.subject} → ${change.renamedSubject ?? change.subject}: ${change.message}`,
      );

    it('lists an allowed value removed from a renamed field, under its new name as well', () => {
      const next = changed(replace('status', { name: 'order_status', enum: ['open', 'paid'] }));
      expect(renamedChanges(next)).toEqual([
        'orders.status → orders.order_status: field seems renamed to order_status (same type and attributes, similar names)',
        "orders.status → orders.order_status: allowed value 'shipped' removed",
      ]);
    });

    it('lists the changes inside a renamed schema object under its new name as well', () => {
      const [orders] = previous.schema;
      if (!orders) throw new Error('no orders');
      const renamedObject = changed(replace('status', { enum: ['open', 'paid'] })).schema[0];
      const next: Contract = {
        ...previous,
        version: '2.0.0',
        schema: [{ ...orders, ...renamedObject, name: 'order_records', physicalName: 'orders' }],
      };
      expect(renamedChanges(next)).toEqual([
        "orders → order_records: schema object seems renamed to order_records (same fields, same physicalName 'orders')",
        "orders.status → order_records.status: allowed value 'shipped' removed",
      ]);
    });
  });

  it('does not take a field of another type for a rename', () => {
    const next = changed((properties) => [
      ...properties.filter((property) => property.name !== 'note'),
      aProperty('remark', 'integer'),
    ]);
    expect(changesOf(next).map(([kind]) => kind)).toEqual(['field-removed', 'field-added-optional']);
  });

  it('reports a changed primary key', () => {
    const next = changed((properties) => [
      ...properties,
      aProperty('line_no', 'integer', { required: true, primaryKey: true, primaryKeyPosition: 2 }),
    ]);
    expect(changesOf(next)).toEqual([
      ['field-added-required', true, 'orders.line_no', 'required field added'],
      ['primary-key-changed', true, 'orders', 'primary key changed from (order_id) to (line_no, order_id)'],
    ]);
  });

  it('lists a key part added without a position after the positioned ones', () => {
    const positioned = withProperties(previous, [
      { ...aKey('order_id'), primaryKeyPosition: 1 },
      ...(previous.schema[0]?.properties.slice(1) ?? []),
    ]);
    const next = {
      ...withProperties(positioned, replace('status', { primaryKey: true })(positioned.schema[0]?.properties ?? [])),
      version: '2.0.0',
    };
    expect(compareContracts(positioned, next).changes.map((change) => change.message)).toContain(
      'primary key changed from (order_id) to (order_id, status)',
    );
  });

  it('does not report a renamed key field as a changed primary key', () => {
    const next = changed((properties) =>
      properties.map((property) => (property.name === 'order_id' ? { ...property, name: 'id' } : property)),
    );
    expect(changesOf(next).map(([kind]) => kind)).toEqual(['field-renamed']);
  });

  it('lists a moved key position, breaking only when the key columns change order', () => {
    const keyedBy = (orderPosition: number, linePosition: number) =>
      withProperties(previous, [
        { ...aKey('order_id'), primaryKeyPosition: orderPosition },
        { ...aKey('line_no'), primaryKeyPosition: linePosition },
      ]);
    const single = withProperties(previous, [{ ...aKey('order_id'), primaryKeyPosition: 1 }]);
    const movedSingle = withProperties(previous, [{ ...aKey('order_id'), primaryKeyPosition: 2 }]);
    expect(compareContracts(single, { ...movedSingle, version: '1.0.1' }).changes).toEqual([
      {
        kind: 'field-changed',
        isBreaking: false,
        subject: 'orders.order_id',
        message: 'primaryKeyPosition changed from 1 to 2',
        attribute: ['primaryKeyPosition'],
      },
    ]);
    expect(
      compareContracts(keyedBy(1, 2), { ...keyedBy(1, 3), version: '1.0.1' }).changes.map((change) => change.message),
    ).toEqual(['primaryKeyPosition changed from 2 to 3']);
    expect(
      compareContracts(keyedBy(1, 2), { ...keyedBy(2, 1), version: '2.0.0' }).changes.map((change) => [
        change.isBreaking,
        change.message,
      ]),
    ).toEqual([
      [false, 'primaryKeyPosition changed from 1 to 2'],
      [false, 'primaryKeyPosition changed from 2 to 1'],
      [true, 'primary key changed from (order_id, line_no) to (line_no, order_id)'],
    ]);
  });

  it.each<[string, string, string, [ChangeKind, boolean, string] | undefined]>([
    [
      'a shorter varchar',
      'varchar(16)',
      'varchar(13)',
      ['type-narrowed', true, 'physicalType narrowed from varchar(16) to varchar(13)'],
    ],
    [
      'a longer varchar',
      'VARCHAR(16)',
      'varchar(32)',
      ['field-changed', false, 'physicalType widened from VARCHAR(16) to varchar(32)'],
    ],
    ['a shorter char', 'char(3)', 'char(2)', ['type-narrowed', true, 'physicalType narrowed from char(3) to char(2)']],
    [
      'a shorter nvarchar',
      'nvarchar(40)',
      'nvarchar(20)',
      ['type-narrowed', true, 'physicalType narrowed from nvarchar(40) to nvarchar(20)'],
    ],
    [
      'fewer decimal digits',
      'decimal(10,2)',
      'decimal(8,2)',
      ['type-narrowed', true, 'physicalType narrowed from decimal(10,2) to decimal(8,2)'],
    ],
    [
      'a smaller decimal scale',
      'decimal(10,4)',
      'decimal(12,2)',
      ['type-narrowed', true, 'physicalType narrowed from decimal(10,4) to decimal(12,2)'],
    ],
    [
      'more digits on both sides of the point',
      'numeric(10, 2)',
      'numeric(14,4)',
      ['field-changed', false, 'physicalType widened from numeric(10, 2) to numeric(14,4)'],
    ],
    [
      'a shorter length spelt otherwise',
      'varchar(12)',
      'character varying(4)',
      ['type-narrowed', true, 'physicalType narrowed from varchar(12) to character varying(4)'],
    ],
    [
      'a decimal with a fraction made an integer',
      'decimal(8,1)',
      'integer',
      ['type-narrowed', true, 'physicalType narrowed from decimal(8,1) to integer'],
    ],
    [
      'fewer digits of a second',
      'TIMESTAMP(3)',
      'TIMESTAMP(0)',
      ['type-narrowed', true, 'physicalType narrowed from TIMESTAMP(3) to TIMESTAMP(0)'],
    ],
    [
      'more digits of a second',
      'datetime2(3)',
      'datetime2(7)',
      ['field-changed', false, 'physicalType widened from datetime2(3) to datetime2(7)'],
    ],
    [
      'digits of a second no longer written',
      'timestamp(3)',
      'timestamp',
      [
        'type-narrowed',
        true,
        'physicalType perhaps narrowed from timestamp(3) to timestamp: the digits of a second kept without a size differ by database (none in MySQL)',
      ],
    ],
    [
      'text of any length given a length',
      'text',
      'varchar(20)',
      ['type-narrowed', true, 'physicalType narrowed from text to varchar(20)'],
    ],
    [
      'a length lifted, to text of any length',
      'varchar(16)',
      'text',
      ['field-changed', false, 'physicalType widened from varchar(16) to text'],
    ],
    [
      'another type it cannot compare',
      'varchar(16)',
      'jsonb',
      ['field-changed', false, "physicalType changed from 'varchar(16)' to 'jsonb'"],
    ],
    [
      'SQL Server’s largest text given a length',
      'varchar(max)',
      'varchar(16)',
      ['type-narrowed', true, 'physicalType narrowed from varchar(max) to varchar(16)'],
    ],
    [
      'a length made SQL Server’s largest',
      'varchar(50)',
      'varchar(max)',
      ['field-changed', false, 'physicalType widened from varchar(50) to varchar(max)'],
    ],
  ])('judges %s (physicalType %s to %s)', (_, from, to, expected) => {
    const typed = (physicalType: string) =>
      withProperties(previous, [aKey('order_id'), aProperty('code', 'string', { physicalType })]);
    expect(
      compareContracts(typed(from), { ...typed(to), version: '2.0.0' }).changes.map((change) => [
        change.kind,
        change.isBreaking,
        change.message,
      ]),
    ).toEqual([expected]);
  });

  it('says of a field an event contract now requires that events already published cannot meet it', () => {
    const events = (contract: Contract): Contract => ({ ...contract, kind: 'event' });
    const messages = compareContracts(
      events(previous),
      events(
        changed((properties) => [
          ...properties.map((property) => ({ ...property, required: true })),
          aProperty('channel', 'string', { required: true }),
        ]),
      ),
    ).changes.map((change) => `${change.subject}: ${change.message}`);
    const cannotMeet =
      'which events already published lack and, immutable, cannot be given: keep it optional, or have the data owner backfill them';
    expect(messages).toContain(`orders.note: optional field made required, ${cannotMeet}`);
    expect(messages).toContain(`orders.channel: required field added, ${cannotMeet}`);
  });

  it('reports a removed schema object, and a changed kind or dropped history', () => {
    const next: Contract = { ...previous, version: '2.0.0', kind: 'event', schema: [] };
    const history = { ...previous, keepHistory: true };
    expect(changesOf(next)).toEqual([
      ['kind-changed', true, 'contract', 'kind changed from entity to event'],
      ['object-removed', true, 'orders', 'schema object removed'],
    ]);
    expect(compareContracts(history, { ...previous, version: '2.0.0' }).changes).toMatchObject([
      { kind: 'history-dropped', isBreaking: true },
    ]);
  });

  it.each<[string, Contract, [ChangeKind, boolean, string, string]]>([
    [
      'an optional field added',
      changed((properties) => [...properties, aProperty('currency')], '1.1.0'),
      ['field-added-optional', false, 'orders.currency', 'optional field added'],
    ],
    [
      'a changed description',
      changed(replace('note', { description: 'Anything the customer wrote.' }), '1.0.1'),
      ['description-changed', false, 'orders.note', 'description changed'],
    ],
    [
      'an added allowed value',
      changed(replace('status', { enum: ['open', 'paid', 'shipped', 'returned'] }), '1.1.0'),
      ['enum-value-added', false, 'orders.status', "allowed value 'returned' added"],
    ],
    [
      'a classification set',
      changed(replace('note', { classification: 'pii' }), '1.0.1'),
      ['field-changed', false, 'orders.note', "classification set to 'pii', stricter"],
    ],

    [
      'a new status',
      { ...previous, status: 'deprecated', version: '1.0.1' },
      ['contract-changed', false, 'contract', "status changed from 'active' to 'deprecated'"],
    ],
  ])('%s is not breaking', (_, next, expected) => {
    expect(changesOf(next)).toEqual([expected]);
  });

  it('tells an allowed number from the same digits quoted, as the YAML does', () => {
    const outcomes = (three: number | string) =>
      withProperties(previous, [aProperty('outcome_code', 'integer', { enum: [1, 2, three] })]);
    const messages = compareContracts(outcomes(3), { ...outcomes('3'), version: '2.0.0' }).changes.map(
      (change) => change.message,
    );
    expect(messages).toEqual(['allowed value 3 removed', "allowed value '3' added"]);
  });
});

describe('changes outside the schema', () => {
  const changesBetween = (before: Contract, after: Contract) =>
    compareContracts(before, after).changes.map((change) => [change.isBreaking, change.message]);

  const classified = (classification: string | undefined, version: string) =>
    withProperties({ ...previous, version }, replace('note', { classification })(previous.schema[0]?.properties ?? []));

  it.each([
    ['confidential', 'public', true, "classification changed from 'confidential' to 'public', less strict"],
    ['internal', 'restricted', false, "classification changed from 'internal' to 'restricted', stricter"],
    ['restricted', undefined, true, "classification removed (was 'restricted'), less strict"],
    [
      'restricted',
      'pii',
      true,
      "classification changed from 'restricted' to 'pii', which cannot be ranked: list both in policies.classificationLevels, least strict first",
    ],
    ['PII', 'pii', false, "classification changed from 'PII' to 'pii'"],
  ])(
    'says which way a classification went, and breaks when it loosened: %s to %s',
    (before, after, isBreaking, message) => {
      expect(changesBetween(classified(before, '1.0.0'), classified(after, '1.0.1'))).toEqual([[isBreaking, message]]);
    },
  );

  it("lists a new ODCS apiVersion as a change that breaks nothing, though consumers' tooling must read it", () => {
    const inVersion = (apiVersion: string) => ({ ...previous, apiVersion });
    expect(compareContracts(inVersion('v3.1.0'), inVersion('v3.2.0')).changes).toEqual([
      {
        kind: 'contract-changed',
        isBreaking: false,
        subject: 'contract',
        message: "apiVersion changed from v3.1.0 to v3.2.0: consumers' tooling must read ODCS v3.2.0",
        field: ['apiVersion'],
      },
    ]);
  });

  it('needs a major version for a declassified field', () => {
    expect(compareContracts(classified('restricted', '1.0.0'), classified('public', '1.0.1'))).toMatchObject({
      isBreaking: true,
      neededVersion: '2.0.0',
      changes: [{ kind: 'classification-loosened' }],
    });
  });

  it("ranks classifications by the design's own levels", () => {
    const levels = ['open', 'secret', 'top-secret'];
    const comparison = compareContracts(classified('top-secret', '1.0.0'), classified('secret', '1.0.1'), levels);
    expect(comparison.changes.map((change) => [change.isBreaking, change.message])).toEqual([
      [true, "classification changed from 'top-secret' to 'secret', less strict"],
    ]);
    const tightened = compareContracts(classified('secret', '1.0.0'), classified('top-secret', '1.0.1'), levels);
    expect(tightened.isBreaking).toBe(false);
  });

  it('takes a change looser under either of two rankings (the baseline’s and the design’s) as breaking', () => {
    const baselineLevels = ['public', 'internal', 'confidential', 'restricted'];
    const designLevels = ['public', 'restricted', 'confidential', 'internal'];
    const lowered = compareContracts(classified('restricted', '1.0.0'), classified('internal', '1.0.1'), [
      baselineLevels,
      designLevels,
    ]);
    expect(lowered.changes.map((change) => [change.isBreaking, change.message])).toEqual([
      [true, "classification changed from 'restricted' to 'internal', less strict"],
    ]);
  });

  it('names each SLA property that changed, with its values', () => {
    const before = {
      ...previous,
      sla: [
        { property: 'retention', value: 2, unit: 'y' },
        { property: 'latency', value: 4, unit: 'h' },
      ],
    };
    const after = {
      ...before,
      version: '1.0.1',
      sla: [
        { property: 'retention', value: 1, unit: 'y' },
        { property: 'frequency', value: 1, unit: 'd' },
      ],
    };
    expect(changesBetween(before, after)).toEqual([
      [true, 'SLA retention shortened from 2 y to 1 y, weakening what consumers were promised'],
      [true, 'SLA latency removed (was 4 h), weakening what consumers were promised'],
      [false, 'SLA frequency set to 1 d'],
    ]);
  });

  it.each([
    ['latency', [4, 'h'], [5, 'h'], true, 'SLA latency lengthened from 4 h to 5 h'],
    ['latency', [4, 'h'], [2, 'h'], false, 'SLA latency changed from 4 h to 2 h'],
    ['frequency', [1, 'd'], [2, 'd'], true, 'SLA frequency lengthened from 1 d to 2 d'],
    ['retention', [1, 'y'], [6, 'mo'], true, 'SLA retention shortened from 1 y to 6 mo'],
    ['retention', [1, 'y'], [2, 'y'], false, 'SLA retention changed from 1 y to 2 y'],
    ['availability', [99.9, '%'], [99, '%'], true, 'SLA availability lowered from 99.9 % to 99 %'],
    ['throughput', [1000, 'rows'], [500, 'rows'], true, 'SLA throughput lowered from 1000 rows to 500 rows'],
    ['errorRate', [0.01, '%'], [0.1, '%'], true, 'SLA errorRate raised from 0.01 % to 0.1 %'],
    ['latency', [1, 'd'], [24, 'h'], false, 'SLA latency changed from 1 d to 24 h'],
    ['retention', [10, 'y'], [120, 'mo'], false, 'SLA retention changed from 10 y to 120 mo'],
    ['retention', [10, 'y'], [119, 'mo'], true, 'SLA retention shortened from 10 y to 119 mo'],
    ['retention', [1, 'mo'], [27, 'd'], true, 'SLA retention shortened from 1 mo to 27 d'],
    ['retention', [1, 'y'], [367, 'd'], false, 'SLA retention changed from 1 y to 367 d'],
    ['supportHours', [8, 'h'], [4, 'h'], false, 'SLA supportHours changed from 8 h to 4 h'],
  ] as const)('counts an SLA %s going from %j to %j as weakening it: %s', (property, was, is, isWeaker, message) => {
    const withSla = ([value, unit]: readonly [number, string], version: string) => ({
      ...previous,
      version,
      sla: [{ property, value, unit }],
    });
    const weakening = isWeaker ? ', weakening what consumers were promised' : '';
    expect(changesBetween(withSla(was, '1.0.0'), withSla(is, '1.0.1'))).toEqual([[isWeaker, `${message}${weakening}`]]);
  });

  it('pairs an SLA with its element renamed as the field or schema object it names was, the promise kept', () => {
    const withSla = (contract: Contract, table: string, field: string, latency: number): Contract => ({
      ...contract,
      sla: [
        { property: 'latency', value: latency, unit: 'h', element: `${table}.${field}` },
        { property: 'retention', value: 7, unit: 'y', element: table },
      ],
    });
    const before = withSla(previous, 'orders', 'note', 4);
    const noteRenamed = changed(replace('note', { name: 'note_text' }));
    expect(changesBetween(before, withSla(noteRenamed, 'orders', 'note_text', 4))).toEqual([
      [false, 'SLA latency of orders.note now of orders.note_text, as its element was renamed'],
      [true, 'field seems renamed to note_text (same type and attributes, similar names)'],
    ]);
    expect(changesBetween(before, withSla(noteRenamed, 'orders', 'note_text', 6))[0]).toEqual([
      true,
      'SLA latency of orders.note lengthened from 4 h to 6 h, weakening what consumers were promised',
    ]);
    const ordersRenamed = {
      ...previous,
      version: '2.0.0',
      schema: [{ ...previous.schema[0]!, name: 'order_records' }],
    };
    expect(changesBetween(before, withSla(ordersRenamed, 'order_records', 'note', 4))).toEqual([
      [false, 'SLA latency of orders.note now of order_records.note, as its element was renamed'],
      [false, 'SLA retention of orders now of order_records, as its element was renamed'],
      [true, 'schema object seems renamed to order_records (same fields, similar names)'],
    ]);
  });

  it('pairs an SLA property whatever its capitals and spaces, as the app reads its name', () => {
    const withSla = (sla: { property: string; value: number; unit: string }, version: string) => ({
      ...previous,
      version,
      sla: [sla],
    });
    const latency = withSla({ property: 'latency', value: 1, unit: 'h' }, '1.0.0');
    expect(changesBetween(latency, withSla({ property: 'Latency', value: 1, unit: 'h' }, '1.0.0'))).toEqual([
      [false, "SLA latency written as 'Latency'"],
    ]);
    expect(changesBetween(latency, withSla({ property: 'latency ', value: 60, unit: 'min' }, '1.0.0'))).toEqual([
      [false, 'SLA latency changed from 1 h to 60 min'],
    ]);
    const retention = withSla({ property: 'retention', value: 7, unit: 'y' }, '1.0.0');
    expect(changesBetween(retention, withSla({ property: 'Retention', value: 1, unit: 'y' }, '1.0.1'))).toEqual([
      [true, 'SLA retention shortened from 7 y to 1 y, weakening what consumers were promised'],
    ]);
  });

  it('counts an SLA duration whose unit cannot be read as possibly breaking, and says which unit', () => {
    const withLatency = (value: number, unit: string, version: string) => ({
      ...previous,
      version,
      sla: [{ property: 'latency', value, unit }],
    });
    expect(changesBetween(withLatency(1, 'd', '1.0.0'), withLatency(10, 'dys', '1.0.1'))).toEqual([
      [true, "SLA latency changed from 1 d to 10 dys, possibly weakening it: unit 'dys' could not be read"],
    ]);
    expect(changesBetween(withLatency(1, 'd', '1.0.0'), withLatency(1, 'fortnight', '1.0.1'))).toEqual([
      [true, "SLA latency changed from 1 d to 1 fortnight, possibly weakening it: unit 'fortnight' could not be read"],
    ]);
  });

  it('counts a change to or from an SLA duration without a unit as possibly breaking', () => {
    const withRetention = (sla: { value: number | string; unit?: string }, version: string) => ({
      ...previous,
      version,
      sla: [{ property: 'retention', ...sla }],
    });
    const tenYears = withRetention({ value: 10, unit: 'y' }, '1.0.0');
    expect(changesBetween(tenYears, withRetention({ value: '1 d' }, '1.0.1'))).toEqual([
      [true, "SLA retention changed from 10 y to 1 d, possibly weakening it: '1 d' has no unit"],
    ]);
    expect(changesBetween(tenYears, withRetention({ value: 1 }, '1.0.1'))).toEqual([
      [true, "SLA retention changed from 10 y to 1, possibly weakening it: '1' has no unit"],
    ]);
    expect(
      changesBetween(withRetention({ value: 1 }, '1.0.0'), withRetention({ value: 1, unit: 'd' }, '1.0.1')),
    ).toEqual([[true, "SLA retention changed from 1 to 1 d, possibly weakening it: '1' has no unit"]]);
  });

  it('counts moving an SLA unit into the value, and back, as possibly breaking, quoting the value that has no unit', () => {
    const withLatency = (sla: { value: number | string; unit?: string }) => ({
      ...previous,
      sla: [{ property: 'latency', ...sla }],
    });
    const [oneHour, oneHourInValue] = [withLatency({ value: 1, unit: 'h' }), withLatency({ value: '1 h' })];
    expect(changesBetween(oneHour, oneHourInValue)).toEqual([
      [true, "SLA latency changed from 1 h to '1 h', possibly weakening it: '1 h' has no unit"],
    ]);
    expect(changesBetween(oneHourInValue, oneHour)).toEqual([
      [true, "SLA latency changed from '1 h' to 1 h, possibly weakening it: '1 h' has no unit"],
    ]);
  });

  it('counts an SLA duration in months against one in days as possibly breaking, as a month is no fixed number of days', () => {
    const withRetention = (value: number, unit: string, version: string) => ({
      ...previous,
      version,
      sla: [{ property: 'retention', value, unit }],
    });
    expect(changesBetween(withRetention(1, 'mo', '1.0.0'), withRetention(30, 'd', '1.0.1'))).toEqual([
      [
        true,
        'SLA retention changed from 1 mo to 30 d, possibly weakening it: 1 mo and 30 d cannot be compared exactly (a month has 28 to 31 days, a year 365 or 366)',
      ],
    ]);
  });

  describe('servers, compared server by server and field by field', () => {
    const kafka = { server: 'kafka-prod', type: 'kafka', host: 'kafka:9093', format: 'avro' };
    const warehouse = { server: 'warehouse', type: 'postgres', host: 'db', port: 5432, database: 'atlas' };
    const withServers = (servers: unknown[], version = '1.0.0') => ({ ...previous, version, extensions: { servers } });

    it("breaks consumers when a server's format, host or port changes, naming the server and the field", () => {
      const after = withServers([
        { ...kafka, format: 'json' },
        { ...warehouse, host: 'db2', port: 6432 },
      ]);
      expect(changesBetween(withServers([kafka, warehouse]), after)).toEqual([
        [true, "server 'kafka-prod': format avro → json"],
        [true, "server 'warehouse': host db → db2"],
        [true, "server 'warehouse': port 5432 → 6432"],
      ]);
      expect(compareContracts(withServers([kafka, warehouse]), after).neededVersion).toBe('2.0.0');
    });

    it("does not break consumers with a server's format written in other capitals, and says it is the same format", () => {
      const after = withServers([{ ...kafka, format: 'AVRO' }], '1.0.1');
      expect(changesBetween(withServers([kafka]), after)).toEqual([
        [false, "server 'kafka-prod': format avro → AVRO (the same format, in other capitals)"],
      ]);
      expect(compareContracts(withServers([kafka]), after).isBreaking).toBe(false);
      expect(changesBetween(withServers([kafka]), withServers([{ ...kafka, format: 'PROTOBUF' }], '2.0.0'))).toEqual([
        [true, "server 'kafka-prod': format avro → PROTOBUF"],
      ]);
    });

    it('breaks consumers when a server is removed, whatever its place in the list', () => {
      expect(changesBetween(withServers([kafka, warehouse]), withServers([warehouse]))).toEqual([
        [true, "server 'kafka-prod' removed"],
      ]);
      expect(changesBetween(withServers([kafka, warehouse]), withServers([warehouse, kafka]))).toEqual([]);
    });

    it('does not break consumers with a server added or a description or environment changed', () => {
      const described = { ...kafka, description: 'Sightings as they are verified.', environment: 'prod' };
      expect(changesBetween(withServers([kafka]), withServers([described, warehouse], '1.0.1'))).toEqual([
        [false, "server 'kafka-prod': description set to 'Sightings as they are verified.'"],
        [false, "server 'kafka-prod': environment set to 'prod'"],
        [false, "server 'warehouse' added"],
      ]);
    });

    it('breaks consumers when a role that had access to a server is taken away, not when one is given', () => {
      const withRoles = (...roles: string[]) => withServers([{ ...kafka, roles: roles.map((role) => ({ role })) }]);
      expect(
        changesBetween(withRoles('analyst'), withRoles('analyst', 'auditor')).map(([isBreaking]) => isBreaking),
      ).toEqual([false]);
      expect(
        changesBetween(withRoles('analyst', 'auditor'), withRoles('analyst')).map(([isBreaking]) => isBreaking),
      ).toEqual([true]);
    });
  });

  it('names each custom property and tag that changed, and any other section it does not model, one change each', () => {
    const withSections = (version: string, tag: string, tenant: string, ...properties: [string, string][]) => ({
      ...previous,
      version,
      extensions: {
        tags: [tag],
        tenant,
        customProperties: properties.map(([property, value]) => ({ property, value })),
      },
    });
    const before = withSections('1.0.0', 'birds', 'birdatlas', ['atlasEdition', '2025'], ['policy', 'generalise-10km']);
    const after = withSections('1.0.1', 'atlas', 'atlas', ['policy', 'generalise-2km'], ['region', 'EU']);
    expect(changesBetween(before, after)).toEqual([
      [false, "customProperty 'atlasEdition' removed (was '2025')"],
      [false, "customProperty 'policy' changed from 'generalise-10km' to 'generalise-2km'"],
      [false, "customProperty 'region' set to 'EU'"],
      [false, "tag 'birds' removed"],
      [false, "tag 'atlas' added"],
      [false, "tenant changed from 'birdatlas' to 'atlas'"],
    ]);
  });
});

describe('breaking changes inside nested objects and arrays', () => {
  const address = `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: address
        logicalType: object
        properties:
          - name: street
            logicalType: string
            required: true
          - name: zip
            logicalType: integer
      - name: tags
        logicalType: array
        items:
          logicalType: string
`;
  const read = (body: string, version = '2.0.0') =>
    imported(anOdcsText(body).replace('version: 1.0.0', `version: ${version}`));
  const nestedChangesOf = (body: string) =>
    compareContracts(read(address, '1.0.0'), read(body)).changes.map((change) => [
      change.kind,
      change.isBreaking,
      change.subject,
    ]);

  it.each<[string, string, [ChangeKind, boolean, string]]>([
    [
      'a removed nested field',
      address.replace('          - name: street\n            logicalType: string\n            required: true\n', ''),
      ['field-removed', true, 'orders.address.street'],
    ],
    [
      'a nested field of another type',
      address.replace('name: zip\n            logicalType: integer', 'name: zip\n            logicalType: string'),
      ['type-changed', true, 'orders.address.zip'],
    ],
    [
      'a nested field made required',
      address.replace(
        'logicalType: integer\n      - name: tags',
        'logicalType: integer\n            required: true\n      - name: tags',
      ),
      ['optional-to-required', true, 'orders.address.zip'],
    ],
    [
      'a required nested field added',
      address.replace(
        '      - name: tags',
        '          - name: city\n            logicalType: string\n            required: true\n      - name: tags',
      ),
      ['field-added-required', true, 'orders.address.city'],
    ],
    [
      'array items of another type',
      address.replace('items:\n          logicalType: string', 'items:\n          logicalType: integer'),
      ['type-changed', true, 'orders.tags[]'],
    ],
    [
      'an optional nested field added',
      address.replace(
        '      - name: tags',
        '          - name: city\n            logicalType: string\n      - name: tags',
      ),
      ['field-added-optional', false, 'orders.address.city'],
    ],
  ])('finds %s', (_, body, expected) => {
    expect(nestedChangesOf(body)).toEqual([expected]);
  });

  it('asks a major version for a removed nested field', () => {
    const next = read(address.replace('          - name: zip\n            logicalType: integer\n', ''), '1.0.1');
    expect(compareContracts(read(address, '1.0.0'), next).findings).toEqual([
      {
        path: 'version',
        severity: 'error',
        message: 'breaking changes need a new major version: 2.0.0 instead of 1.0.1',
      },
    ]);
  });
});

describe('breaking changes inside a map property (ODCS v3.2.0)', () => {
  const sizes = `schema:
  - name: listings
    properties:
      - name: listing_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: sizes
        logicalType: map
        map:
          key:
            logicalType: string
            enum: [{value: EU}, {value: US}, {value: UK}]
          value:
            logicalType: string
            logicalTypeOptions:
              maxLength: 10
`;
  const read = (body: string, version = '2.0.0') =>
    imported(
      anOdcsText(body)
        .replace('apiVersion: v3.1.0', 'apiVersion: v3.2.0')
        .replace('version: 1.0.0', `version: ${version}`),
    );
  const mapChangesOf = (body: string) =>
    compareContracts(read(sizes, '1.0.0'), read(body)).changes.map((change) => [
      change.kind,
      change.isBreaking,
      change.subject,
      change.message,
    ]);
  const withValuesOfType = (type: string) =>
    sizes.replace(
      '          value:\n            logicalType: string',
      `          value:\n            logicalType: ${type}`,
    );

  it.each<[string, string, [ChangeKind, boolean, string, string][]]>([
    [
      'values of another type',
      withValuesOfType('integer').replace('              maxLength: 10', '              maximum: 10'),
      [
        ['type-changed', true, 'listings.sizes{value}', 'type changed from string to integer'],
        ['constraint-loosened', true, 'listings.sizes{value}', 'maxLength removed (was 10)'],
        ['constraint-tightened', true, 'listings.sizes{value}', 'maximum set to 10'],
      ],
    ],
    [
      'values that became objects',
      withValuesOfType('object').replace(
        '            logicalTypeOptions:\n              maxLength: 10\n',
        '            properties:\n              - name: eu\n                logicalType: string\n',
      ),
      [
        ['type-changed', true, 'listings.sizes{value}', 'type changed from string to object'],
        ['field-added-optional', false, 'listings.sizes{value}.eu', 'optional field added'],
        ['constraint-loosened', true, 'listings.sizes{value}', 'maxLength removed (was 10)'],
      ],
    ],
    [
      'keys of another type',
      sizes.replace(
        '          key:\n            logicalType: string',
        '          key:\n            logicalType: integer',
      ),
      [['type-changed', true, 'listings.sizes{key}', 'type changed from string to integer']],
    ],
    [
      'an allowed key removed',
      sizes.replace(', {value: UK}]', ']'),
      [['enum-value-removed', true, 'listings.sizes{key}', "allowed value 'UK' removed"]],
    ],
    [
      'values made required',
      sizes.replace('              maxLength: 10', '              maxLength: 10\n            required: true'),
      [['optional-to-required', true, 'listings.sizes{value}', 'optional field made required']],
    ],
    [
      'a tighter bound on the values',
      sizes.replace('maxLength: 10', 'maxLength: 5'),
      [['constraint-tightened', true, 'listings.sizes{value}', 'maxLength tightened from 10 to 5']],
    ],
    [
      'a description of the values',
      sizes.replace('              maxLength: 10', '              maxLength: 10\n            description: A size.'),
      [['description-changed', false, 'listings.sizes{value}', 'description changed']],
    ],
  ])('finds %s', (_, body, expected) => {
    expect(mapChangesOf(body)).toEqual(expected);
  });

  it('finds a field removed from values that are objects, at every depth', () => {
    const objects = withValuesOfType('object').replace(
      '            logicalTypeOptions:\n              maxLength: 10\n',
      '            properties:\n              - name: eu\n                logicalType: string\n              - name: us\n                logicalType: string\n',
    );
    const next = read(objects.replace('              - name: us\n                logicalType: string\n', ''));
    expect(compareContracts(read(objects, '1.0.0'), next).changes).toEqual([
      { kind: 'field-removed', isBreaking: true, subject: 'listings.sizes{value}.us', message: 'field removed' },
    ]);
  });
});

describe('breaking changes in logicalTypeOptions', () => {
  const withOptions = (options: string, version = '2.0.0', itemsMaximum = 100) =>
    imported(
      anOdcsText(`schema:
  - name: orders
    properties:
      - name: code
        logicalType: string${options}
      - name: lines
        logicalType: array
        items:
          logicalType: integer
          logicalTypeOptions:
            maximum: ${itemsMaximum}
`).replace('version: 1.0.0', `version: ${version}`),
    );
  const before = withOptions('\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1', '1.0.0');
  const changesTo = (options: string, previousOptions?: string) =>
    compareContracts(
      previousOptions ? withOptions(previousOptions, '1.0.0') : before,
      withOptions(options),
    ).changes.map((change) => [change.kind, change.isBreaking, change.subject, change.message]);

  it.each<[string, string, [ChangeKind, boolean, string, string], string?]>([
    [
      'a lower maximum length',
      '\n        logicalTypeOptions:\n          maxLength: 10\n          minLength: 1',
      ['constraint-tightened', true, 'orders.code', 'maxLength tightened from 36 to 10'],
    ],
    [
      'a higher minimum length',
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 2',
      ['constraint-tightened', true, 'orders.code', 'minLength tightened from 1 to 2'],
    ],
    [
      'a pattern added',
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1\n          pattern: "^[A-Z]+$"',
      ['constraint-tightened', true, 'orders.code', "pattern set to '^[A-Z]+$'"],
    ],
    [
      'a pattern changed, which may accept more or less',
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1\n          pattern: "^[A-Z]+$"',
      ['constraint-changed', true, 'orders.code', "pattern changed from '^[a-z]+$' to '^[A-Z]+$'"],
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1\n          pattern: "^[a-z]+$"',
    ],
    [
      'a higher maximum length',
      '\n        logicalTypeOptions:\n          maxLength: 64\n          minLength: 1',
      ['constraint-loosened', true, 'orders.code', 'maxLength loosened from 36 to 64'],
    ],
    [
      'a bound removed',
      '\n        logicalTypeOptions:\n          maxLength: 36',
      ['constraint-loosened', true, 'orders.code', 'minLength removed (was 1)'],
    ],
    [
      'a maximum length removed, which a consumer column of 36 characters relied on',
      '\n        logicalTypeOptions:\n          minLength: 1',
      ['constraint-loosened', true, 'orders.code', 'maxLength removed (was 36)'],
    ],
    [
      'a pattern removed',
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1',
      ['constraint-loosened', true, 'orders.code', "pattern removed (was '^[a-z]+$')"],
      '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1\n          pattern: "^[a-z]+$"',
    ],
    [
      'a maximum length the varchar it was already kept to, which refuses nothing',
      '\n        physicalType: VARCHAR(36)\n        logicalTypeOptions:\n          maxLength: 36',
      ['field-changed', false, 'orders.code', 'maxLength set to 36, as its physicalType VARCHAR(36) said'],
      '\n        physicalType: VARCHAR(36)',
    ],
    [
      'a maximum length longer than the varchar it is kept to, which refuses nothing but is not what the varchar said',
      '\n        physicalType: varchar(8)\n        logicalTypeOptions:\n          maxLength: 10',
      ['field-changed', false, 'orders.code', 'maxLength set to 10, longer than its physicalType varchar(8) holds'],
      '\n        physicalType: varchar(8)',
    ],
    [
      'a maximum length shorter than the varchar it was',
      '\n        physicalType: VARCHAR(36)\n        logicalTypeOptions:\n          maxLength: 20',
      ['constraint-tightened', true, 'orders.code', 'maxLength set to 20'],
      '\n        physicalType: VARCHAR(36)',
    ],
  ])('finds %s', (_, options, expected, previousOptions) => {
    expect(changesTo(options, previousOptions)).toEqual([expected]);
  });

  /** A contract whose `readings.ratio` is a number of physicalType `physicalType`, with `format` if given. */
  const ratioOf = (physicalType: string, version: string, format?: string) =>
    imported(
      anOdcsText(`schema:
  - name: readings
    properties:
      - name: ratio
        logicalType: number
        physicalType: ${physicalType}${format ? `\n        logicalTypeOptions:\n          format: ${format}` : ''}
`).replace('version: 1.0.0', `version: ${version}`),
    );
  const formatAdded = (physicalType: string, format: string) =>
    compareContracts(ratioOf(physicalType, '1.0.0'), ratioOf(physicalType, '1.1.0', format)).changes.map((change) => [
      change.kind,
      change.isBreaking,
      change.message,
    ]);

  it.each([
    ['double', 'f64'],
    ['float8', 'f64'],
    ['DOUBLE PRECISION', 'f64'],
    ['float4', 'f32'],
    ['REAL', 'f32'],
  ])(
    'finds a format added that says the width of its physicalType %s (%s) no breaking change',
    (physicalType, format) => {
      expect(formatAdded(physicalType, format)).toEqual([
        ['field-changed', false, `format set to '${format}', as its physicalType ${physicalType} said`],
      ]);
    },
  );

  it.each([
    // A double's values do not all fit in 32 bits.
    ['double', 'f32'],
    // A float is 64 bits in PostgreSQL and SQL Server, 32 in Avro and Protobuf: which, the contract does not say.
    ['float', 'f32'],
    ['numeric(10,2)', 'f64'],
  ])('finds a format added to a number of physicalType %s (%s) tightening it', (physicalType, format) => {
    expect(formatAdded(physicalType, format)).toEqual([['constraint-tightened', true, `format set to '${format}'`]]);
  });

  it.each(['avro', 'PROTOBUF'])(
    'finds f32 added to a bare float no breaking change where every server streams %s records, whose float is 32 bits',
    (format) => {
      const servers = `servers:\n  - server: buoys\n    type: kafka\n    host: kafka:9092\n    format: ${format}\n`;
      const underServers = (contract: Contract) => imported(contract.odcs.replace('schema:', `${servers}schema:`));
      const changes = compareContracts(
        underServers(ratioOf('float', '1.0.0')),
        underServers(ratioOf('float', '1.1.0', 'f32')),
      ).changes.map((change) => [change.kind, change.isBreaking, change.message]);
      expect(changes).toEqual([['field-changed', false, "format set to 'f32', as its physicalType float said"]]);
    },
  );

  /** The changes from `ratioOf(from)` to `ratioOf(to, format)`, both under `servers` (YAML of ODCS servers) when given. */
  const ratioChanges = (from: string, to: string, format?: string, servers = '') => {
    const underServers = (contract: Contract) => imported(contract.odcs.replace('schema:', `${servers}schema:`));
    return compareContracts(
      underServers(ratioOf(from, '1.0.0')),
      underServers(ratioOf(to, '1.1.0', format)),
    ).changes.map((change) => [change.kind, change.isBreaking, change.message]);
  };
  const avroServers = 'servers:\n  - server: buoys\n    type: kafka\n    host: kafka:9092\n    format: avro\n';

  it.each([
    ['double', 'real'],
    ['float8', 'float4'],
    ['double precision', 'real'],
  ])('finds a physicalType %s made %s breaking, as a 32-bit float keeps fewer digits', (from, to) => {
    expect(ratioChanges(from, to)).toEqual([['type-narrowed', true, `physicalType narrowed from ${from} to ${to}`]]);
  });

  it('finds a double made a bare float breaking where every server streams Avro records, whose float is 32 bits', () => {
    expect(ratioChanges('double', 'float', undefined, avroServers)).toEqual([
      ['type-narrowed', true, 'physicalType narrowed from double to float'],
    ]);
  });

  it('finds a double made a bare float no breaking change in SQL, where a float is 64 bits', () => {
    expect(ratioChanges('double', 'float')).toEqual([
      ['field-changed', false, "physicalType changed from 'double' to 'float'"],
    ]);
  });

  it('finds a double made float(24) breaking, as PostgreSQL, SQL Server and MySQL store it in 32 bits', () => {
    expect(ratioChanges('double', 'float(24)')).toEqual([
      ['type-narrowed', true, 'physicalType narrowed from double to float(24)'],
    ]);
  });

  it('finds float(24) made float(53) widened, and float(53) made double precision the same width', () => {
    expect(ratioChanges('float(24)', 'float(53)')).toEqual([
      ['field-changed', false, 'physicalType widened from float(24) to float(53)'],
    ]);
    expect(ratioChanges('float(53)', 'double precision')).toEqual([
      ['field-changed', false, "physicalType changed from 'float(53)' to 'double precision'"],
    ]);
  });

  it('finds f32 added to a float(24) no breaking change, as its physicalType said it', () => {
    expect(formatAdded('float(24)', 'f32')).toEqual([
      ['field-changed', false, "format set to 'f32', as its physicalType float(24) said"],
    ]);
  });

  it('finds an Oracle FLOAT(53) made FLOAT(30) breaking, as Oracle keeps p binary digits of a NUMBER', () => {
    const oracleServers =
      'servers:\n  - server: ledger\n    type: oracle\n    host: db\n    port: 1521\n    serviceName: LEDGER\n';
    expect(ratioChanges('FLOAT(53)', 'FLOAT(30)', undefined, oracleServers)).toEqual([
      ['type-narrowed', true, 'physicalType narrowed from FLOAT(53) to FLOAT(30)'],
    ]);
    expect(ratioChanges('FLOAT(53)', 'FLOAT(30)')).toEqual([
      ['field-changed', false, "physicalType changed from 'FLOAT(53)' to 'FLOAT(30)'"],
    ]);
  });

  it("finds an Oracle BINARY_DOUBLE made BINARY_FLOAT breaking, and f32 added to a BINARY_FLOAT said by it: Oracle's IEEE floats of 64 and 32 bits", () => {
    const oracleServers =
      'servers:\n  - server: ledger\n    type: oracle\n    host: db\n    port: 1521\n    serviceName: LEDGER\n';
    for (const servers of [oracleServers, '']) {
      expect(ratioChanges('BINARY_DOUBLE', 'BINARY_FLOAT', undefined, servers)).toEqual([
        ['type-narrowed', true, 'physicalType narrowed from BINARY_DOUBLE to BINARY_FLOAT'],
      ]);
      expect(ratioChanges('BINARY_FLOAT', 'BINARY_FLOAT', 'f32', servers)).toEqual([
        ['field-changed', false, "format set to 'f32', as its physicalType BINARY_FLOAT said"],
      ]);
    }
  });

  it("finds a double made a real no narrowing where every server is MySQL's, whose REAL is a DOUBLE, and f64 added to a real said by it", () => {
    const mysqlServers =
      'servers:\n  - server: shop\n    type: mysql\n    host: db\n    port: 3306\n    database: shop\n';
    expect(ratioChanges('double', 'real', undefined, mysqlServers)).toEqual([
      ['field-changed', false, "physicalType changed from 'double' to 'real'"],
    ]);
    expect(ratioChanges('real', 'real', 'f64', mysqlServers)).toEqual([
      ['field-changed', false, "format set to 'f64', as its physicalType real said"],
    ]);
    expect(ratioChanges('double', 'float', undefined, mysqlServers)).toEqual([
      ['type-narrowed', true, 'physicalType narrowed from double to float'],
    ]);
  });

  it("finds MySQL's DOUBLE(M,D) made FLOAT(M,D) breaking, 64 bits to 32, and REAL(M,D) made DOUBLE no narrowing", () => {
    const mysqlServers =
      'servers:\n  - server: shop\n    type: mysql\n    host: db\n    port: 3306\n    database: shop\n';
    expect(ratioChanges('DOUBLE(10,2)', 'FLOAT(10,2)', undefined, mysqlServers)).toEqual([
      ['type-narrowed', true, 'physicalType narrowed from DOUBLE(10,2) to FLOAT(10,2)'],
    ]);
    expect(ratioChanges('REAL(8,3)', 'DOUBLE', undefined, mysqlServers)).toEqual([
      ['field-changed', false, "physicalType changed from 'REAL(8,3)' to 'DOUBLE'"],
    ]);
    expect(ratioChanges('REAL(8,3)', 'REAL(8,3)', 'f64', mysqlServers)).toEqual([
      ['field-changed', false, "format set to 'f64', as its physicalType REAL(8,3) said"],
    ]);
  });

  it('finds a real made a double no breaking change: the float is widened', () => {
    expect(ratioChanges('real', 'double')).toEqual([
      ['field-changed', false, 'physicalType widened from real to double'],
    ]);
  });

  it('finds an Avro float re-imported as a double of format f64 no breaking change: 32 bits widened to 64', () => {
    expect(ratioChanges('float', 'double', 'f64', avroServers)).toEqual([
      ['field-changed', false, "format set to 'f64', wider than the 'f32' its physicalType float said"],
      ['field-changed', false, 'physicalType widened from float to double'],
    ]);
  });

  const amountWith = (options: string, logicalType = 'number') =>
    `\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1\n      - name: amount\n        logicalType: ${logicalType}\n        logicalTypeOptions:\n          ${options}`;
  const amountChangesTo = (was: string, is: string, logicalType?: string) =>
    compareContracts(
      withOptions(amountWith(was, logicalType), '1.0.0'),
      withOptions(amountWith(is, logicalType)),
    ).changes.map((change) => [change.kind, change.isBreaking, change.message, change.attribute]);

  it.each([
    ['number', 'exclusiveMinimum: 0', 'minimum: 0', 'constraint-loosened', 'lower bound loosened from > 0 to ≥ 0'],
    ['number', 'minimum: 0', 'exclusiveMinimum: 0', 'constraint-tightened', 'lower bound tightened from ≥ 0 to > 0'],
    [
      'number',
      'maximum: 100',
      'exclusiveMaximum: 100',
      'constraint-tightened',
      'upper bound tightened from ≤ 100 to < 100',
    ],
    [
      'number',
      'exclusiveMaximum: 100',
      'maximum: 101',
      'constraint-loosened',
      'upper bound loosened from < 100 to ≤ 101',
    ],
    ['number', 'minimum: 1', 'exclusiveMinimum: 0', 'constraint-loosened', 'lower bound loosened from ≥ 1 to > 0'],
    ['number', 'maximum: 5', 'exclusiveMaximum: 6', 'constraint-loosened', 'upper bound loosened from ≤ 5 to < 6'],
    ['integer', 'minimum: 1', 'exclusiveMinimum: -1', 'constraint-loosened', 'lower bound loosened from ≥ 1 to > -1'],
    ['integer', 'minimum: 1', 'exclusiveMinimum: 1', 'constraint-tightened', 'lower bound tightened from ≥ 1 to > 1'],
    ['integer', 'maximum: 5', 'exclusiveMaximum: 7', 'constraint-loosened', 'upper bound loosened from ≤ 5 to < 7'],
    ['integer', 'exclusiveMaximum: 6', 'maximum: 4', 'constraint-tightened', 'upper bound tightened from < 6 to ≤ 4'],
    ['integer', 'maximum: 5', 'maximum: 6.5', 'constraint-loosened', 'maximum loosened from 5 to 6.5'],
    ['integer', 'minimum: 1', 'minimum: 1.5', 'constraint-tightened', 'minimum tightened from 1 to 1.5'],
    ['number', 'maximum: 86400', 'maximum: 86400.5', 'constraint-loosened', 'maximum loosened from 86400 to 86400.5'],
  ])('finds, on a %s, %s to %s as one bound %s', (logicalType, was, is, kind, message) => {
    const option = is.split(':')[0];
    expect(amountChangesTo(was, is, logicalType)).toEqual([[kind, true, message, ['logicalTypeOptions', option]]]);
  });

  it.each([
    [
      'minimum: 1',
      'exclusiveMinimum: 0',
      'lower bound written differently, from ≥ 1 to > 0, allowing the same integers',
    ],
    [
      'exclusiveMinimum: 0',
      'minimum: 1',
      'lower bound written differently, from > 0 to ≥ 1, allowing the same integers',
    ],
    [
      'maximum: 5',
      'exclusiveMaximum: 6',
      'upper bound written differently, from ≤ 5 to < 6, allowing the same integers',
    ],
    [
      'exclusiveMaximum: 6',
      'maximum: 5',
      'upper bound written differently, from < 6 to ≤ 5, allowing the same integers',
    ],
  ])('finds %s to %s on an integer no breaking change, as both allow the same integers', (was, is, message) => {
    const option = is.split(':')[0];
    expect(amountChangesTo(was, is, 'integer')).toEqual([
      ['field-changed', false, message, ['logicalTypeOptions', option]],
    ]);
  });

  it.each([
    [
      'maximum: 86400',
      'maximum: 86400.5',
      'maximum written differently, from 86400 to 86400.5, allowing the same integers',
    ],
    ['minimum: 1', 'minimum: 0.5', 'minimum written differently, from 1 to 0.5, allowing the same integers'],
    [
      'exclusiveMaximum: 6',
      'exclusiveMaximum: 5.5',
      'exclusiveMaximum written differently, from 6 to 5.5, allowing the same integers',
    ],
    [
      'maximum: 5.5',
      'exclusiveMaximum: 6',
      'upper bound written differently, from ≤ 5.5 to < 6, allowing the same integers',
    ],
  ])(
    'finds %s to %s on an integer no breaking change, as the fraction lets no other integer through',
    (was, is, message) => {
      const option = is.split(':')[0];
      expect(amountChangesTo(was, is, 'integer')).toEqual([
        ['field-changed', false, message, ['logicalTypeOptions', option]],
      ]);
    },
  );

  const both = (inclusive: string, exclusive: string) => `${inclusive}\n          ${exclusive}`;

  it.each([
    ['integer', 'minimum: 1', both('minimum: 1', 'exclusiveMinimum: 0'), 'from ≥ 1 to ≥ 1 and > 0', 'integers'],
    ['integer', both('minimum: 1', 'exclusiveMinimum: 0'), 'minimum: 1', 'from ≥ 1 and > 0 to ≥ 1', 'integers'],
    [
      'integer',
      both('minimum: 1', 'exclusiveMinimum: 0'),
      both('minimum: 1', 'exclusiveMinimum: -5'),
      'from ≥ 1 and > 0 to ≥ 1 and > -5',
      'integers',
    ],
    ['number', 'maximum: 10', both('maximum: 10', 'exclusiveMaximum: 100'), 'from ≤ 10 to ≤ 10 and < 100', 'values'],
  ])(
    'finds, on a %s, %s to %s no breaking change, as the tighter key still decides the bound',
    (logicalType, was, is, fromTo, what) => {
      const end = was.includes('max') ? 'upper' : 'lower';
      const changes = amountChangesTo(was, is, logicalType);
      expect(changes.map(([kind, isBreaking, message]) => [kind, isBreaking, message])).toEqual([
        ['field-changed', false, `${end} bound written differently, ${fromTo}, allowing the same ${what}`],
      ]);
    },
  );

  it.each([
    [
      'number',
      'minimum: 0',
      both('minimum: 0', 'exclusiveMinimum: 0'),
      'constraint-tightened',
      'lower bound tightened from ≥ 0 to ≥ 0 and > 0',
    ],
    [
      'integer',
      both('minimum: 1', 'exclusiveMinimum: 0'),
      'exclusiveMinimum: 3',
      'constraint-tightened',
      'lower bound tightened from ≥ 1 and > 0 to > 3',
    ],
    [
      'integer',
      both('maximum: 9', 'exclusiveMaximum: 100'),
      'maximum: 50',
      'constraint-loosened',
      'upper bound loosened from ≤ 9 and < 100 to ≤ 50',
    ],
  ])('finds, on a %s, %s to %s as one bound %s, by the key that decides it', (logicalType, was, is, kind, message) => {
    expect(amountChangesTo(was, is, logicalType).map(([kind, isBreaking, text]) => [kind, isBreaking, text])).toEqual([
      [kind, true, message],
    ]);
  });

  it('finds a loosened bound on the items of an array property breaking', () => {
    const options = '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1';
    const next = withOptions(options, '2.0.0', 1000);
    expect(compareContracts(before, next).changes).toEqual([
      {
        kind: 'constraint-loosened',
        isBreaking: true,
        subject: 'orders.lines[]',
        message: 'maximum loosened from 100 to 1000',
        attribute: ['logicalTypeOptions', 'maximum'],
      },
    ]);
  });

  it('finds a tightened bound on the items of an array property', () => {
    const options = '\n        logicalTypeOptions:\n          maxLength: 36\n          minLength: 1';
    const next = withOptions(options, '2.0.0', 10);
    expect(compareContracts(before, next).changes).toEqual([
      {
        kind: 'constraint-tightened',
        isBreaking: true,
        subject: 'orders.lines[]',
        message: 'maximum tightened from 100 to 10',
        attribute: ['logicalTypeOptions', 'maximum'],
      },
    ]);
  });
});

describe('breaking changes in quality rules', () => {
  const rule = (operator: string) => `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        required: true
        primaryKey: true
        quality:
          - metric: nullValues
            ${operator}
`;
  const before = imported(anOdcsText(rule('mustBe: 0')));
  const nextVersionOf = (body: string) => imported(anOdcsText(body).replace('version: 1.0.0', 'version: 1.1.0'));

  it('takes a removed rule as breaking: consumers may rely on what it promised', () => {
    const next = nextVersionOf(rule('mustBe: 0').replace(/ {8}quality:\n.*\n.*\n/, ''));
    expect(compareContracts(before, next).changes).toMatchObject([
      { kind: 'quality-changed', isBreaking: true, subject: 'orders.order_id' },
    ]);
  });

  it('takes a changed rule as breaking: what it promised, or the data it accepts, is no longer the same', () => {
    const next = nextVersionOf(rule('mustBeLessThan: 10'));
    expect(compareContracts(before, next)).toMatchObject({ isBreaking: true });
  });

  const messagesOf = (next: Contract) =>
    compareContracts(before, next).changes.map((change) => [change.kind, change.isBreaking, change.message]);

  it('names what a changed rule checks differently, and the rules added and removed', () => {
    expect(messagesOf(nextVersionOf(rule('mustBeLessThan: 10\n            unit: percent')))).toEqual([
      ['quality-changed', true, "quality rule 'nullValues': mustBe removed (was 0)"],
      ['quality-changed', true, "quality rule 'nullValues': mustBeLessThan set to 10"],
      ['quality-changed', true, "quality rule 'nullValues': unit set to 'percent'"],
    ]);
    const duplicates = `mustBe: 0\n          - metric: duplicateValues\n            mustBe: 0`;
    expect(messagesOf(nextVersionOf(rule(duplicates)))).toEqual([
      ['quality-changed', true, "quality rule 'duplicateValues' added"],
    ]);
    expect(compareContracts(imported(anOdcsText(rule(duplicates))), nextVersionOf(rule('mustBe: 0'))).changes).toEqual([
      {
        kind: 'quality-changed',
        isBreaking: true,
        subject: 'orders.order_id',
        message: "quality rule 'duplicateValues' removed",
        attribute: ['quality'],
      },
    ]);
  });

  it.each([
    ['mustBeLessThan: 5', 'mustBeLessThan: 1', 'quality-tightened', false, 'mustBeLessThan tightened from 5 to 1'],
    ['mustBeLessThan: 1', 'mustBeLessThan: 5', 'quality-changed', true, 'mustBeLessThan loosened from 1 to 5'],
    [
      'mustBeGreaterThan: 10',
      'mustBeGreaterThan: 100',
      'quality-tightened',
      false,
      'mustBeGreaterThan tightened from 10 to 100',
    ],
    [
      'mustBeLessOrEqualTo: 3',
      'mustBeLessOrEqualTo: 4',
      'quality-changed',
      true,
      'mustBeLessOrEqualTo loosened from 3 to 4',
    ],
    [
      'mustBeBetween: [1, 10]',
      'mustBeBetween: [2, 9]',
      'quality-tightened',
      false,
      'mustBeBetween tightened from [1,10] to [2,9]',
    ],
    [
      'mustBeBetween: [1, 10]',
      'mustBeBetween: [0, 5]',
      'quality-changed',
      true,
      'mustBeBetween loosened from [1,10] to [0,5]',
    ],
    ['mustBe: 0', 'mustBe: 1', 'quality-changed', true, 'mustBe changed from 0 to 1'],
    [
      'mustBeLessThan: 1',
      'mustBeLessOrEqualTo: 1',
      'quality-changed',
      true,
      'operator changed from < 1 to ≤ 1, loosened',
    ],
    [
      'mustBeLessThan: 1',
      'mustBeLessOrEqualTo: 0',
      'quality-rewritten',
      false,
      'operator changed from < 1 to ≤ 0, allowing the same counts',
    ],
    [
      'mustBeGreaterOrEqualTo: 10',
      'mustBeGreaterThan: 9',
      'quality-rewritten',
      false,
      'operator changed from ≥ 10 to > 9, allowing the same counts',
    ],
    [
      'mustBeLessThan: 5',
      'mustBeLessOrEqualTo: 1',
      'quality-tightened',
      false,
      'operator changed from < 5 to ≤ 1, tightened',
    ],
    [
      'mustBeLessThan: 1\n            unit: percent',
      'mustBeLessOrEqualTo: 1\n            unit: percent',
      'quality-changed',
      true,
      'operator changed from < 1 to ≤ 1, loosened',
    ],
    [
      'mustBeLessOrEqualTo: 1\n            unit: percent',
      'mustBeLessThan: 1\n            unit: percent',
      'quality-tightened',
      false,
      'operator changed from ≤ 1 to < 1, tightened',
    ],
    [
      'mustBeLessThan: 1\n            unit: percent',
      'mustBeLessOrEqualTo: 0\n            unit: percent',
      'quality-tightened',
      false,
      'operator changed from < 1 to ≤ 0, tightened',
    ],
    [
      'mustBe: 0',
      'mustBeLessThan: 1',
      'quality-rewritten',
      false,
      'operator changed from = 0 to < 1, allowing the same counts',
    ],
    [
      'mustBe: 0',
      'mustBeLessOrEqualTo: 0',
      'quality-rewritten',
      false,
      'operator changed from = 0 to ≤ 0, allowing the same counts',
    ],
    ['mustBe: 0', 'mustBeLessThan: 10', 'quality-changed', true, 'operator changed from = 0 to < 10, loosened'],
    ['mustBeLessThan: 10', 'mustBe: 0', 'quality-tightened', false, 'operator changed from < 10 to = 0, tightened'],
    [
      'mustBe: 5',
      'mustBeGreaterThan: 10',
      'quality-changed',
      true,
      'operator changed from = 5 to > 10, letting through data it refused before',
    ],
    [
      'mustBeLessThan: 5',
      'mustBeBetween: [0, 2]',
      'quality-tightened',
      false,
      'operator changed from < 5 to between 0 and 2, tightened',
    ],
    [
      'mustBeBetween: [0, 2]',
      'mustNotBeBetween: [3, 9]',
      'quality-changed',
      true,
      'operator changed from between 0 and 2 to not between 3 and 9, loosened',
    ],
    [
      'mustNotBe: 0',
      'mustBeGreaterThan: 0',
      'quality-rewritten',
      false,
      'operator changed from ≠ 0 to > 0, allowing the same counts',
    ],
  ] as const)(
    'ranks a rule’s threshold moved, under the same operator or another, %s to %s, as %s',
    (was, is, kind, isBreaking, message) => {
      const from = imported(anOdcsText(rule(was)));
      expect(
        compareContracts(from, nextVersionOf(rule(is))).changes.map((change) => [
          change.kind,
          change.isBreaking,
          change.message,
        ]),
      ).toEqual([[kind, isBreaking, `quality rule 'nullValues': ${message}`]]);
    },
  );

  const countQuery = 'SELECT COUNT(*) FROM orders WHERE total < 0';
  const sqlRule = (operator: string, query = countQuery) => `schema:
  - name: orders
    quality:
      - type: sql
        query: ${query}
        ${operator}
`;

  it.each([
    [
      'mustBe: 0',
      'mustBeLessThan: 1',
      countQuery,
      'quality-rewritten',
      false,
      'operator changed from = 0 to < 1, allowing the same counts',
    ],
    [
      'mustBeGreaterThan: 5',
      'mustBeGreaterOrEqualTo: 5',
      countQuery,
      'quality-changed',
      true,
      'operator changed from > 5 to ≥ 5, loosened',
    ],
    [
      'mustBeGreaterOrEqualTo: 5',
      'mustBeGreaterThan: 4',
      countQuery,
      'quality-rewritten',
      false,
      'operator changed from ≥ 5 to > 4, allowing the same counts',
    ],
    [
      'mustBe: 0',
      'mustBeLessThan: 1',
      'SELECT AVG(total) FROM orders',
      'quality-changed',
      true,
      'operator changed from = 0 to < 1, loosened',
    ],
    [
      'mustBeLessThan: 1',
      'mustBe: 0',
      'SELECT AVG(total) FROM orders',
      'quality-tightened',
      false,
      'operator changed from < 1 to = 0, tightened',
    ],
  ] as const)(
    'takes a SQL rule whose only change is its operator, %s to %s on %s, as one threshold moved: %s',
    (was, is, query, kind, isBreaking, message) => {
      const from = imported(anOdcsText(sqlRule(was, query)));
      expect(
        compareContracts(from, nextVersionOf(sqlRule(is, query))).changes.map((change) => [
          change.kind,
          change.isBreaking,
          change.subject,
          change.message,
        ]),
      ).toEqual([[kind, isBreaking, 'orders', `quality rule 'sql': ${message}`]]);
    },
  );

  it('keeps a SQL rule whose query changed with its operator as the changes they are', () => {
    const from = imported(anOdcsText(sqlRule('mustBe: 0')));
    const next = nextVersionOf(sqlRule('mustBeLessThan: 1', 'SELECT COUNT(*) FROM orders WHERE total <= 0'));
    expect(compareContracts(from, next).changes.map((change) => change.message)).toEqual([
      "quality rule 'sql': query changed from 'SELECT COUNT(*) FROM orders WHERE total < 0' to 'SELECT COUNT(*) FROM orders WHERE total <= 0'",
      "quality rule 'sql': mustBe removed (was 0)",
      "quality rule 'sql': mustBeLessThan set to 1",
    ]);
  });

  it('keeps a stricter threshold breaking when what the rule measures changes too', () => {
    const from = imported(anOdcsText(rule('mustBeLessThan: 5')));
    const changesTo = (body: string) => compareContracts(from, nextVersionOf(rule(body)));
    expect(changesTo('mustBeLessThan: 1\n            unit: percent')).toMatchObject({ isBreaking: true });
    expect(changesTo('mustBeLessOrEqualTo: 1\n            unit: percent')).toMatchObject({ isBreaking: true });
  });

  it.each([
    ['a description', 'description: Every order has an id.', "description set to 'Every order has an id.'"],
    ['a name', 'name: ids present', "name set to 'ids present'"],
    ['a dimension', 'dimension: completeness', "dimension set to 'completeness'"],
    ['a severity', 'severity: error', "severity set to 'error'"],
    ['a schedule', 'schedule: 0 20 * * *', "schedule set to '0 20 * * *'"],
    ['a scheduler', 'scheduler: cron', "scheduler set to 'cron'"],
  ])('takes %s given to a rule for documentation, which refuses no data', (_, line, message) => {
    expect(messagesOf(nextVersionOf(rule(`mustBe: 0\n            ${line}`)))).toEqual([
      ['documentation-changed', false, `quality rule 'nullValues': ${message}`],
    ]);
  });

  it('calls an allowed-values rule whose mustBe changed one rule whose threshold changed, breaking as a loosened nullValues is', () => {
    const strict = workOrderKinds('repair, calibration');
    const tolerant = { ...imported(strict.odcs.replace('mustBe: 0', 'mustBe: 5')), version: '2.0.0' };
    const asRows = (next: Contract, from = strict) =>
      compareContracts(from, next).changes.map((change) => [
        change.kind,
        change.isBreaking,
        change.subject,
        change.message,
      ]);
    expect(asRows(tolerant)).toEqual([
      ['quality-changed', true, 'work_order.kind', "quality rule 'invalidValues': mustBe changed from 0 to 5"],
    ]);
    expect(asRows(strict, tolerant)).toEqual([
      ['quality-changed', true, 'work_order.kind', "quality rule 'invalidValues': mustBe changed from 5 to 0"],
    ]);
  });

  it('keeps the allowed values of an invalidValues rule given a description, which only documents them', () => {
    const kinds = 'repair, calibration';
    const documented = { ...workOrderKinds(kinds, 'description: Kinds the workshop does.'), version: '1.0.1' };
    const comparison = compareContracts(workOrderKinds(kinds), documented);
    expect(
      comparison.changes.map((change) => [change.kind, change.isBreaking, change.subject, change.message]),
    ).toEqual([
      [
        'documentation-changed',
        false,
        'work_order.kind',
        "quality rule 'invalidValues': description set to 'Kinds the workshop does.'",
      ],
    ]);
    expect(comparison.findings).toEqual([]);
    const fewer = { ...workOrderKinds('repair', 'description: Kinds the workshop does.'), version: '2.0.0' };
    expect(compareContracts(documented, fewer).changes.map((change) => [change.kind, change.message])).toEqual([
      ['enum-value-removed', "allowed value 'calibration' removed"],
    ]);
  });
});

describe('version bumps', () => {
  const breaking = (version: string) => changed((properties) => properties.slice(1), version);

  it('asks for a major bump for breaking changes', () => {
    expect(compareContracts(previous, breaking('1.1.0')).findings).toEqual([
      {
        path: 'version',
        severity: 'error',
        message: 'breaking changes need a new major version: 2.0.0 instead of 1.1.0',
      },
    ]);
  });

  it('accepts a major bump for breaking changes', () => {
    expect(compareContracts(previous, breaking('2.0.0')).findings).toEqual([]);
    expect(compareContracts(previous, breaking('2.0.0-rc.1')).findings).toEqual([]);
  });

  it('takes a new minor version for breaking changes while the major version is 0', () => {
    const initial = { ...previous, version: '0.9.0' };
    expect(compareContracts(initial, breaking('0.10.0'))).toMatchObject({ findings: [] });
    expect(compareContracts(initial, breaking('0.9.1'))).toMatchObject({
      neededVersion: '0.10.0',
      findings: [
        {
          severity: 'error',
          message: 'breaking changes need a new minor version while the major version is 0: 0.10.0 instead of 0.9.1',
        },
      ],
    });
  });

  it('takes a new patch version for breaking changes while the version is 0.0.x', () => {
    const initial = { ...previous, version: '0.0.3' };
    expect(compareContracts(initial, breaking('0.0.4'))).toMatchObject({ findings: [] });
    expect(compareContracts(initial, breaking('0.0.3')).findings).toEqual([
      {
        path: 'version',
        severity: 'error',
        message: 'breaking changes need a new patch version while the version is 0.0.x: 0.0.4 instead of 0.0.3',
      },
    ]);
  });

  it('says when versions are no semantic versions, rather than demanding 1.0.0 or an unchanged version', () => {
    const calendar = { ...previous, version: '2024-01' };
    expect(compareContracts(calendar, breaking('2024-02'))).not.toHaveProperty('neededVersion');
    expect(compareContracts(calendar, breaking('2024-02')).findings).toEqual([
      {
        path: 'version',
        severity: 'warning',
        message:
          'versions 2024-01 and 2024-02 are no semantic versions (MAJOR.MINOR.PATCH), so whether 2024-02 announces breaking changes cannot be checked: tell the consumers, or number the versions semantically (e.g. 1.0.0)',
      },
    ]);
    expect(compareContracts(calendar, breaking('1.0.0')).findings).toEqual([]);
    expect(compareContracts(previous, breaking('2024-02'))).toMatchObject({
      neededVersion: '2.0.0',
      findings: [
        {
          severity: 'error',
          message: 'breaking changes need a new major version: 2.0.0 instead of 2024-02, which is no semantic version',
        },
      ],
    });
  });

  it('orders versions written short or with a v', () => {
    const short = { ...previous, version: '1.0' };
    const described = changed(replace('note', { description: 'Other.' }), '1.1');
    expect(compareContracts(short, described).findings).toEqual([]);
    expect(compareContracts(short, { ...described, version: 'v1' }).findings).toMatchObject([
      { severity: 'warning', message: 'the contract changed but its version is still v1' },
    ]);
    expect(compareContracts({ ...previous, version: 'v2' }, { ...previous, version: '1.5' }).findings).toMatchObject([
      { severity: 'error', message: 'version 1.5 is lower than the previous v2' },
    ]);
  });

  it('warns when the contract changed but its version did not', () => {
    const next = changed(replace('note', { description: 'Other.' }), '1.0.0');
    expect(compareContracts(previous, next).findings).toEqual([
      { path: 'version', severity: 'warning', message: 'the contract changed but its version is still 1.0.0' },
    ]);
  });

  it('refuses a version lower than the previous one', () => {
    expect(compareContracts(previous, { ...previous, version: '0.9.0' }).findings).toMatchObject([
      { severity: 'error', message: 'version 0.9.0 is lower than the previous 1.0.0' },
    ]);
  });
});

describe('changelog', () => {
  it('lists breaking changes first, then the others, then what is wrong with the version', () => {
    const next = changed(
      (properties) => [...properties.filter((property) => property.name !== 'total'), aProperty('currency')],
      '1.1.0',
    );
    expect(formatChangelog(compareContracts(previous, next))).toEqual([
      '## 1.1.0 (from 1.0.0)',
      '',
      '### Breaking changes',
      '',
      '- `orders.total`: field removed',
      '',
      '### Other changes',
      '',
      '- `orders.currency`: optional field added',
      '',
      '> **error:** breaking changes need a new major version: 2.0.0 instead of 1.1.0',
    ]);
  });

  it('says when nothing changed', () => {
    expect(formatChangelog(compareContracts(previous, previous))).toEqual(['## 1.0.0 (from 1.0.0)', '', 'No changes.']);
  });
});

describe('breaking changes in physical names and relationships', () => {
  const contractWith = (objectLines: string, propertyLines: string, version = '2.0.0') =>
    imported(
      anOdcsText(`schema:
  - name: orders
${objectLines}    properties:
      - name: order_id
        logicalType: string
${propertyLines}      - name: customer_id
        logicalType: string
`).replace('version: 1.0.0', `version: ${version}`),
    );
  const before = contractWith(
    '    physicalName: orders_v1\n    relationships:\n      - type: foreignKey\n        from: orders.customer_id\n        to: customers.id\n',
    '        physicalName: order_id\n        relationships:\n          - type: foreignKey\n            to: receipts.order_id\n',
    '1.0.0',
  );
  const changesTo = (next: Contract) =>
    compareContracts(before, next).changes.map((change) => [
      change.kind,
      change.isBreaking,
      change.subject,
      change.message,
    ]);

  it('finds a renamed table and a renamed column, which consumers reading them by name lose', () => {
    const next = contractWith(
      '    physicalName: orders_v2\n    relationships:\n      - type: foreignKey\n        from: orders.customer_id\n        to: customers.id\n',
      '        physicalName: id\n        relationships:\n          - type: foreignKey\n            to: receipts.order_id\n',
    );
    expect(changesTo(next)).toEqual([
      ['physical-name-changed', true, 'orders.order_id', "physicalName changed from 'order_id' to 'id'"],
      ['physical-name-changed', true, 'orders', "physicalName changed from 'orders_v1' to 'orders_v2'"],
    ]);
  });

  it('takes a physical name that equals the logical one for no name at all', () => {
    const next = contractWith(
      '    physicalName: orders_v1\n    relationships:\n      - type: foreignKey\n        from: orders.customer_id\n        to: customers.id\n',
      '        relationships:\n          - type: foreignKey\n            to: receipts.order_id\n',
    );
    expect(changesTo(next)).toEqual([]);
  });

  it('finds relationships added and removed, which refuse data or take back a promise', () => {
    const next = contractWith(
      '    physicalName: orders_v1\n',
      '        physicalName: order_id\n        relationships:\n          - type: foreignKey\n            to: receipts.order_id\n          - type: foreignKey\n            to: invoices.order_id\n',
    );
    expect(changesTo(next)).toEqual([
      ['relationship-changed', true, 'orders.order_id', 'relationship to invoices.order_id added'],
      ['relationship-changed', true, 'orders', 'relationship to customers.id removed'],
    ]);
  });

  it('takes what documents a relationship, not what it relates, for documentation', () => {
    const next = contractWith(
      '    physicalName: orders_v1\n    relationships:\n      - from: orders.customer_id\n        to: customers.id\n',
      '        physicalName: order_id\n        relationships:\n          - type: foreignKey\n            to: receipts.order_id\n            customProperties:\n              - property: note\n                value: one receipt per order\n',
      '1.0.1',
    );
    expect(changesTo(next)).toEqual([
      [
        'documentation-changed',
        false,
        'orders.order_id',
        'relationship to receipts.order_id: customProperties set to [{"property":"note","value":"one receipt per order"}]',
      ],
    ]);
  });
});

describe('references that followed a renamed field or schema object', () => {
  const clinicsAndAppointments = (
    version: string,
    names: { clinicId: string; scheduledAt: string; appointments?: string; target?: string },
  ) =>
    imported(
      anOdcsText(`schema:
  - name: clinics
    properties:
      - name: ${names.clinicId}
        logicalType: string
        physicalName: clinic_id
  - name: ${names.appointments ?? 'appointments'}
    physicalName: appointments
    relationships:
      - from: ${names.appointments ?? 'appointments'}.clinic_id
        to: ${names.target ?? `clinics.${names.clinicId}`}
    properties:
      - name: clinic_id
        logicalType: string
        relationships:
          - to: ${names.target ?? `clinics.${names.clinicId}`}
      - name: ${names.scheduledAt}
        logicalType: timestamp
        physicalName: scheduled_at
    quality:
      - metric: duplicateValues
        arguments:
          properties: [clinic_id, ${names.scheduledAt}]
        mustBe: 0
`).replace('version: 1.0.0', `version: ${version}`),
    );
  const before = clinicsAndAppointments('1.0.0', { clinicId: 'clinic_id', scheduledAt: 'scheduled_at' });
  const changesTo = (next: Contract) =>
    compareContracts(before, next).changes.map((change) => [change.isBreaking, change.subject, change.message]);

  it('pairs a relationship whose target followed a renamed field, the foreign key kept', () => {
    const next = clinicsAndAppointments('2.0.0', { clinicId: 'clinic_ref', scheduledAt: 'scheduled_at' });
    expect(changesTo(next)).toEqual([
      [
        true,
        'clinics.clinic_id',
        "field seems renamed to clinic_ref (same type and attributes, same physicalName 'clinic_id')",
      ],
      [
        false,
        'appointments.clinic_id',
        'relationship to clinics.clinic_id now to clinics.clinic_ref, as the field was renamed',
      ],
      [false, 'appointments', 'relationship to clinics.clinic_id now to clinics.clinic_ref, as the field was renamed'],
    ]);
  });

  it('still breaks on a relationship that now points elsewhere', () => {
    const next = clinicsAndAppointments('2.0.0', {
      clinicId: 'clinic_ref',
      scheduledAt: 'scheduled_at',
      target: 'clinics.clinic_ref_old',
    });
    expect(changesTo(next).filter(([isBreaking]) => isBreaking)).toEqual([
      [
        true,
        'clinics.clinic_id',
        "field seems renamed to clinic_ref (same type and attributes, same physicalName 'clinic_id')",
      ],
      [true, 'appointments.clinic_id', 'relationship to clinics.clinic_ref_old added'],
      [true, 'appointments.clinic_id', 'relationship to clinics.clinic_id removed'],
      [true, 'appointments', 'relationship to clinics.clinic_ref_old added'],
      [true, 'appointments', 'relationship to clinics.clinic_id removed'],
    ]);
  });

  it('pairs a duplicateValues rule whose arguments followed a renamed field, what it checks kept', () => {
    const next = clinicsAndAppointments('2.0.0', { clinicId: 'clinic_id', scheduledAt: 'scheduled_at_utc' });
    expect(changesTo(next)).toEqual([
      [
        true,
        'appointments.scheduled_at',
        "field seems renamed to scheduled_at_utc (same type and attributes, same physicalName 'scheduled_at')",
      ],
      [
        false,
        'appointments',
        "quality rule 'duplicateValues': arguments now name clinic_id, scheduled_at_utc, as the field was renamed",
      ],
    ]);
  });

  it('pairs the relationships of a renamed schema object by its new name', () => {
    const next = clinicsAndAppointments('2.0.0', {
      clinicId: 'clinic_id',
      scheduledAt: 'scheduled_at',
      appointments: 'visits',
    });
    expect(changesTo(next)).toEqual([
      [true, 'appointments', "schema object seems renamed to visits (same fields, same physicalName 'appointments')"],
      [
        false,
        'appointments',
        'relationship to clinics.clinic_id now from visits.clinic_id, as the schema object was renamed',
      ],
    ]);
  });

  it('pairs a contract-level duplicateValues rule naming fields by table and name', () => {
    const withRule = (contract: Contract, field: string): Contract => ({
      ...contract,
      quality: [
        { type: 'library', metric: 'duplicateValues', mustBe: 0, extensions: { arguments: { properties: [field] } } },
      ],
    });
    const next = clinicsAndAppointments('2.0.0', { clinicId: 'clinic_id', scheduledAt: 'scheduled_at_utc' });
    const changes = compareContracts(
      withRule(before, 'appointments.scheduled_at'),
      withRule(next, 'appointments.scheduled_at_utc'),
    ).changes.filter((change) => change.subject === 'contract');
    expect(changes.map((change) => [change.isBreaking, change.message])).toEqual([
      [
        false,
        "quality rule 'duplicateValues': arguments now name appointments.scheduled_at_utc, as the field was renamed",
      ],
    ]);
  });
});
