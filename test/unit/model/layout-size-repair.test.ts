import { describe, expect, it } from 'vitest';
import { parseMeshFile, parseMeshFileRepairingSizes } from '../../../shared/contracts';
import { serializeMesh } from '../../../shared/model';
import { withRefusedSizesDropped } from '../../../shared/model/layout-size-repair';
import { aMesh } from '../../builders/mesh-builder';

/** The file auto-layout wrote for an empty domain before it kept the smallest domain size. */
function fileWithAnEmptyDomainOfNoSize(): string {
  const mesh = aMesh().withDomain('water').withProduct('samples', 'water').withDomain('field').build();
  mesh.layout.nodes = {
    water: { x: 0, y: 0, width: 640, height: 320 },
    samples: { x: 40, y: 60 },
    field: { x: 720, y: 0, width: 1, height: 1 },
  };
  return serializeMesh(mesh).replace('"height": 1,\n', '"height": 0,\n').replace('"width": 1,', '"width": 0,');
}

describe('opening a file with sizes of 0 or less', () => {
  it('is refused by the reader, with the location', () => {
    const parsed = parseMeshFile(fileWithAnEmptyDomainOfNoSize());
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.path)).toContain('layout.nodes.field.width');
  });

  it('opens in the app with those sizes left out, naming each, and the rest of the design as written', () => {
    const opened = parseMeshFileRepairingSizes(fileWithAnEmptyDomainOfNoSize());
    if (!opened.ok) throw new Error(opened.errors.map((error) => error.message).join('; '));
    expect(opened.droppedSizes).toEqual(['layout.nodes.field.width', 'layout.nodes.field.height']);
    expect(opened.value.layout.nodes.field).toEqual({ x: 720, y: 0 });
    expect(opened.value.layout.nodes.water).toEqual({ x: 0, y: 0, width: 640, height: 320 });
    expect(opened.value.domains.map((domain) => domain.id)).toEqual(['water', 'field']);
  });

  it('still refuses a file with other problems, listing them all', () => {
    const text = fileWithAnEmptyDomainOfNoSize().replace('"schemaVersion": 2', '"schemaVersion": 99');
    expect(parseMeshFileRepairingSizes(text).ok).toBe(false);
  });

  it('leaves a file without such sizes alone', () => {
    const json = { layout: { nodes: { a: { x: 0, y: 0, width: 10, height: 10 } } } };
    expect(withRefusedSizesDropped(json)).toEqual({ json, dropped: [] });
    expect(withRefusedSizesDropped('not a mesh')).toEqual({ json: 'not a mesh', dropped: [] });
  });
});
