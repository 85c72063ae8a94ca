import { describe, expect, it } from 'vitest';
import {
  canReadAs,
  checkCompatibility,
  checkLinkCompatibility,
  checkMeshCompatibility,
  expectedFieldsOf,
} from '../../../shared/contracts/compatibility';
import type { LogicalType } from '../../../shared/model/logical-type';
import type { ExpectedField } from '../../../shared/model/port';
import {
  aContract,
  aDomain,
  aKey,
  aLink,
  aMesh,
  anEventContract,
  anInputPort,
  anObject,
  anOrdersService,
  anOutputPort,
  anUntypedProperty,
  aProduct,
  aProperty,
} from './builders';

const need = (name: string, logicalType: LogicalType, required = true): ExpectedField => ({
  name,
  logicalType,
  required,
});

describe('reading one logical type as another', () => {
  it.each([
    ['integer', 'number', true],
    ['number', 'integer', false],
    ['date', 'timestamp', false],
    ['timestamp', 'date', false],
    ['integer', 'string', false],
    ['string', 'string', true],
  ] as const)('%s as %s: %s', (provided, needed, isReadable) => {
    expect(canReadAs(provided, needed)).toBe(isReadable);
  });
});

describe('a producer contract against the fields a consumer needs', () => {
  const producer = anEventContract();

  it('is compatible when every needed field is there with a readable type', () => {
    expect(checkCompatibility(producer, [need('event_id', 'string'), need('total', 'number')])).toEqual([]);
  });

  it('lets an integer field serve a consumer that needs a number', () => {
    expect(checkCompatibility(producer, [need('customer_id', 'number')])).toEqual([]);
  });

  it('names a missing field', () => {
    expect(checkCompatibility(producer, [need('currency', 'string')])).toEqual([
      { field: 'currency', message: 'missing field currency' },
    ]);
  });

  it('points at a field that differs only in case', () => {
    expect(checkCompatibility(producer, [need('Customer_ID', 'integer')])).toEqual([
      { field: 'Customer_ID', message: "missing field Customer_ID (the contract has 'customer_id')" },
    ]);
  });

  it('names a field whose type the consumer cannot read', () => {
    expect(checkCompatibility(producer, [need('total', 'integer')])).toEqual([
      { field: 'total', message: 'field total: number is not compatible with needed integer' },
    ]);
  });

  it('names an optional field that the consumer needs non-null', () => {
    const contract = aContract({ schema: [anObject('orders', [aKey('order_id'), aProperty('note')])] });
    expect(checkCompatibility(contract, [need('note', 'string', true)])).toEqual([
      { field: 'note', message: 'field note is optional, but needed as required' },
    ]);
    expect(checkCompatibility(contract, [need('note', 'string', false)])).toEqual([]);
  });

  it('counts a primary key field as never null, whether or not it writes required: true', () => {
    const keyAsWritten = aProperty('pet_id', 'string', { primaryKey: true });
    const producer = aContract({ schema: [anObject('visits', [keyAsWritten])] });
    expect(checkCompatibility(producer, [need('pet_id', 'string', true)])).toEqual([]);
    const optionalPetId = aContract({ schema: [anObject('visits', [aProperty('pet_id')])] });
    expect(checkCompatibility(optionalPetId, expectedFieldsOf(producer))).toEqual([
      { field: 'pet_id', message: 'field pet_id is optional, but needed as required' },
    ]);
  });

  it('cannot promise a needed type from a property without one', () => {
    const contract = aContract({ schema: [anObject('orders', [aKey('order_id'), anUntypedProperty('note')])] });
    expect(checkCompatibility(contract, [need('note', 'string', false)])).toEqual([
      { field: 'note', message: 'field note: any type is not compatible with needed string' },
    ]);
  });

  it('lets a consumer that references a contract with an untyped property read any value there', () => {
    const untyped = aContract({ schema: [anObject('orders', [aKey('order_id'), anUntypedProperty('note')])] });
    const typed = aContract({ schema: [anObject('orders', [aKey('order_id'), aProperty('note', 'integer')])] });
    expect(checkCompatibility(typed, expectedFieldsOf(untyped))).toEqual([]);
    expect(checkCompatibility(untyped, expectedFieldsOf(untyped))).toEqual([]);
  });

  it('reports every problem of every field', () => {
    const problems = checkCompatibility(aContract(), [need('status', 'integer'), need('total', 'number')]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'field status: string is not compatible with needed integer',
      'field status is optional, but needed as required',
      'missing field total',
    ]);
  });

  it('looks only in the schema object the contract publishes, its first', () => {
    const contract = aContract({
      schema: [
        anObject('desks', [aKey('desk_id'), aProperty('name', 'string', { required: true })]),
        anObject('articles', [aKey('article_id', 'string'), aProperty('headline', 'string', { required: true })]),
      ],
    });
    expect(checkCompatibility(contract, [need('desk_id', 'integer'), need('name', 'string')])).toEqual([]);
    expect(checkCompatibility(contract, [need('article_id', 'string'), need('headline', 'string')])).toEqual([
      { field: 'article_id', message: 'missing field article_id' },
      { field: 'headline', message: 'missing field headline' },
    ]);
  });

  it('needs of a referenced contract only what it publishes, its first schema object', () => {
    const contract = aContract({
      schema: [anObject('orders', [aKey('order_id')]), anObject('lines', [aKey('line_id')])],
    });
    expect(expectedFieldsOf(contract).map((field) => field.name)).toEqual(['order_id']);
    expect(checkCompatibility(contract, expectedFieldsOf(contract))).toEqual([]);
  });
});

