import { describe, expect, it } from 'vitest';
import { changesOnlyScenarios } from '../../../shared/model/scenario-only-change';
import { aMesh } from '../../builders/mesh-builder';

describe('a change of the scenarios alone (what Simulate mode may edit, undo and redo)', () => {
  const mesh = aMesh().build();

  it('is one that leaves every other part of the document as it was', () => {
    expect(changesOnlyScenarios(mesh, { ...mesh, scenarios: [...mesh.scenarios] })).toBe(true);
  });

  it('is not one that also renames the design, moves a node or adds notes', () => {
    expect(changesOnlyScenarios(mesh, { ...mesh, scenarios: [], name: 'other' })).toBe(false);
    expect(changesOnlyScenarios(mesh, { ...mesh, layout: { nodes: {} } })).toBe(false);
    expect(changesOnlyScenarios(mesh, { ...mesh, notes: [] })).toBe(false);
  });
});
