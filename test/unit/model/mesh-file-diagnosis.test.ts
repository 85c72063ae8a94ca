import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/model';
import { jsonSyntaxErrorOffset } from '../../../shared/model/json-syntax-error';
import { diagnoseInvalidJson } from '../../../shared/model/mesh-file-diagnosis';

const isValidJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('where JSON breaks', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e+3, true, false, null, "x\\"y\\\\z\\u00e9"], "b": {}} \n',
    '"just a string"',
    '0',
    readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
  ])('finds nothing wrong where JSON.parse accepts the text (%#)', (text) => {
    expect(isValidJson(text)).toBe(true);
    expect(jsonSyntaxErrorOffset(text)).toBeNull();
  });

  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['{"a": 01}', 7],
    ['{"a": "tab\there"}', 6],
    ["{'a': 1}", 1],
    ['{"a": 1} x', 9],
    ['', 0],
    ['[1] [2]', 4],
    ['{"a": tru}', 6],
  ])('points at the first character that cannot be there in %j', (text, offset) => {
    expect(isValidJson(text)).toBe(false);
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it.each([
    '{"a": "abc',
    '{"a": "x\\',
    '{"a": "x\\u00',
    '{"na',
    '{"a": [1,',
    '{"a":',
    '{"a": {',
    '{"a": tr',
    '{"a": fals',
    '{"a": nul',
    '{"a": -',
    '{"a": 1.',
    '{"a": 1e+',
    '{"a": 1',
  ])('points at the end of %j, which ends in the middle of the JSON', (text) => {
    expect(isValidJson(text)).toBe(false);
    expect(jsonSyntaxErrorOffset(text)).toBe(text.length);
  });
});

describe('why a design is not valid JSON', () => {
  const diagnosed = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return formatProblem(diagnoseInvalidJson(text, error as Error));
    }
    throw new Error(`${text} is valid JSON`);
  };

  it('says a file cut off inside a string ends early, at its end, and names no other place', () => {
    const cut = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8').slice(
      0,
      3000,
    );
    const lines = cut.split('\n');
    expect(diagnosed(cut)).toBe(
      `(document): not valid JSON: the file ends early; was it cut off while being written or copied? (line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1})`,
    );
  });

  it('never repeats what the file holds, only the character where it stops being JSON', () => {
    expect(diagnosed('STRIPE_SECRET_KEY=sk_live_abc123\n')).toBe(
      "(document): not valid JSON: unexpected 'S' (line 1, column 1)",
    );
    expect(diagnosed('{"a": 1, "b": sk_live_abc123}')).toBe(
      "(document): not valid JSON: unexpected 's' (line 1, column 15)",
    );
  });

  it('names a trailing comma as such, where the engine asks for another property', () => {
    expect(diagnosed('{\n  "a": [1, 2,],\n  "b": 1,\n}')).toBe(
      "(document): not valid JSON: unexpected ']' after a comma; JSON allows no trailing comma (line 2, column 14)",
    );
  });

  it('names one place where the JSON breaks, not the engine’s position beside it', () => {
    expect(diagnosed('{"a": 1 2}')).toBe(
      "(document): not valid JSON: Expected ',' or '}' after property value (line 1, column 9)",
    );
    expect(diagnosed('[1] [2]')).toBe(
      '(document): not valid JSON: Unexpected non-whitespace character after JSON (line 1, column 5)',
    );
  });
});
