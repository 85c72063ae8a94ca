import { describe, expect, it } from 'vitest';
import { upgradeToLatest } from '../../../shared/contracts/contract-edits';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { contractQuickFixes } from '../../../shared/contracts/quick-fixes';
import { checkContractSemantics, checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { type TextChange, textChangeBetween } from '../../../shared/contracts/text-change';
import { anOdcsText } from './builders';

/** The text with the change made, as an editor makes it. */
function applied(text: string, change: TextChange): string {
  const lines = text.split('\n');
  const offsetOf = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((sum, each) => sum + each.length + 1, 0) + column - 1;
  return (
    text.slice(0, offsetOf(change.line, change.column)) +
    change.text +
    text.slice(offsetOf(change.endLine, change.endColumn))
  );
}

const ordersWith = (properties: string) =>
  anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
        required: true
${properties}`);

/** The orders contract with an `ssn` column classified as `word` says (as YAML writes it). */
const classified = (word: string) =>
  ordersWith(`      - name: ssn\n        logicalType: string\n        classification: ${word}\n`);

const STATUS_ENUM = `      - name: status
        logicalType: string
        enum:
          - value: placed
          - value: shipped
`;

describe('quick fixes of contract problems', () => {
  it('offers the upgrade to ODCS v3.2.0 for a v3.2 feature in a v3.1 contract, as the Upgrade action makes it', () => {
    const text = ordersWith(STATUS_ENUM);
    const [fix, ...others] = contractQuickFixes(text);
    expect(others).toEqual([]);
    expect(fix?.title).toBe('Upgrade the contract to ODCS v3.2.0');
    expect(fix?.finding.message).toContain('It is an ODCS v3.2.0 feature');
    const upgraded = upgradeToLatest(text);
    expect(upgraded.ok && fix && applied(text, fix.change)).toBe(upgraded.ok && upgraded.text);
    expect(fix?.change).toEqual({ line: 1, column: 16, endLine: 1, endColumn: 17, text: '2' });
  });

  it('closes a list left open under a property, every property after it read back', () => {
    const closed = ordersWith(
      '      - name: email\n        logicalType: string\n        tags: [pii, customer]\n        required: true\n',
    );
    const text = closed.replace('customer]', 'customer');
    const [fix, ...others] = contractQuickFixes(text);
    expect(others).toEqual([]);
    expect(fix?.title).toBe('Close the list with ]');
    expect(applied(text, fix?.change as TextChange)).toBe(closed);
    const read = parseOdcsYaml(applied(text, fix?.change as TextChange));
    expect(read.ok && read.value.schema[0]?.properties.map(({ name }) => name)).toEqual(['order_id', 'email']);
  });

  it('adds required: true to a primary key property that is not required', () => {
    const text = ordersWith('      - name: line\n        logicalType: integer\n        primaryKey: true\n');
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe('Add required: true');
    const fixed = applied(text, fix?.change as TextChange);
    expect(fixed).toBe(`${text}        required: true\n`);
    expect(checkContractYaml(fixed)).toEqual([]);
  });

  it('replaces a misspelt quality operator with the one it is closest to', () => {
    const text = ordersWith(
      '      - name: total\n        logicalType: number\n        quality:\n          - metric: nullValues\n            mustBeGreaterThen: 0\n',
    );
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe("Change to 'mustBeGreaterThan'");
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('mustBeGreaterThen', 'mustBeGreaterThan'));
  });

  it('replaces a misspelt logicalType with the nearest known one, and offers nothing for a value far from any', () => {
    const misspelt = ordersWith('      - name: note\n        logicalType: strng\n');
    const [fix] = contractQuickFixes(misspelt);
    expect(fix?.title).toBe("Change to 'string'");
    expect(applied(misspelt, fix?.change as TextChange)).toBe(misspelt.replace('strng', 'string'));
    expect(contractQuickFixes(ordersWith('      - name: note\n        logicalType: blob\n'))).toEqual([]);
  });

  it('replaces a logicalType two slips from a known one, four letters or more, when no other is as close', () => {
    const misspelt = ordersWith('      - name: note\n        logicalType: stng\n');
    const [fix] = contractQuickFixes(misspelt);
    expect(fix?.title).toBe("Change to 'string'");
    expect(applied(misspelt, fix?.change as TextChange)).toBe(misspelt.replace('stng', 'string'));
  });

  it('writes the field a relationship reference is a slip away from, in a property’s to and in a schema object’s from list', () => {
    const referring = (reference: string) =>
      ordersWith(
        `      - name: customer_id\n        logicalType: integer\n        relationships:\n          - to: ${reference}\n`,
      );
    const text = referring('orders.ordr_id');
    const [fix, ...others] = contractQuickFixes(text);
    expect(others).toEqual([]);
    expect(fix?.finding.message).toBe(
      "'orders.ordr_id' names property 'ordr_id', which schema object 'orders' does not have: did you mean 'orders.order_id'?",
    );
    expect(fix?.title).toBe("Change to 'orders.order_id'");
    expect(applied(text, fix?.change as TextChange)).toBe(referring('orders.order_id'));
    expect(contractQuickFixes(referring('orders.placed_at'))).toEqual([]);

    const listed = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
        required: true
    relationships:
      - from: [order.order_id]
        to: [orders.order_id]
`);
    const [fromFix] = contractQuickFixes(listed);
    expect(fromFix?.title).toBe("Change to 'orders.order_id'");
    expect(applied(listed, fromFix?.change as TextChange)).toBe(
      listed.replace('[order.order_id]', '[orders.order_id]'),
    );
  });

  it('closes a quoted value left open at the end of its line, the contract read whole again', () => {
    const open = ordersWith('      - name: note\n        description: "Read by hand  \n        logicalType: string\n');
    const [fix, ...others] = contractQuickFixes(open);
    expect(others).toEqual([]);
    expect(fix?.title).toBe('Close the quote with "');
    const closed = applied(open, fix?.change as TextChange);
    expect(closed).toBe(open.replace('"Read by hand  ', '"Read by hand"  '));
    expect(checkContractYaml(closed)).toEqual([]);
  });

  it('warns of a status that is no ODCS lifecycle status, and replaces a misspelt one with the status it is closest to', () => {
    const misspelt = ordersWith('').replace('status: active', 'status: actve');
    expect(checkContractYaml(misspelt).map(({ severity, path, message }) => ({ severity, path, message }))).toEqual([
      {
        severity: 'warning',
        path: 'status',
        message:
          "unknown lifecycle status 'actve'; expected one of: proposed, draft, active, deprecated, retired (did you mean 'active'?)",
      },
    ]);
    const [fix] = contractQuickFixes(misspelt);
    expect(fix?.title).toBe("Change to 'active'");
    expect(applied(misspelt, fix?.change as TextChange)).toBe(misspelt.replace('actve', 'active'));
    expect(contractQuickFixes(ordersWith('').replace('status: active', 'status: live'))).toEqual([]);
    for (const status of ['Active', 'retired', 'proposed']) {
      expect(checkContractYaml(ordersWith('').replace('status: active', `status: ${status}`))).toEqual([]);
    }
  });

  it('offers each unit of time nearest a misspelt SLA unit, and none for a word far from every unit', () => {
    const withUnit = (unit: string) =>
      ordersWith('').concat(`slaProperties:\n  - property: latency\n    value: 4\n    unit: ${unit}\n`);
    const misspelt = withUnit('dayz');
    const fixes = contractQuickFixes(misspelt);
    expect(fixes.map((fix) => fix.title)).toEqual(["Change to 'day'", "Change to 'days'"]);
    expect(fixes.map((fix) => applied(misspelt, fix.change))).toEqual([withUnit('day'), withUnit('days')]);
    expect(checkContractYaml(withUnit('days'))).toEqual([]);
    expect(contractQuickFixes(withUnit('Hourz')).map((fix) => fix.title)).toEqual([
      "Change to 'hour'",
      "Change to 'hours'",
    ]);
    expect(contractQuickFixes(withUnit('yaers')).map((fix) => fix.title)).toEqual(["Change to 'years'"]);
    expect(contractQuickFixes(withUnit('fortnight'))).toEqual([]);
  });

  it('writes a reversed range smallest first', () => {
    const text = ordersWith(
      '      - name: total\n        logicalType: number\n        quality:\n          - metric: nullValues\n            mustBeBetween: [10, 1]\n',
    );
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe('Write it [1, 10]');
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('[10, 1]', '[1, 10]'));
  });

  it('writes a reversed range in a one-line rule smallest first, keeping the rule on its line', () => {
    const text = ordersWith(
      '      - name: chair\n        logicalType: integer\n        quality:\n          - {metric: nullValues, mustNotBeBetween: [9, 1]}\n',
    );
    const [fix] = contractQuickFixes(text);
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('[9, 1]', '[1, 9]'));
  });

  it.each([
    ['integer', 'minimum: 24', 'maximum: 2', 'minimum: 2', 'maximum: 24', 'Swap them: minimum 2, maximum 24'],
    ['string', 'minLength: 9', 'maxLength: 3', 'minLength: 3', 'maxLength: 9', 'Swap them: minLength 3, maxLength 9'],
    ['array', 'minItems: 4', 'maxItems: 1', 'minItems: 1', 'maxItems: 4', 'Swap them: minItems 1, maxItems 4'],
    [
      'number',
      'exclusiveMinimum: 5.5',
      'exclusiveMaximum: 1',
      'exclusiveMinimum: 1',
      'exclusiveMaximum: 5.5',
      'Swap them: exclusiveMinimum 1, exclusiveMaximum 5.5',
    ],
  ])('swaps reversed %s bounds of logicalTypeOptions', (logicalType, lower, upper, fixedLower, fixedUpper, title) => {
    const items = logicalType === 'array' ? '        items:\n          logicalType: string\n' : '';
    const text = ordersWith(
      `      - name: size\n        logicalType: ${logicalType}\n${items}        logicalTypeOptions:\n          ${lower}\n          ${upper}\n`,
    );
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe(title);
    const fixed = applied(text, fix?.change as TextChange);
    expect(fixed).toBe(text.replace(lower, fixedLower).replace(upper, fixedUpper));
    expect(checkContractYaml(fixed)).toEqual([]);
  });

  it('offers no swap for bounds that leave no value either way round', () => {
    const text = ordersWith(
      '      - name: size\n        logicalType: integer\n        logicalTypeOptions:\n          exclusiveMinimum: 1\n          exclusiveMaximum: 2\n',
    );
    expect(checkContractYaml(text)).toHaveLength(1);
    expect(contractQuickFixes(text)).toEqual([]);
  });

  it('warns of a classification one slip from a known one and writes that one; a word of its own stays allowed', () => {
    const misspelt = classified('confidental');
    expect(checkContractYaml(misspelt)).toMatchObject([
      {
        severity: 'warning',
        message: "classification 'confidental' is not one of the known classifications: did you mean 'confidential'?",
      },
    ]);
    const [fix] = contractQuickFixes(misspelt);
    expect(fix?.title).toBe("Change to 'confidential'");
    expect(applied(misspelt, fix?.change as TextChange)).toBe(classified('confidential'));
    expect(checkContractYaml(classified('pii'))).toEqual([]);
    expect(checkContractYaml(classified('Restricted'))).toEqual([]);
  });

  it('warns of a classification with spaces around it, which catalogs match exactly, and trims it; shows hidden characters escaped', () => {
    const spaced = classified('" restricted "');
    expect(checkContractYaml(spaced)).toMatchObject([
      {
        severity: 'warning',
        message:
          "classification ' restricted ' has spaces around it, but catalogs and policies match a classification exactly: write 'restricted'",
      },
    ]);
    const [fix] = contractQuickFixes(spaced);
    expect(fix?.title).toBe("Change to 'restricted'");
    expect(applied(spaced, fix?.change as TextChange)).toBe(classified('restricted'));
    expect(checkContractYaml(classified('"restricted\\u200b"')).map((finding) => finding.message)).toEqual([
      "classification 'restricted\\u200b' is not one of the known classifications: did you mean 'restricted'?",
    ]);
  });

  it("judges a classification by the design's own classification levels where it has them", () => {
    const text = ordersWith('      - name: ssn\n        logicalType: string\n        classification: secrt\n');
    expect(checkContractYaml(text)).toEqual([]);
    const [fix] = contractQuickFixes(text, undefined, undefined, ['open', 'secret']);
    expect(fix?.title).toBe("Change to 'secret'");
  });

  it('says that key and value written beside logicalType: map belong under map:, and moves them there', () => {
    const text = ordersWith(
      '      - name: totals\n        logicalType: map\n        key:\n          logicalType: string\n        value:\n          logicalType: number\n',
    ).replace('v3.1.0', 'v3.2.0');
    const [finding] = checkContractYaml(text);
    expect(finding?.message).toBe(
      "missing required field 'map': key and value belong under map: (map: {key: ..., value: ...}), not beside logicalType",
    );
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe('Move key and value under map:');
    const fixed = applied(text, fix?.change as TextChange);
    expect(fixed).toContain(
      '        logicalType: map\n        map:\n          key:\n            logicalType: string\n          value:\n            logicalType: number\n',
    );
    expect(checkContractYaml(fixed)).toEqual([]);
  });

  it('warns at a plain value a YAML 1.1 reader reads otherwise, and quotes it', () => {
    const text = anOdcsText('tags: [on, off]\ncustomProperties:\n  - property: budget\n    value: 1_000\n');
    expect(
      checkContractYaml(text).map(({ line, column, severity, message }) => ({ line, column, severity, message })),
    ).toEqual([
      {
        line: 6,
        column: 8,
        severity: 'warning',
        message: 'PyYAML and SnakeYAML read `on` as the boolean true: write "on"',
      },
      {
        line: 6,
        column: 12,
        severity: 'warning',
        message: 'PyYAML and SnakeYAML read `off` as the boolean false: write "off"',
      },
      {
        line: 9,
        column: 12,
        severity: 'warning',
        message: 'YAML 1.1 readers such as PyYAML read `1_000` otherwise than YAML 1.2 does: write "1_000"',
      },
    ]);
    const fix = contractQuickFixes(text).find((candidate) => candidate.finding.line === 9);
    expect(fix?.title).toBe('Quote it');
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('1_000', '"1_000"'));
  });

  it('only informs of y and n, which the YAML 1.1 spec reads as booleans but PyYAML and SnakeYAML as text, and quotes them', () => {
    const text = anOdcsText('tags: [y, N]\n');
    const specReading = (value: string, boolean: boolean) =>
      `info: the YAML 1.1 spec and readers that follow it whole, such as Go's yaml.v2, read \`${value}\` as the boolean ${boolean}; PyYAML and SnakeYAML read text: write "${value}"`;
    expect(checkContractYaml(text).map(({ severity, message }) => `${severity}: ${message}`)).toEqual([
      specReading('y', true),
      specReading('N', false),
    ]);
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe('Quote it');
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('[y,', '["y",'));
  });

  it('writes a leading-zero number as YAML 1.2 reads it, where YAML 1.1 reads it as octal', () => {
    const text = anOdcsText('customProperties:\n  - property: mode\n    value: 0755\n');
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe('Write it 755');
    expect(applied(text, fix?.change as TextChange)).toBe(text.replace('0755', '755'));
  });

  it('offers the upgrade for a v3.1.0 enum of bare values, writing each as {value}', () => {
    const text = ordersWith('      - name: kind\n        logicalType: string\n        enum: [checkup, filling]\n');
    const fix = contractQuickFixes(text).find((candidate) => candidate.title.startsWith('Upgrade'));
    const upgraded = applied(text, fix?.change as TextChange);
    expect(upgraded).toContain('          - value: checkup\n          - value: filling\n');
    expect(contractQuickFixes(upgraded)).toEqual([]);
  });

  it('writes an apiVersion without its v with the v', () => {
    const text = anOdcsText().replace('apiVersion: v3.1.0', 'apiVersion: 3.1.0');
    const [fix] = contractQuickFixes(text);
    expect(fix?.title).toBe("Change to 'v3.1.0'");
    expect(applied(text, fix?.change as TextChange)).toBe(anOdcsText());
  });

  it('offers only the fixes of problems that touch the range asked about', () => {
    const text = ordersWith(STATUS_ENUM);
    const enumLine = text.split('\n').indexOf('        enum:') + 1;
    expect(
      contractQuickFixes(text, undefined, { line: enumLine, column: 9, endLine: enumLine, endColumn: 9 }),
    ).toHaveLength(1);
    expect(contractQuickFixes(text, undefined, { line: 2, column: 1, endLine: 2, endColumn: 1 })).toEqual([]);
  });
});

