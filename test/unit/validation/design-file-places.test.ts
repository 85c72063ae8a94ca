import { describe, expect, it } from 'vitest';
import { designFilePlacer } from '../../../shared/validation/design-file-places';

const design = [
  '{',
  '  "contracts": [',
  '    {',
  '      "odcs": [',
  '        "kind: DataContract",',
  '        "description: \\"caf\\u00e9\\" x: y"',
  '      ]',
  '    }',
  '  ],',
  '  "products": [',
  '    { "id": "p", "outputPorts": [ { "id": "out" } ] }',
  '  ]',
  '}',
].join('\n');

describe('designFilePlacer', () => {
  const place = designFilePlacer(design);

  it('places a path at the value it names in the file (an object at its first key)', () => {
    expect(place('products[0].outputPorts[0]')).toEqual({ line: 11, column: 37 });
    expect(place('contracts[0]')).toEqual({ line: 4, column: 7 });
  });

  it('places a problem in a contract at its column inside the string of its line, counted through the escapes', () => {
    // Line 2 of the contract is `description: "café" x: y`; its `x` is its 21st character.
    expect(place('contracts[0].description', { line: 2, column: 21 })).toEqual({ line: 6, column: 37 });
    expect(place('contracts[0].odcs', { line: 1, column: 1 })).toEqual({ line: 5, column: 10 });
  });

  it('places a field of the design the file lacks at the design, as a nested one at its element', () => {
    expect(place('systems')).toEqual({ line: 2, column: 3 });
    expect(place('products[0].name')).toEqual({ line: 11, column: 7 });
  });

  it('places no path outside the design, and a line the contract lacks at the contract', () => {
    expect(place('(engine)')).toBeUndefined();
    expect(place('query')).toBeUndefined();
    expect(place('contracts[0].version', { line: 9, column: 1 })).toEqual({ line: 4, column: 7 });
  });
});
