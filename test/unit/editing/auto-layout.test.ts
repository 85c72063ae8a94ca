import { describe, expect, it } from 'vitest';
import { arrangedLayout, type DomainArrangement, domainsInFlowOrder } from '../../../shared/editing/auto-layout';
import { gridPositions } from '../../../shared/editing/box-grid';
import { overlappingDomains } from '../../../shared/editing/containment';
import { containsRect, overlaps } from '../../../shared/editing/geometry';
import { canvasBounds, DEFAULT_NOTE_SIZE, domainRect, noteRects } from '../../../shared/editing/node-placement';
import { aMesh, aPort } from '../../builders/mesh-builder';

/** `count` domains, each feeding the next, as ELK would hand them back: all the same size. */
function chainOfDomains(count: number, size = { width: 2600, height: 1600 }) {
  const builder = aMesh();
  for (let index = 0; index < count; index++) {
    builder.withDomain(`d${index}`).withProduct(`p${index}`, `d${index}`, {
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output')],
    });
    if (index > 0) {
      builder.withLink(`l${index}`, { nodeId: `p${index - 1}`, portId: 'out' }, { nodeId: `p${index}`, portId: 'in' });
    }
  }
  const mesh = builder.build();
  const arrangements: DomainArrangement[] = mesh.domains.map((domain, index) => ({
    domainId: domain.id,
    size,
    children: { [`p${index}`]: { x: 32, y: 56 } },
  }));
  return { mesh, arrangements };
}

/** `count` domains that all feed each other: the chain with its last domain feeding the first. */
function ringOfDomains(count: number, size = { width: 1800, height: 1000 }) {
  const { mesh, arrangements } = chainOfDomains(count, size);
  mesh.links.push({
    id: 'closing',
    from: { nodeId: `p${count - 1}`, portId: 'out' },
    to: { nodeId: 'p0', portId: 'in' },
  });
  return { mesh, arrangements };
}

function extent(layout: ReturnType<typeof arrangedLayout>) {
  const domains = Object.entries(layout).filter(([id]) => id.startsWith('d'));
  return {
    width: Math.max(...domains.map(([, box]) => box.x + (box.width ?? 0))),
    height: Math.max(...domains.map(([, box]) => box.y + (box.height ?? 0))),
  };
}

