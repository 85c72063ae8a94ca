import { beforeAll, describe, expect, it } from 'vitest';
import { aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

describe("a service table with a column named like the outbox events' headers", () => {
  // An outbox event's log keeps its Kafka headers in `_headers` beside the fields it copies from the row.
  it('is left out, saying so at the table, instead of failing the run', async () => {
    const mesh = aMesh()
      .with(
        aSystem('shop')
          .withTable('items', { id: 'integer', _headers: 'text' })
          .withOutboxEvent('item-listed', { name: 'ItemListed', table: 'items' }),
        aProduct('listings').withInput('listed-in'),
      )
      .withLink('shop/item-listed', 'listings/listed-in')
      .build();
    const simulation = await simulate(mesh, aScenario().withData('shop', 'items', 1).build());
    const metrics = simulation.step(1);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toContainEqual({
      path: 'systems[0].database.tables[0]',
      message: "table 'items' names '_headers', a column the engine keeps beside every record, so it is left out",
    });
  });
});
