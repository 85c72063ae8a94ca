import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { serializeMesh } from '../../../shared/model';
import { meshJsonSchemaText } from '../../../shared/model/mesh-json-schema';
import { aMesh } from '../../builders/mesh-builder';

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

  describe('a hand-written design', () => {
    const publishedSchema = () =>
      new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(read('docs/mesh.schema.json')));
    const handWritten = () => {
      const file = JSON.parse(
        serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').withSystem('crm', 'd').build()),
      );
      for (const field of ['description', 'links', 'contracts', 'layout', 'scenarios', 'policies']) delete file[field];
      for (const field of ['description', 'owner', 'color']) delete file.domains[0][field];
      for (const field of [
        'description',
        'owner',
        'inputPorts',
        'outputPorts',
        'transformations',
        'documentation',
        'tests',
        'observability',
        'pipeline',
        'kind',
        'discoveryPort',
        'storage',
      ])
        delete file.products[0][field];
      for (const field of ['description', 'publishes', 'service']) delete file.systems[0][field];
      return file;
    };

    it('may leave out the fields the app reads as empty', () => {
      const validate = publishedSchema();
      expect(validate(handWritten()), JSON.stringify(validate.errors)).toBe(true);
    });

    it('may give a port only its id and name, and a layout no nodes', () => {
      const validate = publishedSchema();
      const file = handWritten();
      file.products[0].outputPorts = [{ id: 'out', name: 'out' }];
      file.products[0].discoveryPort = { id: 'meta', name: 'Meta' };
      file.layout = {};
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    });

    it('may give a scenario only its id, name, seed and clock', () => {
      const validate = publishedSchema();
      const file = handWritten();
      file.scenarios = [
        { id: 'rush', name: 'Rush hour', seed: 7, startTime: '2026-01-05T09:00:00.000Z', tickMillis: 60_000 },
      ];
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    });

    it('must still give the ids and names', () => {
      const validate = publishedSchema();
      const file = handWritten();
      delete file.domains[0].id;
      delete file.products[0].name;
      delete file.systems[0].id;
      expect(validate(file)).toBe(false);
      expect(validate.errors?.map((error) => `${error.instancePath} ${error.params.missingProperty}`)).toEqual([
        '/domains/0 id',
        '/products/0 name',
        '/systems/0 id',
      ]);
    });
  });
});
