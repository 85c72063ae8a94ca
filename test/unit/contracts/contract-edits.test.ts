import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  editContractText,
  logicalTypeEdits,
  readOdcsDocument,
  upgradeToLatest,
  withContractIdentity,
} from '../../../shared/contracts/contract-edits';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { aContract, aContractModel, anOdcsText, aProperty, withProperties } from './builders';
import { officialExamples } from './official-examples';

/** The upgrade of a contract's text, which must succeed. */
function upgradedOrThrow(text: string) {
  const upgraded = upgradeToLatest(text);
  if (!upgraded.ok) throw new Error(upgraded.message);
  return upgraded;
}

describe('upgrading a contract to ODCS v3.2.0', () => {
  it('turns allowed values kept as a quality rule into the property enum, changing nothing else', () => {
    const contract = withProperties(aContractModel(), [aProperty('currency', 'string', { enum: ['EUR', 'USD'] })]);
    const upgraded = upgradedOrThrow(`# our orders\n${contract.odcs}`);
    expect(upgraded.text.startsWith('# our orders\napiVersion: v3.2.0\n')).toBe(true);
    const property = parse(upgraded.text).schema[0].properties[0];
    expect(property.enum).toEqual([{ value: 'EUR' }, { value: 'USD' }]);
    expect(property.quality).toBeUndefined();
    expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
    const read = parseOdcsYaml(upgraded.text);
    expect(read.ok && read.value.schema[0]?.properties[0]?.enum).toEqual(['EUR', 'USD']);
  });

  it.each(officialExamples.filter((example) => !example.name.startsWith('v3.2.0')))(
    'upgrades the official example $name to a valid v3.2.0 contract',
    ({ text }) => {
      const upgraded = upgradedOrThrow(text);
      expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
    },
  );

  const upgradeFixture = (name: string) =>
    readFileSync(new URL(`../../fixtures/odcs/upgrade/${name}.odcs.yaml`, import.meta.url), 'utf8');

  it('turns allowed values into an enum on top-level fields, nested-object fields and array items', () => {
    const upgraded = upgradedOrThrow(upgradeFixture('allowed-values-in-every-shape'));
    const [, mode, , , loadout, perks] = parse(upgraded.text).schema[0].properties;
    expect(mode.enum).toEqual([{ value: 'ranked' }, { value: 'casual' }, { value: 'tournament' }]);
    expect(loadout.properties[0].enum).toEqual([{ value: 'rifle' }, { value: 'bow' }]);
    expect(perks.items.enum).toEqual([{ value: 'axe' }]);
    expect(perks.items.quality).toBeUndefined();
    expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
  });

  it('writes the values out when the anchored rule and every alias of it are rewritten', () => {
    const upgraded = upgradedOrThrow(upgradeFixture('allowed-values-through-an-alias'));
    const [, , , , loadout, perks] = parse(upgraded.text).schema[0].properties;
    expect(loadout.properties[0].enum).toEqual([{ value: 'rifle' }, { value: 'bow' }]);
    expect(perks.items.enum).toEqual([{ value: 'rifle' }, { value: 'bow' }]);
  });

  it('says that an alias stops the rewrite when an anchored rule is still used elsewhere', () => {
    const text = upgradeFixture('allowed-values-through-an-alias').replace(
      '      - name: flags\n',
      '      - name: favourites\n        logicalType: array\n        examples: *weapons\n      - name: flags\n',
    );
    const upgraded = upgradeToLatest(text);
    expect(upgraded).toEqual({
      ok: false,
      message: expect.stringMatching(/&weapons .*\*weapons .*alias stops the rewrite/),
    });
    expect(upgraded.ok || upgraded.message).not.toMatch(/Unresolved|1:1/);
  });

  it('writes allowed values listed bare in an enum as the {value} objects v3.2.0 requires', () => {
    const text = anOdcsText(
      'schema:\n  - name: appointments\n    properties:\n      - name: kind\n        logicalType: string\n        enum: [checkup, filling]\n',
    );
    const upgraded = upgradedOrThrow(text);
    expect(parse(upgraded.text).schema[0].properties[0].enum).toEqual([{ value: 'checkup' }, { value: 'filling' }]);
    expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
  });

  it('upgrades allowed values listed twice, each written once in the enum v3.2.0 wants unique', () => {
    const text = anOdcsText(
      'schema:\n  - name: passes\n    properties:\n      - name: station\n        logicalType: string\n        quality:\n          - metric: invalidValues\n            arguments:\n              validValues: [svalbard, svalbard, troll]\n            mustBe: 0\n',
    );
    const upgraded = upgradedOrThrow(text);
    expect(parse(upgraded.text).schema[0].properties[0].enum).toEqual([{ value: 'svalbard' }, { value: 'troll' }]);
    expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
  });

  it('upgrades an enum of bare values listed twice to unique {value} entries', () => {
    const text = anOdcsText(
      'schema:\n  - name: passes\n    properties:\n      - name: band\n        logicalType: string\n        enum: [X, S, X]\n',
    );
    const upgraded = upgradedOrThrow(text);
    expect(parse(upgraded.text).schema[0].properties[0].enum).toEqual([{ value: 'X' }, { value: 'S' }]);
  });

  it('keeps the comments written on allowed values, each beside the enum entry of its value', () => {
    const text = anOdcsText(
      [
        'schema:',
        '  - name: deliveries',
        '    properties:',
        '      - name: channel',
        '        logicalType: string',
        '        quality:',
        '          # channels the delivery service supports',
        '          - metric: invalidValues',
        '            arguments:',
        '              validValues:',
        '                - sftp # legacy customers',
        '                # object storage',
        '                - s3 # bucket push',
        '                - api',
        '            mustBe: 0',
        '        description: How the scenes reach the customer.',
        '',
      ].join('\n'),
    );
    const upgraded = upgradedOrThrow(text);
    expect(upgraded.text.split('\n').slice(8)).toEqual([
      '      - name: channel',
      '        logicalType: string',
      '        description: How the scenes reach the customer.',
      '        # channels the delivery service supports',
      '        enum:',
      '          - value: sftp # legacy customers',
      '          # object storage',
      '          - value: s3 # bucket push',
      '          - value: api',
      '',
    ]);
  });

  it('upgrades v3.0 rules in place, keeping each rule where it was and the comments written on it and its values', () => {
    const text = anOdcsText(
      [
        'schema:',
        '  - name: passes',
        '    properties:',
        '      - name: station',
        '        logicalType: string',
        '        quality:',
        '          - rule: validValues # stations we own',
        '            validValues:',
        '              - svalbard # arctic',
        '              - troll',
        '            mustBe: 0',
        '          - rule: nullCheck # never empty',
        '            mustBe: 0',
        '',
      ].join('\n'),
    ).replace('apiVersion: v3.1.0', 'apiVersion: v3.0.2');
    const upgraded = upgradedOrThrow(text);
    expect(upgraded.text.split('\n').slice(8)).toEqual([
      '      - name: station',
      '        logicalType: string',
      '        quality:',
      '          - metric: nullValues # never empty',
      '            mustBe: 0',
      '        # stations we own',
      '        enum:',
      '          - value: svalbard # arctic',
      '          - value: troll',
      '',
    ]);
  });

  it("moves a v3.0 rule's own fields under arguments with the comments on their values, and keeps a one-line rule's order", () => {
    const text = anOdcsText(
      [
        'schema:',
        '  - name: passes',
        '    quality:',
        '      - rule: validValues # stations we own',
        '        validValues:',
        '          - svalbard # arctic',
        '          - troll',
        '        mustBe: 0',
        '      - {rule: nullCheck, mustBe: 0} # never empty',
        '',
      ].join('\n'),
    ).replace('apiVersion: v3.1.0', 'apiVersion: v3.0.2');
    const upgraded = upgradedOrThrow(text);
    expect(upgraded.text.split('\n').slice(7)).toEqual([
      '    quality:',
      '      - metric: invalidValues # stations we own',
      '        mustBe: 0',
      '        arguments:',
      '          validValues:',
      '            - svalbard # arctic',
      '            - troll',
      '      - {metric: nullValues, mustBe: 0} # never empty',
      '',
    ]);
  });

  it('says so when there is nothing to upgrade', () => {
    expect(upgradeToLatest(aContract({ apiVersion: 'v3.2.0' }).odcs)).toEqual({
      ok: false,
      message: 'already ODCS v3.2.0',
    });
  });
});