describe('fields nested in objects, array items and map values', () => {
  const geo = (countryType: LogicalType, countryRequired = true) =>
    aProperty('reader', 'object', {
      required: true,
      extensions: {
        properties: [
          {
            name: 'geo',
            logicalType: 'object',
            required: true,
            properties: [{ name: 'country', logicalType: countryType, required: countryRequired }],
          },
        ],
      },
    });
  const bidPrices = (valueType: LogicalType) =>
    aProperty('bid_prices', 'map', {
      extensions: { map: { key: { logicalType: 'string' }, value: { logicalType: valueType } } },
    });
  const tags = (itemType: LogicalType) =>
    aProperty('tags', 'array', { extensions: { items: { logicalType: itemType } } });
  const impressions = (properties: ReturnType<typeof aProperty>[]) =>
    aContract({
      id: 'impressions',
      apiVersion: 'v3.2.0',
      schema: [anObject('impressions', [aKey('id'), ...properties])],
    });

  it('is compatible when every nested field is there with a readable type', () => {
    const contract = impressions([geo('integer'), bidPrices('integer'), tags('integer')]);
    const consumerView = impressions([geo('number'), bidPrices('number'), tags('number')]);
    expect(checkCompatibility(contract, expectedFieldsOf(consumerView))).toEqual([]);
  });

  it('names a nested field whose type the consumer cannot read, by its path', () => {
    const producer = impressions([geo('string'), bidPrices('number'), tags('string')]);
    const consumerView = impressions([geo('integer'), bidPrices('string'), tags('integer')]);
    expect(checkCompatibility(producer, expectedFieldsOf(consumerView))).toEqual([
      {
        field: 'reader.geo.country',
        message: 'field reader.geo.country: string is not compatible with needed integer',
      },
      { field: 'bid_prices{value}', message: 'field bid_prices{value}: number is not compatible with needed string' },
      { field: 'tags[]', message: 'field tags[]: string is not compatible with needed integer' },
    ]);
  });

  it('names a nested field that is optional but needed as required', () => {
    const producer = impressions([geo('string', false)]);
    const consumerView = impressions([geo('string', true)]);
    expect(checkCompatibility(producer, expectedFieldsOf(consumerView))).toEqual([
      { field: 'reader.geo.country', message: 'field reader.geo.country is optional, but needed as required' },
    ]);
  });

  it('names a missing nested field once, not each field below it', () => {
    const producer = impressions([aProperty('reader', 'object', { required: true })]);
    const consumerView = impressions([geo('string')]);
    expect(checkCompatibility(producer, expectedFieldsOf(consumerView))).toEqual([
      { field: 'reader.geo', message: 'missing field reader.geo' },
    ]);
  });
});

