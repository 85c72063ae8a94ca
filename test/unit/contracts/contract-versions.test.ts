import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asNextVersion, type ImportedVersion } from '../../../shared/contracts/contract-versions';
import { importContractSource, STATABLE_FACTS } from '../../../shared/contracts/import';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import type { Contract } from '../../../shared/model/contract';
import { anOdcsText } from './builders';

function contractOf(text: string): Contract {
  const read = parseOdcsYaml(text);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

/** A schema that states every fact a schema format can (as SQL DDL does), written as ODCS for brevity. */
function aSchemaStatingAll(contract: Contract): ImportedVersion {
  return { contract, format: 'sql', statedFacts: STATABLE_FACTS };
}

/** A source file imported as the next version of `contract`, which must succeed. */
function nextVersionOf(contract: Contract, file: string, source: string) {
  const imported = importContractSource(file, source);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const next = asNextVersion(contract, imported);
  if (!next.ok) throw new Error(next.message);
  return next;
}

const anchored = anOdcsText(
  [
    'schema:',
    '  - name: a',
    '    properties:',
    '      - &key',
    '        name: id',
    '        logicalType: string',
    '  - name: b',
    '    properties:',
    '      - *key',
    '',
  ].join('\n'),
);

describe('an imported schema as the next version of a contract', () => {
  it('says why it cannot change a field the contract writes as an alias, rather than throwing', () => {
    const imported = contractOf(anchored.replace('*key', 'name: id\n        logicalType: integer'));
    expect(asNextVersion(contractOf(anchored), aSchemaStatingAll(imported))).toEqual({
      ok: false,
      message: expect.stringMatching(/^schema\[1\]\.properties\[0\] is an alias \(\*key\)/),
    });
  });

  it('keeps the alias when the next version leaves its field alone', () => {
    const imported = contractOf(`${anchored}      - name: extra\n        logicalType: integer\n`);
    const next = asNextVersion(contractOf(anchored), aSchemaStatingAll(imported));
    expect(next.ok && next.contract.odcs).toContain('      - *key\n      - name: extra\n');
  });

  it.each([
    [
      'an Avro schema',
      'arm.avsc',
      '{"type":"record","name":"arm","fields":[{"name":"id","type":"string"},{"name":"dose","type":"double"}]}',
    ],
    [
      'a JSON Schema',
      'arm.schema.json',
      '{"title":"arm","type":"object","required":["id"],"properties":{"id":{"type":"string"},"dose":{"type":"number"}}}',
    ],
    ['a Protobuf file', 'arm.proto', 'syntax = "proto3";\nmessage arm { string id = 1; double dose = 2; }\n'],
  ])(
    'keeps the keys and unique fields of a contract when %s, which cannot state them, is its next version',
    (_, file, source) => {
      const contract = contractOf(
        anOdcsText(
          'schema:\n  - name: arm\n    properties:\n      - name: id\n        logicalType: string\n        required: true\n        primaryKey: true\n        primaryKeyPosition: 1\n        unique: true\n',
        ),
      );
      const imported = importContractSource(file, source);
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const next = asNextVersion(contract, imported);
      expect(next.ok && next.contract.odcs).toMatch(/primaryKey: true\n {8}primaryKeyPosition: 1\n {8}unique: true\n/);
    },
  );

  it('calls an Avro long that became an int breaking, as a value above 2147483647 no longer fits', () => {
    const reading = (pumpType: string) =>
      JSON.stringify({
        type: 'record',
        name: 'pump_reading',
        fields: [
          { name: 'reading_id', type: 'string' },
          { name: 'meter_total', type: pumpType },
        ],
      });
    const imported = importContractSource('pump_reading.avsc', reading('long'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const next = nextVersionOf(imported.contract, 'pump_reading.avsc', reading('int'));
    expect(next.comparison.changes).toContainEqual(
      expect.objectContaining({ isBreaking: true, message: expect.stringContaining('narrowed from long to int') }),
    );
    expect(next.contract.version).toBe('2.0.0');
  });

  it('keeps the classification of a column that is no longer required, and only drops its required line', () => {
    const contract = `schema:\n  - name: t\n    properties:\n      - name: ssn   # national id\n        logicalType: string\n        required: true\n        classification: pii\n`;
    const imported = contractOf(
      anOdcsText('schema:\n  - name: t\n    properties:\n      - name: ssn\n        logicalType: string\n'),
    );
    const next = asNextVersion(contractOf(anOdcsText(contract)), aSchemaStatingAll(imported));
    expect(next.ok && next.contract.odcs).toBe(
      anOdcsText(contract.replace('        required: true\n', '')).replace('version: 1.0.0', 'version: 2.0.0'),
    );
  });

  it('writes the allowed values an import states as the enum of an ODCS 3.2 contract, keeping what it says of each', () => {
    const contract = anOdcsText(
      'schema:\n  - name: t\n    properties:\n      - name: sex\n        logicalType: string\n        enum:\n          - value: F\n            description: female\n',
    ).replace('v3.1.0', 'v3.2.0');
    const rule =
      '        quality:\n          - metric: invalidValues\n            arguments:\n              validValues: [F, M]\n            mustBe: 0\n';
    const imported = contractOf(
      anOdcsText(`schema:\n  - name: t\n    properties:\n      - name: sex\n        logicalType: string\n${rule}`),
    );
    const next = asNextVersion(contractOf(contract), aSchemaStatingAll(imported));
    expect(next.ok && next.contract.odcs).toContain(
      '        enum:\n          - value: F\n            description: female\n          - value: M\n',
    );
    expect(next.ok && next.contract.odcs).not.toContain('invalidValues');
  });

  describe('an ODCS 3.2 contract given fields and tables its SQL adds (the election commission’s polling stations)', () => {
    const stations = contractOf(
      anOdcsText(
        'schema:\n  - name: polling_stations\n    properties:\n      - name: station_id\n        logicalType: string\n        primaryKey: true\n        required: true\n',
      ).replace('v3.1.0', 'v3.2.0'),
    );
    const next = nextVersionOf(
      stations,
      'polling-stations.sql',
      `CREATE TABLE polling_stations (
  station_id VARCHAR(8) PRIMARY KEY,
  kind VARCHAR(10) NOT NULL CHECK (kind IN ('school', 'hall', 'mobile'))
);
CREATE TABLE station_staff (
  staff_id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('presiding', 'clerk'))
);`,
    );

    it('writes the allowed values of a field it adds as an enum, as the contract writes them', () => {
      expect(next.contract.odcs).toContain(
        '      - name: kind\n        logicalType: string\n        physicalType: VARCHAR(10)\n        required: true\n        logicalTypeOptions:\n          maxLength: 10\n        enum:\n          - value: school\n          - value: hall\n          - value: mobile\n',
      );
    });

    it('writes the allowed values of a table it adds as enums too', () => {
      expect(next.contract.odcs).toContain('        enum:\n          - value: presiding\n          - value: clerk\n');
      expect(next.contract.odcs).not.toContain('invalidValues');
    });
  });

  it('takes the bounds a CHECK states in place of the contract’s own, however each writes its end', () => {
    const contract = contractOf(
      anOdcsText(
        'schema:\n  - name: t\n    properties:\n      - name: capacity\n        logicalType: integer\n        logicalTypeOptions:\n          minimum: 5\n          maximum: 900\n          multipleOf: 5\n',
      ),
    );
    const imported = importContractSource(
      't.sql',
      'CREATE TABLE t (capacity INTEGER CHECK (capacity > 0 AND capacity < 1000));',
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const next = asNextVersion(contract, imported);
    expect(next.ok && next.contract.schema[0]?.properties[0]?.extensions?.logicalTypeOptions).toEqual({
      multipleOf: 5,
      exclusiveMinimum: 0,
      exclusiveMaximum: 1000,
    });
  });

  it("takes the maxLength a column's varchar(n) states, keeping the options SQL did not state", () => {
    const contract = contractOf(
      anOdcsText(
        'schema:\n  - name: t\n    properties:\n      - name: code\n        logicalType: string\n        logicalTypeOptions:\n          pattern: "^[A-Z]+$"\n          minLength: 2\n          maxLength: 10\n',
      ),
    );
    const imported = importContractSource('t.sql', 'CREATE TABLE t (code varchar(8));');
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const next = asNextVersion(contract, imported);
    expect(next.ok && next.contract.schema[0]?.properties[0]?.extensions?.logicalTypeOptions).toEqual({
      pattern: '^[A-Z]+$',
      minLength: 2,
      maxLength: 8,
    });
  });

  describe("a table's own DDL as the next version of its contract (the blood bank's donations)", () => {
    const donations = contractOf(
      anOdcsText(`schema:
  - name: donations
    properties:
      - name: donation_id
        logicalType: string
        physicalType: varchar(16)
        required: true
        unique: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: collection_site
        logicalType: object
        properties:
          - name: site_code
            logicalType: string
            required: true
          - name: geo
            logicalType: object
            properties:
              - name: lat
                logicalType: number
      - name: adverse_events
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: code
              logicalType: string
`),
    );
    const nextVersionFrom = (file: string, source: string) => nextVersionOf(donations, file, source);
    const ownDdl = [
      'CREATE TABLE donations (',
      '  donation_id varchar(16) NOT NULL PRIMARY KEY,',
      '  collection_site jsonb,',
      '  adverse_events jsonb[]',
      ');',
    ].join('\n');

    it('finds no breaking change and steps the minor version', () => {
      const next = nextVersionFrom('donation2.sql', ownDdl);
      expect(next.comparison.changes.filter((change) => change.isBreaking)).toEqual([]);
      expect(next.contract.version).toBe('1.1.0');
    });

    it('keeps the nested fields of a jsonb column and the items of a jsonb[] column, which SQL cannot describe', () => {
      const next = nextVersionFrom('donation2.sql', ownDdl);
      const nested = (contract: Contract) =>
        contract.schema[0]?.properties.map((property) => [property.extensions?.properties, property.extensions?.items]);
      expect(nested(next.contract)).toEqual(nested(donations));
    });

    it('keeps unique: true on the primary key, which is unique whether or not the DDL says UNIQUE', () => {
      const next = nextVersionFrom('donation2.sql', ownDdl);
      expect(next.contract.odcs).toContain('        unique: true\n        primaryKey: true\n');
    });

    it('drops unique from a column of a composite key that the DDL does not declare unique', () => {
      const next = nextVersionFrom(
        'donation2.sql',
        ownDdl.replace(' PRIMARY KEY,', ',\n  bag integer NOT NULL,\n  PRIMARY KEY (donation_id, bag),'),
      );
      expect(next.contract.odcs).not.toContain('unique: true');
      expect(next.comparison.changes.map((change) => change.kind)).toContain('uniqueness-dropped');
    });

    it('removes the nested fields of a column whose type the DDL changes to one without any', () => {
      const next = nextVersionFrom('donation2.sql', ownDdl.replace('collection_site jsonb', 'collection_site text'));
      expect(next.contract.schema[0]?.properties[1]).not.toHaveProperty('extensions.properties');
      expect(next.contract.odcs).not.toContain('site_code');
    });

    it('keeps the nested fields of an object and the items of an array a JSON Schema leaves open', () => {
      const next = nextVersionFrom(
        'donations.schema.json',
        JSON.stringify({
          title: 'donations',
          type: 'object',
          required: ['donation_id'],
          properties: {
            donation_id: { type: 'string' },
            collection_site: { type: 'object' },
            adverse_events: { type: 'array' },
          },
        }),
      );
      expect(next.contract.odcs).toContain('site_code');
      expect(next.contract.odcs).toContain('          properties:\n            - name: code\n');
    });

    it('takes the nested fields an Avro record states, removing those it has not', () => {
      const next = nextVersionFrom(
        'donations.avsc',
        JSON.stringify({
          type: 'record',
          name: 'donations',
          fields: [
            { name: 'donation_id', type: 'string' },
            {
              name: 'collection_site',
              type: ['null', { type: 'record', name: 'site', fields: [{ name: 'site_code', type: 'string' }] }],
            },
            {
              name: 'adverse_events',
              type: ['null', { type: 'array', items: { type: 'record', name: 'event', fields: [] } }],
            },
          ],
        }),
      );
      expect(next.contract.odcs).toContain('site_code');
      expect(next.contract.odcs).not.toContain('geo');
      expect(next.contract.odcs).not.toContain('name: code');
    });
  });

  describe("jsonb columns as the next version of the bakery's silo telemetry, whose tags are an array", () => {
    const folder = join(import.meta.dirname, '../../fixtures/next-version/silo-telemetry');
    const telemetry = contractOf(readFileSync(join(folder, 'existing.odcs.yaml'), 'utf8'));
    const ddl = readFileSync(join(folder, 'silo-telemetry-v2.sql'), 'utf8');
    const nextVersionFrom = (source: string) => nextVersionOf(telemetry, 'silo_telemetry.sql', source);
    const tags = (contract: Contract) => contract.schema[0]?.properties.find((property) => property.name === 'tags');

    it('keeps an array an array, with its items and minItems, where the column is jsonb (which holds either shape)', () => {
      const next = nextVersionFrom(ddl);
      expect(tags(next.contract)).toMatchObject({
        logicalType: 'array',
        physicalType: 'JSONB',
        extensions: { items: { logicalType: 'string' }, logicalTypeOptions: { minItems: 1, maxItems: 8 } },
      });
    });

    it('lists no change of type, items or nested fields for the jsonb columns', () => {
      const messages = nextVersionFrom(ddl).comparison.changes.map((change) => `${change.subject} ${change.message}`);
      expect(messages.filter((message) => /reading|tags/.test(message))).toEqual([
        "silo_telemetry.reading physicalType set to 'JSONB'",
        "silo_telemetry.tags physicalType set to 'JSONB'",
      ]);
    });

    it.each(['json', 'VARIANT', 'super'])('keeps the array where the column is %s', (type) => {
      expect(tags(nextVersionFrom(ddl.replace('tags jsonb', `tags ${type}`)).contract)?.logicalType).toBe('array');
    });

    it('changes the type, and drops the items, where the column type contradicts it', () => {
      const next = nextVersionFrom(ddl.replace('tags jsonb', 'tags text'));
      expect(tags(next.contract)).toMatchObject({ logicalType: 'string', physicalType: 'TEXT' });
      expect(tags(next.contract)).not.toHaveProperty('extensions.items');
    });

    it('drops only the options the new type has not, so the next version stays valid', () => {
      const next = nextVersionFrom(
        ddl.replace('fill_pct numeric(5,2)', 'fill_pct integer').replace('varchar(40)', 'date'),
      );
      const options = next.contract.schema[0]?.properties.map((property) => property.extensions?.logicalTypeOptions);
      expect(options?.slice(1, 3)).toEqual([{ minimum: 0, maximum: 100 }, undefined]);
    });
  });

  describe("a table's DDL with constraints on several columns as the next version of the broadcaster's rights windows", () => {
    const rightsWindows = contractOf(
      anOdcsText(`schema:
  - name: rights_windows
    properties:
      - name: window_id
        logicalType: string
        required: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: starts_at
        logicalType: timestamp
        required: true
      - name: ends_at
        logicalType: timestamp
        quality:
          - name: ends_after_start
            type: sql
            query: SELECT COUNT(*) FROM {object} WHERE ends_at < starts_at
            mustBe: 0
    quality:
      - name: ck_order
        type: sql
        query: SELECT COUNT(*) FROM {object} WHERE ends_at < starts_at
        mustBe: 0
      - metric: rowCount
        mustBeGreaterThan: 0
`),
    );
    const ddl = [
      'CREATE TABLE rights_windows (',
      '  window_id uuid PRIMARY KEY,',
      '  starts_at timestamptz NOT NULL,',
      '  ends_at timestamptz,',
      '  CONSTRAINT uq_window UNIQUE (window_id, starts_at),',
      '  CONSTRAINT ck_order CHECK (ends_at > starts_at)',
      ');',
    ].join('\n');
    const nextVersion = () => nextVersionOf(rightsWindows, 'rights.sql', ddl);
    const rulesOf = (next: ReturnType<typeof nextVersion>) => next.contract.schema[0]?.quality ?? [];

    it('adds the rules of the import the contract lacks (a UNIQUE on several columns)', () => {
      expect(rulesOf(nextVersion())).toContainEqual(expect.objectContaining({ name: 'uq_window', type: 'sql' }));
    });

    it("replaces a rule of the same name with the import's, the source being the truth for its constraints", () => {
      expect(rulesOf(nextVersion()).filter((rule) => rule.name === 'ck_order')).toEqual([
        expect.objectContaining({ query: 'SELECT COUNT(*) FROM {object} WHERE NOT (ends_at > starts_at)' }),
      ]);
    });

    it('keeps the rules of its own the import does not name, at the table and on its columns', () => {
      const next = nextVersion();
      expect(rulesOf(next)).toContainEqual(expect.objectContaining({ metric: 'rowCount' }));
      const endsAt = next.contract.schema[0]?.properties.find((property) => property.name === 'ends_at');
      expect(endsAt?.quality).toEqual([expect.objectContaining({ name: 'ends_after_start' })]);
    });

    it("adds a rule an import states on a column beside the column's own", () => {
      const imported = contractOf(
        rightsWindows.odcs.replace(
          '            mustBe: 0\n',
          '            mustBe: 0\n          - metric: nullValues\n            mustBe: 0\n',
        ),
      );
      const next = asNextVersion(rightsWindows, aSchemaStatingAll(imported));
      const endsAt = next.ok
        ? next.contract.schema[0]?.properties.find((property) => property.name === 'ends_at')
        : undefined;
      expect(endsAt?.quality?.map((rule) => rule.name ?? rule.metric)).toEqual(['ends_after_start', 'nullValues']);
    });

    it('says which rules it added and which it replaced', () => {
      expect(nextVersion().notes).toEqual([
        "schema[0] (rights_windows): quality rule 'uq_window' added from the import",
        "schema[0] (rights_windows): quality rule 'ck_order' replaced by the import's",
      ]);
    });
  });

  describe('required, which a Protobuf file states only in proto2 and editions', () => {
    const requiredId = contractOf(
      anOdcsText(
        'schema:\n  - name: arm\n    properties:\n      - name: id\n        logicalType: string\n        required: true\n      - name: dose\n        logicalType: number\n        physicalType: double\n',
      ),
    );
    const nextVersionFrom = (source: string) => nextVersionOf(requiredId, 'arm.proto', source);

    it('keeps a required field required when a proto3 file, which cannot say so, is the next version', () => {
      const next = nextVersionFrom('syntax = "proto3";\nmessage arm { string id = 1; optional double dose = 2; }\n');
      expect(next.contract.schema[0]?.properties[0]).toMatchObject({ name: 'id', required: true });
    });

    it('lists no required change in the comparison of a proto3 next version', () => {
      const next = nextVersionFrom(
        'syntax = "proto3";\nmessage arm { string id = 1; double dose = 2; string site = 3; }\n',
      );
      expect(next.comparison.changes.map((change) => change.message)).not.toContainEqual(
        expect.stringMatching(/required/),
      );
      expect(next.comparison.isBreaking).toBe(false);
    });

    it('finds no breaking change in the format f64 a double gains from the same file, imported before formats were', () => {
      const next = nextVersionFrom('syntax = "proto3";\nmessage arm { string id = 1; double dose = 2; }\n');
      expect(next.comparison.changes).toContainEqual(
        expect.objectContaining({
          kind: 'field-changed',
          message: "format set to 'f64', as its physicalType double said",
        }),
      );
      expect(next.comparison.isBreaking).toBe(false);
    });

    it('makes a field optional where a proto2 file says it is optional', () => {
      const next = nextVersionFrom(
        'syntax = "proto2";\nmessage arm { optional string id = 1; optional double dose = 2; }\n',
      );
      expect(next.contract.schema[0]?.properties[0]).toMatchObject({ name: 'id', required: false });
      expect(next.comparison.changes.map((change) => change.kind)).toContain('required-to-optional');
    });

    it('makes a field required where an editions file says LEGACY_REQUIRED', () => {
      const next = nextVersionFrom(
        'edition = "2023";\nmessage arm { string id = 1; double dose = 2 [features.field_presence = LEGACY_REQUIRED]; }\n',
      );
      expect(next.contract.schema[0]?.properties.map((property) => property.required)).toEqual([false, true]);
    });
  });

  describe("an ODCS file another tool wrote as the next version of the roastery's cuppings", () => {
    const folder = join(import.meta.dirname, '../../fixtures/next-version/cupping');
    const cuppings = contractOf(readFileSync(join(folder, 'existing.odcs.yaml'), 'utf8'));
    const imported = importContractSource(
      'cuppings-from-editor.yaml',
      readFileSync(join(folder, 'cuppings-from-editor.yaml'), 'utf8'),
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const next = asNextVersion(cuppings, imported);
    if (!next.ok) throw new Error(next.message);

    it('takes every section the file states, not only its schema', () => {
      const [, score, taster] = next.contract.schema[0]?.properties ?? [];
      expect(next.contract).toMatchObject({
        status: 'active',
        description: 'Scores our tasters give each green coffee lot, for buying decisions.',
        owner: 'quality-lab',
        sla: [{ property: 'latency', value: 1, unit: 'd' }],
        extensions: {
          support: [{ channel: '#quality-lab', url: 'https://example.com/chat/quality-lab' }],
          description: { usage: 'Read by the buying team after each cupping session.' },
        },
      });
      expect(score?.quality).toEqual([
        { type: 'library', metric: 'nullValues', mustBe: 0, description: 'Every cupping has a score.' },
      ]);
      expect(taster?.classification).toBe('restricted');
    });

    it('keeps what the design knows the contract by: its id, domain and data product', () => {
      expect(next.contract).toMatchObject({ id: 'cuppings', domain: 'roastery', dataProduct: 'quality-lab' });
    });

    it('takes the version its changes call for (a new quality rule breaks), not the one the file states', () => {
      expect(next.contract.version).toBe('2.0.0');
    });

    it('lists every change, in the schema and outside it, so nothing is dropped unsaid', () => {
      expect(next.comparison.changes.map((change) => `${change.subject}: ${change.message}`)).toEqual([
        "contract: status changed from 'draft' to 'active'",
        "contract: description set to 'Scores our tasters give each green coffee lot, for buying decisions.'",
        "contract: owner set to 'quality-lab'",
        'contract: SLA frequency removed (was 1 d), weakening what consumers were promised',
        'contract: SLA latency set to 1 d',
        'contract: support changed',
        'contract: description changed',
        'contract: team changed',
        "cuppings.score: quality rule 'nullValues' added",
        "cuppings.taster: classification set to 'restricted', stricter",
        "cuppings: physicalType set to 'table'",
      ]);
    });
  });

  describe("the weather buoys' readings re-imported from the schema of the records its servers hold", () => {
    /** The buoys' contract, whose `servers` are written by `servers`, with a `reading` of a float and a double. */
    const buoyReadings = (servers: string) =>
      contractOf(
        anOdcsText(
          `servers:\n${servers}schema:\n  - name: reading\n    properties:\n      - name: wave_height\n        logicalType: number\n        physicalType: float\n        required: true\n      - name: pressure\n        logicalType: number\n        physicalType: double\n        required: true\n`,
        ),
      );
    const kafka = (format: string) =>
      `  - server: buoys\n    type: kafka\n    host: kafka:9092\n    format: ${format}\n`;
    const postgres =
      '  - server: archive\n    type: postgres\n    host: db\n    port: 5432\n    database: buoys\n    schema: public\n';
    const avro = (waveHeight: string, pressure: string) =>
      JSON.stringify({
        type: 'record',
        name: 'reading',
        fields: [
          { name: 'wave_height', type: waveHeight },
          { name: 'pressure', type: pressure },
        ],
      });
    const proto = 'syntax = "proto3";\nmessage reading { float wave_height = 1; double pressure = 2; }\n';
    const breakingChanges = (contract: Contract, file: string, source: string) =>
      nextVersionOf(contract, file, source)
        .comparison.changes.filter((change) => change.isBreaking)
        .map((change) => `${change.subject}: ${change.message}`);

    it.each([
      ['its Avro schema', 'avro', 'reading.avsc', avro('float', 'double')],
      ['its Protobuf file', 'protobuf', 'reading.proto', proto],
    ])(
      'finds no breaking change when %s says the same: a bare float in Avro or Protobuf records is 32 bits',
      (_, format, file, source) => {
        const next = nextVersionOf(buoyReadings(kafka(format)), file, source);
        expect(next.comparison.changes.map((change) => [change.subject, change.isBreaking, change.message])).toEqual([
          ['reading.wave_height', false, "format set to 'f32', as its physicalType float said"],
          ['reading.pressure', false, "format set to 'f64', as its physicalType double said"],
        ]);
        expect(next.contract.version).toBe('1.1.0');
      },
    );

    it('still finds a double that became a float in Avro breaking, as it keeps fewer digits', () => {
      expect(breakingChanges(buoyReadings(kafka('avro')), 'reading.avsc', avro('float', 'float'))).toEqual([
        "reading.pressure: format set to 'f32'",
        'reading.pressure: physicalType narrowed from double to float',
      ]);
    });

    it('finds no breaking change when its Avro schema widens a float to a double, which holds every value it held', () => {
      const next = nextVersionOf(buoyReadings(kafka('avro')), 'reading.avsc', avro('double', 'double'));
      expect(next.comparison.changes.filter((change) => change.isBreaking)).toEqual([]);
      expect(next.contract.version).toBe('1.1.0');
    });

    it.each([
      ['a PostgreSQL server, where a float is 64 bits', postgres],
      ['a PostgreSQL server beside the Kafka one, which reads a float otherwise', `${kafka('avro')}${postgres}`],
    ])('still finds an Avro float breaking for a float column of %s', (_, servers) => {
      expect(breakingChanges(buoyReadings(servers), 'reading.avsc', avro('float', 'double'))).toEqual([
        "reading.wave_height: format set to 'f32'",
      ]);
    });
  });
});
