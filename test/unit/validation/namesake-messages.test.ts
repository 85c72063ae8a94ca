import { describe, expect, it } from 'vitest';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aProduct } from '../../builders/mesh-builder';
import { aGovernedMesh, aMeshWithTwoFeedsIntoOnePort } from './governed-mesh';

describe('messages naming a product that shares its name with one in another domain', () => {
  it('say which one, by its domain, as a copy pasted into another domain keeps its name', () => {
    const mesh = aMeshWithTwoFeedsIntoOnePort();
    mesh.products.push(aProduct('sales-revenue', 'sales', { name: 'Revenue', owner: 'team-sales' }));

    const messages = validateMesh(mesh)
      .filter((finding) => finding.ruleId === 'one-source-per-input')
      .map((finding) => finding.message);

    expect(messages).toEqual([
      "Input port 'customers' of 'Revenue (Analytics)' is fed by 2 links, from 'Customers · customers' and 'Leads · leads'; an input port consumes one dataset.",
    ]);
  });

  it('say which system, by its domain, where a copy of it in another domain has a table without a primary key', () => {
    const mesh = aGovernedMesh();
    const [shop] = mesh.systems;
    if (!shop) throw new Error('the governed mesh has a Shop');
    const tables = shop.database.tables.map((table) => ({ ...table, primaryKey: [] }));
    mesh.systems.push({ ...shop, id: 'analytics-shop', domainId: 'analytics', database: { ...shop.database, tables } });

    const messages = validateMesh(mesh)
      .filter((finding) => finding.ruleId === 'replica-identity')
      .map((finding) => finding.message.split(':')[0]);

    expect(messages).toEqual(["Table 'customers' of 'Shop (Analytics)' has no primary key"]);
  });
});
