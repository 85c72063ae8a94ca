import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openMeshText, saveFile } from '../../../renderer/app/file-commands';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import { announceEdit, useNoticeStore } from '../../../renderer/store/notice-store';
import { useUiStore } from '../../../renderer/store/ui-store';
import type { Mesh } from '../../../shared/model';
import { FakeHost } from './fake-host';

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

/** Opens the charity design with its data-flow layout held until the test finishes it with some positions. */
function openWithLayoutHeld(): { placed: Mesh; finishLayout: (nodes: Mesh['layout']['nodes']) => Promise<void> } {
  let release: (nodes: Mesh['layout']['nodes']) => void = () => {};
  layouts.held = new Promise((resolve) => {
    release = resolve;
  });
  openMeshText(charity, file, file.name);
  const placed = documentState().mesh;
  if (!placed) throw new Error('the design did not open');
  const finishLayout = async (nodes: Mesh['layout']['nodes']) => {
    release(nodes);
    await layouts.lastRun;
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { placed, finishLayout };
}

/** Each node of `mesh` moved far to the right: a layout unlike the one placed. */
const movedRight = (mesh: Mesh) =>
  Object.fromEntries(Object.entries(mesh.layout.nodes).map(([id, node]) => [id, { ...node, x: node.x + 4000 }]));

beforeEach(() => {
  documentState().close();
  useUiStore.getState().setLayingOut(false);
});

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
    const { placed: saved, finishLayout } = openWithLayoutHeld();
    documentState().markSaved(documentState().documentKey, { ...file }, saved);

    await finishLayout(movedRight(saved));

    expect(documentState().mesh).toBe(saved);
    expect(useNoticeStore.getState().notice?.text ?? '').not.toContain('laid out by data flow');
    expect(selectIsDirty(documentState())).toBe(false);
  });

  it('leaves a save that failed while it was running in view: its own notice is only listed', async () => {
    const { placed, finishLayout } = openWithLayoutHeld();
    const host = new FakeHost();
    host.failSaveWith = 'the disk is full';
    await saveFile(host, { saveAs: false });

    await finishLayout(movedRight(placed));

    const notices = useNoticeStore.getState();
    expect(notices.notice?.tone).toBe('error');
    expect(notices.notice?.text).toContain('Could not save');
    expect(notices.history[0]?.text).toContain('laid out by data flow');
  });

  it('leaves what an edit made while it was running said in view, with its Undo: its own late notice is only listed', async () => {
    const { placed, finishLayout } = openWithLayoutHeld();
    documentState().change((mesh) => ({ ...mesh, name: 'Charity, edited' }));
    announceEdit('Renamed the design');

    await finishLayout(movedRight(placed));

    const notices = useNoticeStore.getState();
    expect(notices.notice?.text).toBe('Renamed the design');
    expect(notices.notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
    expect(notices.history[0]?.text).toContain('placed on a grid');
  });

  it('gives way to an auto-layout asked for while it was running, which would otherwise find the design changed and move nothing', async () => {
    const { placed, finishLayout } = openWithLayoutHeld();
    useUiStore.getState().setLayingOut(true);

    await finishLayout(movedRight(placed));

    expect(documentState().mesh).toBe(placed);
    expect(useNoticeStore.getState().notice?.text ?? '').not.toContain('laid out by data flow');
  });

  it('says nothing once an auto-layout asked for while it was running has laid the design out', async () => {
    const { placed, finishLayout } = openWithLayoutHeld();
    useUiStore.getState().setLayingOut(true);
    documentState().change((mesh) => ({ ...mesh, layout: { nodes: movedRight(mesh) } }));
    useUiStore.getState().setLayingOut(false);
    useNoticeStore.getState().show({ tone: 'info', text: 'Laid out 12 elements' });

    await finishLayout(placed.layout.nodes);

    expect(useNoticeStore.getState().notice?.text).toBe('Laid out 12 elements');
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