describe('the one change between two texts', () => {
  it('spans only what differs, across lines', () => {
    expect(textChangeBetween('a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 20\nd: 4\nc: 3\n')).toEqual({
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 5,
      text: '0\nd: 4',
    });
    expect(textChangeBetween('same', 'same')).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 5, text: '' });
  });
});

/** Orders, keyed by order_id, with `objectLines` (indented for the object) on its schema object. */
const ordersWithOnObject = (objectLines: string, topLevel = '') =>
  anOdcsText(`${topLevel}schema:
  - name: orders
${objectLines}    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
        required: true
`);

const KIND_ON_OBJECT = '    customProperties:\n      - property: datasetKind\n        value: event\n';

/** The contract a valid text holds. */
function contractIn(text: string) {
  const parsed = parseOdcsYaml(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.value;
}

const misplaced = (text: string) =>
  checkContractYaml(text)
    .filter((finding) => finding.message.includes('top-level customProperties'))
    .map(({ line, path, message }) => `${line} ${path}: ${message}`);

describe('custom properties the app reads only at the top level, written elsewhere', () => {
  it('warns at a datasetKind on a schema object, which the app does not read there', () => {
    expect(misplaced(ordersWithOnObject(KIND_ON_OBJECT))).toEqual([
      "9 schema[0].customProperties[0].property: datasetKind is read from the contract's top-level customProperties; here it has no effect",
    ]);
  });

  it('warns of every property the app reads, at any depth, and of none of its own', () => {
    const onProperty = ordersWithOnObject(KIND_ON_OBJECT.replace('datasetKind', 'owner')).replace(
      '        required: true\n',
      '        required: true\n        customProperties:\n          - property: keepHistory\n            value: true\n          - property: historyColumnPrefix\n            value: dbt_\n',
    );
    expect(misplaced(onProperty).map((finding) => finding.split(':')[0])).toEqual([
      '17 schema[0].properties[0].customProperties[0].property',
      '19 schema[0].properties[0].customProperties[1].property',
    ]);
  });

  it('moves it to the top level with its quick fix, dropping a list it leaves empty, so the app reads it', () => {
    const text = ordersWithOnObject(KIND_ON_OBJECT);
    const [fix] = contractQuickFixes(text).filter((candidate) => candidate.title.includes('top-level'));
    expect(fix?.title).toBe("Move it to the contract's top-level customProperties");
    const moved = applied(text, fix?.change as TextChange);
    expect(moved).not.toContain('    customProperties:');
    expect(misplaced(moved)).toEqual([]);
    expect(contractIn(moved).kind).toBe('event');
  });

  it('adds it after the top level’s own custom properties', () => {
    const text = ordersWithOnObject(KIND_ON_OBJECT, 'customProperties:\n  - property: owner\n    value: seeds\n');
    const [fix] = contractQuickFixes(text).filter((candidate) => candidate.title.includes('top-level'));
    expect(applied(text, fix?.change as TextChange)).toContain(
      'customProperties:\n  - property: owner\n    value: seeds\n  - property: datasetKind\n    value: event\n',
    );
  });

  it('offers no move where the top level sets it already, and says to remove it', () => {
    const text = ordersWithOnObject(
      KIND_ON_OBJECT,
      'customProperties:\n  - property: datasetKind\n    value: entity\n',
    );
    expect(misplaced(text)).toHaveLength(1);
    expect(contractQuickFixes(text).filter((candidate) => candidate.title.includes('top-level'))).toEqual([]);
    expect(
      checkContractSemantics(contractIn(text)).find((finding) => finding.message.startsWith('datasetKind')),
    ).toEqual(expect.objectContaining({ fixHint: "Remove it: the contract's top level sets datasetKind." }));
  });
});
