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
  });

  it('appends after any other extension', () => {
    expect(withMeshExtension('/m/orders.yaml')).toBe('/m/orders.yaml.mesh.json');
  });
});
