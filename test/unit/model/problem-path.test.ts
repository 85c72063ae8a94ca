import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../shared/model/problem';

describe('formatPath', () => {
  it('writes keys with dots, indexes and odd keys in brackets', () => {
    expect(formatPath(['products', 3, 'outputPorts', 0, 'contractId'])).toBe('products[3].outputPorts[0].contractId');
    expect(formatPath(['layout', 'nodes', 'a b'])).toBe('layout.nodes["a b"]');
    expect(formatPath([])).toBe('(document)');
  });

  it('spells out a short repeat, and writes a long run of one segment once with its count', () => {
    expect(formatPath(['a', 0, 0, 0])).toBe('a[0][0][0]');
    expect(formatPath(['description', ...Array(255).fill(0)])).toBe('description[0]×255');
    expect(formatPath(['extensions', ...Array(300).fill('x'), 1])).toBe('extensions.x×300[1]');
  });
});
