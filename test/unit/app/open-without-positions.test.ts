import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openMeshText } from '../../../renderer/app/file-commands';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { Mesh } from '../../../shared/model';

const charity = readFileSync(new URL('../../fixtures/mesh/charity.mesh.json', import.meta.url), 'utf8');
const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
const file = { name: 'generated.mesh.json', path: '/home/ada/generated.mesh.json' };
const documentState = () => useDocumentStore.getState();

const layouts = vi.hoisted(() => ({
  lastRun: Promise.resolve() as Promise<unknown>,
  /** When set, the next layout is this one, done when the test says. */
  held: null as Promise<unknown> | null,
}));

// ELK lays designs out in a Web Worker, which Node lacks: here the data-flow layout keeps the grids placed first.
vi.mock('../../../renderer/canvas/auto-layout/layout-by-data-flow', () => ({
  layoutByDataFlow: (mesh: Mesh) => {
    layouts.lastRun = layouts.held ?? Promise.resolve(mesh.layout.nodes);
    layouts.held = null;
    return layouts.lastRun;
  },
}));

/** The sample as a script writes it: domains placed, the products and systems in them not. */
function withDomainsPlacedOnly(): string {
  const mesh = JSON.parse(sample);
  const domainIds = new Set(mesh.domains.map((domain: { id: string }) => domain.id));
  mesh.layout = { nodes: Object.fromEntries(Object.entries(mesh.layout.nodes).filter(([id]) => domainIds.has(id))) };
  return JSON.stringify(mesh);
}

beforeEach(() => documentState().close());

describe('opening a design whose file leaves elements without a position', () => {
  it('places them as the view of the file: no unsaved change, no undo step', () => {
    openMeshText(withDomainsPlacedOnly(), file, file.name);

    expect(documentState().mesh?.layout.nodes['customer-360']).toBeDefined();
    expect(selectIsDirty(documentState())).toBe(false);
    expect(documentState().past).toEqual([]);
  });

  it('places a design without any layout the same way, and lays it out by data flow the same way', async () => {
    openMeshText(charity, file, file.name);

    expect(Object.keys(documentState().mesh?.layout.nodes ?? {})).not.toEqual([]);
    expect(selectIsDirty(documentState())).toBe(false);
    await vi.waitFor(() => expect(useNoticeStore.getState().notice?.text).toContain('laid out by data flow'));
    expect(selectIsDirty(documentState())).toBe(false);
    expect(documentState().past).toEqual([]);
  });

  it('says nothing of a design’s layout once another design has been opened in its place', async () => {
    openMeshText(charity, { name: 'charity.mesh.json', path: '/home/ada/charity.mesh.json' }, 'charity.mesh.json');
    const firstLayout = layouts.lastRun;
    openMeshText(sample, file, file.name);
    await firstLayout;
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(useNoticeStore.getState().notice?.text).toContain('generated.mesh.json');
    expect(selectIsDirty(documentState())).toBe(false);
  });

  it('keeps the grids a save wrote while the data-flow layout was still running: what is shown is what the file holds', async () => {
    let finishLayout: (nodes: Mesh['layout']['nodes']) => void = () => {};
    layouts.held = new Promise((resolve) => {
      finishLayout = resolve;
    });
    openMeshText(charity, file, file.name);
    const saved = documentState().mesh;
    if (!saved) throw new Error('the design did not open');
    documentState().markSaved(documentState().documentKey, { ...file }, saved);

    finishLayout(
      Object.fromEntries(Object.entries(saved.layout.nodes).map(([id, node]) => [id, { ...node, x: node.x + 4000 }])),
    );
    await layouts.lastRun;
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(documentState().mesh).toBe(saved);
    expect(useNoticeStore.getState().notice?.text ?? '').not.toContain('laid out by data flow');
    expect(selectIsDirty(documentState())).toBe(false);
  });

  it('is an unsaved change after an edit, which Undo takes back to the placed design', () => {
    openMeshText(withDomainsPlacedOnly(), file, file.name);
    const placed = documentState().mesh;
    documentState().change((mesh) => ({ ...mesh, name: 'Renamed' }));

    expect(selectIsDirty(documentState())).toBe(true);
    documentState().undo();
    expect(documentState().mesh).toBe(placed);
    expect(selectIsDirty(documentState())).toBe(false);
  });
});
