import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOdcsYaml, serializeOdcsYaml } from '../../../shared/contracts';
import { toYamlDocuments, toYamlText } from '../../../shared/export/yaml-text';
import { readEverywhere } from './yaml-readers';

/** Strings that YAML 1.1 readers (PyYAML, SnakeYAML, js-yaml 3) take for something else, and other traps. */
const TRICKY_STRINGS = [
  ...['23:59:59', '190:20:30', '1:2', '2024-01-01', '2024-1-1', '2001-12-14t21:59:43.10-05:00', '2024-01-01 10:00:00'],
  ...['NO', 'no', 'No', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N'],
  ...['true', 'True', 'FALSE', '~', 'null', 'Null', 'NULL', '', ' ', '<<', '='],
  ...['0755', '09', '0b101', '0o17', '0x1F', '1_000', '1__0', '+1', '-0', '1e3', '1E3', '12e03', '1.5e+3', '1.0.0'],
  ...['.5', '1.', '0.', '._', '.inf', '-.Inf', '.NaN', 'NaN', '1:59', '1:60', '00:30', '0:30:15', '+.5', '-.5'],
  ...['2001-12-14 21:59:43.10 -5', '2026-01-01  10:00:00 +01:00'],
  ...['a: b', 'a:b', '- x', '-', '---', '...', '#c', 'a #b', '? q', '|', '>', '!tag', '*alias', '&anchor', '%YAML'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Kafka config-provider reference, as manifests hold them
  ...['@at', '`tick', '"double"', "'single'", ' lead', 'trail ', '${secrets:kafka/db:password}', '{a}', '[b]'],
  ...[
    'tab\there',
    'carriage\r\nreturn',
    'multi\nline\n',
    'line\u2028separator',
    'next\u0085line',
    'del\u007f',
    'bell\u0007',
  ],
  ...['emoji 🚀', 'ünïcödé', 'C:\\Windows', '../../etc', 'CON', '<script>alert(1)</script>', 'SELECT * FROM "x";'],
];

const NUMBERS = [0, 1, -1, 0.1, 99.9, 1e21, 1e-7, 123456789012, 2 ** 53];

describe('toYamlText: YAML every reader reads alike', () => {
  const value = {
    strings: TRICKY_STRINGS,
    numbers: NUMBERS,
    others: [true, false, null],
    keys: Object.fromEntries(TRICKY_STRINGS.map((text, index) => [text, index])),
    nested: [{ on: 'off', yes: ['no', { '0755': '23:59:59' }] }],
  };
  const text = toYamlText(value);
  const [readings] = readEverywhere([text]);

  it.each(['yaml12', 'yaml11', 'jsYaml3', 'pyYaml'] as const)('%s reads back every value unchanged', (reader) => {
    expect(readings?.[reader]).toEqual([JSON.parse(JSON.stringify(value))]);
  });

  it('quotes only what needs it, so ordinary values stay plain', () => {
    expect(toYamlText({ version: '1.0.0', name: 'orders', count: 3, ok: true })).toBe(
      'version: 1.0.0\nname: orders\ncount: 3\nok: true\n',
    );
    expect(toYamlText({ at: '23:59:59', flag: 'NO', mode: '0755' })).toBe('at: "23:59:59"\nflag: "NO"\nmode: "0755"\n');
  });

  it('writes several documents as one stream that every reader splits alike', () => {
    const documents = [
      { kind: 'A', value: 'yes' },
      { kind: 'B', value: '2024-01-01' },
    ];
    const [stream] = readEverywhere([toYamlDocuments(documents)]);
    for (const reading of Object.values(stream ?? {})) expect(reading).toEqual(documents);
  });
});

/** Strings made of the characters that matter to YAML, from a fixed seed, so a failure can be replayed. */
function randomStrings(count: number): string[] {
  const alphabet = [...'ab01 .:-#?\'"[]{},&*!|>%@`~+_=<\\/xyEeYyNnOo', '\t', '\n', '\r', '\u2028', '\u0085', '🚀', 'ü'];
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

describe('toYamlText on random strings', () => {
  const strings = randomStrings(3000);
  const value = {
    values: strings,
    keys: Object.fromEntries(strings.map((text, index) => [text, index])),
    block: strings.map((text) => `${text}\n${text}`),
  };
  const [readings] = readEverywhere([toYamlText(value)]);

  it.each(['yaml12', 'yaml11', 'jsYaml3', 'pyYaml'] as const)(
    '%s reads every one back unchanged, as key and as value',
    (reader) => {
      expect(readings?.[reader]).toEqual([value]);
    },
  );
});

describe('the contract editor writes the same YAML', () => {
  const examples = join(import.meta.dirname, '../../fixtures/odcs/examples');
  const files = readdirSync(examples).filter((file) => file.endsWith('.odcs.yaml'));

  it('an official example, imported and written again, reads the same in PyYAML as in the editor', () => {
    const texts = files.map((file) => {
      const parsed = parseOdcsYaml(readFileSync(join(examples, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} did not import`);
      return serializeOdcsYaml(parsed.value);
    });
    for (const [index, reading] of readEverywhere(texts).entries()) {
      expect(reading.pyYaml, files[index]).toEqual(reading.yaml12);
      expect(reading.jsYaml3, files[index]).toEqual(reading.yaml12);
    }
  });
});
