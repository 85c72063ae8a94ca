import { describe, expect, it } from 'vitest';
import { listFromInput, listInputText } from '../../../renderer/contracts/form/list-input-text';

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