describe('links of a mesh', () => {
  const orderPlaced = anEventContract();
  const mesh = aMesh({
    domains: [aDomain('sales')],
    systems: [anOrdersService('sales', orderPlaced.id)],
    contracts: [orderPlaced, aContract({ id: 'order' })],
    products: [
      aProduct('orders', 'sales', {
        inputPorts: [anInputPort('cdc-in'), anInputPort('events-in', [need('event_id', 'string')])],
        outputPorts: [anOutputPort('events-out', orderPlaced.id), anOutputPort('raw-out')],
      }),
      aProduct('dashboard', 'sales', {
        inputPorts: [
          anInputPort('totals-in', [need('total', 'integer'), need('currency', 'string')]),
          anInputPort('amounts-in', [need('total', 'number')]),
          anInputPort('as-order-in', undefined, 'order'),
          anInputPort('anything-in'),
        ],
      }),
    ],
  });

  it('checks a link against the expectations of its input port', () => {
    const link = aLink('l', ['orders', 'events-out'], ['dashboard', 'amounts-in']);
    expect(checkLinkCompatibility(mesh, link)).toEqual({ linkId: 'l', status: 'compatible' });
  });

  it('names each missing or mismatched field of an incompatible link', () => {
    const link = aLink('l', ['orders', 'events-out'], ['dashboard', 'totals-in']);
    expect(checkLinkCompatibility(mesh, link)).toEqual({
      linkId: 'l',
      status: 'incompatible',
      problems: [
        { field: 'total', message: 'field total: number is not compatible with needed integer' },
        { field: 'currency', message: 'missing field currency' },
      ],
    });
  });

  it('takes what a consumer needs from the contract its input port references', () => {
    const link = aLink('l', ['orders', 'events-out'], ['dashboard', 'as-order-in']);
    expect(checkLinkCompatibility(mesh, link)).toMatchObject({
      status: 'incompatible',
      problems: [{ message: 'missing field order_id' }, { message: 'missing field status' }],
    });
  });

  it("uses the published event's contract for an outbox topic", () => {
    const link = aLink('l', ['orders-service', 'order-placed-events'], ['orders', 'events-in']);
    expect(checkLinkCompatibility(mesh, link)).toEqual({ linkId: 'l', status: 'compatible' });
  });

  it('cannot tell for a CDC topic, which has no contract', () => {
    const link = aLink('l', ['orders-service', 'orders-cdc'], ['orders', 'events-in']);
    expect(checkLinkCompatibility(mesh, link)).toEqual({
      linkId: 'l',
      status: 'unknown',
      reason: 'the producer has no contract',
    });
  });

  it('cannot tell when the consumer declares no expectations', () => {
    const link = aLink('l', ['orders', 'events-out'], ['dashboard', 'anything-in']);
    expect(checkLinkCompatibility(mesh, link)).toMatchObject({
      status: 'unknown',
      reason: 'the input port declares no expectations',
    });
  });

  it('cannot tell when the link is dangling', () => {
    const link = aLink('l', ['orders', 'nowhere'], ['dashboard', 'amounts-in']);
    expect(checkLinkCompatibility(mesh, link)).toMatchObject({ status: 'unknown' });
  });

  it('checks every link of the mesh', () => {
    const links = [
      aLink('ok', ['orders', 'events-out'], ['dashboard', 'amounts-in']),
      aLink('bad', ['orders', 'events-out'], ['dashboard', 'totals-in']),
      aLink('raw', ['orders', 'raw-out'], ['dashboard', 'amounts-in']),
    ];
    const statuses = checkMeshCompatibility({ ...mesh, links }).map(({ linkId, status }) => [linkId, status]);
    expect(statuses).toEqual([
      ['ok', 'compatible'],
      ['bad', 'incompatible'],
      ['raw', 'unknown'],
    ]);
  });
});
