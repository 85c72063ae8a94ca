import { describe, expect, it } from 'vitest';
import { copyMeshFileName } from '../../../shared/files/copy-mesh-file-name';

describe('the name a copy of a design file is offered under (Save as a Copy…)', () => {
  it.each([
    ['orders.mesh.json', 'orders copy.mesh.json'],
    ['Orders.MESH.JSON', 'Orders copy.MESH.JSON'],
    ['orders copy.mesh.json', 'orders copy 2.mesh.json'],
    ['orders copy 2.mesh.json', 'orders copy 3.mesh.json'],
    ['orders copy 9.mesh.json', 'orders copy 10.mesh.json'],
    ['photocopy.mesh.json', 'photocopy copy.mesh.json'],
    ['orders.json', 'orders copy.mesh.json'],
    ['orders', 'orders copy.mesh.json'],
    ['Orders Copy.mesh.json', 'Orders Copy 2.mesh.json'],
  ])('%s gives %s', (original, copy) => {
    expect(copyMeshFileName(original)).toBe(copy);
  });
});
