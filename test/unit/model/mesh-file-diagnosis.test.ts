import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorOffset } from '../../../shared/model/mesh-file-diagnosis';

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
});
