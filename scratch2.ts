import { readFileSync } from 'node:fs';
import { parseMeshFile } from './shared/model';
import { sqlTarget } from './shared/export/sql/sql-target';
const read = (f: string) => { const p = parseMeshFile(readFileSync(f, 'utf8')); if (!p.ok) throw new Error(JSON.stringify(p.errors)); return p.value; };
const r = sqlTarget.files(read('test/fixtures/export/ecommerce/input.mesh.json'), { kind: 'mesh' }, { baseline: read('test/fixtures/export/ecommerce/baseline.mesh.json') });
if (!r.ok) throw new Error(JSON.stringify(r.errors));
for (const f of r.value) if (f.path.includes('changes')) console.log('=== ' + f.path + '\n' + f.content);
