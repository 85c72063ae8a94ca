import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { parseMeshFile } from './shared/model/mesh-file';
import type { Scenario } from './shared/model/scenario';
import { createSimulation, type OpenSqlWorkspace, sqlJsWorkspace } from './shared/simulation';

const [changes, perTick] = process.argv.slice(2).map(Number) as [number, number];
const filter = process.argv[4] ?? '';
const parsed = parseMeshFile(readFileSync('assets/samples/ecommerce.mesh.json', 'utf8'));
if (!parsed.ok) throw new Error('bad');
const mesh = parsed.value;
const base = mesh.scenarios[0] as Scenario;
const factor = perTick / 14;
const scenario = { ...base, rates: base.rates.map((r) => ({ ...r, insertsPerTick: r.insertsPerTick * factor, updatesPerTick: r.updatesPerTick * factor, deletesPerTick: r.deletesPerTick * factor })) };
const times = new Map<string, number>();
let recording = false;
function timed(open: OpenSqlWorkspace): OpenSqlWorkspace {
  return () => { const w = open(); return { close: () => w.close(), connect() { const c = w.connect(); return { ...c, prepare(sql) { const s = c.prepare(sql); const key = sql.replace(/\s+/g, ' ').slice(0, 140);
    const wrap = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => { const t = performance.now(); try { return f(...a); } finally { if (recording) times.set(key, (times.get(key) ?? 0) + performance.now() - t); } };
    return { ...s, run: wrap(s.run), all: wrap(s.all) }; } }; } }; };
}
const created = createSimulation(mesh, scenario, { sqlite: timed(sqlJsWorkspace(await initSqlJs())) });
if (!created.ok) throw new Error('x');
const ticks = Math.ceil(changes / perTick);
created.value.step(ticks - 10);
recording = true;
created.value.step(10);
for (const [k, v] of [...times].filter(([k]) => k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 10).toFixed(1).padStart(7)}  ${k}`);