describe('editing a contract at ODCS paths', () => {
  it('says why an edit through an alias is not made, without asking to fix YAML that parses', () => {
    const text =
      'schema:\n  - name: a\n    properties:\n      - &key {name: id}\n  - name: b\n    properties:\n      - *key\n';
    const edited = editContractText(text, [{ op: 'set', path: ['schema', 1, 'properties', 0, 'name'], value: 'b_id' }]);
    expect(edited).toEqual({
      ok: false,
      message: expect.stringMatching(/^schema\[1\]\.properties\[0\] is an alias \(\*key\)/),
    });
  });
});

describe('changing the logical type of a property', () => {
  const path = ['schema', 0, 'properties', 1];
  const text = aContract({ apiVersion: 'v3.2.0' }).odcs;

  it('makes a map a valid v3.2.0 map, string to string, that its key and value types can then change', () => {
    const toMap = editContractText(text, logicalTypeEdits(parse(text).schema[0].properties[1], path, 'map'));
    if (!toMap.ok) throw new Error(toMap.message);
    expect(validateOdcsDocument(parse(toMap.text))).toEqual([]);
    expect(parse(toMap.text).schema[0].properties[1]).toMatchObject({
      logicalType: 'map',
      map: { key: { logicalType: 'string' }, value: { logicalType: 'string' } },
    });

    const intValues = editContractText(toMap.text, [
      { op: 'set', path: [...path, 'map', 'value', 'logicalType'], value: 'integer' },
    ]);
    if (!intValues.ok) throw new Error(intValues.message);
    const property = parse(intValues.text).schema[0].properties[1];
    expect(logicalTypeEdits(property, path, 'map')).toEqual([
      { op: 'set', path: [...path, 'logicalType'], value: 'map' },
    ]);
    const back = editContractText(intValues.text, logicalTypeEdits(property, path, 'string'));
    if (!back.ok) throw new Error(back.message);
    expect(back.text).toBe(text);
  });
});

