import { describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { jsonSchemaTarget } from '../../../shared/export/jsonschema/json-schema-target';
import { odcsTarget } from '../../../shared/export/odcs/odcs-target';
import { aMesh } from '../../builders/mesh-builder';
import { ecommerceRun } from './ecommerce-run';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { compileJsonSchemas } from './real-validators';
import {
  contractFromYaml,
  measuresAndDimensionsContract,
  STORED_TURNOVER_COLUMNS,
  stringWithValidValues,
} from './unseen-meshes';

/** The JSON Schema files of a draft contract `id` whose `schema:` is the YAML given. */
function exportedSchemas(id: string, schemaYaml: string) {
  const contract = contractFromYaml(
    `apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: 1.0.0\nstatus: draft\nschema:\n${schemaYaml}`,
  );
  return filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [contract] }, WHOLE_MESH));
}

describe('JSON Schema export', () => {
  itWritesTheGoldenFiles('jsonschema', ({ mesh }) => filesOf(jsonSchemaTarget.files(mesh, WHOLE_MESH)));

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every schema compiles as JSON Schema 2020-12 in strict mode',
    (_, { mesh }) => {
      const files = filesOf(jsonSchemaTarget.files(mesh, WHOLE_MESH));
      expect(files).toHaveLength(mesh.contracts.flatMap((contract) => contract.schema).length);
      const ajv = compileJsonSchemas(files);
      for (const file of files) expect(ajv.getSchema(JSON.parse(String(file.content)).$id), file.path).toBeDefined();
    },
  );

  it('writes a contract id that reads as a path percent-encoded in $id, a URI reference Ajv resolves', () => {
    const files = exportedSchemas('"../../tmp/pwn x"', '  - name: lots\n');
    const id = JSON.parse(String(files[0]?.content)).$id;
    expect(id).toBe('urn:data-contract:..%2F..%2Ftmp%2Fpwn%20x:1.0.0:lots');
    expect(compileJsonSchemas(files).getSchema(id)).toBeDefined();
    expect(compileJsonSchemas([]).validate({ type: 'string', format: 'uri-reference' }, id)).toBe(true);
  });

  it("names a schema's file after its contract as the ODCS file is: by the id when the name leaves no letters", () => {
    const contracts = ['..', '🛍️'].map((name, index) =>
      contractFromYaml(
        `apiVersion: v3.1.0\nkind: DataContract\nid: return-request-${index + 1}\nname: "${name}"\nversion: 1.0.0\nstatus: draft\nschema:\n  - name: returns\n`,
      ),
    );
    const mesh = { ...aMesh().build(), contracts };
    const pathsOf = (target: typeof odcsTarget) => filesOf(target.files(mesh, WHOLE_MESH)).map((file) => file.path);
    expect([...pathsOf(odcsTarget), ...pathsOf(jsonSchemaTarget)]).toEqual([
      'odcs/return-request-1.odcs.yaml',
      'odcs/return-request-2.odcs.yaml',
      'jsonschema/return-request-1-returns.schema.json',
      'jsonschema/return-request-2-returns.schema.json',
    ]);
  });

  it('writes a schema that compiles when a contract names a required property twice', () => {
    const files = exportedSchemas(
      'twice',
      `  - name: twice
    properties:
      - name: id
        logicalType: string
        required: true
      - name: id
        logicalType: string
        required: true
`,
    );
    expect(() => compileJsonSchemas(files)).not.toThrow();
    expect(JSON.parse(String(files[0]?.content)).required).toEqual(['id']);
  });

  it("accepts times as ODCS writes them (HH:mm:ss, no offset needed), and the contract's own examples", () => {
    const files = exportedSchemas(
      'shifts',
      `  - name: shifts
    properties:
      - name: starts
        logicalType: time
        required: true
        examples: ["12:30:00", "23:59:59.5", "08:00:00Z", "08:00:00+02:00"]
`,
    );
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:shifts:1.0.0:shifts')!;
    for (const starts of ['12:30:00', '23:59:59.5', '08:00:00Z', '08:00:00+02:00']) {
      expect(validate({ starts }) ? [] : validate.errors, starts).toEqual([]);
    }
    for (const starts of ['24:00:00', '12:30', 'noon', '2026-01-01T12:30:00Z']) {
      expect(validate({ starts }), starts).toBe(false);
    }
  });

  it('accepts a timestamp without an offset where the contract says it has no time zone (timezone: false)', () => {
    const files = exportedSchemas(
      'sessions',
      `  - name: sessions
    properties:
      - name: opened_at
        logicalType: timestamp
        logicalTypeOptions: { timezone: false }
        required: true
      - name: closed_at
        logicalType: timestamp
`,
    );
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:sessions:1.0.0:sessions')!;
    for (const openedAt of ['2026-03-01T09:30:00', '2026-03-01T09:30:00.250', '2026-03-01T09:30:00Z']) {
      expect(validate({ opened_at: openedAt }) ? [] : validate.errors, openedAt).toEqual([]);
    }
    for (const openedAt of ['2026-03-01', '09:30:00', 'yesterday', '2026-03-01T25:30:00']) {
      expect(validate({ opened_at: openedAt }), openedAt).toBe(false);
    }
    // Without the option, a timestamp is RFC 3339's, offset and all.
    expect(validate({ opened_at: '2026-03-01T09:30:00', closed_at: '2026-03-01T09:30:00' })).toBe(false);
  });

  it('checks what logicalTypeOptions say: lengths, patterns and formats of text, bounds of numbers and sizes', () => {
    const files = exportedSchemas(
      'options',
      `  - name: options
    properties:
      - name: code
        logicalType: string
        required: true
        logicalTypeOptions: { minLength: 2, maxLength: 4, pattern: "^[A-Z]+$" }
      - name: email
        logicalType: string
        logicalTypeOptions: { format: email }
      - name: secret
        logicalType: string
        logicalTypeOptions: { format: password }
      - name: age
        logicalType: integer
        logicalTypeOptions: { format: u8, maximum: 150 }
      - name: price
        logicalType: number
        logicalTypeOptions: { exclusiveMinimum: 0, multipleOf: 0.01 }
      - name: tags
        logicalType: array
        logicalTypeOptions: { minItems: 1, maxItems: 2, uniqueItems: true }
        items:
          logicalType: string
`,
    );
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:options:1.0.0:options')!;
    const valid = { code: 'AB', email: 'a@b.example', secret: 'x', age: 150, price: 9.99, tags: ['a', 'b'] };
    expect(validate(valid) ? [] : validate.errors).toEqual([]);
    for (const broken of [
      { code: 'A' },
      { code: 'ABCDE' },
      { code: 'ab' },
      { email: 'not an address' },
      { age: -1 },
      { age: 151 },
      { price: 0 },
      { price: 1.234 },
      { tags: [] },
      { tags: ['a', 'a'] },
      { tags: ['a', 'b', 'c'] },
    ]) {
      expect(validate({ ...valid, ...broken }), JSON.stringify(broken)).toBe(false);
    }
  });

  it('checks the lengths and digits a physicalType declares, as the SQL export and the warehouse do', () => {
    const files = exportedSchemas(
      'lots',
      `  - name: lots
    properties:
      - name: grower_id
        logicalType: string
        physicalType: varchar(12)
        required: true
      - name: variety
        logicalType: string
        physicalType: character varying(20)
        logicalTypeOptions: { maxLength: 8 }
      - name: block
        logicalType: string
        physicalType: CHAR(3)
      - name: weight_kg
        logicalType: number
        physicalType: decimal(6,2)
        logicalTypeOptions: { exclusiveMinimum: 0 }
      - name: brix
        logicalType: number
        physicalType: NUMERIC(3, 1)
        logicalTypeOptions: { exclusiveMaximum: 40 }
      - name: bins
        logicalType: integer
        physicalType: numeric(3,0)
`,
    );
    const schema = JSON.parse(String(files[0]?.content));
    expect(schema.properties.grower_id).toMatchObject({ maxLength: 12 });
    expect(schema.properties.variety).toMatchObject({ maxLength: 8 });
    expect(schema.properties.weight_kg).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 9999.995 });
    expect(schema.properties.brix).toMatchObject({ exclusiveMinimum: -99.95, exclusiveMaximum: 40 });
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:lots:1.0.0:lots')!;
    const valid = {
      grower_id: 'G'.repeat(12),
      variety: 'Gala',
      block: 'B12',
      weight_kg: 9999.99,
      brix: -99.9,
      bins: 999,
    };
    expect(validate(valid) ? [] : validate.errors).toEqual([]);
    for (const broken of [
      { grower_id: 'G'.repeat(15) },
      { variety: 'Pink Lady' },
      { block: 'B123' },
      { weight_kg: 10000 },
      // numeric(6,2) rounds 9999.996 to 10000.00, past its 4 whole digits: PostgreSQL refuses it.
      { weight_kg: 9999.996 },
      { brix: -100 },
      { bins: 1000 },
      { bins: -1000 },
    ]) {
      expect(validate({ ...valid, ...broken }), JSON.stringify(broken)).toBe(false);
    }
  });

  it('checks a uuid where the physicalType is uuid or UNIQUEIDENTIFIER, as the uuid column the SQL export makes refuses other text', () => {
    const files = exportedSchemas(
      'claims',
      `  - name: claims
    properties:
      - name: claim_id
        logicalType: string
        physicalType: uuid
        required: true
      - name: handler_id
        logicalType: string
        physicalType: UNIQUEIDENTIFIER
      - name: policy_ref
        logicalType: string
        physicalType: uuid
        logicalTypeOptions: { format: uri }
`,
    );
    const schema = JSON.parse(String(files[0]?.content));
    expect([schema.properties.claim_id.format, schema.properties.handler_id.format]).toEqual(['uuid', 'uuid']);
    // A format the contract states is the contract's word, not replaced.
    expect(schema.properties.policy_ref.format).toBe('uri');
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:claims:1.0.0:claims')!;
    expect(validate({ claim_id: '0e4ac7f2-3c1b-4e57-9d2a-6f1b2c3d4e5f' })).toBe(true);
    expect(validate({ claim_id: 'CLM-1' })).toBe(false);
  });

  it('checks the range an integer physicalType holds, as its column refuses a value past it', () => {
    const files = exportedSchemas(
      'cool-rooms',
      `  - name: rooms
    properties:
      - name: shelf
        logicalType: integer
        physicalType: SMALLINT
      - name: units
        logicalType: integer
        physicalType: INT
        logicalTypeOptions: { minimum: 0 }
      - name: serial
        logicalType: integer
        physicalType: int4
        logicalTypeOptions: { maximum: 3000000000 }
      - name: readings
        logicalType: integer
        physicalType: BIGINT
`,
    );
    const schema = JSON.parse(String(files[0]?.content));
    expect(schema.properties.shelf).toMatchObject({ minimum: -32768, maximum: 32767 });
    expect(schema.properties.units).toMatchObject({ minimum: 0, maximum: 2147483647 });
    expect(schema.properties.serial).toMatchObject({ minimum: -2147483648, maximum: 2147483647 });
    // A 64-bit bound is past what a JSON number holds exactly: none is written.
    expect(schema.properties.readings).not.toHaveProperty('maximum');
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:cool-rooms:1.0.0:rooms')!;
    const valid = { shelf: 32767, units: 2147483647, serial: -2147483648, readings: 2 ** 40 };
    expect(validate(valid) ? [] : validate.errors).toEqual([]);
    for (const broken of [{ shelf: 32768 }, { units: 2147483648 }, { units: -1 }, { serial: 2147483648 }]) {
      expect(validate({ ...valid, ...broken }), JSON.stringify(broken)).toBe(false);
    }
  });

  it('checks dates and times against the format their logicalTypeOptions give, as a pattern', () => {
    const files = exportedSchemas(
      'written',
      `  - name: written
    properties:
      - name: at
        logicalType: timestamp
        required: true
        logicalTypeOptions: { format: "yyyy-MM-dd HH:mm:ss[.SSS]" }
      - name: day
        logicalType: date
        logicalTypeOptions: { format: "dd/MM/yyyy" }
      - name: spoken
        logicalType: date
        logicalTypeOptions: { format: "d MMMM uuuu" }
`,
    );
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:written:1.0.0:written')!;
    for (const record of [
      { at: '2026-01-01 10:00:00' },
      { at: '2026-01-01 10:00:00.250', day: '05/01/2026' },
      { at: '2026-01-01 10:00:00', spoken: '5 January 2026' },
    ]) {
      expect(validate(record) ? [] : validate.errors, JSON.stringify(record)).toEqual([]);
    }
    for (const record of [{ at: '2026-01-01T10:00:00Z' }, { at: '2026-01-01 10:00:00', day: '2026-01-05' }]) {
      expect(validate(record), JSON.stringify(record)).toBe(false);
    }
  });

  it("describes the values of an ODCS 3.2 map property, as it does an array's items", () => {
    const contract = contractFromYaml(`apiVersion: v3.2.0
kind: DataContract
id: tallies
version: 1.0.0
schema:
  - name: tallies
    properties:
      - name: counts
        logicalType: map
        required: true
        map:
          key:
            logicalType: string
          value:
            logicalType: integer
            required: true
      - name: visits
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: object
            properties:
              - name: on
                logicalType: date
                required: true
`);
    const files = filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [contract] }, WHOLE_MESH));
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:tallies:1.0.0:tallies')!;
    const record = { counts: { a: 1, b: 2 }, visits: { home: { on: '2024-05-01' } } };
    expect(validate(record) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...record, counts: { a: 'one' } }), 'a count not an integer').toBe(false);
    expect(validate({ ...record, counts: { a: null } }), 'a required value is null').toBe(false);
    expect(validate({ ...record, visits: { home: { on: 5 } } }), 'a visit without a date').toBe(false);
  });

  it('leaves the measures of an ODCS 3.2 contract out of its record, as they are computed when queried, not stored', () => {
    const contract = measuresAndDimensionsContract();
    const [file] = filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [contract] }, WHOLE_MESH));
    const schema = JSON.parse(String(file!.content));
    expect(Object.keys(schema.properties)).toEqual(STORED_TURNOVER_COLUMNS);
  });

  it('leaves out of a text field’s allowed values a number, which no record can match, as it does a text of a number field', () => {
    const files = exportedSchemas(
      'parcels',
      `  - name: parcels
    properties:
      - name: land_use
        logicalType: string
        required: true
        quality:
          - metric: invalidValues
            arguments:
              validValues: [NO, 0755, '0644']
            mustBe: 0
      - name: band
        logicalType: integer
        required: true
        quality:
          - metric: invalidValues
            arguments:
              validValues: [1, '2']
            mustBe: 0
`,
    );
    const { properties } = JSON.parse(String(files[0]?.content));
    expect(properties.land_use.enum).toEqual(['NO', '0644']);
    expect(properties.band.enum).toEqual([1]);
  });

  it('keeps the other allowed values when they list null: null only where the property may be null', () => {
    const files = exportedSchemas(
      'titles',
      `  - name: titles
    properties:
${stringWithValidValues('rating', '[G, PG, ~]')}${stringWithValidValues('age_band', '[G, ~]', { required: true })}`,
    );
    const { properties } = JSON.parse(String(files[0]?.content));
    expect(properties.rating.enum).toEqual(['G', 'PG', null]);
    expect(properties.age_band.enum).toEqual(['G']);
  });

  it('lets a property without a logicalType hold any value, and null only when it is optional', () => {
    const files = exportedSchemas(
      'untyped',
      `  - name: notes
    properties:
      - name: body
        required: true
      - name: extra
`,
    );
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:untyped:1.0.0:notes')!;
    for (const value of ['text', 2.5, true, { a: 1 }, [1]]) {
      expect(validate({ body: value, extra: value }), JSON.stringify(value)).toBe(true);
    }
    expect(validate({ body: 'text', extra: null })).toBe(true);
    expect(validate({ body: null })).toBe(false);
  });

  it('makes a primary key field required and never null, as the table it is the key of holds it, without required: true', () => {
    const files = exportedSchemas(
      'pets',
      `  - name: visits
    properties:
      - name: pet_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
      - name: clinic
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
        quality:
          - metric: invalidValues
            arguments:
              validValues: [north, south]
            mustBe: 0
      - name: visit_no
        primaryKey: true
        primaryKeyPosition: 3
      - name: note
        logicalType: string
`,
    );
    const schema = JSON.parse(String(files[0]?.content));
    expect(schema.required).toEqual(['pet_id', 'clinic', 'visit_no']);
    expect(schema.properties.pet_id.type).toBe('string');
    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:pets:1.0.0:visits')!;
    const visit: Record<string, unknown> = { pet_id: 'p-1', clinic: 'north', visit_no: 3, note: null };
    expect(validate(visit)).toBe(true);
    for (const key of ['pet_id', 'clinic', 'visit_no']) {
      expect(validate({ ...visit, [key]: null }), `${key}: null`).toBe(false);
      const without = Object.fromEntries(Object.entries(visit).filter(([name]) => name !== key));
      expect(validate(without), `${key} left out`).toBe(false);
    }
  });

  it('nests the properties of an object property and the items of an array property, typed as flat ones', () => {
    const files = exportedSchemas(
      'nested',
      `  - name: orders
    properties:
      - name: id
        logicalType: integer
        required: true
      - name: address
        logicalType: object
        required: true
        properties:
          - name: street
            logicalType: string
            required: true
          - name: moved_on
            logicalType: date
      - name: lines
        logicalType: array
        items:
          logicalType: object
          required: true
          properties:
            - name: sku
              logicalType: string
              required: true
            - name: tags
              logicalType: array
              items:
                logicalType: string
`,
    );
    const schema = JSON.parse(String(files[0]?.content));
    expect(schema.properties.address).toEqual({
      type: 'object',
      properties: {
        street: { type: 'string' },
        moved_on: { type: ['string', 'null'], format: 'date' },
      },
      required: ['street'],
    });
    expect(schema.properties.lines.items.properties.tags).toEqual({
      type: ['array', 'null'],
      items: { type: ['string', 'null'] },
    });

    const validate = compileJsonSchemas(files).getSchema('urn:data-contract:nested:1.0.0:orders')!;
    const order = {
      id: 1,
      address: { street: 'Main St', moved_on: '2024-05-01' },
      lines: [{ sku: 'A-1', tags: ['gift', null] }, { sku: 'B-2' }],
    };
    expect(validate(order) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...order, address: { moved_on: '2024-05-01' } }), 'street missing').toBe(false);
    expect(validate({ ...order, address: { street: 'Main St', moved_on: 'May' } }), 'not a date').toBe(false);
    expect(validate({ ...order, lines: [{ sku: 7 }] }), 'sku not a string').toBe(false);
    expect(validate({ ...order, lines: [null] }), 'a required item is null').toBe(false);
    expect(validate({ ...order, lines: [{ sku: 'A-1', tags: [1] }] }), 'tag not a string').toBe(false);
  });

  it('accepts every record the e-commerce sample’s output ports published, and refuses one that breaks its contract', {
    timeout: 120_000,
  }, async () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const files = filesOf(jsonSchemaTarget.files(mesh, WHOLE_MESH));
    const ajv = compileJsonSchemas(files);
    const run = await ecommerceRun();
    let checked = 0;
    for (const product of mesh.products) {
      for (const port of product.outputPorts) {
        const contract = mesh.contracts.find((candidate) => candidate.id === port.contractId)!;
        const object = contract.schema[0]!;
        const validate = ajv.getSchema(`urn:data-contract:${contract.id}:${contract.version}:${object.name}`)!;
        const records = run
          .published(product.id, port.id)
          .flatMap((message) => (message.value === null ? [] : [message.value]));
        expect(records.length, `${product.id}/${port.id}`).toBeGreaterThan(0);
        for (const record of records) {
          expect(
            validate(record) ? [] : validate.errors,
            `${product.id}/${port.id}: ${JSON.stringify(record)}`,
          ).toEqual([]);
        }
        const [first] = records as Record<string, unknown>[];
        const required = object.properties.find((property) => property.required)!.name;
        expect(validate({ ...first, [required]: null }), `${product.id}/${port.id} without ${required}`).toBe(false);
        checked += records.length;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
