import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../renderer/governance/mesh-findings';
import { withPositions } from '../../../shared/editing/layout-edits';
import { withProductUpdated } from '../../../shared/editing/products';
import { aGovernedMesh } from '../validation/governed-mesh';

describe('the findings the app shows', () => {
  it('are computed once per change of what the rules read, not per move of a node', () => {
    const mesh = withProductUpdated(aGovernedMesh(), 'revenue', { owner: '' });
    const findings = findingsOf(mesh, null);
    const moved = withPositions(mesh, new Map([['revenue', { x: 300, y: 40 }]]));
    expect(findingsOf(moved, null)).toBe(findings);
    const renamed = withProductUpdated(mesh, 'customers', { description: 'changed' });
    expect(findingsOf(renamed, null)).not.toBe(findings);
    expect(findingsOf(renamed, null).counts).toEqual({ error: 0, warning: 1, info: 0, off: 0 });
  });

  it('put a contract’s findings on the nodes whose ports it governs, and a link’s on the link', () => {
    const mesh = aGovernedMesh();
    const counts = mesh.contracts[1]?.schema[0];
    const duplicate = counts?.properties[1];
    if (duplicate) counts.properties.push({ ...duplicate });
    mesh.links.push({
      id: 'loop',
      from: { nodeId: 'revenue', portId: 'out' },
      to: { nodeId: 'revenue', portId: 'in' },
    });
    const findings = findingsOf(mesh, null);
    expect(findings.byNode.get('revenue')?.map((finding) => finding.ruleId)).toEqual(['contract-semantics']);
    expect(findings.byLink.get('loop')?.map((finding) => finding.ruleId)).toEqual(['self-links', 'link-compatibility']);
  });

  it('judge contract changes against the saved document', () => {
    const saved = aGovernedMesh();
    const edited = aGovernedMesh();
    edited.contracts[0]?.schema[0]?.properties.splice(1, 1);
    expect(findingsOf(edited, null).counts.error).toBe(0);
    expect(findingsOf(edited, saved).all.map((finding) => finding.ruleId)).toEqual(['breaking-changes']);
  });
});
