import { describe, expect, it } from 'vitest';
import type { OperationalSystem } from '../../../shared/model/operational-system';
import { scenarioWithTopics } from '../../../shared/model/topic-references';
import { createSimulation } from '../../../shared/simulation';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { clockRangeProblem } from '../../../shared/simulation/simulated-clock';
import { aScenario, aShopMesh, testWorkspace } from './builders';

describe('a scenario that names what the mesh lacks', () => {
  it('is refused with the location of each missing system, table, column and topic', async () => {
    const scenario = aScenario()
      .withData('shop', 'itemz', 1)
      .withRate('shop', 'items', { updates: 1, updateColumns: ['colour'] })
      .withRate('shop', 'items', { updates: 1 })
      .at(1, 'warehouse', 'items', 'delete', {})
      .at(2, 'shop', 'items', 'update', { where: { id: 1 } })
      .withFault({ kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'nope', records: 1 })
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        { path: 'scenario.data[0].table', message: "no table 'itemz' in 'shop'" },
        { path: 'scenario.rates[0].updateColumns[0]', message: "no column 'colour' in table 'items'" },
        {
          path: 'scenario.rates[1].updateColumns',
          message: 'list the columns an update changes, e.g. ["name"] (updatesPerTick is 1)',
        },
        { path: 'scenario.steps[0].systemId', message: "no system 'warehouse'" },
        { path: 'scenario.steps[1].values', message: 'an update needs at least one value to set' },
        {
          path: 'scenario.faults[0].topicId',
          message: "no topic 'nope' in 'shop': name one of 'shop.public.items' (id 'items-cdc')",
        },
      ],
    });
  });

  it('refuses a null or a rename of a primary-key column, which every record needs, at the fault’s column', async () => {
    const scenario = aScenario()
      .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'id' })
      .withFault({
        kind: 'rename-column',
        tick: 1,
        systemId: 'shop',
        topicId: 'items-cdc',
        column: 'id',
        renamedTo: 'sku',
      })
      .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'colour' })
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.faults[0].column',
          message: "'id' is the primary key of 'items', which every record needs: pick another column",
        },
        {
          path: 'scenario.faults[1].column',
          message: "'id' is the primary key of 'items', which every record needs: pick another column",
        },
        { path: 'scenario.faults[2].column', message: "no column 'colour' in table 'items'" },
      ],
    });
  });
});

describe('a rename of a column to a name the table already has', () => {
  it('is refused at renamedTo, as the database refuses it, rather than overwriting that column in the records', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .withFault({
        kind: 'rename-column',
        tick: 1,
        systemId: 'shop',
        topicId: 'items-cdc',
        column: 'status',
        renamedTo: 'price',
      })
      .withFault({
        kind: 'rename-column',
        tick: 2,
        systemId: 'shop',
        topicId: 'items-cdc',
        column: 'name',
        renamedTo: 'name',
      })
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.faults[0].renamedTo',
          message:
            "'items' already has a column 'price', and the database refuses to rename 'status' to it: pick a new name",
        },
        {
          path: 'scenario.faults[1].renamedTo',
          message:
            "'items' already has a column 'name', and the database refuses to rename 'name' to it: pick a new name",
        },
      ],
    });
  });
});

/** A rename of an items column at `tick`, as a scenario's fault. */
const rename = (tick: number, column: string, renamedTo: string) =>
  ({ kind: 'rename-column', tick, systemId: 'shop', topicId: 'items-cdc', column, renamedTo }) as const;

describe('two renames of one table to one name', () => {
  it('refuses the later one at renamedTo: by then the table has a column of that name', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .withFault(rename(3, 'price', 'state'))
      .withFault(rename(2, 'status', 'state'))
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.faults[0].renamedTo',
          message:
            "'items' already has a column 'state' at tick 3 (faults[1] renamed 'status' to it at tick 2), and the database refuses to rename 'price' to it: pick a new name",
        },
      ],
    });
  });
});

describe('a second rename of a column a rename already renamed', () => {
  it('is refused at its column: by then the table has no column of that name', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .withFault(rename(2, 'status', 'state'))
      .withFault(rename(4, 'status', 'phase'))
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.faults[1].column',
          message:
            "'items' has no column 'status' at tick 4 (faults[0] renamed it to 'state' at tick 2), and the database refuses to rename a column it does not have: a column is renamed once in a run, so drop one of the two renames",
        },
      ],
    });
  });
});