describe('giving a contract another id', () => {
  it('changes the id (and data product) in its text, and reads it again', () => {
    const contract = aContract({ dataProduct: 'orders' });
    const copy = withContractIdentity(contract, { id: 'orders-2', dataProduct: 'orders-copy' });
    expect(copy).toMatchObject({ id: 'orders-2', dataProduct: 'orders-copy' });
    expect(copy.odcs).toBe(
      contract.odcs.replace('id: orders', 'id: orders-2').replace('dataProduct: orders', 'dataProduct: orders-copy'),
    );
  });
});

describe('editing a key a property has only through a YAML merge key (<<: *anchor)', () => {
  const merged = anOdcsText(
    [
      'schema:',
      '  - name: a',
      '    properties:',
      '      - &idprop',
      '        name: id',
      '        logicalType: integer',
      '        primaryKey: true',
      '        primaryKeyPosition: 1',
      '  - name: b',
      '    properties:',
      '      - <<: *idprop',
      '        name: b_id',
      '      - *idprop',
      '',
    ].join('\n'),
  );
  const propertiesOf = (text: string, object: number) => {
    const read = parseOdcsYaml(text);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    return read.value.schema[object]?.properties ?? [];
  };
  const edited = (edits: Parameters<typeof editContractText>[1]) => {
    const result = editContractText(merged, edits);
    if (!result.ok) throw new Error(result.message);
    return result.text;
  };

  it('removes a merged key from that property alone, writing out the keys it keeps', () => {
    const text = edited([{ op: 'delete', path: ['schema', 1, 'properties', 0, 'primaryKeyPosition'] }]);
    const [bId, id] = propertiesOf(text, 1);
    expect(bId).toMatchObject({ name: 'b_id', logicalType: 'integer', primaryKey: true });
    expect(bId?.primaryKeyPosition).toBeUndefined();
    expect(id).toMatchObject({ name: 'id', primaryKeyPosition: 1 });
    expect(propertiesOf(text, 0)[0]).toMatchObject({ name: 'id', primaryKey: true, primaryKeyPosition: 1 });
    expect(text).toContain('      - &idprop\n');
  });

  it('changes a merged key on that property alone', () => {
    const text = edited([{ op: 'set', path: ['schema', 1, 'properties', 0, 'primaryKeyPosition'], value: 2 }]);
    expect(propertiesOf(text, 1).map((property) => property.primaryKeyPosition)).toEqual([2, 1]);
    expect(propertiesOf(text, 0)[0]?.primaryKeyPosition).toBe(1);
  });

  it('edits inside a merged value on that property alone, giving it its own copy', () => {
    const withRule = merged.replace(
      '        primaryKeyPosition: 1\n',
      '        primaryKeyPosition: 1\n        quality:\n          - metric: nullValues\n            mustBe: 0\n',
    );
    const result = editContractText(withRule, [
      { op: 'set', path: ['schema', 1, 'properties', 0, 'quality', 0, 'mustBe'], value: 3 },
    ]);
    if (!result.ok) throw new Error(result.message);
    const nullRules = [0, 1].map((object) => propertiesOf(result.text, object).map((property) => property.quality));
    expect(JSON.stringify(nullRules).match(/"mustBe":\d/g)).toEqual(['"mustBe":0', '"mustBe":3', '"mustBe":0']);
    expect(result.text).toContain('      - <<: *idprop\n');
  });

  it('shows the form the merged keys the contract has', () => {
    expect(readOdcsDocument(merged)).toMatchObject({
      schema: [{}, { properties: [{ name: 'b_id', primaryKeyPosition: 1 }, { name: 'id' }] }],
    });
  });
});
