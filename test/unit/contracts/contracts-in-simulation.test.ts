import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { aMesh, aProduct, aScenario, aShopMesh, aSystem, rowsOf, simulate } from '../simulation/builders';
import { aContract, aKey, anObject, anUntypedProperty, aProperty } from './builders';

const STRING_TO_STRING = { key: { logicalType: 'string' }, value: { logicalType: 'string' } };

/** What the simulation makes of a contract's ODCS 3.2 allowed values and map type. */
describe('contracts in the simulation', () => {
  it('generates the values its contract allows for a column the scenario leaves to the app', async () => {
    const generators: Record<string, ValueGenerator> = {
      name: { kind: 'fake', what: 'word' },
      price: { kind: 'oneOf', values: [9.5] },
    };
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario().withData('shop', 'items', 30, generators).build(),
    );
    const metrics = simulation.step(1);

    const statuses = rowsOf(simulation, 'shop', 'SELECT DISTINCT status FROM items ORDER BY status');
    expect(statuses).toEqual([{ status: 'listed' }, { status: 'new' }, { status: 'sold' }]);
    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 30, quarantined: 0 });
  });

  it('keeps a map as a JSON object and quarantines a value that is not one', async () => {
    const mesh = aMesh()
      .with(
        aSystem('shop').withTable('items', { id: 'integer', attributes: 'json' }).withCdcTopic('items-cdc', 'items'),
        aProduct('catalog').withInput('items-in').withOutput('items-out', 'item'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .build();
    const schema = [
      anObject('items', [aKey('id'), aProperty('attributes', 'map', { extensions: { map: STRING_TO_STRING } })]),
    ];
    mesh.contracts.push(aContract({ id: 'item', apiVersion: 'v3.2.0', schema }));
    const scenario = aScenario()
      .withData('shop', 'items', 0)
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, attributes: '{"colour":"red"}' } })
      .at(1, 'shop', 'items', 'insert', { values: { id: 2, attributes: '["red"]' } })
      .build();
    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule: 'type', property: 'attributes', message: `attributes must be a map, got '["red"]'` },
    ]);
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => message.value)).toEqual([
      expect.objectContaining({ id: 1, attributes: { colour: 'red' } }),
    ]);
  });

  it('publishes any value of a property without a logicalType, as it came', async () => {
    const mesh = aMesh()
      .with(
        aSystem('shop').withTable('items', { id: 'integer', note: 'text' }).withCdcTopic('items-cdc', 'items'),
        aProduct('catalog').withInput('items-in').withOutput('items-out', 'item'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .build();
    mesh.contracts.push(
      aContract({ id: 'item', schema: [anObject('items', [aKey('id'), anUntypedProperty('note')])] }),
    );
    const scenario = aScenario()
      .withData('shop', 'items', 0)
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, note: 'fragile' } })
      .at(1, 'shop', 'items', 'insert', { values: { id: 2, note: 2.5 } })
      .build();
    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(1);

    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 2, quarantined: 0 });
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => message.value)).toEqual([
      expect.objectContaining({ id: 1, note: 'fragile' }),
      expect.objectContaining({ id: 2, note: '2.5' }),
    ]);
  });
});
