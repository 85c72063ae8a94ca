/**
 * The floor under the simulation's flatness goal: how much more each operation costs SQLite itself,
 * with no engine around it, once a table has grown tenfold. The simulation's tables grow so, its
 * service updates random rows (picked as the simulation picks them) and its entities keep indexes
 * by key: these plain workloads show how flat such work can stay at best.
 */
import type { SqlConnection } from '../../shared/simulation';
import { randomRowSql } from '../../shared/simulation/workload';
import { writeSection } from '../report';
import { type Engine, workspaceOf } from '../sqlite-engines';

const TURN = 100_000;
const TURNS = 10;
/** Operations run untimed on a new table first: SQLite's first pages and statements cost extra once. */
const WARM_UP = 1_000;
const INSERT_SHARE = 0.4;

interface Workload {
  name: string;
  /** The share of operations that append a row; the others update a random row. */
  insertShare: number;
  /** Whether the table has an index by a random key, as an entity's index by customer. */
  isIndexed: boolean;
}

const WORKLOADS: Workload[] = [
  { name: 'appends', insertShare: 1, isIndexed: false },
  { name: 'appends to a table with an index by a random key', insertShare: 1, isIndexed: true },
  {
    name: `${INSERT_SHARE * 100} % appends, the rest updates of random rows`,
    insertShare: INSERT_SHARE,
    isIndexed: false,
  },
  {
    name: `${INSERT_SHARE * 100} % appends, the rest updates of random rows, with that index`,
    insertShare: INSERT_SHARE,
    isIndexed: true,
  },
];

/** A table taking one workload's operations, a turn at a time, each turn one transaction. */
function openTable(connection: SqlConnection, workload: Workload) {
  connection.exec(`CREATE TABLE node.t (id INTEGER PRIMARY KEY, customer INTEGER, status TEXT, total REAL, note TEXT)`);
  if (workload.isIndexed) connection.exec('CREATE INDEX node.t_customer ON t (customer)');
  const insert = connection.prepare('INSERT INTO node.t (customer, status, total, note) VALUES (?, ?, ?, ?)');
  const update = connection.prepare(
    `UPDATE node.t SET status = ?, total = ? WHERE rowid = (${randomRowSql('t', 'rowid')})`,
  );
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const note = 'a note of some forty characters, as rows';
  return (operations: number) => {
    connection.exec('BEGIN');
    for (let count = 0; count < operations; count++) {
      if (random() < workload.insertShare) insert.run([Math.floor(random() * 1e6), 'placed', random() * 100, note]);
      else update.run([random() < 0.5 ? 'paid' : 'shipped', random() * 100, random()]);
    }
    connection.exec('COMMIT');
  };
}

/**
 * A long table and fresh ones taking turns, as the simulation's flatness is measured: the long
 * table's CPU time over its 1,000,000 operations against that of ten fresh tables' first 100,000.
 */
async function flatness(engine: Engine, workload: Workload): Promise<number> {
  const openWorkspace = await workspaceOf(engine);
  const longWorkspace = openWorkspace();
  const long = openTable(longWorkspace.connect(), workload);
  long(WARM_UP);
  let longSeconds = 0;
  let freshSeconds = 0;
  for (let turn = 0; turn < TURNS; turn++) {
    longSeconds += cpuSecondsOf(() => long(TURN));
    const freshWorkspace = openWorkspace();
    const fresh = openTable(freshWorkspace.connect(), workload);
    fresh(WARM_UP);
    freshSeconds += cpuSecondsOf(() => fresh(TURN));
    freshWorkspace.close();
  }
  longWorkspace.close();
  return freshSeconds / longSeconds;
}

function cpuSecondsOf(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const ratios: { workload: Workload; byEngine: number[] }[] = [];
for (const workload of WORKLOADS) {
  const byEngine = [await flatness('sql.js', workload), await flatness('native', workload)];
  console.log(`${workload.name}: ${byEngine.map((ratio) => ratio.toFixed(2)).join(' / ')}`);
  ratios.push({ workload, byEngine });
}
const [control] = ratios as [(typeof ratios)[number]];
const rows = ratios.map(({ workload, byEngine }) => {
  const cells = byEngine.map(
    (ratio, engine) => `${ratio.toFixed(2)}× | ${(ratio / (control.byEngine[engine] as number)).toFixed(2)}×`,
  );
  return `| ${workload.name} | ${cells.join(' | ')} |`;
});
writeSection(
  'SQLite as a table grows',
  `The rate of 1,000,000 operations on one table against the rate of its first 100,000, per CPU
second, measured as the CDC simulation's flatness is (a long table taking turns with ${TURNS} fresh ones,
each first warmed up by ${WARM_UP.toLocaleString('en')} untimed operations), with SQLite alone: a table
of five columns, ${TURN.toLocaleString('en')} operations per transaction, updates picking their row as
the simulation's service does. Appends are the control: what is left when nothing is read or written
at a random place, so each engine's figures are also given against its own appends. The simulation's
goal is 0.9×; its tables grow tenfold too, under appends, updates of random rows and indexes by key.

| workload | sql.js | sql.js against appends | native SQLite | native against appends |
|---|---:|---:|---:|---:|
${rows.join('\n')}`,
);
