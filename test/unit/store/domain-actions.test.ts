import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { addDomain, updateDomain } from '../../../renderer/store/domain-actions';
import { overlappingDomains } from '../../../shared/editing/containment';
import { DOMAIN_COLORS } from '../../../shared/editing/domains';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, selectedNodeIds, undoSteps } from './store-fixture';

describe('domain actions', () => {
  beforeEach(() => openDocument(aMesh().withDomain('domain', { name: 'Domain' }).build()));

  it('adds a domain with a free name, its own colour, below the others, and selects it', () => {
    const mesh = documentNow();
    mesh.layout.nodes.domain = { x: 0, y: 0, width: 600, height: 300 };
    openDocument(mesh);
    let id: string | undefined;
    expectOneUndoableStep(() => {
      id = addDomain();
    });
    expect(id).toBe('domain-2');
    expect(documentNow().domains[1]).toMatchObject({ id: 'domain-2', name: 'Domain 2', color: DOMAIN_COLORS[1] });
    expect(documentNow().layout.nodes['domain-2']).toEqual({ x: 0, y: 360, width: 640, height: 320 });
    expect(selectedNodeIds()).toEqual(['domain-2']);
  });

  it('adds a domain where it was dropped', () => {
    const id = addDomain({ x: 500, y: 800 });
    expect(documentNow().layout.nodes[id as string]).toMatchObject({ x: 500, y: 800 });
  });

  it('moves a domain dropped over another just clear of it, never on top', () => {
    const id = addDomain({ x: 100, y: 80 });
    expect(overlappingDomains(documentNow())).toEqual([]);
    expect(documentNow().layout.nodes[id as string]?.y).toBe(80);
  });

  it('updates name, owner, description and colour as one undoable step', () => {
    expectOneUndoableStep(() => updateDomain('domain', { name: 'Sales', owner: 'team-sales', color: '#123456' }));
    expect(documentNow().domains[0]).toMatchObject({ name: 'Sales', owner: 'team-sales', color: '#123456' });
  });

  it('merges typing a name into one step and records nothing when nothing changes', () => {
    for (const name of ['S', 'Sa', 'Sal']) updateDomain('domain', { name }, { coalesceKey: 'domain.name' });
    updateDomain('domain', { name: 'Sal' });
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(documentNow().domains[0]?.name).toBe('Domain');
  });
});
