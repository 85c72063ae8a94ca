import { describe, expect, it } from 'vitest';
import {
  aContract,
  aMesh,
  aProduct,
  aScenario,
  aShopMesh,
  aSystem,
  type ContractBuilder,
  PREDICTABLE_ITEMS,
  type ProductBuilder,
  rowsOf,
  simulate,
} from './builders';

const withOneBadItem = (values: Record<string, string | number | null>) =>
  aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new', ...values } })
    .build();

const DUPLICATE_KEY =
  'key id appears more than once in the result: those rows are held back, and the key keeps the row it had (if any)';

describe('contract checks on output ports', () => {
  it('quarantines a record with a value outside the enum, with the rule and the record', async () => {
    const simulation = await simulate(aShopMesh().build(), withOneBadItem({ status: 'lost' }));
    const metrics = simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT tick, port, rule, property, message, record FROM quarantine')).toEqual(
      [
        {
          tick: 1,
          port: 'items-out',
          rule: 'enum',
          property: 'status',
          message: "status must be one of new, listed, sold, got 'lost'",
          record: '{"id":2,"name":"chair","price":25.0,"status":"lost"}',
        },
      ],
    );
    expect(metrics.ports['catalog/items-out']).toEqual({
      published: 1,
      quarantined: 1,
      violations: [
        {
          rule: 'enum',
          property: 'status',
          count: 1,
          first: {
            tick: 1,
            message: "status must be one of new, listed, sold, got 'lost'",
            record: { id: 2, name: 'chair', price: 25, status: 'lost' },
          },
        },
      ],
    });
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => message.key)).toEqual([{ id: 1 }]);
  });

  it('quarantines {"name":null} for breaking the required rule', async () => {
    const simulation = await simulate(aShopMesh().build(), withOneBadItem({ name: null }));
    simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule: 'required', property: 'name', message: 'name is required' },
    ]);
  });

  it('quarantines {"price":"free"} for breaking the type rule, from a text column the contract promises as a number', async () => {
    const mesh = aShopMesh().build();
    const [items] = mesh.systems[0]?.database.tables ?? [];
    for (const column of items?.columns ?? []) if (column.name === 'price') column.type = 'text';
    const simulation = await simulate(mesh, withOneBadItem({ price: 'free' }));
    simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, message FROM quarantine')).toContainEqual({
      rule: 'type',
      property: 'price',
      message: "price must be a number, got 'free'",
    });
  });

  it.each([
    [{ price: -1 }, 'range', 'price', 'price must be at least 0, got -1.0'],
    [{ price: 1000 }, 'range', 'price', 'price must be less than 1000, got 1000.0'],
    [{ name: 'x' }, 'length', 'name', "name must be at least 2 characters long, got 'x'"],
    [
      { name: 'a very long chair' },
      'length',
      'name',
      "name must be at most 10 characters long, got 'a very long chair'",
    ],
    [{ listed_on: '2019-12-31' }, 'range', 'listed_on', "listed_on must be at or after 2020-01-01, got '2019-12-31'"],
    [{ status: 'NEW' }, 'pattern', 'status', "status must match ^[a-z]+$, got 'NEW'"],
    [{ status: 'new\nsold' }, 'pattern', 'status', "status must match ^[a-z]+$, got 'new\nsold'"],
  ])('quarantines %j for breaking a rule its logicalTypeOptions set (%s)', async (values, rule, property, message) => {
    const bounded = aContract('item', 'entity', 'items')
      .withKey('id', 'integer')
      .withProperty('name', 'string', { required: true, logicalTypeOptions: { minLength: 2, maxLength: 10 } })
      .withProperty('price', 'number', { required: true, logicalTypeOptions: { minimum: 0, exclusiveMaximum: 1000 } })
      .withProperty('status', 'string', { logicalTypeOptions: { pattern: '^[a-z]+$' } })
      .withProperty('listed_on', 'date', { logicalTypeOptions: { minimum: '2020-01-01' } });
    const shopMesh = aShopMesh().build();
    const mesh = {
      ...shopMesh,
      contracts: shopMesh.contracts.map((contract) => (contract.id === 'item' ? bounded.build() : contract)),
    };
    mesh.systems[0]?.database.tables[0]?.columns.push({ name: 'listed_on', type: 'text', nullable: true });
    const simulation = await simulate(mesh, withOneBadItem({ listed_on: '2024-05-01', ...values }));
    simulation.step(2);

    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule, property, message },
    ]);
  });

  it('quarantines the rows of a transformation result that repeat a key once, and publishes the rest', async () => {
    const mesh = aShopMesh()
      .with(
        aProduct('labels', 'aggregate')
          .withInput('items-in')
          .withOutput('labels-out', 'label')
          .withTransformation('labels', "SELECT id, name AS label FROM items UNION ALL SELECT 1, 'duplicate'"),
        aContract('label', 'entity', 'labels').withKey('id', 'integer').withProperty('label', 'string'),
      )
      .withLink('catalog/items-out', 'labels/items-in')
      .build();
    const simulation = await simulate(mesh, aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build());

    simulation.step(2);

    expect(rowsOf(simulation, 'labels', 'SELECT rule, property, message, record FROM quarantine ORDER BY id')).toEqual([
      {
        rule: 'unique',
        property: 'id',
        message: DUPLICATE_KEY,
        record: '{"id":1,"label":"duplicate"}',
      },
      {
        rule: 'unique',
        property: 'id',
        message: DUPLICATE_KEY,
        record: '{"id":1,"label":"lamp"}',
      },
    ]);
    expect(simulation.metrics().ports['labels/labels-out']).toMatchObject({
      published: 1,
      quarantined: 2,
      violations: [
        { rule: 'unique', property: 'id', count: 2, first: { tick: 0, record: { id: 1, label: 'duplicate' } } },
      ],
    });
    expect(rowsOf(simulation, 'labels', 'SELECT * FROM labels')).toEqual([{ id: 2, label: 'lamp' }]);
  });

  it('keeps the row a key had when the result repeats that key, and publishes nothing for it', async () => {
    const mesh = aShopMesh()
      .with(
        aProduct('labels', 'aggregate')
          .withInput('items-in')
          .withOutput('labels-out', 'label')
          .withTransformation(
            'labels',
            "SELECT id, name AS label FROM items UNION ALL SELECT id, 'copy' FROM items WHERE name = 'renamed'",
          ),
        aContract('label', 'entity', 'labels').withKey('id', 'integer').withProperty('label', 'string'),
      )
      .withLink('catalog/items-out', 'labels/items-in')
      .build();
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(2, 'shop', 'items', 'update', { values: { name: 'renamed' }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, scenario);
    simulation.step(2);
    const publishedBefore = simulation.metrics().ports['labels/labels-out']?.published;

    simulation.step(3);

    expect(rowsOf(simulation, 'labels', 'SELECT * FROM labels ORDER BY id')).toEqual([
      { id: 1, label: 'lamp' },
      { id: 2, label: 'lamp' },
    ]);
    expect(rowsOf(simulation, 'labels', 'SELECT DISTINCT message FROM quarantine')).toEqual([
      { message: DUPLICATE_KEY },
    ]);
    expect(simulation.metrics().ports['labels/labels-out']?.published).toBe(publishedBefore);
  });

  it('quarantines personal data a consumer republishes without its classification', async () => {
    const simulation = await simulatePeopleRead(
      'pii',
      'mailing',
      aProduct('mailing', 'consumer-aligned')
        .withInput('people-in')
        .withOutput('mailing-out', 'mailing-entry')
        .withTransformation('mailing_list', 'SELECT id, email FROM people'),
      aContract('mailing-entry', 'entity', 'mailing_list').withKey('id', 'integer').withProperty('email', 'string'),
    );

    expect(simulation.metrics().ports).toMatchObject({
      'people/people-out': { published: 1, quarantined: 0 },
      'mailing/mailing-out': { published: 0, quarantined: 1 },
    });
    expect(rowsOf(simulation, 'mailing', 'SELECT rule, property, message FROM quarantine')).toEqual([
      {
        rule: 'classification',
        property: 'email',
        message: "email carries 'pii' data but the contract does not classify it as 'pii'",
      },
    ]);
  });

  it.each([
    'SELECT p.id, p.email AS contact, 1 AS email FROM people p',
    'SELECT p.id, p.email AS contact, (SELECT COUNT(*) FROM people q WHERE q.id <= p.id) AS email FROM people p',
    'SELECT p.id, p.email COLLATE NOCASE AS contact, 1 AS email FROM people p',
    'SELECT p.id, likely(p.email) AS contact, 1 AS email FROM people p',
  ])(
    'quarantines personal data a consumer republishes under another name, following its lineage as the pii-propagation rule does: %s',
    async (sql) => {
      const simulation = await simulatePeopleRead(
        'restricted',
        'scores',
        aProduct('scores', 'consumer-aligned')
          .withInput('people-in')
          .withOutput('scores-out', 'score')
          .withTransformation('scores', sql),
        aContract('score', 'entity', 'scores')
          .withKey('id', 'integer')
          .withProperty('contact', 'string')
          .withProperty('email', 'integer'),
      );

      expect(simulation.metrics().ports['scores/scores-out']).toMatchObject({ published: 0, quarantined: 1 });
      expect(rowsOf(simulation, 'scores', 'SELECT rule, property, message FROM quarantine')).toEqual([
        {
          rule: 'classification',
          property: 'contact',
          message: "contact carries 'restricted' data but the contract does not classify it as 'restricted'",
        },
      ]);
    },
  );
});

/**
 * One person, whose email the CRM's People product publishes classified `classification`, read
 * through its input port `people-in` by `consumer` (product `consumerId`), whose output `contract` governs.
 */
function simulatePeopleRead(
  classification: string,
  consumerId: string,
  consumer: ProductBuilder,
  contract: ContractBuilder,
) {
  const mesh = aMesh()
    .with(
      aSystem('crm').withTable('people', { id: 'integer', email: 'text' }).withCdcTopic('people-cdc', 'people'),
      aProduct('people').withInput('people-in').withOutput('people-out', 'person'),
      aContract('person', 'entity', 'people')
        .withKey('id', 'integer')
        .withProperty('email', 'string', { classification }),
      consumer,
      contract,
    )
    .withLink('crm/people-cdc', 'people/people-in')
    .withLink('people/people-out', `${consumerId}/people-in`)
    .build();
  const scenario = aScenario()
    .withData('crm', 'people', 1, { email: { kind: 'oneOf', values: ['ann@example.com'] } })
    .build();
  return simulate(mesh, scenario);
}
