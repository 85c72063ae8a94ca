import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { parseOdcsYaml, serializeOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { formatLocatedProblem, type LocatedResult } from '../../../shared/contracts/yaml-source';
import type { Contract } from '../../../shared/model/contract';
import { aContract, anOdcsText, aProperty, withProperties } from './builders';

const FIXTURES = join(import.meta.dirname, '../../fixtures/odcs');
const GOLDEN = join(FIXTURES, 'golden');
const EXAMPLES = join(FIXTURES, 'examples');

const goldenCases = readdirSync(GOLDEN)
  .filter((file) => file.endsWith('.contract.json'))
  .map((file) => file.replace('.contract.json', ''));
const officialExamples = readdirSync(EXAMPLES).filter((file) => file.endsWith('.odcs.yaml'));

function imported(text: string): Contract {
  const result = parseOdcsYaml(text);
  if (!result.ok) throw new Error(result.errors.map(formatLocatedProblem).join('\n'));
  return result.value;
}

function problemsOf(result: LocatedResult<Contract>): string[] {
  return result.ok ? [] : result.errors.map(formatLocatedProblem);
}

/**
 * What the exporter leaves out or settles, so an official example can be compared with
 * our export of it: ODCS defaults (`required`, `unique`, `primaryKey` false; quality
 * `type: library`) and a name for nameless contracts. The apiVersion is kept as it was.
 */
function settled(document: Entry): Entry {
  const copy: Entry = { ...structuredClone(document), name: document.name ?? document.id };
  for (const object of entries(copy.schema)) {
    for (const rule of entries(object.quality)) withoutDefaults(rule, { type: 'library' });
    for (const property of entries(object.properties)) {
      withoutDefaults(property, { required: false, unique: false, primaryKey: false });
      for (const rule of entries(property.quality)) withoutDefaults(rule, { type: 'library' });
    }
  }
  return copy;
}

type Entry = Record<string, unknown>;

function entries(value: unknown): Entry[] {
  return Array.isArray(value) ? value : [];
}

function withoutDefaults(entry: Entry, defaults: Entry): void {
  for (const [key, value] of Object.entries(defaults)) if (entry[key] === value) delete entry[key];
}

describe('ODCS export (golden files: <case>.contract.json → <case>.odcs.yaml)', () => {
  it.each(goldenCases)('%s: writes the expected YAML', (name) => {
    const contract = JSON.parse(readFileSync(join(GOLDEN, `${name}.contract.json`), 'utf8'));
    expect(serializeOdcsYaml(contract)).toBe(readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8'));
  });

  it.each(goldenCases)('%s: the YAML is valid against the official schema', (name) => {
    expect(validateOdcsDocument(parse(readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8')))).toEqual([]);
  });

  it.each(goldenCases)('%s: reading the YAML back gives the contract', (name) => {
    const contract = JSON.parse(readFileSync(join(GOLDEN, `${name}.contract.json`), 'utf8'));
    expect(imported(readFileSync(join(GOLDEN, `${name}.odcs.yaml`), 'utf8'))).toEqual(contract);
  });
});

describe('ODCS round trip of the official examples', () => {
  it.each(officialExamples)('%s: import → export is valid and semantically equal', (file) => {
    const original = readFileSync(join(EXAMPLES, file), 'utf8');
    const exported = serializeOdcsYaml(imported(original));
    expect(validateOdcsDocument(parse(exported))).toEqual([]);
    expect(parse(exported)).toEqual(settled(parse(original)));
  });

  it.each(officialExamples)('%s: re-importing the export gives the same contract', (file) => {
    const first = imported(readFileSync(join(EXAMPLES, file), 'utf8'));
    expect(imported(serializeOdcsYaml(first))).toEqual(first);
  });
});

describe('ODCS mapping', () => {
  it('stores the dataset kind and history in customProperties, leaving defaults out', () => {
    const entity = parse(serializeOdcsYaml(aContract()));
    const event = parse(serializeOdcsYaml(aContract({ kind: 'event', keepHistory: true })));
    expect(entity.customProperties).toBeUndefined();
    expect(event.customProperties).toEqual([
      { property: 'datasetKind', value: 'event' },
      { property: 'keepHistory', value: true },
    ]);
  });

  it('reads a contract without datasetKind as an entity without history', () => {
    const contract = imported(anOdcsText());
    expect(contract).toMatchObject({
      id: 'orders',
      name: 'orders',
      kind: 'entity',
      keepHistory: false,
      schema: [],
      sla: [],
    });
  });

  it('carries an enum as an invalidValues quality rule and reads it back', () => {
    const contract = withProperties(aContract(), [aProperty('currency', 'string', { enum: ['EUR', 'USD'] })]);
    const property = parse(serializeOdcsYaml(contract)).schema[0].properties[0];
    expect(property.quality).toEqual([
      { metric: 'invalidValues', arguments: { validValues: ['EUR', 'USD'] }, mustBe: 0 },
    ]);
    expect(imported(serializeOdcsYaml(contract))).toEqual(contract);
  });

  it('keeps an invalidValues rule with more to it as a quality rule, not an enum', () => {
    const contract = imported(readFileSync(join(EXAMPLES, 'column-validity.odcs.yaml'), 'utf8'));
    const property = contract.schema[0]?.properties[0];
    expect(property?.enum).toBeUndefined();
    expect(property?.quality?.[0]).toMatchObject({ metric: 'invalidValues', extensions: { mustBeLessOrEqualTo: 5 } });
  });

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
    expect(parse(serializeOdcsYaml(contract))).toEqual(settled(parse(text)));
  });

  it('writes objects the model shares in full, without YAML anchors', () => {
    const tags = { tags: ['sales'] };
    const contract = withProperties(aContract(), [
      aProperty('a', 'string', { extensions: tags }),
      aProperty('b', 'string', { extensions: tags }),
    ]);
    expect(serializeOdcsYaml(contract)).not.toMatch(/[&*]a1/);
  });

  it('upgrades a deprecated ODCS 3.0 team array to the 3.1 team object', () => {
    const contract = imported(
      'apiVersion: v3.0.2\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: draft\nteam:\n  - username: ada\n',
    );
    expect(parse(serializeOdcsYaml(contract)).team).toEqual({ members: [{ username: 'ada' }] });
  });
});

describe('ODCS import errors', () => {
  it('locates bad YAML by line and column', () => {
    const result = parseOdcsYaml('apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: a\n   bad: indent\n');
    expect(result.ok).toBe(false);
    expect(problemsOf(result)[0]).toMatch(/^5:\d+ \(document\): /);
  });

  it('reports duplicate keys as YAML errors', () => {
    const result = parseOdcsYaml('id: a\nid: b\n');
    expect(problemsOf(result)).toEqual([expect.stringMatching(/^2:1 \(document\): Map keys must be unique/)]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(problemsOf(parseOdcsYaml('- just\n- a list\n'))).toEqual([
      '1:3 (document): must be a YAML mapping (an ODCS document)',
    ]);
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
      "1:1 (document): missing required field 'version'",
      '9:22 schema[0].properties[0].logicalType: unknown logicalType "strin"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
      "10:9 schema[0].properties[0].colour: unknown field 'colour'",
    ]);
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

  it('locates what the model needs beyond the schema: a semantic version, a known dataset kind', () => {
    const text = `apiVersion: v3.1.0
kind: DataContract
id: orders
version: one
status: active
customProperties:
  - property: datasetKind
    value: stream
`;
    expect(problemsOf(parseOdcsYaml(text))).toEqual([
      '4:10 version: must be a semantic version like 1.2.0',
      '8:12 customProperties[0].value: Invalid option: expected one of "event"|"entity"',
    ]);
  });

  it('asks for a logicalType, which ODCS leaves optional but the app needs', () => {
    const text = anOdcsText('schema:\n  - name: t\n    properties:\n      - name: a\n');
    expect(problemsOf(parseOdcsYaml(text))).toEqual(['9:9 schema[0].properties[0].logicalType: is required']);
  });
});
