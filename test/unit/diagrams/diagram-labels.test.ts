import { describe, expect, it } from 'vitest';
import { contractLabel } from '../../../shared/export/mermaid/diagram-labels';

describe('a contract in a diagram', () => {
  it.each([
    ['1.2.0', 'Order v1.2.0'],
    ['v2', 'Order v2'],
    ['1.0', 'Order v1.0'],
    ['2024-01', 'Order 2024-01'],
  ])('reads version %s as %s: a "v" only before a version number, never doubled', (version, label) => {
    expect(contractLabel({ name: 'Order', version })).toBe(label);
  });

  it('says when there is no contract', () => {
    expect(contractLabel(undefined)).toBe('no contract');
  });
});
