import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { LogMessage } from '../../../shared/simulation';
import { aScenario, aTwoTableStoreMesh, simulate } from './builders';

/*
 * The log positions at the end of each engine's source block, as Debezium's connectors write them:
 * SQL Server's and Db2's change and commit LSNs, Oracle's SCNs, PostgreSQL's sequence. Tick 0
 * snapshots one row of `a`; tick 1's transaction inserts into `b`, inserts into `a`, updates that
 * row, then changes its key; tick 2's inserts into `a` again.
 */

type Source = Record<string, unknown>;
const sourceOf = (message: LogMessage) => (message.value as { source: Source } | null)?.source;

function twoTables(engine: string, topicName: (table: string) => string): Mesh {
  const mesh = aTwoTableStoreMesh(topicName);
  const [store] = mesh.systems;
  if (store) store.database = { ...store.database, engine, name: 'shop' };
  return mesh;
}

/** Per tick, the source blocks of the records it published, in the order the database made the changes. */
async function sourcesByTick(mesh: Mesh) {
  const scenario = aScenario()
    .withData('store', 'a', 1)
    .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'y' } })
    .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
    .at(1, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 10 } })
    .at(1, 'store', 'a', 'update', { values: { id: 11 }, where: { id: 10 } })
    .at(2, 'store', 'a', 'insert', { values: { id: 30, label: 'w' } })
    .build();
  const metrics = (await simulate(mesh, scenario, { recentMessages: 20 })).step(2);
  const records = (topic: string) =>
    (metrics.logs[`store/${topic}`]?.recent ?? []).flatMap((message) => {
      const source = sourceOf(message);
      return source ? [{ op: (message.value as { op: string }).op, source }] : [];
    });
  const [snapshot, aInsert, aUpdate, rekeyDelete, rekeyCreate, tick2Insert] = records('a-cdc');
  const [bInsert] = records('b-cdc');
  return {
    snapshot: snapshot?.source as Source,
    tick1: [bInsert, aInsert, aUpdate, rekeyDelete, rekeyCreate].map((record) => record?.source as Source),
    ops: [bInsert, aInsert, aUpdate, rekeyDelete, rekeyCreate].map((record) => record?.op),
    tick2: tick2Insert?.source as Source,
  };
}

/** SQL Server's LSN, 10 bytes in hex (`Lsn.toString` of its connector): `00000027:00000ac0:0002`. */
const LSN = /^[0-9a-f]{8}:[0-9a-f]{8}:[0-9a-f]{4}$/;
/** Db2's, 16 bytes in hex (`Lsn.toString` of its connector): `00000000:00000000:000000000446140f`. */
const DB2_LSN = /^[0-9a-f]{8}:[0-9a-f]{8}:[0-9a-f]{16}$/;
/** Hex groups zero-padded to one width sort as text in the order of the positions they write. */
const ascending = (values: unknown[]) => expect(values).toEqual([...values].sort());

