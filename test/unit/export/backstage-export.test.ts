import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { backstageTarget } from '../../../shared/export/backstage/backstage-target';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { readJsonStandard } from './standards';
import { readEverywhere } from './yaml-readers';

// What the Backstage catalog runs on every entity it reads: the default policies, then the kind validators.
const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
];

const ajv = new Ajv({ allErrors: true, strict: false });
for (const path of ['EntityEnvelope', 'Entity', 'EntityMeta'])
  ajv.addSchema(readJsonStandard(`backstage/${path}.schema.json`));
ajv.addSchema(readJsonStandard('backstage/shared/common.schema.json'));
const KIND_SCHEMAS: Record<string, string> = {
  API: 'ApiV1alpha1',
  Component: 'ComponentV1alpha1',
  Domain: 'DomainV1alpha1',
  Group: 'GroupV1alpha1',
  System: 'SystemV1alpha1',
};
for (const kind of Object.keys(KIND_SCHEMAS)) {
  ajv.addSchema(readJsonStandard(`backstage/kinds/${kind === 'API' ? 'API' : kind}.v1alpha1.schema.json`));
}

function catalogOf(mesh: Parameters<typeof backstageTarget.files>[0]): { text: string; entities: Entity[] } {
  const [file] = filesOf(backstageTarget.files(mesh, WHOLE_MESH));
  const text = String(file?.content);
  return { text, entities: parseAllDocuments(text).map((document) => document.toJSON() as Entity) };
}

async function catalogProblems(entity: Entity): Promise<string[]> {
  const name = `${entity.kind}:${entity.metadata.name}`;
  try {
    await policies.enforce(entity);
    const matches = await Promise.all(kindValidators.map((validator) => validator.check(entity)));
    if (matches.filter(Boolean).length !== 1) return [`${name}: no kind validator accepts it`];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  const validate = ajv.getSchema(KIND_SCHEMAS[entity.kind] ?? 'Entity');
  return validate?.(entity) ? [] : [`${name}: ${ajv.errorsText(validate?.errors)}`];
}

/** Every entity reference in a spec, with its default kind as the catalog reads it. */
function referencesOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, string | string[] | undefined>;
  const refs = (field: string, defaultKind: string) =>
    [spec[field] ?? []].flat().map((ref) => stringifyEntityRef(parseEntityRef(ref, { defaultKind })));
  return [
    ...refs('owner', 'Group'),
    ...refs('domain', 'Domain'),
    ...refs('system', 'System'),
    ...refs('providesApis', 'API'),
    ...refs('consumesApis', 'API'),
    ...refs('dependsOn', 'Component'),
  ];
}

describe('Backstage catalog export', () => {
  itWritesTheGoldenFiles('backstage', ({ mesh }) => filesOf(backstageTarget.files(mesh, WHOLE_MESH)));

  it('checks with validators that refuse a broken entity', async () => {
    const broken = { apiVersion: 'backstage.io/v1alpha1', kind: 'API', metadata: { name: 'a b' }, spec: {} };
    expect(await catalogProblems(broken as Entity)).not.toEqual([]);
  });

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every entity passes the Backstage catalog validators and schemas, and every reference resolves',
    async (_, { mesh }) => {
      const { text, entities } = catalogOf(mesh);
      expect((await Promise.all(entities.map(catalogProblems))).flat()).toEqual([]);
      const known = new Set(entities.map((entity) => stringifyEntityRef(entity)));
      expect(entities.flatMap(referencesOf).filter((ref) => !known.has(ref))).toEqual([]);
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
});
