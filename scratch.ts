import { readFileSync } from 'node:fs';
import { parseMeshFile } from './shared/model';
import { exportBundle, EXPORT_TARGETS, WHOLE_MESH } from './shared/export';
const name = process.argv[2] ?? 'ecommerce';
const parsed = parseMeshFile(readFileSync(`test/fixtures/export/${name}/input.mesh.json`, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const result = exportBundle(parsed.value, EXPORT_TARGETS, WHOLE_MESH);
if (!result.ok) { console.log(result.errors); process.exit(1); }
const only = process.argv[3];
for (const f of result.value) { if (only && !f.path.startsWith(only)) continue; console.log(`=== ${f.path} (${f.about})`); console.log(f.content); }
