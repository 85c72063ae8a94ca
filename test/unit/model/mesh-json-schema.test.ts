import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { meshJsonSchemaText } from '../../../shared/model/mesh-json-schema';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the published JSON Schema', () => {
  it('is up to date with the model (run `npm run schema` after changing it)', () => {
    expect(read('docs/mesh.schema.json')).toBe(meshJsonSchemaText());
  });

  it.each(['assets/samples/seed-logical-view.mesh.json', 'assets/samples/ecommerce.mesh.json'])(
    'accepts %s',
    (path) => {
      const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read('docs/mesh.schema.json')));
      expect(validate(JSON.parse(read(path))), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('rejects a product of an unknown kind', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read('docs/mesh.schema.json')));
    const mesh = JSON.parse(read('assets/samples/ecommerce.mesh.json'));
    mesh.products[0].kind = 'sideways';
    expect(validate(mesh)).toBe(false);
  });
});