describe('a fault naming its topic as the canvas shows it', () => {
  it('runs on that topic, named by its id from then on', async () => {
    const mesh = aShopMesh().build();
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'shop.public.items', column: 'name' })
      .build();

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([]);
    expect(scenarioWithTopics(mesh, scenario).faults).toEqual([
      { kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' },
    ]);
    expect(createSimulation(mesh, scenario, { sqlite: await testWorkspace() }).ok).toBe(true);
  });
});

describe('a table given its data twice', () => {
  it('is refused at the second entry, which would add its rows to the first', async () => {
    const scenario = aScenario().withData('shop', 'items', 3).withData('shop', 'items', 5).build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.data[1].table',
          message: "data[0] already generates the rows of 'items' in 'shop': give each table one entry",
        },
      ],
    });
  });
});

describe('a step given a field its operation does not use', () => {
  it('is refused at that field, so a delete given values where it meant where never deletes every row', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 3)
      .at(1, 'shop', 'items', 'delete', { values: { id: 2 } })
      .at(2, 'shop', 'items', 'truncate', { values: { name: 'lamp' }, where: { id: 1 } })
      .at(3, 'shop', 'items', 'insert', { values: { id: 9, name: 'lamp' }, where: { id: 9 } })
      .at(4, 'shop', 'items', 'delete', { where: { id: 1 } })
      .build();

    expect(createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() })).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.steps[0].values',
          target: 'key',
          message:
            "a delete sets no values: it deletes the rows its where names, and with no where every row of 'items'; write these in where",
        },
        {
          path: 'scenario.steps[1].values',
          target: 'key',
          message: "a truncate empties all of 'items' and sets no values: leave values out",
        },
        {
          path: 'scenario.steps[1].where',
          target: 'key',
          message: "a truncate empties all of 'items' and takes no where: to delete only these rows, make it a delete",
        },
        {
          path: 'scenario.steps[2].where',
          target: 'key',
          message: 'an insert adds the row its values give and takes no where: leave where out',
        },
      ],
    });
  });
});

describe('a truncate step', () => {
  it('is refused on a SQL Server table with change data capture, which SQL Server does not truncate', async () => {
    const mesh = aShopMesh().build();
    const sqlServer = {
      ...mesh,
      systems: mesh.systems.map((system) => ({ ...system, database: { ...system.database, engine: 'sqlserver' } })),
    };
    const scenario = aScenario().at(1, 'shop', 'items', 'truncate', {}).build();

    expect(createSimulation(sqlServer, scenario, { sqlite: await testWorkspace() })).toEqual({
      ok: false,
      errors: [
        {
          path: 'scenario.steps[0].op',
          message:
            "SQL Server refuses TRUNCATE TABLE on 'items', whose changes it captures (change data capture): delete its rows instead",
        },
      ],
    });
    const onPostgres = createSimulation(mesh, scenario, { sqlite: await testWorkspace() });
    expect(onPostgres.ok).toBe(true);
    if (onPostgres.ok) onPostgres.value.dispose();
  });
});

describe('a truncate step on Db2', () => {
  const onDb2 = (mesh: ReturnType<ReturnType<typeof aShopMesh>['build']>) => ({
    ...mesh,
    systems: mesh.systems.map((system) => ({ ...system, database: { ...system.database, engine: 'db2' } })),
  });

  it('is refused on a captured table, as Debezium’s Db2 connector sends no truncate event', () => {
    const scenario = aScenario().at(1, 'shop', 'items', 'truncate', {}).build();

    expect(checkScenario(onDb2(aShopMesh().build()), scenario, 'scenario')).toEqual([
      {
        path: 'scenario.steps[0].op',
        message:
          "Debezium's Db2 connector sends no TRUNCATE of 'items' (Db2's change tables log only inserts, updates and deletes), so its consumers would keep every row: delete its rows instead",
      },
    ]);
  });

  it('is taken on a table whose changes are not captured', () => {
    const mesh = onDb2(aShopMesh().build());
    const uncaptured = {
      ...mesh,
      systems: mesh.systems.map((system) => ({
        ...system,
        database: { ...system.database, tables: system.database.tables.map((table) => ({ ...table, cdc: false })) },
      })),
    };
    const scenario = aScenario().at(1, 'shop', 'items', 'truncate', {}).build();

    expect(checkScenario(uncaptured, scenario, 'scenario')).toEqual([]);
  });
});

