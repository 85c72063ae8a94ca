import { describe, expect, it } from 'vitest';
import { withMeshExtension } from '../../../electron/files/mesh-file-path';

describe('withMeshExtension', () => {
  it('leaves a mesh file name alone, whatever its case', () => {
    expect(withMeshExtension('/m/orders.mesh.json')).toBe('/m/orders.mesh.json');
    expect(withMeshExtension('/m/ORDERS.MESH.JSON')).toBe('/m/ORDERS.MESH.JSON');
  });

  it('appends the extension to a bare name', () => {
    expect(withMeshExtension('/m/orders')).toBe('/m/orders.mesh.json');
  });

  it('turns the .json a save dialog added into .mesh.json', () => {
    expect(withMeshExtension('/m/orders.json')).toBe('/m/orders.mesh.json');
    expect(withMeshExtension('/m/orders.mesh.json.json')).toBe('/m/orders.mesh.json');
    expect(withMeshExtension('/m/orders.MESH.JSON.json')).toBe('/m/orders.MESH.JSON');
  });

  it('appends after any other extension', () => {
    expect(withMeshExtension('/m/orders.yaml')).toBe('/m/orders.yaml.mesh.json');
  });

  it('completes a name typed with half the extension', () => {
    expect(withMeshExtension('/m/bees.mesh')).toBe('/m/bees.mesh.json');
    expect(withMeshExtension('/m/Bees.MESH')).toBe('/m/Bees.mesh.json');
  });

  it('drops the spaces and trailing dots around a typed name', () => {
    expect(withMeshExtension('/m/bees.mesh.json ')).toBe('/m/bees.mesh.json');
    expect(withMeshExtension('/m/ bees ')).toBe('/m/bees.mesh.json');
    expect(withMeshExtension('/m/bees.')).toBe('/m/bees.mesh.json');
  });

  it('drops the trailing dots and spaces after a typed extension, as after a bare name', () => {
    expect(withMeshExtension('/m/conflicts.mesh.json.')).toBe('/m/conflicts.mesh.json');
    expect(withMeshExtension('/m/conflicts.mesh.json. ')).toBe('/m/conflicts.mesh.json');
    expect(withMeshExtension('/m/conflicts.json.')).toBe('/m/conflicts.mesh.json');
    expect(withMeshExtension('/m/conflicts.mesh..')).toBe('/m/conflicts.mesh.json');
  });

  it('names a file untitled when no name is left, rather than a hidden dotfile', () => {
    for (const name of ['..', '.', '...', ' ', '.mesh.json', '.json', '.mesh']) {
      expect(withMeshExtension(`/m/${name}`)).toBe('/m/untitled.mesh.json');
    }
  });
});
