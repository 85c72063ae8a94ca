import type { Entity } from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { backstageTarget } from '../../../shared/export/backstage/backstage-target';
import { odcsTarget } from '../../../shared/export/odcs/odcs-target';
import { odpsTarget } from '../../../shared/export/odps/odps-target';
import { aContract, aMesh, aPort } from '../../builders/mesh-builder';
import { filesOf } from './golden-cases';
import { catalogEntityProblems } from './real-validators';

/** Products owned by their own team, by only their domain's, and by nobody, each serving a contract whose team names another. */
function aMeshOfThreeOwnerships() {
  const serving = (contractId: string) => ({ outputPorts: [aPort(`${contractId}-out`, 'output', { contractId })] });
  const mesh = aMesh()
    .withDomain('orders', { owner: 'team-orders' })
    .withDomain('shipping', { owner: '' })
    .withProduct('checkout', 'orders', { owner: 'Team-Checkout', ...serving('checkouts') })
    .withProduct('refunds', 'orders', { owner: '', ...serving('refunds') })
    .withProduct('parcels', 'shipping', { owner: '\u200b', ...serving('parcels') })
    .build();
  mesh.contracts.push(
    aContract('checkouts', { owner: 'someone-else' }),
    aContract('refunds', { owner: 'someone-else' }),
    aContract('parcels', { owner: 'someone-else' }),
  );
  return mesh;
}

describe('the owner every export names for a data product', () => {
  const mesh = aMeshOfThreeOwnerships();
  const odpsTeam = (productId: string) => {
    const file = filesOf(odpsTarget.files(mesh, WHOLE_MESH)).find(
      (each) => each.path === `odps/${productId}.odps.yaml`,
    );
    return parse(String(file?.content)).team?.name;
  };
  const odcsTeam = (contractId: string) => {
    const file = filesOf(odcsTarget.files(mesh, WHOLE_MESH)).find(
      (each) => each.path === `odcs/${contractId}.odcs.yaml`,
    );
    return parse(String(file?.content)).team?.name;
  };
  const entities = parseAllDocuments(String(filesOf(backstageTarget.files(mesh, WHOLE_MESH))[0]?.content)).map(
    (document) => document.toJSON() as Entity,
  );
  const backstageOwners = (productId: string) =>
    entities
      .filter(
        (entity) => entity.metadata.name === productId || entity.metadata.name === `${productId}-${productId}-out`,
      )
      .map((entity) => entity.spec?.owner);
  const groupTitle = (ref: unknown) =>
    entities.find((entity) => entity.kind === 'Group' && `group:${entity.metadata.name}` === ref)?.metadata.title;

  it('is the product’s own owner, as written in the design', () => {
    expect(odpsTeam('checkout')).toBe('Team-Checkout');
    expect(odcsTeam('checkouts')).toBe('Team-Checkout');
    expect(new Set(backstageOwners('checkout'))).toEqual(new Set(['group:team-checkout']));
    expect(groupTitle('group:team-checkout')).toBe('Team-Checkout');
  });

  it('is its domain’s owner where the product names none', () => {
    expect(odpsTeam('refunds')).toBe('team-orders');
    expect(odcsTeam('refunds')).toBe('team-orders');
    expect(new Set(backstageOwners('refunds'))).toEqual(new Set(['group:team-orders']));
  });

  it('is nobody where neither names one: no ODPS team, the contract’s own team kept, the Backstage group unowned', () => {
    expect(odpsTeam('parcels')).toBeUndefined();
    expect(odcsTeam('parcels')).toBe('someone-else');
    expect(new Set(backstageOwners('parcels'))).toEqual(new Set(['group:unowned']));
    expect(groupTitle('group:unowned')).toBe('No owner set');
  });

  it('is one Backstage group however the design capitalises the team, titled as first written', () => {
    const mesh = aMesh()
      .withDomain('orders', { owner: 'team-orders' })
      .withProduct('checkout', 'orders', { owner: 'Team-Orders ' })
      .build();
    const catalog = parseAllDocuments(String(filesOf(backstageTarget.files(mesh, WHOLE_MESH))[0]?.content)).map(
      (document) => document.toJSON() as Entity,
    );
    const groups = catalog.filter((entity) => entity.kind === 'Group');
    expect(groups.map((entity) => [entity.metadata.name, entity.metadata.title])).toEqual([
      ['team-orders', 'team-orders'],
    ]);
    expect(catalog.find((entity) => entity.kind === 'Component')?.spec?.owner).toBe('group:team-orders');
  });

  it('keeps every catalog entity valid for Backstage', async () => {
    for (const entity of entities) expect(await catalogEntityProblems(entity), entity.metadata.name).toEqual([]);
  });
});
