import { describe, expect, it } from 'vitest';
import { contractOf } from '../../../shared/contracts/contract-text';
import type { Contract, Mesh } from '../../../shared/model';
import type { Fix } from '../../../shared/validation/finding';
import { applyFix, describeFix, describeFixMade } from '../../../shared/validation/fixes';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aContract, aPort } from '../../builders/mesh-builder';
import { aProperty, withProperties } from '../contracts/builders';
import { aGovernedMesh } from './governed-mesh';

/** Applies the one fix the rule offers on `mesh`, and returns the mesh after it. */
function fixed(ruleId: string, mesh: Mesh, baseline?: Mesh): { fix: Fix; after: Mesh } {
  const [finding] = validateMesh(mesh, { ruleIds: [ruleId], ...(baseline && { baseline }) });
  if (!finding?.fix) throw new Error(`${ruleId} offers no fix`);
  return { fix: finding.fix, after: applyFix(mesh, finding.fix) };
}

const remaining = (ruleId: string, mesh: Mesh, baseline?: Mesh) =>
  validateMesh(mesh, { ruleIds: [ruleId], ...(baseline && { baseline }) });

describe('one-click fixes', () => {
  it("gives an ownerless product its domain's owner", () => {
    const mesh = aGovernedMesh();
    mesh.products[1] = { ...(mesh.products[1] as Mesh['products'][number]), owner: '' };
    const { fix, after } = fixed('owners', mesh);
    expect(describeFix(fix)).toBe("Set owner to 'team-analytics'");
    expect(describeFixMade(mesh, after, fix)).toBe(`Fixed ${after.products[1]?.name}: Set owner to 'team-analytics'`);
    expect(after.products[1]?.owner).toBe('team-analytics');
    expect(remaining('owners', after)).toEqual([]);
  });

  it("gives an ownerless product a placeholder, not its domain's owner that is no valid Backstage reference", () => {
    const mesh = aGovernedMesh();
    mesh.domains[1] = { ...(mesh.domains[1] as Mesh['domains'][number]), owner: 'group:library/Analytics Team' };
    mesh.products[1] = { ...(mesh.products[1] as Mesh['products'][number]), owner: '' };
    const [finding] = remaining('owners', mesh).filter((candidate) => candidate.path === 'products[1]');
    expect(finding?.fixHint).toBe(
      "Name the team that answers for it; the fix writes the placeholder 'team-analytics' to rename, as its domain's owner 'group:library/Analytics Team' is no valid Backstage reference.",
    );
    const after = applyFix(mesh, finding?.fix as Fix);
    expect(after.products[1]?.owner).toBe('team-analytics');
    expect(remaining('owners', after).map((left) => left.path)).toEqual(['domains[1]']);
  });

  it('gives an ownerless domain a placeholder team to rename', () => {
    const mesh = aGovernedMesh();
    mesh.domains[0] = { ...(mesh.domains[0] as Mesh['domains'][number]), owner: '' };
    const { after } = fixed('owners', mesh);
    expect(after.domains[0]?.owner).toBe('team-sales');
  });

  it('adds a draft contract to an output port that has none, in one click', () => {
    const mesh = aGovernedMesh();
    mesh.products[1]?.outputPorts.push(aPort('forecast', 'output'));
    const { fix, after } = fixed('output-contracts', mesh);
    expect(describeFix(fix)).toBe('Add a contract');
    expect(describeFixMade(mesh, after, fix)).toBe(
      `Added contract '${after.contracts.at(-1)?.name}' to Revenue · forecast`,
    );
    expect(after.contracts).toHaveLength(mesh.contracts.length + 1);
    expect(remaining('output-contracts', after)).toEqual([]);
  });

  it('removes a link from a product to itself', () => {
    const mesh = aGovernedMesh();
    mesh.products[1]?.inputPorts.push(aPort('loop', 'input'));
    mesh.links.push({
      id: 'loop',
      from: { nodeId: 'revenue', portId: 'out' },
      to: { nodeId: 'revenue', portId: 'loop' },
    });
    const { fix, after } = fixed('self-links', mesh);
    expect(describeFix(fix)).toBe('Remove the link');
    expect(describeFixMade(mesh, after, fix)).toBe(
      'Fixed the link Revenue · counts to Revenue · loop: Remove the link',
    );
    expect(after.links.map((link) => link.id)).toEqual(['shop-to-customers', 'customers-to-revenue']);
  });

  it('bumps the major version of a contract changed in a breaking way', () => {
    const baseline = aGovernedMesh();
    const mesh = aGovernedMesh();
    const contract = mesh.contracts[0] as Contract;
    mesh.contracts[0] = withProperties(contract, contract.schema[0]?.properties.slice(0, -1) ?? []);
    const { fix, after } = fixed('breaking-changes', mesh, baseline);
    expect(describeFix(fix)).toBe('Bump to 2.0.0');
    expect(describeFixMade(mesh, after, fix)).toBe(`Fixed contract '${contract.name}': Bump to 2.0.0`);
    expect(after.contracts[0]?.version).toBe('2.0.0');
    expect(after.contracts[0]?.odcs).toContain('version: 2.0.0');
    expect(remaining('breaking-changes', after, baseline)).toEqual([]);
  });

  it('classifies a field republished from a classified input', () => {
    const mesh = aGovernedMesh();
    const revenue = mesh.products[1] as Mesh['products'][number];
    revenue.transformations = [{ name: 'country_counts', sql: 'SELECT country, email FROM customers' }];
    const counts = mesh.contracts[1] as Contract;
    mesh.contracts[1] = withProperties(counts, [...(counts.schema[0]?.properties ?? []), aProperty('email')]);
    const { fix, after } = fixed('pii-propagation', mesh);
    expect(describeFix(fix)).toBe('Classify email as pii');
    expect(describeFixMade(mesh, after, fix)).toBe(`Fixed contract '${counts.name}': Classify email as pii`);
    expect(after.contracts[1]?.schema[0]?.properties.at(-1)?.classification).toBe('pii');
    // The text is what the file keeps and the editor shows: the fix is made there.
    expect(after.contracts[1]?.odcs).toContain('classification: pii');
    expect(after.contracts[1]?.odcs.match(/classification: pii/g)).toHaveLength(1);
    expect(remaining('pii-propagation', after)).toEqual([]);
  });

  it('names the domain and product serving a contract that names others', () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', domain: 'finance', dataProduct: 'ledger' });
    const { fix, after } = fixed('contract-serving', mesh);
    expect(describeFix(fix)).toBe("Name 'Sales' and 'customers'");
    expect(after.contracts[0]).toMatchObject({ domain: 'Sales', dataProduct: 'customers' });
    expect(remaining('contract-serving', after)).toEqual([]);
  });

  it("names the serving product's owner as the team of a contract that names another", () => {
    const mesh = aGovernedMesh();
    mesh.contracts[0] = aContract('customers', { name: 'Customers', owner: 'Ward Services Team' });
    const { fix, after } = fixed('contract-team', mesh);
    expect(describeFix(fix)).toBe("Set team to 'team-sales'");
    expect(after.contracts[0]?.owner).toBe('team-sales');
    expect(after.contracts[0]?.odcs).toContain('team:\n  name: team-sales');
    expect(remaining('contract-team', after)).toEqual([]);
  });

  it('adds the transformation that makes a published table nothing makes, named after its schema object', () => {
    const mesh = aGovernedMesh();
    const { odcs: _, ...customers } = mesh.contracts[0] as Contract;
    const [object] = customers.schema as [Contract['schema'][number]];
    mesh.contracts[0] = contractOf({ ...customers, schema: [{ ...object, name: 'customer_list' }] });
    const { fix, after } = fixed('product-tables', mesh);
    expect(describeFix(fix)).toBe("Add transformation 'customer_list'");
    expect(describeFixMade(mesh, after, fix)).toBe("Fixed Customers: Add transformation 'customer_list'");
    const made = after.products.find((product) => product.id === 'customers')?.transformations.at(-1);
    expect(made?.name).toBe('customer_list');
    expect(made?.sql).toMatch(/^SELECT\n {2}customer_id,\n[\s\S]*\nFROM customers$/);
    expect(remaining('product-tables', after)).toEqual([]);
  });

  it('captures a table whose CDC flag is off while its CDC topic is kept, keeping the topic and its links', () => {
    const mesh = aGovernedMesh();
    Object.assign(mesh.systems[0]?.database.tables[0] ?? {}, { cdc: false });
    const { fix, after } = fixed('cdc-streams', mesh);
    expect(describeFix(fix)).toBe("Capture 'customers'");
    expect(describeFixMade(mesh, after, fix)).toBe("Fixed Shop: Capture 'customers'");
    expect(after.systems[0]?.database.tables[0]?.cdc).toBe(true);
    expect(after.systems[0]?.messaging.topics).toEqual(mesh.systems[0]?.messaging.topics);
    expect(after.links).toEqual(mesh.links);
    expect(remaining('cdc-streams', after)).toEqual([]);
  });

  it('adds the CDC topic of a table flagged for CDC that no topic carries', () => {
    const mesh = aGovernedMesh();
    mesh.systems[0]?.messaging.topics.splice(0);
    mesh.links = mesh.links.filter((link) => link.from.nodeId !== 'shop');
    const { after } = fixed('cdc-streams', mesh);
    expect(after.systems[0]?.messaging.topics.map((topic) => topic.source)).toEqual([
      { kind: 'cdc', table: 'customers' },
    ]);
    expect(remaining('cdc-streams', after)).toEqual([]);
  });

  it('changes nothing when what it repairs is already gone', () => {
    const mesh = aGovernedMesh();
    expect(applyFix(mesh, { kind: 'set-contract-version', contractId: 'gone', version: '2.0.0' })).toBe(mesh);
  });
});
