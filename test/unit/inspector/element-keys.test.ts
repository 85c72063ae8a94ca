import { describe, expect, it } from 'vitest';
import { ElementKeys } from '../../../renderer/inspector/element-keys';

describe('the keys of elements shown by id', () => {
  it('gives each element a key of its own, the same each time it is shown', () => {
    const keys = new ElementKeys();
    const roasting = keys.keyOf('roasting');
    expect(keys.keyOf('packing')).not.toBe(roasting);
    expect(keys.keyOf('roasting')).toBe(roasting);
  });

  it('keeps an element’s key when its first name gives it a new id', () => {
    const keys = new ElementKeys();
    const born = keys.keyOf('domain');
    keys.idChanged('domain', 'roasting');
    expect(keys.keyOf('roasting')).toBe(born);
  });

  it('gives an element later born with the old id a key of its own', () => {
    const keys = new ElementKeys();
    keys.keyOf('domain');
    keys.idChanged('domain', 'roasting');
    expect(keys.keyOf('domain')).not.toBe(keys.keyOf('roasting'));
  });
});