describe('auto-layout of domains', () => {
  it('wraps a chain of twenty domains into the fewest bands of at most eight, balanced: 7, 7 and 6', () => {
    const { mesh, arrangements } = chainOfDomains(20);
    const layout = arrangedLayout(mesh, arrangements, 16 / 10);
    const bandTops = mesh.domains.map((domain) => layout[domain.id]?.y);
    const columnsPerBand = [...new Set(bandTops)].map((top) => bandTops.filter((y) => y === top).length);
    expect(columnsPerBand).toEqual([7, 7, 6]);
  });

  it('keeps a chain of eight domains in one band, however wide the domains are', () => {
    const { mesh, arrangements } = chainOfDomains(8, { width: 4000, height: 300 });
    const layout = arrangedLayout(mesh, arrangements, 16 / 10);
    expect(new Set(mesh.domains.map((domain) => layout[domain.id]?.y)).size).toBe(1);
  });

  it('fits a thousand products at the canvas’s smallest zoom, where one band would not', () => {
    // Twenty domains of fifty products come back from ELK at about 2,600 × 1,600 each.
    const { mesh, arrangements } = chainOfDomains(20);
    const { width, height } = extent(arrangedLayout(mesh, arrangements, 1000 / 800));
    const minZoom = 0.05;
    expect(width * minZoom).toBeLessThanOrEqual(1000);
    expect(height * minZoom).toBeLessThanOrEqual(800);
    expect(20 * 2600 * minZoom).toBeGreaterThan(1000);
  });

  it('wraps into more bands where the fewest would not fit the view at its smallest zoom', () => {
    // Seven columns of 4,000 px domains are 1,400 px wide at 5%: past a 1,000 px view.
    const { mesh, arrangements } = chainOfDomains(20, { width: 4000, height: 1600 });
    const view = { width: 1000, height: 800 };
    const minZoom = 0.05;
    const shownAtSmallestZoom = { width: view.width / minZoom, height: view.height / minZoom };
    const layout = arrangedLayout(mesh, arrangements, view.width / view.height, undefined, shownAtSmallestZoom);
    const { width, height } = extent(layout);
    expect(width * minZoom).toBeLessThanOrEqual(view.width);
    expect(height * minZoom).toBeLessThanOrEqual(view.height);
  });

  it('folds a cycle of twelve domains into columns side by side, near the view’s shape, so it fits the smallest zoom', () => {
    const { mesh, arrangements } = ringOfDomains(12);
    const view = { width: 1000, height: 840 };
    const minZoom = 0.05;
    const shownAtSmallestZoom = { width: view.width / minZoom, height: view.height / minZoom };
    const layout = arrangedLayout(mesh, arrangements, view.width / view.height, undefined, shownAtSmallestZoom);
    const { width, height } = extent(layout);
    expect(height * minZoom).toBeLessThanOrEqual(view.height);
    expect(width / height).toBeGreaterThan(0.5);
    expect(new Set(mesh.domains.map((domain) => layout[domain.id]?.x)).size).toBeGreaterThan(1);
  });

  it('keeps a cycle of four domains in one column', () => {
    const { mesh, arrangements } = ringOfDomains(4);
    const layout = arrangedLayout(mesh, arrangements, 16 / 10);
    expect(new Set(mesh.domains.map((domain) => layout[domain.id]?.x)).size).toBe(1);
  });

  it('orders domains by data flow: a domain after those that feed it', () => {
    const { mesh } = chainOfDomains(4);
    mesh.domains.reverse();
    expect(domainsInFlowOrder(mesh)).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  it('places boxes row by row with the column count closest to the aspect ratio', () => {
    const boxes = Array.from({ length: 6 }, (_, index) => ({ id: `b${index}`, width: 100, height: 100 }));
    const positions = gridPositions(boxes, 3 / 2, 0);
    expect([...positions.values()]).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 200, y: 0 },
      { x: 0, y: 100 },
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ]);
  });

  it('leaves locked domains and nodes where they are, and pushes others clear of them', () => {
    const { mesh, arrangements } = chainOfDomains(3, { width: 500, height: 300 });
    mesh.layout.nodes.d1 = { x: 40, y: 40, width: 500, height: 300, locked: true };
    mesh.layout.nodes.p1 = { x: 32, y: 56 };
    const layout = arrangedLayout(mesh, arrangements, 1);
    expect(layout.d1).toEqual({ x: 40, y: 40, width: 500, height: 300, locked: true });
    expect(overlappingDomains({ ...mesh, layout: { nodes: { ...mesh.layout.nodes, ...layout } } })).toEqual([]);
  });

  it('moves a sticky note aside that a domain would come to cover, so the domain’s title shows', () => {
    const { mesh, arrangements } = chainOfDomains(2, { width: 500, height: 300 });
    mesh.layout.nodes.d0 = { x: 900, y: 0, width: 500, height: 300 };
    mesh.layout.nodes.d1 = { x: 1500, y: 0, width: 500, height: 300 };
    // In free space left of the domains, where the grid will put the first one.
    mesh.notes = [{ id: 'note', text: 'Workshop 1' }];
    mesh.layout.nodes.note = { x: 20, y: 10, width: 240, height: 140 };
    const laidOut = {
      ...mesh,
      layout: { nodes: { ...mesh.layout.nodes, ...arrangedLayout(mesh, arrangements, 16 / 10) } },
    };
    const [note] = noteRects(laidOut);
    expect(overlaps(note!, domainRect(laidOut, 'd0'))).toBe(false);
    expect(overlaps(note!, domainRect(laidOut, 'd1'))).toBe(false);
  });

  it('fits the view after the layout around a sticky note it moved aside, one saved without a size included', () => {
    const { mesh, arrangements } = chainOfDomains(2, { width: 500, height: 300 });
    mesh.layout.nodes.d0 = { x: 900, y: 0, width: 500, height: 300 };
    mesh.layout.nodes.d1 = { x: 1500, y: 0, width: 500, height: 300 };
    mesh.notes = [{ id: 'note', text: 'Workshop 1' }];
    mesh.layout.nodes.note = { x: 20, y: 10 };
    const laidOut = {
      ...mesh,
      layout: { nodes: { ...mesh.layout.nodes, ...arrangedLayout(mesh, arrangements, 16 / 10) } },
    };
    const [note] = noteRects(laidOut);
    expect(note).toMatchObject(DEFAULT_NOTE_SIZE);
    expect(overlaps(note!, domainRect(laidOut, 'd0'))).toBe(false);
    expect(containsRect(canvasBounds(laidOut)!, note!)).toBe(true);
  });

  it('carries a sticky note on a domain along with it, at the same place on the domain', () => {
    const { mesh, arrangements } = chainOfDomains(2, { width: 500, height: 300 });
    mesh.layout.nodes.d0 = { x: 2000, y: 900, width: 500, height: 300 };
    mesh.layout.nodes.d1 = { x: 3000, y: 900, width: 500, height: 300 };
    mesh.notes = [
      { id: 'about-d1', text: 'Owned by the billing team' },
      { id: 'locked', text: 'Stays' },
    ];
    mesh.layout.nodes['about-d1'] = { x: 3300, y: 950, width: 160, height: 100 };
    mesh.layout.nodes.locked = { x: 3020, y: 1100, width: 100, height: 60, locked: true };
    const layout = arrangedLayout(mesh, arrangements, 16 / 10);
    const d1 = layout.d1!;
    expect(d1).not.toMatchObject({ x: 3000, y: 900 });
    expect(layout['about-d1']).toEqual({ x: d1.x + 300, y: d1.y + 50, width: 160, height: 100 });
    expect(layout.locked).toBeUndefined();
  });

  it('leaves a sticky note where it is when the domain it is on stays, or when it is locked', () => {
    const { mesh, arrangements } = chainOfDomains(2, { width: 500, height: 300 });
    mesh.layout.nodes.d0 = { x: 0, y: 0, width: 500, height: 300 };
    mesh.layout.nodes.d1 = { x: 1500, y: 0, width: 500, height: 300 };
    mesh.notes = [
      { id: 'on-d0', text: 'About d0' },
      { id: 'locked', text: 'Stays' },
    ];
    mesh.layout.nodes['on-d0'] = { x: 100, y: 100, width: 200, height: 100 };
    mesh.layout.nodes.locked = { x: 20, y: 200, width: 200, height: 60, locked: true };
    const layout = arrangedLayout(mesh, arrangements, 16 / 10);
    expect(layout['on-d0']).toBeUndefined();
    expect(layout.locked).toBeUndefined();
  });
});
