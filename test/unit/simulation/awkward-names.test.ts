import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { awkwardMesh, SHOP } from './awkward-mesh';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

describe('a mesh with awkward names', () => {
  it('keeps an entity whose own columns are called valid_from and valid_to, without the history they would clash with, and says so at its port', async () => {
    const scenario = aScenario()
      .withData(SHOP, 'tariff', 1, {
        tariff_id: { kind: 'sequence', start: 1 },
        price: { kind: 'oneOf', values: [2.5] },
        valid_from: { kind: 'oneOf', values: ['2026-01-01'] },
      })
      .at(1, SHOP, 'tariff', 'update', { values: { price: 3 }, where: { tariff_id: 1 } })
      .build();
    const simulation = await simulate(awkwardMesh(), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors).toEqual([
      {
        path: 'products[1].outputPorts[0]',
        nodeId: 'tariffs',
        message:
          "keeps no history of 'tariff': its columns 'valid_from', 'valid_to' and 'is_current' have the names each history version needs; rename them where the table gets them, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_)",
        firstTick: 0,
        lastTick: 0,
        count: 1,
      },
      {
        path: 'systems[0].database.tables[0]',
        nodeId: SHOP,
        message: 'has no data or rates in the scenario; it stays empty',
        firstTick: 0,
        lastTick: 0,
        count: 1,
      },
    ]);
    expect(rowsOf(simulation, 'tariffs', 'SELECT * FROM tariff')).toEqual([
      { tariff_id: 1, price: 3, valid_from: '2026-01-01', valid_to: null, is_current: null },
    ]);
    expect(metrics.ports['tariffs/tariff-out']?.published).toBe(2);
  });
});

describe('a design SQL cannot hold yet', () => {
  const shop = () =>
    aSystem('shop').withTable('items', { id: 'integer', name: 'text' }).withCdcTopic('items-cdc', 'items');
  const simulateShop = async (mesh: Mesh) => {
    const simulation = await simulate(mesh, aScenario().withData('shop', 'items', 2).build());
    return { simulation, metrics: simulation.step(1) };
  };

  it('leaves out an output port whose contract has no properties yet, saying so at its contract, and runs the rest', async () => {
    const mesh = aMesh()
      .with(
        shop(),
        aProduct('catalog').withInput('items-in').withOutput('items-out', 'item').withOutput('draft-out', 'draft'),
        aContract('item', 'entity', 'items').withKey('id', 'integer').withProperty('name', 'string'),
        aContract('draft', 'entity', 'drafts'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .build();
    const { metrics } = await simulateShop(mesh);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'products[0].outputPorts[1].contractId',
        message: "contract 'draft' has no properties yet, so the port publishes nothing",
      },
    ]);
    expect(metrics.ports['catalog/items-out']?.published).toBe(2);
  });

  it('refuses a contract whose properties SQLite would take for one column, or for a column of the engine, at the port', async () => {
    const mesh = aMesh()
      .with(
        shop(),
        aProduct('catalog')
          .withInput('items-in')
          .withTransformation('cased', 'SELECT id, name AS Name, name FROM items')
          .withTransformation('keyed', 'SELECT id, name AS _key FROM items')
          .withOutput('cased-out', 'cased')
          .withOutput('keyed-out', 'keyed'),
        aContract('cased', 'entity', 'cased')
          .withKey('id', 'integer')
          .withProperty('Name', 'string')
          .withProperty('name', 'string'),
        aContract('keyed', 'entity', 'keyed').withKey('id', 'integer').withProperty('_key', 'string'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .build();
    const { metrics } = await simulateShop(mesh);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'products[0].outputPorts[0].contractId',
        message:
          "contract 'cased' names 'Name' and 'name', one column to SQL, which ignores case, so the port publishes nothing",
      },
      {
        path: 'products[0].outputPorts[1].contractId',
        message:
          "contract 'keyed' names '_key', a column the engine keeps beside every record, so the port publishes nothing",
      },
    ]);
  });

  it('leaves out a table without columns yet, saying so at the table, and runs a scenario that would fill it', async () => {
    const mesh = aMesh()
      .with(
        shop().withTable('drafts', {}, []).withCdcTopic('drafts-cdc', 'drafts'),
        aProduct('catalog').withInput('items-in').withInput('drafts-in').withOutput('items-out', 'item'),
        aContract('item', 'entity', 'items').withKey('id', 'integer').withProperty('name', 'string'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .withLink('shop/drafts-cdc', 'catalog/drafts-in')
      .build();
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 2)
        .withData('shop', 'drafts', 1)
        .withRate('shop', 'drafts', { inserts: 1 })
        .build(),
    );
    const metrics = simulation.step(1);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'systems[0].database.tables[1]', message: "table 'drafts' has no columns yet, so it is left out" },
    ]);
    expect(metrics.ports['catalog/items-out']?.published).toBe(2);
    expect(metrics.tables.shop).toEqual({ items: 2 });
  });

  it('leaves out a table named or with a column named as SQLite names its own things', async () => {
    const mesh = aMesh()
      .with(
        shop()
          .withTable('tags', { id: 'integer', rowid: 'text' })
          .withCdcTopic('tags-cdc', 'tags')
          .withTable('sqlite_log', { id: 'integer' }),
        aProduct('catalog').withInput('items-in').withOutput('items-out', 'item'),
        aContract('item', 'entity', 'items').withKey('id', 'integer').withProperty('name', 'string'),
      )
      .withLink('shop/items-cdc', 'catalog/items-in')
      .build();
    const simulation = await simulate(
      mesh,
      aScenario().withData('shop', 'items', 2).withData('shop', 'tags', 1).build(),
    );
    const metrics = simulation.step(1);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'systems[0].database.tables[1]',
        message:
          "table 'tags' names 'rowid', SQLite's own name for a row's id, which the engine reads, so it is left out",
      },
      {
        path: 'systems[0].database.tables[2]',
        message: "table 'sqlite_log' starts with sqlite_, which SQLite keeps for its own tables, so it is left out",
      },
    ]);
    expect(metrics.tables.shop).toEqual({ items: 2 });
  });
});
