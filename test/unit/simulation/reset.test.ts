import type { SqlJsStatic } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { createSimulation, sqlJsWorkspace } from '../../../shared/simulation';
import { aScenario, aShopMesh, loadSqlJs, PREDICTABLE_ITEMS } from './builders';

/** sql.js with a count of the databases opened and closed. */
async function countingSqlJs() {
  const sqlJs = await loadSqlJs();
  const counts = { opened: 0, closed: 0 };
  class CountedDatabase extends sqlJs.Database {
    constructor(...args: ConstructorParameters<SqlJsStatic['Database']>) {
      super(...args);
      counts.opened += 1;
    }
    override close(): void {
      counts.closed += 1;
      super.close();
    }
  }
  return { sqlJs: { ...sqlJs, Database: CountedDatabase } as SqlJsStatic, counts };
}

async function countedShop() {
  const { sqlJs, counts } = await countingSqlJs();
  const scenario = aScenario()
    .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
    .withRate('shop', 'items', { inserts: 1 })
    .build();
  const created = createSimulation(aShopMesh().build(), scenario, { sqlite: sqlJsWorkspace(sqlJs) });
  if (!created.ok) throw new Error('refused');
  return { simulation: created.value, counts };
}

describe('reset and dispose', () => {
  it('closes every connection of the run on reset, reuses its emptied broker and starts again at tick 0', async () => {
    const { simulation, counts } = await countedShop();
    const atStart = simulation.metrics();
    simulation.step(3);
    const openInFirstRun = counts.opened - counts.closed;
    const [closedBeforeReset, openedBeforeReset] = [counts.closed, counts.opened];

    const afterReset = simulation.reset();

    const connections = openInFirstRun - 1;
    expect(counts.closed - closedBeforeReset).toBe(connections);
    expect(counts.opened - openedBeforeReset).toBe(connections);
    expect(afterReset).toEqual(atStart);
  });

  it('closes every connection on dispose, keeps only the emptied broker for the next run, and refuses to run afterwards', async () => {
    const { simulation, counts } = await countedShop();
    simulation.dispose();

    expect(counts.opened - counts.closed).toBe(1);
    expect(() => simulation.step()).toThrow('the simulation was disposed');
  });
});
