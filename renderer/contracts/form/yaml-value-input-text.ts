import { parse } from 'yaml';
import { valueInputText } from './value-input-text';

/** What the text of a YAML value input holds: nothing when empty; not parsed while it is not YAML. */
export function yamlValueFromInput(typed: string): { isParsed: boolean; value?: unknown } {
  if (typed === '') return { isParsed: true, value: undefined };
  try {
    return { isParsed: true, value: parse(typed) };
  } catch {
    return { isParsed: false };
  }
}

/**
 * A value as its YAML value input shows it: a string that would read back as another value
 * (`'42'`, `'true'`, `'a: b'`) in quotes, so leaving the text as shown keeps it a string.
 */
export function yamlValueInputText(value: unknown): string {
  // A new custom property's empty value is typed over, not typed between quotes.
  if (value === undefined || value === '') return '';
  // Text that does not parse is written as a string once the input is left, so it reads back as itself.
  return valueInputText(value, (plain) => {
    const read = yamlValueFromInput(plain);
    return read.isParsed ? read.value : plain;
  });
}
