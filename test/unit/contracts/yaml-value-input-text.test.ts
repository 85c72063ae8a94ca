import { describe, expect, it } from 'vitest';
import { yamlValueFromInput, yamlValueInputText } from '../../../renderer/contracts/form/yaml-value-input-text';

/** What leaving the input with its text as shown writes: parsed YAML, or the text itself where it does not parse. */
function writtenOnLeaving(shown: string): unknown {
  const read = yamlValueFromInput(shown);
  return read.isParsed ? read.value : shown;
}

describe('the text of a YAML value input in the contract form', () => {
  it('shows in quotes a string that would read back as a number, a boolean, null or an object', () => {
    expect(yamlValueInputText('42')).toBe('"42"');
    expect(yamlValueInputText('007')).toBe('"007"');
    expect(yamlValueInputText('true')).toBe('"true"');
    expect(yamlValueInputText('null')).toBe('"null"');
    expect(yamlValueInputText('a: b')).toBe('"a: b"');
  });

  it('shows plain a string that reads back as itself, and other values as YAML on one line', () => {
    expect(yamlValueInputText('gdpr')).toBe('gdpr');
    expect(yamlValueInputText('2024-01-01')).toBe('2024-01-01');
    expect(yamlValueInputText(42)).toBe('42');
    expect(yamlValueInputText({ validValues: ['a', 'b'] })).toBe('{"validValues":["a","b"]}');
    expect(yamlValueInputText(undefined)).toBe('');
    expect(yamlValueInputText('')).toBe('');
  });

  it('reads quoted text typed into it as a string', () => {
    expect(yamlValueFromInput("'42'").value).toBe('42');
    expect(yamlValueFromInput('"true"').value).toBe('true');
  });

  it.each([
    '42',
    '007',
    'true',
    '2024-01-01',
    ' padded',
    "it's",
    'a "b"',
    '[a',
    '#tag',
    'x: 1',
    42,
    true,
    null,
    ['a', 1],
    { x: 1 },
  ])('writes back what it shows unchanged: %j', (value) => {
    expect(writtenOnLeaving(yamlValueInputText(value))).toEqual(value);
  });
});
