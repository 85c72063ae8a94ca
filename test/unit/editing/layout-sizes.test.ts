import { describe, expect, it } from 'vitest';
import { MIN_NOTE_SIZE, withLayoutsAsStored } from '../../../shared/editing/layout-sizes';
import { MIN_DOMAIN_SIZE } from '../../../shared/editing/node-placement';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

function withLayout(mesh: Mesh, nodes: Mesh['layout']['nodes']): Mesh {
  return { ...mesh, layout: { nodes } };
}

const waterAndField = () => aMesh().withDomain('water').withProduct('samples', 'water').withDomain('field').build();

describe('layouts as the file stores them', () => {
  it('rounds a changed position and size to whole pixels, keeping what else it holds', () => {
    const mesh = withLayout(waterAndField(), {
      field: { x: 494.0000462, y: 12.5, width: 454.0000462, height: 360.2161, locked: true },
    });
    expect(withLayoutsAsStored(mesh).layout.nodes.field).toEqual({
      x: 494,
      y: 13,
      width: 454,
      height: 360,
      locked: true,
    });
  });

  it('raises a domain left 0×0 to the smallest domain size, keeping its place', () => {
    const mesh = withLayout(waterAndField(), { field: { x: 400, y: 20, width: 0, height: 0 } });
    expect(withLayoutsAsStored(mesh).layout.nodes.field).toEqual({ x: 400, y: 20, ...MIN_DOMAIN_SIZE });
  });

  it('raises a note, or a stored product size, to the smallest note size', () => {
    const mesh = withLayout(
      { ...waterAndField(), notes: [{ id: 'note-1', text: '' }] },
      { 'note-1': { x: 0, y: 0, width: -5, height: 300 }, samples: { x: 40, y: 60, width: 0 } },
    );
    const raised = withLayoutsAsStored(mesh).layout.nodes;
    expect(raised['note-1']).toEqual({ x: 0, y: 0, width: MIN_NOTE_SIZE.width, height: 300 });
    expect(raised.samples).toEqual({ x: 40, y: 60, width: MIN_NOTE_SIZE.width });
  });

  it('returns the same document when every size is large enough or left to the default', () => {
    const mesh = withLayout(waterAndField(), {
      water: { x: 0, y: 0, width: 640, height: 320 },
      samples: { x: 1, y: 2 },
    });
    expect(withLayoutsAsStored(mesh)).toBe(mesh);
  });

  it('looks only at layouts changed since the document before', () => {
    const before = withLayout(waterAndField(), { water: { x: 0, y: 0, width: 0, height: 0 } });
    const moved = withLayout(before, { ...before.layout.nodes, field: { x: 700, y: 0, width: 0, height: 10 } });
    const raised = withLayoutsAsStored(moved, before).layout.nodes;
    expect(raised.water).toBe(before.layout.nodes.water);
    expect(raised.field).toEqual({ x: 700, y: 0, ...MIN_DOMAIN_SIZE });
  });
});
