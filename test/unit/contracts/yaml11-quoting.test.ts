import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quotedForYaml11 } from '../../../shared/contracts/yaml11-quoting';
import { readAlike, readEverywhere } from '../export/yaml-readers';

/** A contract as a user might type it: plain values that YAML 1.1 readers take for booleans, dates, octal, times. */
const TYPED_BY_HAND = `# kept: a comment
apiVersion: v3.1.0
kind: DataContract
id: orders
version: 1.0.0
status: active
slaProperties:
  - property: retention
    value: 7
    unit: y    # years
  - property: frequency
    value: 0755
    unit: d
customProperties:
  - property: cutoff
    value: 23:59:59
  - property: since
    value: 2024-01-01
  - property: flag
    value: NO
  - property: ratio
    value: 1e3
on: off
description:
  purpose: "Quoted already: yes"
  usage: 'single quoted: on'
  limitations: |
    a block: y
  folded: plain text that goes on
    over two lines
empty:
`;

describe('quotedForYaml11: the user text, read alike by YAML 1.1 readers', () => {
  const safe = quotedForYaml11(TYPED_BY_HAND);

  it('reads the same in PyYAML, js-yaml 3 and YAML 1.1 as the app reads the original', () => {
    expect(readAlike(safe)).toEqual(parse(TYPED_BY_HAND));
  });

  it('changes only the values that needed it, keeping comments and every other byte', () => {
    const changed = TYPED_BY_HAND.split('\n')
      .map((line, index) => [line, safe.split('\n')[index]])
      .filter(([before, after]) => before !== after)
      .map(([, after]) => after?.trim());
    expect(changed).toEqual([
      'unit: "y"    # years',
      'value: 755',
      'value: "23:59:59"',
      'value: "2024-01-01"',
      'value: "NO"',
      'value: 1000',
      '"on": "off"',
    ]);
  });

  it('leaves text that reads alike, or does not parse, byte for byte', () => {
    const alike = 'id: orders\nversion: 1.0.0\nvalue: 7\nratio: 0.5\nok: true\n';
    expect(quotedForYaml11(alike)).toBe(alike);
    expect(quotedForYaml11('a: [unclosed\n')).toBe('a: [unclosed\n');
  });

  it('writes a space for every tab between tokens, which PyYAML refuses and YAML 1.2 allows', () => {
    const tabbed = [
      'status:\tactive\t',
      'name: orders\t# the table',
      'tags: [a,\tb]',
      'list:\n  -\tx',
      'note: two\twords',
      'folded: a plain text\n  \tgoing on',
      'block: |\n  keeps\tits tab',
      'quoted: "keeps\tits tab"',
      '',
    ].join('\n');
    const safe = quotedForYaml11(tabbed);
    expect(readAlike(safe)).toEqual(parse(tabbed));
    expect(safe).toContain('block: |\n  keeps\tits tab');
  });

  it('catches every plain value the versions read differently, as a value, an item, a key and in flow', () => {
    const texts = PLAIN_TRAPS.flatMap((plain) => [
      `value: ${plain}\n`,
      `items:\n  - ${plain}  # why\n`,
      `${plain}: 1\n`,
      `flow: [${plain}, {${plain}: x}]\r\n`,
    ]);
    const readings = readEverywhere(texts.map(quotedForYaml11));
    for (const [index, text] of texts.entries()) {
      for (const reading of Object.values(readings[index] ?? {})) expect(reading, text).toEqual([parse(text)]);
    }
  });

  it('keeps a merge key plain, so YAML 1.1 readers merge it as the app does', () => {
    const merging = [
      'properties:',
      '  - &idprop',
      '    name: dispute_id',
      '    logicalType: string',
      '    required: true',
      '  - <<: *idprop',
      '    name: payout_id',
      '  - {<<: [*idprop, {description: two}], name: refund_id}',
      '  - <<:',
      '      unit: "y"',
      '    name: inline_mapping',
      '',
    ].join('\n');
    const safe = quotedForYaml11(merging);
    expect(safe).toBe(merging);
    const mergedAsTheAppReadsIt = parse(merging, { merge: true });
    const { pyYaml, yaml11, jsYaml3 } = readEverywhere([safe])[0] ?? {};
    expect({ pyYaml, yaml11, jsYaml3 }).toEqual({
      pyYaml: [mergedAsTheAppReadsIt],
      yaml11: [mergedAsTheAppReadsIt],
      jsYaml3: [mergedAsTheAppReadsIt],
    });
  });

  it('quotes a `<<` that merges nothing: a value, or a key whose value is not a mapping', () => {
    const literal = 'sign: <<\n<<: shift\nquoted:\n  "<<": kept\n';
    expect(quotedForYaml11(literal)).toBe('sign: "<<"\n"<<": shift\nquoted:\n  "<<": kept\n');
    expect(readAlike(quotedForYaml11(literal))).toEqual(parse(literal));
  });

  it('escapes the characters YAML 1.1 reads as line breaks (U+0085, U+2028, U+2029) in any scalar, and blanks them in comments', () => {
    const texts = ['\u0085', '\u2028', '\u2029'].flatMap((character) => [
      // In a comment, PyYAML would read what follows one as YAML.
      `a: 1 # note${character}b: 2\n`,
      `# top${character}x: 1\na: 1\n`,
      `plain: a${character}b\n`,
      `quoted: "a${character}b"\n`,
      `single: 'a${character}b'\n`,
      `items:\n  - a${character}b\n`,
      `block: |\n  a${character}b\n`,
    ]);
    const readings = readEverywhere(texts.map(quotedForYaml11));
    for (const [index, text] of texts.entries()) {
      for (const reading of Object.values(readings[index] ?? {})) expect(reading, text).toEqual([parse(text)]);
    }
  });
});

/** Plain values YAML 1.1 readers take for something else, or read as another number. */
const PLAIN_TRAPS = [
  ...['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF'],
  ...['23:59:59', '190:20:30', '1:2', '-1:30', '2024-01-01', '2024-1-1', '2001-12-14t21:59:43.10-05:00'],
  ...['0755', '-0755', '09', '0b101', '0o17', '1_000', '+1_0', '1e3', '1E3', '-12e03', '1.5e3', '.5e3', '0x_1F'],
  // A spaced time zone, a signed fraction without a leading digit, base 60 with a leading zero.
  ...['2001-12-14 21:59:43.10 -5', '2026-01-01  10:00:00 +01:00', '2026-01-01 10:00:00 Z', '+.5', '-.5'],
  ...['00:30', '0:30:15', '012:30'],
];