describe('a scenario step whose value does not fit its column’s type', () => {
  it('is reported for the table’s integer key (SQLite’s rowid), in values and in where, at that value', () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .at(3, 'shop', 'items', 'update', { values: { id: 'x', price: 12 }, where: { id: 1 } })
      .at(4, 'shop', 'items', 'delete', { where: { id: 'one' } })
      .build();

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario')).toEqual([
      { path: 'scenario.steps[0].values.id', message: "'x' does not fit 'id', an integer column" },
      { path: 'scenario.steps[1].where.id', message: "'one' does not fit 'id', an integer column" },
    ]);
  });

  it('is reported in any other column, as the database refuses a value it cannot convert to the column’s type', () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .at(3, 'shop', 'items', 'update', { values: { price: 'free' }, where: { price: 'cheap' } })
      .at(5, 'shop', 'items', 'insert', { values: { id: 3, name: 'lamp', price: 9.5, status: true } })
      .build();

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario')).toEqual([
      { path: 'scenario.steps[0].values.price', message: "'free' does not fit 'price', a real column" },
      { path: 'scenario.steps[0].where.price', message: "'cheap' does not fit 'price', a real column" },
      { path: 'scenario.steps[1].values.status', message: "true does not fit 'status', a text column" },
    ]);
  });

  it('takes text the database reads as a number of the column’s type, as PostgreSQL and SQLite do', () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .at(3, 'shop', 'items', 'update', { values: { price: ' 12.5' }, where: { id: '1' } })
      .at(4, 'shop', 'items', 'update', { values: { id: '1.5' }, where: { id: 2 } })
      .build();

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario')).toEqual([
      { path: 'scenario.steps[1].values.id', message: "'1.5' does not fit 'id', an integer column" },
    ]);
  });

  it('leaves a wrong type in a MongoDB document’s field, which MongoDB stores as given', () => {
    const mesh = aShopMesh().build();
    (mesh.systems[0] as OperationalSystem).database.engine = 'mongodb';
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .at(3, 'shop', 'items', 'update', { values: { price: 'free' }, where: { id: 1 } })
      .build();

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([]);
  });

  it('refuses a whole number beyond the range of the engine’s integer type, naming the type and its range', () => {
    const mesh = aShopMesh().build();
    (mesh.systems[0] as OperationalSystem).database.engine = 'mysql';
    const scenario = aScenario()
      .withData('shop', 'items', 2, { id: { kind: 'oneOf', values: [1, -1e20] } })
      .at(3, 'shop', 'items', 'insert', { values: { id: 1e300, name: 'lamp', price: 9.5 } })
      .at(4, 'shop', 'items', 'delete', { where: { id: '9223372036854775808' } })
      .at(5, 'shop', 'items', 'delete', { where: { id: 2 ** 62 } })
      .build();
    const bigint = 'a BIGINT column (-9223372036854775808 to 9223372036854775807)';

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([
      {
        path: 'scenario.data[0].generators.id.values[1]',
        message: `-100000000000000000000 does not fit 'id', ${bigint}`,
      },
      { path: 'scenario.steps[0].values.id', message: `1e+300 does not fit 'id', ${bigint}` },
      { path: 'scenario.steps[1].where.id', message: `'9223372036854775808' does not fit 'id', ${bigint}` },
    ]);
  });

  it('takes values that fit, and a null to set', () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2)
      .at(3, 'shop', 'items', 'update', { values: { price: 12, status: null }, where: { id: 1, name: 'lamp' } })
      .build();

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario')).toEqual([]);
  });
});

