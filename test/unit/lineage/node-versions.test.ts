import { describe, expect, it } from 'vitest';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { withProductUpdated } from '../../../shared/editing/products';
import { nodeVersions } from '../../../shared/lineage/node-versions';
import type { Mesh } from '../../../shared/model';
import { applyFix } from '../../../shared/validation/fixes';
import { aGovernedMesh } from '../validation/governed-mesh';

/*
 * The governed mesh: the Shop system feeds Customers (contract `customers`), which feeds
 * Revenue (contract `country-counts`). Versions are compared across an edit: the same object
 * means what it covers is unchanged, so what was computed from it is kept.
 */
const NODES = ['shop', 'customers', 'revenue'] as const;

/** The nodes whose own and inflow versions an edit changed. */
function changedBy(before: Mesh, after: Mesh): { own: string[]; inflow: string[] } {
  const earlier = nodeVersions(before);
  const own = NODES.map((id) => earlier.own(id));
  const inflow = NODES.map((id) => earlier.inflow(id));
  const later = nodeVersions(after);
  return {
    own: NODES.filter((id, at) => later.own(id) !== own[at]),
    inflow: NODES.filter((id, at) => later.inflow(id) !== inflow[at]),
  };
}

describe('node versions', () => {
  it('keep every version when an edit leaves the nodes alone', () => {
    const mesh = aGovernedMesh();
    expect(changedBy(mesh, { ...mesh, policies: { rules: { owners: 'info' } } })).toEqual({ own: [], inflow: [] });
  });

  it("give an edited product a new version, and the products it feeds a new inflow, not the others'", () => {
    const mesh = aGovernedMesh();
    expect(changedBy(mesh, withProductUpdated(mesh, 'customers', { name: 'Clients' }))).toEqual({
      own: ['customers'],
      inflow: ['customers', 'revenue'],
    });
    const other = aGovernedMesh();
    expect(changedBy(other, withProductUpdated(other, 'revenue', { description: 'by country' }))).toEqual({
      own: ['revenue'],
      inflow: ['revenue'],
    });
  });

  it('give both ends of a removed link new versions', () => {
    const mesh = aGovernedMesh();
    const removed = withoutElements(mesh, { nodeIds: new Set(), linkIds: new Set(['shop-to-customers']) });
    expect(changedBy(mesh, removed)).toEqual({ own: ['shop', 'customers'], inflow: ['shop', 'customers', 'revenue'] });
  });

  it('give the products naming an edited contract new versions', () => {
    const mesh = aGovernedMesh();
    const classified = applyFix(mesh, {
      kind: 'classify-field',
      contractId: 'country-counts',
      object: 'country_counts',
      field: 'customers',
      classification: 'internal',
    });
    expect(classified.contracts[1]).not.toBe(mesh.contracts[1]);
    expect(changedBy(mesh, classified)).toEqual({ own: ['revenue'], inflow: ['revenue'] });
  });

  it('never give a changed node back a version it had: after an undo, memos of the edit do not apply', () => {
    const mesh = aGovernedMesh();
    const renamed = withProductUpdated(mesh, 'customers', { name: 'Clients' });
    const before = nodeVersions(mesh).own('customers');
    const during = nodeVersions(renamed).own('customers');
    const again = withProductUpdated(renamed, 'customers', { name: 'Customers' });
    const after = nodeVersions(again).own('customers');
    expect(new Set([before, during, after]).size).toBe(3);
    // The very mesh undone to has the versions it had.
    expect(nodeVersions(mesh).own('customers')).toBe(before);
  });
});
