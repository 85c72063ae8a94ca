import { type Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { backstageReferencesOutsideScope, type ExportScope, WHOLE_MESH } from '../../../shared/export';
import { backstageTarget } from '../../../shared/export/backstage/backstage-target';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aProperty } from '../contracts/builders';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { aMeshWithAnOutboxEvent } from './outbox-event-mesh';
import { catalogEntityProblems, catalogReferences } from './real-validators';
import { readEverywhere } from './yaml-readers';

function catalogOf(
  mesh: Parameters<typeof backstageTarget.files>[0],
  scope: ExportScope = WHOLE_MESH,
): { text: string; entities: Entity[] } {
  const [file] = filesOf(backstageTarget.files(mesh, scope));
  const text = String(file?.content);
  return { text, entities: parseAllDocuments(text).map((document) => document.toJSON() as Entity) };
}

describe('Backstage catalog export', () => {
  itWritesTheGoldenFiles('backstage', ({ mesh }) => filesOf(backstageTarget.files(mesh, WHOLE_MESH)));

  it('checks with validators that refuse a broken entity', async () => {
    const broken = { apiVersion: 'backstage.io/v1alpha1', kind: 'API', metadata: { name: 'a b' }, spec: {} };
    expect(await catalogEntityProblems(broken as Entity)).not.toEqual([]);
  });

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every entity passes the Backstage catalog validators and schemas, and every reference resolves',
    async (_, { mesh }) => {
      const { text, entities } = catalogOf(mesh);
      expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
      const known = new Set(entities.map((entity) => stringifyEntityRef(entity)));
      expect(entities.flatMap(catalogReferences).filter((ref) => !known.has(ref))).toEqual([]);
      const keys = entities.map((entity) => stringifyEntityRef(entity).toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
      const [reading] = readEverywhere([text]);
      expect(reading?.pyYaml).toEqual(reading?.yaml12);
    },
  );

  it('relates the e-commerce products by the APIs they provide and consume, and each API carries its contract', () => {
    const { entities } = catalogOf(exportCases().find((exportCase) => exportCase.name === 'ecommerce')!.mesh);
    const find = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name);
    expect(find('Component', 'customer-360')?.spec).toMatchObject({
      system: 'system:customer-360',
      providesApis: ['api:customer-360-profiles-out'],
      consumesApis: ['api:customers-customers-out', 'api:orders-orders-out'],
    });
    expect(find('Component', 'orders')?.spec).toMatchObject({ dependsOn: ['component:orders-service'] });
    expect(find('System', 'orders')?.spec).toMatchObject({
      domain: 'domain:orders-domain',
      owner: 'group:team-orders',
    });
    const api = find('API', 'orders-order-placed-out');
    expect(api?.spec).toMatchObject({ type: 'odcs', lifecycle: 'production' });
    expect(parse(String(api?.spec?.definition))).toMatchObject({ id: 'order-placed', version: '1.0.0' });
    expect(entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.name)).toEqual([
      'team-orders',
      'team-customers',
      'team-shipping',
      'team-analytics',
      'team-sales',
    ]);
  });

  it('reads a contract’s status as the rest of the app does, whatever its case: Active is production, Deprecated deprecated', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withContract('readings', { status: 'Active' })
      .withContract('recalls', { status: ' Deprecated' })
      .withProduct('lab', 'd', { outputPorts: [aPort('readings-out', 'output', { contractId: 'readings' })] })
      .withProduct('recall', 'd', { outputPorts: [aPort('recalls-out', 'output', { contractId: 'recalls' })] })
      .build();
    const { entities } = catalogOf(mesh);
    const lifecycleOf = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name)?.spec?.lifecycle;
    expect(lifecycleOf('API', 'lab-readings-out')).toBe('production');
    expect(lifecycleOf('Component', 'lab')).toBe('production');
    expect(lifecycleOf('API', 'recall-recalls-out')).toBe('deprecated');
    expect(lifecycleOf('Component', 'recall')).toBe('deprecated');
  });

  it('annotates and tags a product’s Component and APIs with the strictest classification of their contracts’ fields', async () => {
    const mesh = aMesh()
      .withDomain('health')
      .withContract('doses', {
        schema: [
          {
            name: 'doses',
            properties: [aProperty('lot'), aProperty('site', 'string', { classification: 'internal' })],
          },
        ],
      })
      .withContract('patients', {
        schema: [
          {
            name: 'patients',
            properties: [
              aProperty('region', 'string', { classification: 'Internal' }),
              aProperty('nhs_number', 'string', { classification: 'Restricted' }),
            ],
          },
        ],
      })
      .withContract('reactions', {
        schema: [{ name: 'reactions', properties: [aProperty('symptom', 'string', { classification: 'PII data' })] }],
      })
      .withProduct('registry', 'health', {
        outputPorts: [
          aPort('doses', 'output', { contractId: 'doses' }),
          aPort('patients', 'output', { contractId: 'patients' }),
          aPort('reactions', 'output', { contractId: 'reactions' }),
        ],
      })
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    const metadataOf = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name)?.metadata;
    expect(metadataOf('Component', 'registry')).toMatchObject({
      annotations: { 'datamesh/classification': 'Restricted, PII data' },
      tags: ['restricted', 'pii-data'],
    });
    expect(metadataOf('API', 'registry-doses')).toMatchObject({
      annotations: { 'datamesh/classification': 'internal' },
      tags: ['entity', 'internal'],
    });
    expect(metadataOf('API', 'registry-patients')?.tags).toEqual(['entity', 'restricted']);
    expect(metadataOf('System', 'registry')?.annotations).toBeUndefined();
  });

  it('counts a classified field nested in an object among the classifications of the Component and its API', async () => {
    const observer = aProperty('observer', 'object', {
      extensions: { properties: [{ name: 'staff_number', logicalType: 'string', classification: 'restricted' }] },
    });
    const mesh = aMesh()
      .withDomain('observations')
      .withContract('readings', {
        schema: [
          {
            name: 'readings',
            properties: [aProperty('station_id', 'string', { classification: 'internal' }), observer],
          },
        ],
      })
      .withProduct('surface-obs', 'observations', { outputPorts: [aPort('out', 'output', { contractId: 'readings' })] })
      .build();
    const { entities } = catalogOf(mesh);
    const metadataOf = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name)?.metadata;
    expect(metadataOf('Component', 'surface-obs')?.annotations).toEqual({ 'datamesh/classification': 'restricted' });
    expect(metadataOf('API', 'surface-obs-out')?.annotations).toEqual({ 'datamesh/classification': 'restricted' });
  });

  it('takes an owner written as a user or group reference as the owner, normalised, with no Group made for it', async () => {
    const mesh = aMesh()
      .withDomain('dispatch', { owner: 'group:default/dispatch' })
      .withProduct('deliveries', 'dispatch', { owner: 'Group:Default/dispatch' })
      .withProduct('locations', 'dispatch', { owner: 'user:jane.doe' })
      .withProduct('refunds', 'dispatch', { owner: 'team-ordering' })
      .withProduct('pricing', 'dispatch', { owner: 'system:pricing' })
      .withProduct('ratings', 'dispatch', { owner: 'group:not a name' })
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    const ownerOf = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name)?.spec?.owner;
    expect(ownerOf('Domain', 'dispatch')).toBe('group:default/dispatch');
    expect(ownerOf('System', 'deliveries')).toBe('group:default/dispatch');
    expect(ownerOf('Component', 'locations')).toBe('user:jane.doe');
    expect(parseEntityRef(String(ownerOf('System', 'locations')))).toEqual({
      kind: 'user',
      namespace: 'default',
      name: 'jane.doe',
    });
    // The organisation's users and groups are registered in Backstage, not by another domain's catalog.
    expect(backstageReferencesOutsideScope(mesh, WHOLE_MESH)).toEqual([]);
    // Plain team names, and what only looks like a user or group reference, name a team as before.
    expect(ownerOf('System', 'refunds')).toBe('group:team-ordering');
    expect(entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.title)).toEqual([
      'team-ordering',
      'system:pricing',
      'group:not a name',
    ]);
  });

  it("gives a product whose owner is only invisible characters its domain's owner, as one with no owner", () => {
    const mesh = aMesh()
      .withDomain('clinical', { owner: 'team-clinical-data' })
      .withProduct('adverse-events', 'clinical', { owner: '\u200b' })
      .withProduct('visits', 'clinical', { owner: ' \ufeff' })
      .build();
    const { entities } = catalogOf(mesh);
    const owners = entities.filter((entity) => entity.kind === 'System').map((entity) => entity.spec?.owner);
    expect(owners).toEqual(['group:team-clinical-data', 'group:team-clinical-data']);
    expect(entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.title)).toEqual([
      'team-clinical-data',
    ]);
  });

  it('owns by the group reference a team name slugs to, where the design names that group elsewhere: no Group of the same ref is made', async () => {
    const mesh = aMesh()
      .withDomain('cadastre', { owner: 'group:default/cadastre-team' })
      .withProduct('parcels', 'cadastre', { owner: 'Cadastre Team' })
      .withProduct('surveys', 'cadastre', { owner: 'Survey Team' })
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    const ownerOf = (name: string) =>
      entities.find((entity) => entity.kind === 'System' && entity.metadata.name === name)?.spec?.owner;
    expect(stringifyEntityRef(parseEntityRef(String(ownerOf('parcels')), { defaultKind: 'group' }))).toBe(
      'group:default/cadastre-team',
    );
    // The organisation's provider defines group:default/cadastre-team: a second copy would conflict with it.
    expect(entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.name)).toEqual([
      'survey-team',
    ]);
  });

  it("owns an operational system's Component by the system's owner, and by its domain's where it names none", async () => {
    const mesh = aMesh()
      .withDomain('sites', { owner: 'team-sites' })
      .withSystem('site-registry', 'sites', { owner: 'team-registry' })
      .withSystem('fuel-gauges', 'sites')
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    const ownerOf = (name: string) =>
      entities.find((entity) => entity.kind === 'Component' && entity.metadata.name === name)?.spec?.owner;
    expect(ownerOf('site-registry')).toBe('group:team-registry');
    expect(ownerOf('fuel-gauges')).toBe('group:team-sites');
  });

  it('makes each outbox event contract an API the system’s Component provides and the products reading its topic consume', async () => {
    const mesh = aMeshWithAnOutboxEvent()
      .withProduct('clearances', 'vets', { inputPorts: [aPort('checks', 'input')] })
      .withLink('l', { nodeId: 'vet-service', portId: 'failed' }, { nodeId: 'clearances', portId: 'checks' })
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    expect(backstageReferencesOutsideScope(mesh, WHOLE_MESH)).toEqual([]);
    const find = (kind: string, name: string) =>
      entities.find((entity) => entity.kind === kind && entity.metadata.name === name);
    const api = find('API', 'vet-service-failed');
    expect(api?.metadata).toMatchObject({ annotations: { 'datamesh/classification': 'confidential' } });
    expect(api?.spec).toMatchObject({ type: 'odcs', owner: 'group:team-vets' });
    expect(parse(String(api?.spec?.definition))).toMatchObject({ id: 'vet-check-failed' });
    expect(find('Component', 'vet-service')?.spec?.providesApis).toEqual(['api:vet-service-failed']);
    expect(find('Component', 'clearances')?.spec).toMatchObject({
      consumesApis: ['api:vet-service-failed'],
      dependsOn: ['component:vet-service'],
    });
  });

  it('makes a product depend on the upstream product it reads through an output port without a contract, which has no API to consume', async () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withDomain('finance')
      .withProduct('invoices', 'finance', { outputPorts: [aPort('invoices-out', 'output')] })
      .withProduct('shipping', 'sales', { inputPorts: [aPort('invoices-in', 'input')] })
      .withLink('l', { nodeId: 'invoices', portId: 'invoices-out' }, { nodeId: 'shipping', portId: 'invoices-in' })
      .build();
    const { entities } = catalogOf(mesh);
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    const shipping = entities.find((entity) => entity.kind === 'Component' && entity.metadata.name === 'shipping');
    expect(shipping?.spec).toMatchObject({ dependsOn: ['component:invoices'] });
    expect(shipping?.spec?.consumesApis).toBeUndefined();
    expect(backstageReferencesOutsideScope(mesh, { kind: 'domain', domainId: 'sales' })).toEqual([
      'component:invoices',
    ]);
  });

  it('names each entity alike in every scope’s catalog, so a domain’s references find the entities another domain’s catalog defines', () => {
    // `lots-summary` + port `out` and `lots` + port `summary-out` both slug to `lots-summary-out`; so do
    // the product `cellar_sync` and the system `cellar-sync`, and the domains `Cellar` and `cellar`.
    const mesh = aMesh()
      .withDomain('Cellar')
      .withDomain('auctions')
      .withDomain('finance')
      .withDomain('cellar')
      .withContract('summary')
      .withContract('lot')
      .withProduct('cellar_sync', 'Cellar')
      .withProduct('lots-summary', 'auctions', { outputPorts: [aPort('out', 'output', { contractId: 'summary' })] })
      .withProduct('lots', 'auctions', { outputPorts: [aPort('summary-out', 'output', { contractId: 'lot' })] })
      .withProduct('invoices', 'finance', { inputPorts: [aPort('lots-in', 'input')] })
      .withSystem('cellar-sync', 'cellar')
      .withLink(
        'lots-to-invoices',
        { nodeId: 'lots', portId: 'summary-out' },
        { nodeId: 'invoices', portId: 'lots-in' },
      )
      .withLink(
        'cellar-to-invoices',
        { nodeId: 'cellar-sync', portId: 'items-cdc' },
        { nodeId: 'invoices', portId: 'lots-in' },
      )
      .build();
    const catalogIn = (domainId: string) => catalogOf(mesh, { kind: 'domain', domainId }).entities;
    const registered = ['Cellar', 'auctions', 'cellar'].flatMap(catalogIn);
    const refs = registered.map((entity) => stringifyEntityRef(entity));
    // Backstage keeps one entity per ref: a second location defining it is refused.
    expect(refs.filter((ref, index) => refs.indexOf(ref) !== index)).toEqual([]);
    const invoices = catalogIn('finance').find((entity) => entity.kind === 'Component');
    const titleOf = (ref: unknown) =>
      registered.find(
        (entity) =>
          stringifyEntityRef(entity) ===
          stringifyEntityRef(parseEntityRef(String(ref), { defaultNamespace: 'default' })),
      )?.metadata.title;
    expect([invoices?.spec?.consumesApis ?? []].flat().map(titleOf)).toEqual(['lots: summary-out']);
    expect([invoices?.spec?.dependsOn ?? []].flat().map(titleOf)).toEqual(['cellar-sync']);
  });

  it('writes no Domain entity for a product selected without its domain, and names that domain as outside the scope', async () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const scope: ExportScope = { kind: 'selection', nodeIds: ['customer-360'] };
    const { entities } = catalogOf(mesh, scope);
    expect(entities.filter((entity) => entity.kind === 'Domain')).toEqual([]);
    expect(entities.find((entity) => entity.kind === 'System')?.spec?.domain).toBe('domain:analytics-domain');
    expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
    expect(backstageReferencesOutsideScope(mesh, scope)).toContain('domain:analytics-domain');
  });

  it('writes the Domain entity of a selected domain, once, with the product selected beside it', () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const scope: ExportScope = { kind: 'selection', nodeIds: ['customer-360', 'analytics-domain'] };
    const { entities } = catalogOf(mesh, scope);
    expect(entities.filter((entity) => entity.kind === 'Domain').map((domain) => domain.metadata.name)).toEqual([
      'analytics-domain',
    ]);
    expect(backstageReferencesOutsideScope(mesh, scope)).not.toContain('domain:analytics-domain');
  });

  it('defines each team’s Group in one domain’s catalog, so the domains’ catalogs registered side by side define it once', () => {
    // Fleet owns the Fleet domain and Reservations in Bookings; "fleet-ops" and "Fleet Ops" are two teams of one slug.
    const mesh = aMesh()
      .withDomain('bookings', { owner: 'Bookings' })
      .withDomain('fleet', { owner: 'Fleet' })
      .withProduct('reservations', 'bookings', { owner: 'Fleet' })
      .withProduct('pricing', 'bookings', { owner: 'fleet-ops' })
      .withProduct('cars', 'fleet', { owner: 'Fleet Ops' })
      .build();
    const catalogIn = (domainId: string) => {
      const { entities } = catalogOf(mesh, { kind: 'domain', domainId });
      return {
        groups: entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.name),
        ownerOf: (name: string) => entities.find((entity) => entity.metadata.name === name)?.spec?.owner,
      };
    };
    const bookings = catalogIn('bookings');
    const fleet = catalogIn('fleet');
    expect(bookings.groups).toEqual(['bookings', 'fleet-ops']);
    expect(fleet.groups).toEqual(['fleet', 'fleet-ops-2']);
    // Reservations is owned by the Group the Fleet domain's catalog defines, and listed as outside the scope.
    expect(bookings.ownerOf('reservations')).toBe('group:fleet');
    expect(backstageReferencesOutsideScope(mesh, { kind: 'domain', domainId: 'bookings' })).toContain('group:fleet');
    // Named over the whole mesh: Fleet Ops is fleet-ops-2 in its domain's catalog as in the whole mesh's.
    expect(fleet.ownerOf('cars')).toBe('group:fleet-ops-2');
    const { entities } = catalogOf(mesh);
    expect(entities.filter((entity) => entity.kind === 'Group').map((group) => group.metadata.name)).toEqual([
      'bookings',
      'fleet',
      'fleet-ops',
      'fleet-ops-2',
    ]);
  });
});
