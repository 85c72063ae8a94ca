import { describe, expect, it } from 'vitest';
import { examplesReading, listFromInput, listInputText } from '../../../renderer/contracts/form/list-input-text';

describe('the text of a list input in the contract form', () => {
  it('reads every item of a text list as text, numbers and leading zeros included', () => {
    expect(listFromInput('2024, 007, true, gdpr', 'text')).toEqual(['2024', '007', 'true', 'gdpr']);
  });

  it('reads unquoted items of a value list as YAML does, and quoted ones as text', () => {
    expect(listFromInput('42, true, "9321483", \'007\', x', 'yaml')).toEqual([42, true, '9321483', '007', 'x']);
  });

  it('takes a quoted item holding commas as one item', () => {
    expect(listFromInput('"Rotterdam, NL", \'Le Havre, FR\', Antwerp', 'text')).toEqual([
      'Rotterdam, NL',
      'Le Havre, FR',
      'Antwerp',
    ]);
    expect(listFromInput("\"say \\\"hi\\\", then go\", 'it''s, ok', O'Brien", 'text')).toEqual([
      'say "hi", then go',
      "it's, ok",
      "O'Brien",
    ]);
  });

  it('is no list when nothing but commas and spaces is typed', () => {
    expect(listFromInput(' , ', 'text')).toBeUndefined();
  });

  it('shows text a plain item would not read back as quoted', () => {
    expect(listInputText(['9321483', 'gdpr'], 'yaml')).toBe('"9321483", gdpr');
    expect(listInputText(['9321483', 'Rotterdam, NL', '"quoted"', ' padded'], 'text')).toBe(
      '9321483, "Rotterdam, NL", "\\"quoted\\"", " padded"',
    );
    expect(listInputText([9321483, true], 'yaml')).toBe('9321483, true');
  });

  it.each([
    [['9321483'], 'yaml'],
    [['9321483', 9412345, true, null, '007', 'Rotterdam, NL', "it's", 'a "b"', ''], 'yaml'],
    [['2024', 'Rotterdam, NL', "'quoted'", 'x\\y'], 'text'],
  ] as const)('reads back what it shows unchanged: %j as %s', (items, reading) => {
    expect(listFromInput(listInputText(items, reading), reading)).toEqual(items);
  });
});

describe('how a field’s examples read in the contract form', () => {
  it('reads them as values of the field’s logicalType: text for a string, YAML values for a number', () => {
    expect(examplesReading({ logicalType: 'string', examples: [7] })).toBe('text');
    expect(examplesReading({ logicalType: 'integer', examples: ['007'] })).toBe('yaml');
  });

  it('reads those of a field without a logicalType as text while all written are text, so 012 joins "007" as a string', () => {
    const field = { name: 'code', examples: ['007', '010'] };
    expect(examplesReading(field)).toBe('text');
    expect(listFromInput('007, 010, 012', examplesReading(field))).toEqual(['007', '010', '012']);
  });

  it('reads those of a field without a logicalType as YAML values when none or some are not text', () => {
    expect(examplesReading({ name: 'code' })).toBe('yaml');
    expect(examplesReading({ name: 'code', examples: [7, 'x'] })).toBe('yaml');
  });

  it.each(['varchar(12)', 'char(3)', 'text', 'NVARCHAR', 'nvarchar(max)', 'VARCHAR(MAX)'])(
    'reads those of a field without a logicalType but of physicalType %s as text, so a first 012 is not the number 12',
    (physicalType) => {
      const field = { name: 'code', physicalType };
      expect(examplesReading(field)).toBe('text');
      expect(listFromInput('012', examplesReading(field))).toEqual(['012']);
    },
  );

  it('reads those of a field without a logicalType as the values its physicalType holds, whatever is written', () => {
    expect(examplesReading({ name: 'code', physicalType: 'varchar(12)', examples: [7] })).toBe('text');
    expect(examplesReading({ name: 'amount', physicalType: 'numeric(10,2)', examples: ['7.5'] })).toBe('yaml');
  });

  it('goes by the logicalType before the physicalType', () => {
    expect(examplesReading({ logicalType: 'integer', physicalType: 'varchar(12)' })).toBe('yaml');
  });
});
