import { describe, expect, it } from 'vitest';
import { meshFileName } from '../../../shared/model/mesh-file-name';

describe('meshFileName', () => {
  it('offers the design under its name, not the id it was created with', () => {
    expect(meshFileName({ id: 'untitled', name: 'Retail mesh' })).toBe('retail-mesh.mesh.json');
    expect(meshFileName({ id: 'untitled', name: 'Café Ørsted' })).toBe('cafe-orsted.mesh.json');
  });

  it('keeps a name like ../../etc inside the folder', () => {
    expect(meshFileName({ id: 'untitled', name: '../../etc' })).toBe('etc.mesh.json');
  });

  it('falls back on the id when the name keeps no letter or digit', () => {
    expect(meshFileName({ id: 'shop', name: '注文' })).toBe('shop.mesh.json');
    expect(meshFileName({ id: 'shop', name: '' })).toBe('shop.mesh.json');
  });

  it('never offers a name Windows reserves for a device, whatever its case', () => {
    expect(meshFileName({ id: 'untitled', name: 'CON' })).toBe('con-2.mesh.json');
    expect(meshFileName({ id: 'untitled', name: 'lpt1' })).toBe('lpt1-2.mesh.json');
    expect(meshFileName({ id: 'nul', name: '' })).toBe('nul-2.mesh.json');
    expect(meshFileName({ id: 'untitled', name: 'Console' })).toBe('console.mesh.json');
  });
});