describe('a scenario whose clock runs past the last time a timestamp can show', () => {
  const lastTime = '9999-12-31T23:59:59.999Z';

  it('is refused at tickMillis when tick 1 would come after the year 9999', () => {
    const scenario = { ...aScenario().build(), startTime: '2026-07-04T05:00:00.000Z', tickMillis: 9007199254740991 };

    expect(checkScenario(aShopMesh().build(), scenario, 'scenarios[0]')).toEqual([
      {
        path: 'scenarios[0].tickMillis',
        message: `tick 1 would come after ${lastTime}, the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years): from 2026-07-04T05:00:00.000Z, tickMillis can be at most 251619159599999`,
      },
    ]);
  });

  it('is refused at tickMillis when a step or fault is set for a tick after it', () => {
    const scenario = {
      ...aScenario()
        .at(3, 'shop', 'items', 'delete', { where: { id: 1 } })
        .withFault({ kind: 'consumer-offline', tick: 5, productId: 'p', ticks: 1 })
        .build(),
      startTime: '9999-12-31T23:57:00.000Z',
    };

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario').find((p) => p.path.endsWith('tickMillis'))).toEqual(
      {
        path: 'scenario.tickMillis',
        message: `tick 5, the last a step or fault is set for, would come after ${lastTime}, the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years): from 9999-12-31T23:57:00.000Z, tickMillis can be at most 35999`,
      },
    );
  });

  it('is refused at connector.delayMillis when even the first record would reach its topic after the year 9999', () => {
    const scenario = {
      ...aScenario().build(),
      startTime: '2026-07-04T05:00:00.000Z',
      connector: { delayMillis: 1e15 },
    };

    expect(checkScenario(aShopMesh().build(), scenario, 'scenarios[0]')).toEqual([
      {
        path: 'scenarios[0].connector.delayMillis',
        message: `a record would reach its topic only after ${lastTime}, the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years), so no record would ever reach a topic: from 2026-07-04T05:00:00.000Z, with ticks of 60000 ms, delayMillis can be at most 251619159540000`,
      },
    ]);
  });

  it('takes the longest delay that still lets the first record reach its topic at the last tick', () => {
    const startTime = '9999-12-31T23:57:00.000Z';
    const lastTickDelay = { ...aScenario().build(), startTime, tickMillis: 60000, connector: { delayMillis: 120000 } };
    const pastLastTick = { ...lastTickDelay, connector: { delayMillis: 120001 } };

    expect(checkScenario(aShopMesh().build(), lastTickDelay, 'scenario')).toEqual([]);
    expect(checkScenario(aShopMesh().build(), pastLastTick, 'scenario').map(({ path }) => path)).toEqual([
      'scenario.connector.delayMillis',
    ]);
  });

  it('finds the last tick of a script of a million steps, as a generated scenario may have, without running out of stack', () => {
    const steps = Array.from({ length: 1_000_000 }, (_, index) => ({
      tick: index + 1,
      systemId: 'shop',
      table: 'items',
      op: 'delete' as const,
      where: { id: index + 1 },
    }));

    expect(clockRangeProblem({ startTime: '9999-12-31T23:57:00.000Z', tickMillis: 60_000, steps })).toBe(
      `tick 1000000, the last a step or fault is set for, would come after ${lastTime}, the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years): from 9999-12-31T23:57:00.000Z, tickMillis can be at most 0`,
    );
  });

  it('takes a clock that reaches the year 9999 only after its last step', () => {
    const scenario = {
      ...aScenario()
        .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
        .build(),
      startTime: '9999-12-31T23:57:00.000Z',
    };

    expect(checkScenario(aShopMesh().build(), scenario, 'scenario')).toEqual([]);
  });
});

describe('a sequence generator near the largest integer a number holds exactly', () => {
  const MAX = Number.MAX_SAFE_INTEGER;
  const sequenceFrom = (start: number, initialRows: number, insertsPerTick = 0) =>
    aScenario()
      .withData('shop', 'items', initialRows, { id: { kind: 'sequence', start } })
      .withRate('shop', 'items', { inserts: insertsPerTick })
      .build();

  it('is refused at its start when the rows a run makes first would pass 2^53 - 1', () => {
    expect(checkScenario(aShopMesh().build(), sequenceFrom(MAX - 1, 0, 20), 'scenarios[0]')).toEqual([
      {
        path: 'scenarios[0].data[0].generators.id.start',
        message:
          'a sequence from 9007199254740990 goes past 9007199254740991 (Number.MAX_SAFE_INTEGER, 2^53 - 1) within the 20 rows a run makes first (initial rows and the first tick’s inserts): past it the simulation’s numbers lose precision and repeat keys; start it lower',
      },
    ]);
  });

  it('is refused when even its start and the value after it do not fit, though no rate inserts', () => {
    expect(checkScenario(aShopMesh().build(), sequenceFrom(MAX, 1), 'scenario').map(({ path }) => path)).toEqual([
      'scenario.data[0].generators.id.start',
    ]);
  });

  it('is taken when the rows a run makes first stay within 2^53 - 1', () => {
    expect(checkScenario(aShopMesh().build(), sequenceFrom(MAX - 20, 1, 20), 'scenario')).toEqual([]);
  });

  it('reports the limit, not a taken key, for the inserts past 2^53 - 1 on a later tick', async () => {
    const created = createSimulation(aShopMesh().build(), sequenceFrom(MAX - 30, 1, 20), {
      sqlite: await testWorkspace(),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    created.value.step(1);
    const metrics = created.value.step(1);

    expect(metrics.tables.shop).toEqual({ items: 31 });
    expect(metrics.errors.map(({ path, message, count }) => ({ path, message, count }))).toEqual([
      {
        path: 'scenario.rates[0]',
        message:
          "the sequence of 'id' reached 9007199254740991 (Number.MAX_SAFE_INTEGER, 2^53 - 1): past it the simulation’s numbers lose precision and repeat keys; start it lower",
        count: 10,
      },
    ]);
  });
});
