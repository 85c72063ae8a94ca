import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { parseMeshFile } from './shared/model/mesh-file';
import type { Scenario } from './shared/model/scenario';
import { createSimulation, sqlJsWorkspace, type Work } from './shared/simulation';

const [changes, perTick, mode] = process.argv.slice(2).map((x, i) => (i < 2 ? Number(x) : x)) as [number, number, string];
const parsed = parseMeshFile(readFileSync('assets/samples/ecommerce.mesh.json', 'utf8'));
if (!parsed.ok) throw new Error('bad');
const mesh = parsed.value;
const base = mesh.scenarios[0] as Scenario;
const factor = perTick / 14;
const scenario = { ...base, rates: base.rates.map((r) => ({ ...r, insertsPerTick: r.insertsPerTick * factor, updatesPerTick: r.updatesPerTick * factor, deletesPerTick: r.deletesPerTick * factor })) };
const totals = new Map<string, number>();
let current: string | undefined;
let since = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const close = () => { if (current) totals.set(current, (totals.get(current) ?? 0) + cpu() - since); };
const created = createSimulation(mesh, scenario, { sqlite: sqlJsWorkspace(await initSqlJs()), recompute: mode === 'full' ? 'full' : 'incremental' }, {
  onWork(work: Work) { close(); current = `${work.kind} ${work.nodeId}${work.step ? ` ${work.step}` : ''}`; since = cpu(); },
});
if (!created.ok) throw new Error(JSON.stringify(created.errors));
const start = cpu();
const ticks = Math.ceil(changes / perTick);
const window = new Map<string, number>();
for (let t = 1; t <= ticks; t++) {
  created.value.step(1);
  close(); current = undefined;
  if (t === ticks - 9) for (const [k, v] of totals) window.set(k, -v);
}
for (const [k, v] of totals) window.set(k, (window.get(k) ?? 0) + v);
console.log(`total cpu ${(cpu() - start).toFixed(0)} ms for ${ticks} ticks`);
console.log('last 10 ticks, ms per tick:');
for (const [k, v] of [...window].sort((a, b) => b[1] - a[1])) console.log(`  ${(v / 10).toFixed(1).padStart(8)}  ${k}`);
