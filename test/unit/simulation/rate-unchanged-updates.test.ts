import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

/*
 * A rate whose update can only write the value every row already holds (status `oneOf ["new"]`
 * on rows created `new`): three ticks, one update each.
 */
const SAME_STATUS_EVERY_TICK = aScenario()
  .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
  .withRate('shop', 'items', { updates: 1, updateColumns: ['status'] })
  .build();

async function runOn(engine: string) {
  const mesh = aShopMesh().build();
  const [shop] = mesh.systems;
  if (shop) shop.database = { ...shop.database, engine };
  const metrics = (await simulate(mesh, SAME_STATUS_EVERY_TICK, { recentMessages: 20 })).step(3);
  const ops = metrics.logs['shop/items-cdc']?.recent.map((message) => (message.value as { op: string }).op);
  return { ops, warnings: metrics.warnings, errors: metrics.errors };
}

describe('a rate whose updates leave every row as it was', () => {
  it.each(['mysql', 'mariadb'])('sends no update record on %s, and warns once at the rate why', async (engine) => {
    const { ops, warnings, errors } = await runOn(engine);

    expect(ops).toEqual(['r', 'r', 'r']);
    expect(errors).toEqual([]);
    expect(
      warnings.map(({ path, nodeId, message, firstTick, count }) => ({ path, nodeId, message, firstTick, count })),
    ).toEqual([
      {
        path: 'scenario.rates[0]',
        nodeId: 'shop',
        message: `updates changed no row: the generator of status can only produce "new", the value the row already held, and ${engine} writes no change event for an UPDATE that changes nothing (PostgreSQL would send an update record)`,
        firstTick: 1,
        count: 3,
      },
    ]);
  });

  it('sends an update record per update on PostgreSQL, whose log writes every updated row, and warns of nothing', async () => {
    const { ops, warnings } = await runOn('postgres');

    expect(ops).toEqual(['r', 'r', 'r', 'u', 'u', 'u']);
    expect(warnings).toEqual([]);
  });
});
