import { describe, expect, it } from 'vitest';
import { problemCountsByDomain } from '../../../renderer/canvas/domain-problems';
import { findingsOf } from '../../../renderer/governance/mesh-findings';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { withPositions } from '../../../shared/editing/layout-edits';
import { withProductUpdated } from '../../../shared/editing/products';
import type { Mesh } from '../../../shared/model';
import { stepRefusalInputs } from '../../../shared/simulation/step-refusals';
import { aPort, aProduct } from '../../builders/mesh-builder';
import { aGovernedMesh } from '../validation/governed-mesh';

/** The governed mesh with Report (analytics) reading Revenue and feeding it back: a cycle within one domain. */
function aMeshWithACycle(): Mesh {
  const mesh = aGovernedMesh();
  mesh.products.push(
    aProduct('report', 'analytics', {
      owner: 'team-analytics',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'country-counts' })],
    }),
  );
  mesh.products.find((product) => product.id === 'revenue')?.inputPorts.push(aPort('back', 'input'));
  mesh.links.push(
    { id: 'to-report', from: { nodeId: 'revenue', portId: 'out' }, to: { nodeId: 'report', portId: 'in' } },
    { id: 'back', from: { nodeId: 'report', portId: 'out' }, to: { nodeId: 'revenue', portId: 'back' } },
  );
  return mesh;
}

const ruleIds = (findings: readonly { ruleId: string }[] | undefined) => findings?.map((finding) => finding.ruleId);

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

  it('say what SQLite refused of a step once told for this very document, never against newer SQL', () => {
    const refused = "SELECT country, COUNT(*) AS customers FROM customers WHERE country ILIKE 'a%' GROUP BY country";
    const mesh = withProductUpdated(aGovernedMesh(), 'revenue', {
      transformations: [{ name: 'country_counts', sql: refused }],
    });
    const path = `products[${mesh.products.findIndex((product) => product.id === 'revenue')}].transformations[0]`;
    const message = 'near "ILIKE": syntax error';
    const prepared = { inputs: stepRefusalInputs(mesh), refusals: [{ path, step: 'country_counts', message }] };
    const sqliteSays = (findings: ReturnType<typeof findingsOf>) =>
      findings.all.filter((finding) => finding.message === message).map((finding) => [finding.ruleId, finding.path]);

    expect(sqliteSays(findingsOf(mesh, null, prepared))).toEqual([['transformation-sql', path]]);
    const moved = withPositions(mesh, new Map([['revenue', { x: 300, y: 40 }]]));
    expect(sqliteSays(findingsOf(moved, null, prepared))).toEqual([['transformation-sql', path]]);
    const fixed = withProductUpdated(mesh, 'revenue', {
      transformations: [{ name: 'country_counts', sql: refused.replace('ILIKE', 'LIKE') }],
    });
    expect(sqliteSays(findingsOf(fixed, null, prepared))).toEqual([]);
  });

  it('judge the layout again once a move makes or ends a clash', () => {
    const apart = aGovernedMesh();
    apart.layout.nodes = {
      sales: { x: 0, y: 0, width: 400, height: 300 },
      analytics: { x: 500, y: 0, width: 400, height: 300 },
    };
    const findings = findingsOf(apart, null);
    expect(ruleIds(findings.all)).not.toContain('layout-clashes');

    const overlapping = withPositions(apart, new Map([['analytics', { x: 200, y: 100 }]]));
    expect(ruleIds(findingsOf(overlapping, null).all)).toContain('layout-clashes');
    const apartAgain = withPositions(overlapping, new Map([['analytics', { x: 600, y: 0 }]]));
    expect(ruleIds(findingsOf(apartAgain, null).all)).not.toContain('layout-clashes');
  });

  it('put a contract’s findings on the nodes whose ports it governs, and a link’s on the link', () => {
    const mesh = aGovernedMesh();
    const counts = mesh.contracts[1]?.schema[0];
    const duplicate = counts?.properties[1];
    if (duplicate) counts.properties.push({ ...duplicate });
    // A port of its own: the loop would otherwise be a second source into 'in'. It expects what 'in' does.
    const revenue = mesh.products.find((product) => product.id === 'revenue');
    revenue?.inputPorts.push(aPort('loop', 'input', { expects: revenue.inputPorts[0]?.expects }));
    mesh.links.push({
      id: 'loop',
      from: { nodeId: 'revenue', portId: 'out' },
      to: { nodeId: 'revenue', portId: 'loop' },
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

  it('judge a product deleted since the saved document, with the active contract it served, a breaking change', () => {
    const saved = aGovernedMesh();
    Object.assign(saved.contracts[1] ?? {}, { status: 'active' });
    const edited = withoutElements(saved, { nodeIds: new Set(['revenue']), linkIds: new Set() });
    // A baseline that differs from the saved document only in its products: the findings are judged anew.
    const savedWithoutRevenue = { ...saved, products: edited.products };
    const breaking = (baseline: Mesh) =>
      findingsOf(edited, baseline)
        .all.filter((finding) => finding.ruleId === 'breaking-changes')
        .map(({ element, path }) => ({ element, path }));
    expect(breaking(savedWithoutRevenue)).toEqual([]);
    expect(breaking(saved)).toEqual([{ element: { kind: 'mesh' }, path: 'products' }]);
  });

  it('put a cycle’s finding on every product and link of the cycle, and nowhere else', () => {
    const findings = findingsOf(aMeshWithACycle(), null);
    for (const nodeId of ['revenue', 'report'])
      expect(ruleIds(findings.byNode.get(nodeId))).toContain('product-cycles');
    for (const linkId of ['to-report', 'back'])
      expect(ruleIds(findings.byLink.get(linkId))).toContain('product-cycles');
    expect(ruleIds(findings.byNode.get('customers'))).toBeUndefined();
    expect(ruleIds(findings.byLink.get('customers-to-revenue'))).toBeUndefined();
  });

  it('put a read across domains on its link only, not on the product and system it names', () => {
    const mesh = aGovernedMesh();
    mesh.products.find((product) => product.id === 'revenue')?.inputPorts.push(aPort('cdc', 'input'));
    mesh.links.push({
      id: 'shortcut',
      from: { nodeId: 'shop', portId: 'customers-cdc' },
      to: { nodeId: 'revenue', portId: 'cdc' },
    });
    const findings = findingsOf(mesh, null);
    expect(ruleIds(findings.byLink.get('shortcut'))).toContain('cross-domain-sources');
    // Revenue's own finding: both its inputs bring a table 'customers' (product-tables).
    expect(ruleIds(findings.byNode.get('revenue'))).not.toContain('cross-domain-sources');
    expect(ruleIds(findings.byNode.get('shop'))).toBeUndefined();
  });

  it('count a finding once in a domain however many of its elements show it', () => {
    const mesh = aMeshWithACycle();
    mesh.policies.rules['freshness-slos'] = { severity: 'off', reason: 'a cycle has no freshness to promise' };
    mesh.policies.rules['product-tables'] = { severity: 'off', reason: 'Revenue reads back the table it makes' };
    expect(findingsOf(mesh, null).counts.error).toBe(1);
    expect(problemCountsByDomain(mesh, null).get('analytics')).toBe(1);
  });
});