describe('log positions in the source block', () => {
  it('give SQL Server records change and commit LSNs and event serial numbers, as its CDC tables have them', async () => {
    const { snapshot, tick1, ops, tick2 } = await sourcesByTick(twoTables('sqlserver', (table) => `shop.dbo.${table}`));

    expect(Object.keys(snapshot).slice(-5)).toEqual(['schema', 'table', 'change_lsn', 'commit_lsn', 'event_serial_no']);
    // The snapshot is read at one position: no change LSN, no serial number.
    expect(snapshot).toMatchObject({ change_lsn: null, commit_lsn: expect.stringMatching(LSN), event_serial_no: null });
    expect(ops).toEqual(['c', 'c', 'u', 'd', 'c']);
    // An update is two CDC rows (serial 2 is the after image); a key change's delete and insert are 1 and 2.
    expect(tick1.map((source) => source.event_serial_no)).toEqual([1, 1, 2, 1, 2]);
    const changes = tick1.map((source) => source.change_lsn as string);
    for (const lsn of changes) expect(lsn).toMatch(LSN);
    ascending([snapshot.commit_lsn, ...changes]);
    expect(new Set(changes).size).toBe(4);
    expect(changes[3]).toBe(changes[4]);
    // One commit for the transaction, at or after its last change and before the next one's changes.
    const [commit] = new Set(tick1.map((source) => source.commit_lsn));
    expect(new Set(tick1.map((source) => source.commit_lsn)).size).toBe(1);
    ascending([...changes, commit, tick2.change_lsn, tick2.commit_lsn]);
    expect(tick2.change_lsn).not.toBe(commit);
  });

  it('give Db2 records change and commit LSNs of 16 bytes, as Db2 writes them, without serial numbers', async () => {
    const { snapshot, tick1, tick2 } = await sourcesByTick(
      twoTables('db2', (table) => `shop.DB2INST1.${table.toUpperCase()}`),
    );

    expect(Object.keys(snapshot).slice(-4)).toEqual(['schema', 'table', 'change_lsn', 'commit_lsn']);
    expect(snapshot).toMatchObject({ schema: 'DB2INST1', table: 'A', change_lsn: null });
    expect(snapshot.commit_lsn).toMatch(DB2_LSN);
    const changes = tick1.map((source) => source.change_lsn as string);
    for (const lsn of [...changes, tick1[0]?.commit_lsn, tick2.change_lsn, tick2.commit_lsn])
      expect(lsn).toMatch(DB2_LSN);
    expect(new Set(tick1.map((source) => source.commit_lsn)).size).toBe(1);
    ascending([snapshot.commit_lsn, ...changes, tick1[0]?.commit_lsn, tick2.change_lsn, tick2.commit_lsn]);
  });

  it('give Oracle records the transaction, the SCNs of the change and its commit as decimal text, and nulls for what LogMiner alone knows', async () => {
    const { snapshot, tick1, tick2 } = await sourcesByTick(
      twoTables('oracle', (table) => `shop.APP.${table.toUpperCase()}`),
    );

    expect(Object.keys(snapshot).slice(-10)).toEqual([
      'schema',
      'table',
      'txId',
      'scn',
      'commit_scn',
      'lcr_position',
      'rs_id',
      'ssn',
      'redo_thread',
      'user_name',
    ]);
    expect(snapshot).toMatchObject({ schema: 'APP', table: 'A', txId: null, commit_scn: null, redo_thread: null });
    // The snapshot is transaction 1, tick 0's service work 2, tick 1's 3: its XID in hex (transaction-id.ts).
    expect(tick1[0]).toMatchObject({
      txId: '0400030003000000',
      lcr_position: null,
      rs_id: null,
      ssn: 0,
      redo_thread: 1,
      user_name: null,
    });
    expect(tick2.txId).toBe('0500040004000000');
    const scns = [snapshot, ...tick1].map((source) => source.scn as string);
    for (const scn of scns) expect(scn).toMatch(/^\d+$/);
    const commits = new Set(tick1.map((source) => source.commit_scn));
    expect(commits.size).toBe(1);
    const commit = Number([...commits][0]);
    const numbers = [...scns.map(Number), commit, Number(tick2.scn), Number(tick2.commit_scn)];
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(Number(tick2.scn)).toBeGreaterThan(commit);
  });

  it('give PostgreSQL records the sequence Debezium writes: the last commit LSN the connector saw, then the LSN', async () => {
    const { snapshot, tick1, tick2 } = await sourcesByTick(twoTables('postgres', (table) => `shop.public.${table}`));
    const sequence = (source: Source) => JSON.parse(source.sequence as string) as [string | null, string];

    expect(sequence(snapshot)).toEqual([null, String(snapshot.lsn)]);
    for (const source of [...tick1, tick2]) expect(sequence(source)[1]).toBe(String(source.lsn));
    // Tick 1's changes all come after tick 0's commit; tick 2's after tick 1's, which follows its last change.
    const [lastCommit] = new Set(tick1.map((source) => sequence(source)[0]));
    expect(new Set(tick1.map((source) => sequence(source)[0])).size).toBe(1);
    expect(Number(lastCommit)).toBeGreaterThan(Number(snapshot.lsn));
    expect(Number(lastCommit)).toBeLessThan(Number(tick1[0]?.lsn));
    const tick1Commit = Number(sequence(tick2)[0]);
    expect(tick1Commit).toBeGreaterThanOrEqual(Math.max(...tick1.map((source) => Number(source.lsn))));
    expect(tick1Commit).toBeLessThan(Number(tick2.lsn));
  });
});

describe("log positions and the connector's delay", () => {
  /** Per change record, in topic order, what the database wrote of it: its source block and transaction. */
  async function positionsWithDelay(engine: string, delayMillis: number) {
    const scenario = aScenario()
      .withData('store', 'a', 2)
      .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'y' } })
      .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
      .at(1, 'store', 'a', 'insert', { values: { id: 11, label: 'w' } })
      .at(2, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 11 } })
      .at(2, 'store', 'a', 'delete', { where: { id: 10 } })
      .at(3, 'store', 'b', 'delete', { where: { id: 20 } })
      .build();
    scenario.connector = { delayMillis, transactionMetadata: true };
    const simulation = await simulate(
      twoTables(engine, (table) => `shop.app.${table}`),
      scenario,
      {
        recentMessages: 50,
      },
    );
    const metrics = simulation.step(6);
    return ['a-cdc', 'b-cdc'].map((topic) =>
      (metrics.logs[`store/${topic}`]?.recent ?? []).map((message) => {
        const value = message.value as { source: Source; transaction?: unknown } | null;
        return value && { source: value.source, transaction: value.transaction };
      }),
    );
  }

  it.each(['postgres', 'mysql', 'mariadb', 'sqlserver', 'db2', 'oracle', 'mongodb'])(
    'give %s the same positions for the same changes however late the connector reads them',
    async (engine) => {
      const prompt = await positionsWithDelay(engine, 0);
      const late = await positionsWithDelay(engine, 90_000);

      expect(prompt.flat().length).toBeGreaterThan(6);
      expect(late).toEqual(prompt);
    },
  );
});
