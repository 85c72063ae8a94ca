import { expect } from 'vitest';
import { setSystemClipboard, useClipboardStore } from '../../../renderer/store/clipboard';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useSelectionStore } from '../../../renderer/store/selection-store';
import type { Mesh, Scenario } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

/** Opens `mesh` as a fresh document with nothing selected, an empty clipboard and no system clipboard. */
export function openDocument(mesh: Mesh): void {
  useDocumentStore.getState().open(mesh, null);
  useSelectionStore.getState().clear();
  useClipboardStore.setState({ fragment: null, cut: null });
  setSystemClipboard(undefined);
}

export function documentNow(): Mesh {
  const { mesh } = useDocumentStore.getState();
  if (!mesh) throw new Error('no document is open');
  return mesh;
}

export function selectedNodeIds(): string[] {
  return [...useSelectionStore.getState().nodeIds];
}

export function undoSteps(): number {
  return useDocumentStore.getState().past.length;
}

/** Runs an edit and checks it is one undo step that undo reverts and redo restores exactly. */
export function expectOneUndoableStep(edit: () => void): { before: Mesh; after: Mesh } {
  const before = documentNow();
  const steps = undoSteps();
  edit();
  const after = documentNow();
  expect(after).not.toBe(before);
  expect(undoSteps()).toBe(steps + 1);
  useDocumentStore.getState().undo();
  expect(documentNow()).toBe(before);
  useDocumentStore.getState().redo();
  expect(documentNow()).toBe(after);
  return { before, after };
}

/** Two domains stacked 100 px apart, `sales` above `support`, with one product placed in `productDomain`. */
export function twoStackedDomains(productId: string, productDomain: 'sales' | 'support', at = { x: 40, y: 60 }): Mesh {
  const mesh = aMesh().withDomain('sales').withDomain('support').withProduct(productId, productDomain).build();
  mesh.layout.nodes = {
    sales: { x: 0, y: 0, width: 600, height: 300 },
    support: { x: 0, y: 400, width: 600, height: 300 },
    [productId]: at,
  };
  return mesh;
}

/** A scenario with initial rows, a scripted delete and a redelivery fault on one system's `items` table and topic. */
export function aScenarioAbout(systemId: string): Scenario {
  return {
    id: 'demo',
    name: 'Demo',
    description: '',
    seed: 1,
    startTime: '2026-01-01T00:00:00Z',
    tickMillis: 1000,
    data: [{ systemId, table: 'items', initialRows: 3, generators: {} }],
    rates: [],
    steps: [{ tick: 1, systemId, table: 'items', op: 'delete' }],
    faults: [{ kind: 'redeliver', tick: 2, systemId, topicId: 'items-cdc', records: 5 }],
  };
}
