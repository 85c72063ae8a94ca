import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { parseOdcsYaml, serializeOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { formatLocatedProblem, type LocatedResult } from '../../../shared/contracts/yaml-source';
import { emptyMesh, serializeMesh } from '../../../shared/model';
import type { Contract } from '../../../shared/model/contract';
import { odcsDocumentProblems } from '../export/real-validators';
import { aContractModel, anOdcsText, aProperty, withProperties } from './builders';
import { officialExamples } from './official-examples';

const FIXTURES = join(import.meta.dirname, '../../fixtures/odcs');
const GOLDEN = join(FIXTURES, 'golden');
const EXAMPLES = join(FIXTURES, 'examples');

const goldenCases = readdirSync(GOLDEN)
  .filter((file) => file.endsWith('.contract.json'))
  .map((file) => file.replace('.contract.json', ''));

function imported(text: string): Contract {
  const result = parseOdcsYaml(text);
  if (!result.ok) throw new Error(result.errors.map(formatLocatedProblem).join('\n'));
  return result.value;
}

function officialExample(name: string): Contract {
  const example = officialExamples.find((candidate) => candidate.name === name);
  if (!example) throw new Error(`no official example ${name}`);
  return imported(example.text);
}

function problemsOf(result: LocatedResult<Contract>): string[] {
  return result.ok ? [] : result.errors.map(formatLocatedProblem);
}

describe('ODCS for contracts the app creates (golden files: <case>.contract.json → <case>.odcs.yaml)', () => {
  it.each(goldenCases)('%s: writes the expected YAML', (name) => {
    const contract = JSON.parse(readFileSync(join(GOLDEN, `${name}.contract.json`), 'utf8'));
    expect(serializeOdcsYaml(contract)).toBe(readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8'));
  });

  it.each(goldenCases)('%s: the YAML is valid against the official schema', (name) => {
    expect(validateOdcsDocument(parse(readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8')))).toEqual([]);
  });

  it.each(goldenCases)('%s: reading the YAML back gives the contract, with its text', (name) => {
    const contract = JSON.parse(readFileSync(join(GOLDEN, `${name}.contract.json`), 'utf8'));
    const text = readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8');
    expect(imported(text)).toEqual({ ...contract, odcs: text });
  });
});

describe.each(officialExamples)('the official example $name', ({ text }) => {
  it('validates against the schema of its own ODCS version', () => {
    expect(validateOdcsDocument(parse(text))).toEqual([]);
  });

  it('opens and saves byte-identically, alone and inside a mesh file', () => {
    const contract = imported(text);
    expect(contract.odcs).toBe(text);
    const saved = serializeMesh({ ...emptyMesh('m', 'M'), contracts: [contract] });
    const reopened = parseMeshFile(saved);
    expect(reopened.ok && reopened.value.contracts[0]?.odcs).toBe(text);
    expect(reopened.ok && reopened.value.contracts[0]).toEqual(contract);
  });

  it('keeps the apiVersion it declares', () => {
    expect(imported(text).apiVersion).toBe(parse(text).apiVersion);
  });

  it('reads as a model that writes a valid document of the same version', () => {
    const contract = imported(text);
    const { odcs: _text, ...model } = contract;
    expect(validateOdcsDocument(parse(serializeOdcsYaml(model)))).toEqual([]);
  });
});

describe('reading and writing the model', () => {
  it('writes the dataset kind only when the contract says it, and history in customProperties', () => {
    const declared = parse(serializeOdcsYaml(aContractModel()));
    const undeclared = parse(serializeOdcsYaml(aContractModel({ isKindDeclared: false })));
    const event = parse(serializeOdcsYaml(aContractModel({ kind: 'event', keepHistory: true })));
    expect(declared.customProperties).toEqual([{ property: 'datasetKind', value: 'entity' }]);
    expect(undeclared.customProperties).toBeUndefined();
    expect(event.customProperties).toEqual([
      { property: 'datasetKind', value: 'event' },
      { property: 'keepHistory', value: true },
    ]);
  });

  it('reads and writes the history column prefix as a custom property, refusing one SQL would need quotes for', () => {
    const withPrefix = (value: string) =>
      anOdcsText(
        `customProperties:\n  - property: keepHistory\n    value: true\n  - property: historyColumnPrefix\n    value: "${value}"\n`,
      );
    const contract = imported(withPrefix('dbt_'));
    expect(contract).toMatchObject({ keepHistory: true, historyColumnPrefix: 'dbt_' });
    expect(contract.extensions?.customProperties).toBeUndefined();
    expect(parse(serializeOdcsYaml(contract)).customProperties).toContainEqual({
      property: 'historyColumnPrefix',
      value: 'dbt_',
    });
    expect(problemsOf(parseOdcsYaml(withPrefix('scd 2')))).toEqual([
      expect.stringMatching(
        /customProperties\[1\]\.value: must start with a letter or _ and hold only letters, digits and _$/,
      ),
    ]);
  });

  it('reads a contract that does not say its kind as an inferred entity without history', () => {
    expect(imported(anOdcsText())).toMatchObject({
      id: 'orders',
      name: 'orders',
      kind: 'entity',
      isKindDeclared: false,
      keepHistory: false,
      schema: [],
      sla: [],
    });
  });

  it('infers an event from a streaming server or a topic, keeping the ODCS 3.0 version', () => {
    const kafka = officialExample('examples/kafka-schema.odcs.yaml');
    expect(kafka).toMatchObject({ kind: 'event', isKindDeclared: false, apiVersion: 'v3.0.2', status: 'development' });
    const topic = imported(anOdcsText('schema:\n  - name: clicks\n    physicalType: topic\n'));
    expect(topic.kind).toBe('event');
  });

  it('names a nameless contract with a UUID id after its data product, never writing that name', () => {
    const contract = officialExample('v3.2.0/full-example.odcs.yaml');
    expect(contract.name).toBe('my quantum');
    expect(parse(contract.odcs).name).toBeUndefined();
  });

  it('reads a v3.2.0 contract without a status, which 3.2 made optional, and asks a v3.1.0 one for it', () => {
    const v32 = 'apiVersion: v3.2.0\nkind: DataContract\nid: orders\nversion: 1.0.0\n';
    expect(imported(v32).status).toBeUndefined();
    expect(problemsOf(parseOdcsYaml(v32.replace('v3.2.0', 'v3.1.0')))).toEqual(["1:1 missing required field 'status'"]);
  });

  it('reads relationship ids in v3.2.0, which its release added to the bundled schema, and not in v3.1.0', () => {
    const relationships = [
      'schema:',
      '  - name: orders',
      '    relationships:',
      '      - id: orders_customer',
      '        from: orders.customer_id',
      '        to: customers.id',
      '    properties:',
      '      - name: customer_id',
      '        logicalType: string',
      '        relationships:',
      '          - id: customer_fk',
      '            to: customers.id',
      '',
    ].join('\n');
    const v32 = anOdcsText(relationships).replace('v3.1.0', 'v3.2.0');
    expect(problemsOf(parseOdcsYaml(v32))).toEqual([]);
    expect(parse(serializeOdcsYaml(imported(v32))).schema).toEqual(parse(v32).schema);
    expect(problemsOf(parseOdcsYaml(anOdcsText(relationships)))).toEqual([
      expect.stringMatching(
        /^9:9 schema\[0\]\.relationships\[0\]\.id: unknown field 'id'\. It is an ODCS v3\.2\.0 feature/,
      ),
      expect.stringMatching(/^16:13 schema\[0\]\.properties\[0\]\.relationships\[0\]\.id: unknown field 'id'\. It is/),
    ]);
  });

  it('says which key a property-level relationship must not hold, and why, at that key', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: customer_id
        logicalType: string
        relationships:
          - from: orders.customer_id
            to: customers.id
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "12:13 schema[0].properties[0].relationships[0].from: 'from' is not allowed here: the 'from' field must not be specified at property level as it is implicitly derived from the property context",
    ]);
  });

  it('reads ODCS 3.2 enums, strings and numbers, as the allowed values', () => {
    const [orderId, status, priority] = officialExample('v3.2.0/enum.odcs.yaml').schema[0]?.properties ?? [];
    expect(orderId?.enum).toBeUndefined();
    expect(status?.enum).toEqual(['pending', 'processing', 'shipped', 'cancelled']);
    expect(priority?.enum).toEqual([1, 2, 3]);
  });

  it('reads a property without a logicalType, which ODCS leaves optional, and writes it back without one', () => {
    const text = anOdcsText('schema:\n  - name: t\n    properties:\n      - name: a\n        required: true\n');
    expect(odcsDocumentProblems(parse(text))).toEqual([]);
    const contract = imported(text);
    expect(contract.schema[0]?.properties).toEqual([{ name: 'a', required: true, unique: false, primaryKey: false }]);
    expect(parse(serializeOdcsYaml(contract)).schema).toEqual(parse(text).schema);
  });

  it('reads the ODCS 3.2 map type', () => {
    const receivers = officialExample('v3.2.0/full-example.odcs.yaml').schema[1];
    expect(receivers?.properties.find((property) => property.name === 'receiver_attributes')).toMatchObject({
      logicalType: 'map',
      extensions: { map: { key: { logicalType: 'string' } } },
    });
  });

  it('writes allowed values as a 3.2 enum or, before 3.2, as an invalidValues quality rule, and reads them back', () => {
    const currency = aProperty('currency', 'string', { enum: ['EUR', 'USD'] });
    const v31 = withProperties(aContractModel(), [currency]);
    const v32 = withProperties(aContractModel({ apiVersion: 'v3.2.0' }), [currency]);
    expect(parse(v31.odcs).schema[0].properties[0].quality).toEqual([
      { metric: 'invalidValues', arguments: { validValues: ['EUR', 'USD'] }, mustBe: 0 },
    ]);
    expect(parse(v32.odcs).schema[0].properties[0].enum).toEqual([{ value: 'EUR' }, { value: 'USD' }]);
    expect(v31.schema[0]?.properties[0]?.enum).toEqual(['EUR', 'USD']);
    expect(v32.schema[0]?.properties[0]?.enum).toEqual(['EUR', 'USD']);
  });

  it('keeps an invalidValues rule with more to it as a quality rule, not an enum', () => {
    const contract = imported(readFileSync(join(EXAMPLES, 'column-validity.odcs.yaml'), 'utf8'));
    const property = contract.schema[0]?.properties[0];
    expect(property?.enum).toBeUndefined();
    expect(property?.quality?.[0]).toMatchObject({ metric: 'invalidValues', extensions: { mustBeLessOrEqualTo: 5 } });
  });

  /** A contract whose `country` allows FR and GB through an invalidValues rule compared as `comparison` says. */
  const sellersWithCountryRule = (comparison: string) =>
    imported(
      anOdcsText(`schema:
  - name: sellers
    properties:
      - name: country
        logicalType: string
        quality:
          - metric: invalidValues
            arguments: { validValues: [FR, GB] }
            ${comparison}
`),
    );

  it.each(['mustBe: 0', 'mustBeLessThan: 1', 'mustBeLessOrEqualTo: 0'])(
    'reads an invalidValues rule that lets no invalid value through (%s) as allowed values',
    (comparison) => {
      const contract = sellersWithCountryRule(comparison);
      expect(contract.schema[0]?.properties[0]).toMatchObject({ enum: ['FR', 'GB'] });
      expect(contract.schema[0]?.properties[0]?.quality).toBeUndefined();
    },
  );

  it('reads a null among an invalidValues rule’s values as "may be empty", keeping the other values allowed', () => {
    const rating = (values: string) =>
      imported(
        anOdcsText(`schema:
  - name: titles
    properties:
      - name: rating
        logicalType: string
        quality:
          - metric: invalidValues
            arguments: { validValues: ${values} }
            mustBe: 0
`),
      ).schema[0]?.properties[0];
    expect(rating('[G, PG, ~]')).toMatchObject({ enum: ['G', 'PG'] });
    expect(rating('[G, PG, ~]')?.quality).toBeUndefined();
    expect(rating('[null, G]')).toMatchObject({ enum: ['G'] });
  });

  it.each(['mustBeLessThan: 2', 'mustBeLessOrEqualTo: 1', 'mustBeBetween: [0, 1]', 'mustBeGreaterThan: 0'])(
    'keeps an invalidValues rule that lets some invalid values through (%s) as a quality rule',
    (comparison) => {
      const contract = sellersWithCountryRule(comparison);
      expect(contract.schema[0]?.properties[0]?.enum).toBeUndefined();
      expect(contract.schema[0]?.properties[0]?.quality).toHaveLength(1);
    },
  );

  it('keeps unknown fields at every level and writes them back', () => {
    const text = anOdcsText(`tenant: acme
description: { purpose: Why, usage: How }
team: { name: crew, members: [{ username: ada }] }
schema:
  - name: t
    businessName: The table
    properties:
      - name: a
        logicalType: string
        criticalDataElement: true
        quality:
          - { metric: nullValues, mustBe: "0", businessImpact: operational }
slaProperties:
  - { property: latency, value: 4, driver: analytics }
`);
    const contract = imported(text);
    expect(contract.extensions).toEqual({
      tenant: 'acme',
      description: { usage: 'How' },
      team: { members: [{ username: 'ada' }] },
    });
    expect(contract.description).toBe('Why');
    expect(contract.owner).toBe('crew');
    expect(contract.schema[0]?.extensions).toEqual({ businessName: 'The table' });
    expect(contract.schema[0]?.properties[0]?.extensions).toEqual({ criticalDataElement: true });
    expect(contract.schema[0]?.properties[0]?.quality?.[0]?.extensions).toEqual({
      businessImpact: 'operational',
      mustBe: '0',
    });
    expect(contract.sla[0]?.extensions).toEqual({ driver: 'analytics' });
  });

  it('writes objects the model shares in full, without YAML anchors', () => {
    const tags = { tags: ['sales'] };
    const contract = withProperties(aContractModel(), [
      aProperty('a', 'string', { extensions: tags }),
      aProperty('b', 'string', { extensions: tags }),
    ]);
    expect(contract.odcs).not.toMatch(/[&*]a1/);
  });

  it('reads the deprecated ODCS 3.0 team array as the members of a team', () => {
    const contract = imported(
      'apiVersion: v3.0.2\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: draft\nteam:\n  - username: ada\n',
    );
    expect(contract.extensions?.team).toEqual({ members: [{ username: 'ada' }] });
  });
});

describe('ODCS import errors', () => {
  it('locates bad YAML by line and column', () => {
    const result = parseOdcsYaml('apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: a\n   bad: indent\n');
    expect(result.ok).toBe(false);
    expect(problemsOf(result)[0]).toMatch(/^5:\d+ /);
  });

  it('reports a duplicate key as a YAML error naming the key', () => {
    expect(problemsOf(parseOdcsYaml('id: a\nid: b\n'))).toEqual([
      "2:1 the key 'id' appears twice in this mapping; keys must be unique",
    ]);
    expect(problemsOf(parseOdcsYaml('schema:\n  - name: x\n    "logical type": a\n    "logical type": b\n'))).toEqual([
      expect.stringMatching(/^4:5 the key '"logical type"' appears twice/),
    ]);
  });

  it('says a contract is one YAML document when a second one follows, in words a user acts on', () => {
    const text = `${anOdcsText()}---\n${anOdcsText()}`;
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '6:1 expected one YAML document; a second one starts here, after ---',
    ]);
  });

  describe("a key not aligned with the keys above it, said at the key rather than in the parser's words", () => {
    const field = (misaligned: string) =>
      `${anOdcsText()}schema:\n  - name: readings\n    properties:\n      - name: t\n        logicalType: number\n${misaligned}\n`;

    it("one column short of them, in a list item (the blood bank QA's bad.odcs.yaml)", () => {
      expect(problemsOf(parseOdcsYaml(field('       required: true')))).toEqual([
        "11:8 'required' is not aligned with the keys above it (column 9 expected)",
      ]);
    });

    it('one column further in, which the parser reports at the key before', () => {
      expect(problemsOf(parseOdcsYaml(field('         required: true')))).toEqual([
        "11:10 'required' is not aligned with the keys above it (column 9 expected)",
      ]);
    });

    it('short of the keys of its parent mapping, after a deeper list: the nearest column it may belong with', () => {
      expect(problemsOf(parseOdcsYaml(field('   description: x')))).toEqual([
        "11:4 'description' is not aligned with the keys above it (column 5 expected)",
      ]);
    });

    it('in a plain mapping', () => {
      expect(problemsOf(parseOdcsYaml('id: a\ndescription:\n  purpose: x\n usage: y\n'))).toEqual([
        "4:2 'usage' is not aligned with the keys above it (column 3 expected)",
      ]);
    });

    it('once, where the keys after it are aligned, never telling them to line up with it', () => {
      const server = (host: string) =>
        `${anOdcsText()}servers:\n  - server: coord-db\n    type: postgres\n${host}\n    port: 5432\n    database: slots\n    schema: public\n`;
      expect(problemsOf(parseOdcsYaml(server('   host: coord-db.internal')))).toEqual([
        "9:4 'host' is not aligned with the keys above it (column 5 expected)",
      ]);
      expect(
        problemsOf(parseOdcsYaml(field('       required: true\n        unique: true\n        description: x'))),
      ).toEqual(["11:8 'required' is not aligned with the keys above it (column 9 expected)"]);
    });

    it('at each of two keys, where each is out of line with its own mapping', () => {
      const text = `${anOdcsText()}description:\n  purpose: x\n usage: y\nschema:\n  - name: readings\n    properties:\n      - name: t\n       required: true\n`;
      expect(problemsOf(parseOdcsYaml(text))).toEqual([
        "8:2 'usage' is not aligned with the keys above it (column 3 expected)",
        "13:8 'required' is not aligned with the keys above it (column 9 expected)",
      ]);
    });

    it("keeps the parser's words for other errors", () => {
      expect(problemsOf(parseOdcsYaml(`${anOdcsText()}schema:\n  - name: x: y\n`))).toEqual([
        '7:11 Nested mappings are not allowed in compact mappings',
      ]);
    });
  });

  describe('a flow list or mapping left open, said at its opening bracket rather than at the lines the parser took into it', () => {
    const email = (tags: string, after = '        required: true\n      - name: id\n        logicalType: integer\n') =>
      anOdcsText(
        `schema:\n  - name: customers\n    properties:\n      - name: email\n        logicalType: string\n${tags}\n${after}`,
      );

    it('an unclosed [ under a property followed by more properties: one problem, at its line', () => {
      expect(problemsOf(parseOdcsYaml(email('        tags: [pii, customer')))).toEqual([
        '11:15 this list opened with [ is never closed; end it with ]',
      ]);
    });

    it('an unclosed { likewise', () => {
      expect(problemsOf(parseOdcsYaml(email('        tags: {a: 1')))).toEqual([
        '11:15 this mapping opened with { is never closed; end it with }',
      ]);
    });

    it('at the end of the text', () => {
      expect(problemsOf(parseOdcsYaml(email('        tags: [pii, customer', '')))).toEqual([
        '11:15 this list opened with [ is never closed; end it with ]',
      ]);
    });

    it('whose ] is on a line indented no further than its key: says to indent rather than to close', () => {
      expect(problemsOf(parseOdcsYaml(email('        tags: [pii,\n        customer]', '')))[0]).toBe(
        '11:15 this list opened with [ goes on at a line not indented further than its key; indent its lines further',
      );
    });

    it('at each of two lists left open', () => {
      const text = email('        tags: [pii', '        examples: [a, b\n        required: true\n');
      expect(problemsOf(parseOdcsYaml(text))).toEqual([
        '11:15 this list opened with [ is never closed; end it with ]',
        '12:19 this list opened with [ is never closed; end it with ]',
      ]);
    });
  });

  it('refuses a document that is not a mapping', () => {
    expect(problemsOf(parseOdcsYaml('- just\n- a list\n'))).toEqual(['1:3 must be a YAML mapping (an ODCS document)']);
  });

  it('locates schema violations by path and line', () => {
    const text = `apiVersion: v3.1.0
kind: DataContract
id: c
status: draft
schema:
  - name: t
    properties:
      - name: a
        logicalType: strin
        colour: blue
`;
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "1:1 missing required field 'version'",
      '9:22 schema[0].properties[0].logicalType: unknown logicalType "strin"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
      "10:9 schema[0].properties[0].colour: unknown field 'colour'",
    ]);
  });

  it.each(['v3.1.0', 'v3.2.0'])(
    '%s: marks only the unknown field of an array’s items, not the fields items may hold',
    (apiVersion) => {
      const text = anOdcsText(`schema:
  - name: animals
    properties:
      - name: keepers
        logicalType: array
        items:
          logicalType: string
          description: keeper usernames
          colour: red
`).replace('v3.1.0', apiVersion);
      expect(problemsOf(parseOdcsYaml(text))).toEqual([
        "14:11 schema[0].properties[0].items.colour: unknown field 'colour'",
      ]);
    },
  );

  it('marks an unknown field of a property of an array’s object items at that field', () => {
    const text = anOdcsText(`schema:
  - name: animals
    properties:
      - name: feedings
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: fed_at
              logicalType: timestamp
              colour: red
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "16:15 schema[0].properties[0].items.properties[0].colour: unknown field 'colour'",
    ]);
  });

  it('marks only the unknown field of a map’s value, not its logicalType', () => {
    const text = anOdcsText(`schema:
  - name: animals
    properties:
      - name: findings
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: string
            colour: red
`).replace('v3.1.0', 'v3.2.0');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "16:13 schema[0].properties[0].map.value.colour: unknown field 'colour'",
    ]);
  });

  it.each([
    ['a comparison without a metric', '{ mustBeGreaterThan: 0 }'],
    ['a text rule with a comparison', '{ type: text, description: at least one booking, mustBe: 0 }'],
    ['a query without type: sql', '{ query: SELECT COUNT(*) FROM bookings, mustBeGreaterThan: 0 }'],
  ])('refuses, as the official schema does, a quality rule of no kind its fields belong to: %s', (_, rule) => {
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      const text = anOdcsText(`schema:\n  - name: bookings\n    quality:\n      - ${rule}\n`).replace(
        'v3.1.0',
        apiVersion,
      );
      expect(odcsDocumentProblems(parse(text)), apiVersion).not.toEqual([]);
      expect(problemsOf(parseOdcsYaml(text)), apiVersion).not.toEqual([]);
    }
  });

  it('says what a comparison written without a metric needs', () => {
    const text = anOdcsText('schema:\n  - name: bookings\n    quality:\n      - mustBeGreaterThan: 0\n');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "9:9 schema[0].quality[0].mustBeGreaterThan: unknown field 'mustBeGreaterThan'; it needs type: library or sql",
    ]);
  });

  it('says which logical types take an option written under another type', () => {
    const text = anOdcsText(
      'schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n        logicalTypeOptions:\n          minimum: 5\n',
    );
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "12:11 schema[0].properties[0].logicalTypeOptions.minimum: 'minimum' applies to date, timestamp, time, number and integer fields, not string",
    ]);
  });

  it('says how YAML 1.2 read a plain value that YAML 1.1 habits wrote, where the schema refuses its type', () => {
    const text = anOdcsText(
      'name: 2024\nschema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n        required: yes\n        unique: Off\n        primaryKey: maybe\n',
    ).replace('version: 1.0.0', 'version: 1.10');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '4:10 version: must be string (1.10 is the number 1.1 in YAML 1.2: quote it, "1.10")',
      '6:7 name: must be string (2024 is the number 2024 in YAML 1.2: quote it, "2024")',
      '12:19 schema[0].properties[0].required: must be boolean (yes is the string "yes" in YAML 1.2: write true)',
      '13:17 schema[0].properties[0].unique: must be boolean (Off is the string "Off" in YAML 1.2: write false)',
      '14:21 schema[0].properties[0].primaryKey: must be boolean',
    ]);
  });

  it('adds no hint to a quoted value, which YAML reads alike in every version', () => {
    const text = anOdcsText('schema:\n  - name: t\n    properties:\n      - name: a\n        required: "yes"\n');
    expect(problemsOf(parseOdcsYaml(text))).toContainEqual('10:19 schema[0].properties[0].required: must be boolean');
  });

  it('tells a v3.2.0 property without a logicalType to get one, where the official schema asks it for a map', () => {
    const text = anOdcsText('schema:\n  - name: t\n    properties:\n      - name: note\n').replace('v3.1.0', 'v3.2.0');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      "9:9 schema[0].properties[0]: has no logicalType, so ODCS v3.2.0's schema applies the rules of every type to it and asks for 'map': add a logicalType (such as string)",
    ]);
  });

  it('merges YAML merge keys (<<) as YAML 1.1 readers such as PyYAML and SnakeYAML do', () => {
    const contract = imported(
      anOdcsText(`schema:
  - name: t
    properties:
      - &typed
        name: customer_id
        logicalType: string
        required: true
      - <<: *typed
        name: order_id
        primaryKey: true
`),
    );
    expect(contract.schema[0]?.properties[1]).toMatchObject({
      name: 'order_id',
      logicalType: 'string',
      required: true,
      primaryKey: true,
    });
  });

  it('names what is wrong inside a v3.2.0 context block, not the text the block could have been instead', () => {
    const contextOf = (body: string) =>
      `apiVersion: v3.2.0\nkind: DataContract\nid: scenes\nversion: 1.0.0\ncontext:\n${body}`;
    expect(
      problemsOf(
        parseOdcsYaml(contextOf('  instructions: Join on scene_id.\n  rules:\n    - Never guess cloud cover.\n')),
      ),
    ).toEqual(["7:3 context.rules: unknown field 'rules'"]);
    expect(
      problemsOf(parseOdcsYaml(contextOf('  verifiedStatements:\n    - answer: Count distinct scene_id.\n'))),
    ).toEqual(["7:7 context.verifiedStatements[0]: missing required field 'question'"]);
  });

  it('explains a quality rule without a comparison operator in one message', () => {
    const text = anOdcsText(`schema:
  - name: t
    quality:
      - type: sql
        query: SELECT 1
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '9:9 schema[0].quality[0]: needs one of: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween',
    ]);
  });

  const OPERATORS =
    'mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween';
  it.each([
    [
      'the item properties of an array property, naming the operators once',
      'object\n          properties:\n            - name: quantity\n              logicalType: integer',
      '18:19 schema[0].properties[0].items.properties[0]',
    ],
    [
      "the items of an array property, alone: not the items' valid fields as unknown ones",
      'integer',
      '15:15 schema[0].properties[0].items',
    ],
  ])('reports a misspelt quality operator in %s', (_, itemsType, at) => {
    const indent = itemsType === 'integer' ? '          ' : '              ';
    const text = anOdcsText(`schema:
  - name: t
    properties:
      - name: lines
        logicalType: array
        items:
          logicalType: ${itemsType}
${indent}quality:
${indent}  - metric: nullValues
${indent}    mustBeGreaterThen: 0
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      `${at}.quality[0].mustBeGreaterThen: unknown quality operator 'mustBeGreaterThen'; expected one of: ${OPERATORS}`,
    ]);
  });

  it('reports only the type of an operator written with the wrong type, not the operator as unknown', () => {
    const text = anOdcsText(`schema:
  - name: t
    quality:
      - metric: rowCount
        mustBeBetween: 5
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '10:24 schema[0].quality[0].mustBeBetween: must be of type array',
    ]);
  });

  it.each(['v3.1.0', 'v3.2.0'])(
    'in %s, says that an empty metric needs one of the metrics, not that it and its operator are unknown',
    (apiVersion) => {
      const text = anOdcsText(`schema:
  - name: t
    quality:
      - metric:
        mustBeGreaterThan: 100
`).replace('v3.1.0', apiVersion);
      expect(problemsOf(parseOdcsYaml(text))).toEqual([
        '9:16 schema[0].quality[0].metric: needs a value, one of: nullValues, missingValues, invalidValues, duplicateValues, rowCount',
      ]);
    },
  );

  it('says that .nan and .inf are not JSON values, wherever they are, not that they are of the wrong type', () => {
    const text = anOdcsText(`schema:
  - name: t
    properties:
      - name: chamber
        logicalType: string
        enum:
          - value: .nan
          - value: PM2
    quality:
      - metric: rowCount
        mustBeLessThan: -.inf
`).replace('v3.1.0', 'v3.2.0');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '12:20 schema[0].properties[0].enum[0].value: NaN (.nan) is not a JSON value, so ODCS has no such number: quote it to mean the text',
      '16:25 schema[0].quality[0].mustBeLessThan: infinity (.inf) is not a JSON value, so ODCS has no such number: quote it to mean the text',
    ]);
  });

  it('still reports a field the quality rule does not know beside its empty metric', () => {
    const text = anOdcsText(`schema:
  - name: t
    quality:
      - metric:
        mustBeGreaterThan: 100
        colour: red
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '9:16 schema[0].quality[0].metric: needs a value, one of: nullValues, missingValues, invalidValues, duplicateValues, rowCount',
      "11:9 schema[0].quality[0].colour: unknown field 'colour'",
    ]);
  });

  it('tells a field of a custom or sql rule written in a library rule which type of rule it needs', () => {
    for (const apiVersion of ['v3.1.0', 'v3.2.0']) {
      const text = anOdcsText(`schema:
  - name: t
    quality:
      - metric: rowCount
        mustBeGreaterThan: 100
        engine: soda
        query: SELECT 1
`).replace('v3.1.0', apiVersion);
      expect(problemsOf(parseOdcsYaml(text))).toEqual([
        "11:9 schema[0].quality[0].engine: unknown field 'engine'; it needs type: custom",
        "12:9 schema[0].quality[0].query: unknown field 'query'; it needs type: sql",
      ]);
    }
  });

  it('tells an ODCS 3.2 enum written as plain strings that each entry is an object with a value', () => {
    const text = anOdcsText(
      'schema:\n  - name: t\n    properties:\n      - name: status\n        logicalType: string\n        enum: [booked, cancelled]\n',
    ).replace('v3.1.0', 'v3.2.0');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '11:16 schema[0].properties[0].enum[0]: must be an object: write each allowed value as {value: booked}',
      '11:24 schema[0].properties[0].enum[1]: must be an object: write each allowed value as {value: cancelled}',
    ]);
  });

  it('says in one message which types a value may take', () => {
    const text = anOdcsText(`slaProperties:
  - property: latency
    value: [4, d]
`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '8:13 slaProperties[0].value: must be of type string, number, integer, boolean or null',
    ]);
  });

  it.each(['v3.1.0', 'v3.2.0'])(
    '%s: does not ask for the other type of a value whose type fits and whose content fails (a team object)',
    (apiVersion) => {
      const text = anOdcsText(`team:
  name: keepers
  members:
    - username: ana
      mail: ana@zoo.example
`).replace('v3.1.0', apiVersion);
      expect(problemsOf(parseOdcsYaml(text))).toEqual(["10:7 team.members[0].mail: unknown field 'mail'"]);
    },
  );

  it('locates what the model needs beyond the schema: a version, a known dataset kind', () => {
    const text = `apiVersion: v3.1.0
kind: DataContract
id: orders
version: ''
status: active
customProperties:
  - property: datasetKind
    value: stream
`;
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '4:10 version: must not be empty',
      '8:12 customProperties[0].value: Invalid option: expected one of "event"|"entity"',
    ]);
  });

  it.each(['"2024-01"', 'v2', '"1.0"', 'one'])(
    'reads version %s as written: ODCS asks only for a string, and breaking-change checks say what it cannot tell',
    (version) => {
      const text = `apiVersion: v3.1.0
kind: DataContract
id: orders
version: ${version}
status: active
`;
      const read = parseOdcsYaml(text);
      expect(problemsOf(read)).toEqual([]);
      expect(read.ok && read.value.version).toBe(parse(`v: ${version}`).v);
    },
  );

  it.each([
    [
      'v3.3.0',
      'ODCS v3.3.0 is newer than this app knows (this app reads ODCS v3.0.0 to v3.2.0): update the app to edit this contract',
    ],
    [
      'v4',
      'ODCS v4 is newer than this app knows (this app reads ODCS v3.0.0 to v3.2.0): update the app to edit this contract',
    ],
    ['v2.2.2', 'ODCS v2.2.2 is not supported: this app reads ODCS v3.0.0 to v3.2.0'],
    ['3.1.0', "ODCS versions are written with a v: write 'v3.1.0'"],
    ['latest', "unknown apiVersion 'latest'; expected one of: v3.2.0, v3.1.0, v3.0.2, v3.0.1, v3.0.0"],
  ])('says what it cannot read of apiVersion %s', (apiVersion, message) => {
    const text = anOdcsText().replace('apiVersion: v3.1.0', `apiVersion: ${apiVersion}`);
    expect(problemsOf(parseOdcsYaml(text))).toEqual([`1:13 apiVersion: ${message}`]);
  });

  it.each([
    [
      'an ODPS data product (as the export writes one)',
      'v1.0.0',
      'DataProduct',
      'unknown kind "DataProduct"; expected one of: DataContract (this is an ODPS data product, not an ODCS data contract)',
    ],
    [
      'a Backstage entity',
      'backstage.io/v1alpha1',
      'Component',
      'unknown kind "Component"; expected one of: DataContract (this is no ODCS data contract)',
    ],
  ])(
    'says that %s is no data contract, rather than calling its apiVersion one of ODCS',
    (_, apiVersion, kind, message) => {
      const text = anOdcsText()
        .replace('apiVersion: v3.1.0', `apiVersion: ${apiVersion}`)
        .replace('kind: DataContract', `kind: ${kind}`);
      expect(problemsOf(parseOdcsYaml(text))).toEqual([`2:7 kind: ${message}`]);
    },
  );

  it('still names the apiVersion it cannot read of a contract whose kind is misspelt', () => {
    const text = anOdcsText()
      .replace('apiVersion: v3.1.0', 'apiVersion: v2.2.2')
      .replace('kind: DataContract', 'kind: DataContrat');
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '1:13 apiVersion: ODCS v2.2.2 is not supported: this app reads ODCS v3.0.0 to v3.2.0',
    ]);
  });
});
