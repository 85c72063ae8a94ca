/** Regenerates docs/mesh.schema.json from the model (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { meshJsonSchemaText } from '../shared/model/mesh-json-schema';

writeFileSync(new URL('../docs/mesh.schema.json', import.meta.url), meshJsonSchemaText());
