import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  editContractText,
  logicalTypeEdits,
  upgradeToLatest,
  withContractIdentity,
} from '../../../shared/contracts/contract-edits';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { aContract, aContractModel, aProperty, withProperties } from './builders';
import { officialExamples } from './official-examples';

describe('upgrading a contract to ODCS v3.2.0', () => {
  it('turns allowed values kept as a quality rule into the property enum, changing nothing else', () => {
    const contract = withProperties(aContractModel(), [aProperty('currency', 'string', { enum: ['EUR', 'USD'] })]);
    const upgraded = upgradeToLatest(`# our orders\n${contract.odcs}`);
    if (!upgraded.ok) throw new Error(upgraded.message);
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
      const upgraded = upgradeToLatest(text);
      if (!upgraded.ok) throw new Error(upgraded.message);
      expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
    },
  );

  const upgradeFixture = (name: string) =>
    readFileSync(new URL(`../../fixtures/odcs/upgrade/${name}.odcs.yaml`, import.meta.url), 'utf8');

  it('turns allowed values into an enum on top-level fields, nested-object fields and array items', () => {
    const upgraded = upgradeToLatest(upgradeFixture('allowed-values-in-every-shape'));
    if (!upgraded.ok) throw new Error(upgraded.message);
    const [, mode, , , loadout, perks] = parse(upgraded.text).schema[0].properties;
    expect(mode.enum).toEqual([{ value: 'ranked' }, { value: 'casual' }, { value: 'tournament' }]);
    expect(loadout.properties[0].enum).toEqual([{ value: 'rifle' }, { value: 'bow' }]);
    expect(perks.items.enum).toEqual([{ value: 'axe' }]);
    expect(perks.items.quality).toBeUndefined();
    expect(validateOdcsDocument(parse(upgraded.text))).toEqual([]);
  });

  it('writes the values out when the anchored rule and every alias of it are rewritten', () => {
    const upgraded = upgradeToLatest(upgradeFixture('allowed-values-through-an-alias'));
    if (!upgraded.ok) throw new Error(upgraded.message);
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
