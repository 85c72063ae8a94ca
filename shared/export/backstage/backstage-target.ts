import { lifecycleStatus } from '../../contracts/lifecycle-status';
import type { Contract } from '../../model/contract';
import type { DataProduct } from '../../model/data-product';
import type { Mesh } from '../../model/mesh';
import type { OperationalSystem, Topic } from '../../model/operational-system';
import { ownerEntityRef } from '../../model/owner-entity-ref';
import { owningTeam, writtenTeam } from '../../model/owning-team';
import { classificationLevelsOf } from '../../model/policies';
import type { Port } from '../../model/port';
import { classifiedFields, strictestClassifications } from '../classified-fields';
import type { ScopedElements } from '../export-scope';
import { defineTarget } from '../export-target';
import { fileSlug } from '../file-names';
import { inputFeeds } from '../input-feeds';
import { compact, nonEmpty } from '../json-values';
import { odcsProblems, servedOdcsYaml } from '../odcs/odcs-target';
import { outboxEventContracts } from '../outbox-event-contracts';
import { toYamlDocuments } from '../yaml-text';
import { meshWideBackstageNames } from './backstage-names';
import { malformedOwnerRefWarnings } from './owner-ref-warnings';
import { referencedGroupOf, referencedGroupsByName } from './referenced-groups';

/*
 * A Backstage catalog (catalog-info.yaml) of the mesh:
 * - a Group per owning team (an owner written as a user or group reference is used as it is), a
 *   Domain per domain;
 * - a System per data product, with a Component of the same name (type `data-product`, the
 *   product's pipeline) that provides the product's APIs and consumes its upstream products'
 *   APIs: in Backstage only components provide and consume APIs;
 * - an API per output port with a contract (type `odcs`, the contract's ODCS YAML as definition),
 *   and one per outbox topic whose event has a contract, which the system's Component provides;
 * - a Component per operational system (type `service`); products fed by its topics depend on it,
 *   as products fed through an output port without a contract (no API) depend on its product's.
 * A product's or system's Component and APIs say the strictest classification of their contracts' fields in
 * the annotation `datamesh/classification` and as a tag, so the catalog can find sensitive data.
 * Lifecycles follow contract status: all active → production, all deprecated or retired →
 * deprecated, anything else → experimental.
 */

export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';
export const CLASSIFICATION_ANNOTATION = 'datamesh/classification';
/** Backstage tags: `[a-z0-9:+#]+(-[a-z0-9:+#]+)*`, at most 63 characters. */
const MAX_TAG_LENGTH = 63;

export interface CatalogEntity {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export const backstageTarget = defineTarget({
  id: 'backstage',
  label: 'Backstage catalog',
  readBy: 'Backstage (register catalog-info.yaml as a catalog location)',
  write({ mesh, scoped }) {
    const problems = apiContracts(mesh, scoped).flatMap((contract) =>
      odcsProblems(contract, `contracts[${mesh.contracts.indexOf(contract)}]`),
    );
    if (problems.length > 0) return { ok: false, errors: problems };
    const entities = catalogEntities(mesh, scoped);
    const about = `Backstage catalog: ${entities.length} entities`;
    const value = [{ path: 'backstage/catalog-info.yaml', content: toYamlDocuments(entities), about }];
    const warnings = malformedOwnerRefWarnings(mesh, scoped);
    return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
  },
});

/** A catalog of a scope, and the Groups of its teams that another scope's catalog defines. */
export interface Catalog {
  entities: CatalogEntity[];
  /** `group:<name>` of each team owning something here whose Group is in the catalog of its home (see catalogOf). */
  groupsElsewhere: string[];
}

export function catalogEntities(mesh: Mesh, scoped: ScopedElements): CatalogEntity[] {
  return catalogOf(mesh, scoped).entities;
}

/**
 * The catalog of the elements in scope. A team's Group is in the catalog of its home, the first
 * element of the mesh it owns (domains, then products, then systems), so the catalogs of the
 * domains, registered side by side, define each Group once; the whole mesh's defines them all.
 * Every entity is named over the whole mesh, so every catalog names an element or a team alike.
 */
export function catalogOf(mesh: Mesh, scoped: ScopedElements): Catalog {
  const names = meshWideBackstageNames(mesh);
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const feeds = inputFeeds(mesh);
  const referencedGroups = referencedGroupsByName(mesh);
  /**
   * A team written as a user or group reference as it is; a team's name as the group the design
   * references under that name elsewhere, or else as its team's Group; no team as `unowned`.
   */
  const ownerRef = (team = '') =>
    ownerEntityRef(team) ?? referencedGroupOf(team, referencedGroups) ?? `group:${names.group(team)}`;
  const owner = (element: { owner?: string; domainId: string }) => ownerRef(owningTeam(mesh.domains, element));
  const domainOwner = (domain: Mesh['domains'][number]) => ownerRef(writtenTeam(domain.owner));
  const homes = new Map<string, string>();
  for (const [id, ref] of [
    ...mesh.domains.map((domain) => [domain.id, domainOwner(domain)]),
    ...[...mesh.products, ...mesh.systems].map((node) => [node.id, owner(node)]),
  ]) {
    if (!homes.has(ref as string)) homes.set(ref as string, id as string);
  }
  const contractedPortsOf = new Map(
    scoped.products.map((product) => [
      product.id,
      product.outputPorts.flatMap((port) => {
        const contract = contracts.get(port.contractId ?? '');
        return contract ? [{ port, contract }] : [];
      }),
    ]),
  );
  const contractedPorts = (product: DataProduct) => contractedPortsOf.get(product.id) ?? [];
  const eventApiRef = (system: OperationalSystem, topic: Topic) => `api:${names.eventApi(system.id, topic.id)}`;

  const domainEntity = (domain: Mesh['domains'][number]) =>
    entity(
      'Domain',
      { name: names.domain(domain.id), title: domain.name, description: domain.description },
      {
        owner: domainOwner(domain),
      },
    );

  const systemEntity = (product: DataProduct) =>
    entity(
      'System',
      { name: names.product(product.id), title: product.name, description: product.description, tags: [product.kind] },
      {
        owner: owner(product),
        domain: `domain:${names.domain(product.domainId)}`,
        type: 'data-product',
      },
    );

  const pipelineEntity = (product: DataProduct) => {
    const upstream = product.inputPorts.flatMap((port) => feeds(product.id, port.id));
    const consumesApis = upstream.flatMap(({ source, contract }) => {
      if (!contract) return [];
      return source.kind === 'port'
        ? [`api:${names.api(source.product.id, source.port.id)}`]
        : [eventApiRef(source.system, source.topic)];
    });
    // What has no API to consume (a topic's table, a port without a contract) is still depended on.
    const dependsOn = upstream.flatMap(({ source, contract }) => {
      if (source.kind === 'topic') return [`component:${names.service(source.system.id)}`];
      return contract ? [] : [`component:${names.product(source.product.id)}`];
    });
    const provided = contractedPorts(product);
    return entity(
      'Component',
      {
        name: names.product(product.id),
        title: product.name,
        description: product.description,
        ...classificationMetadata(provided.map(({ contract }) => contract)),
      },
      {
        type: 'data-product',
        lifecycle: lifecycleOf(provided.map(({ contract }) => contract)),
        owner: owner(product),
        system: `system:${names.product(product.id)}`,
        providesApis: nonEmpty(provided.map(({ port }) => `api:${names.api(product.id, port.id)}`)),
        consumesApis: nonEmpty([...new Set(consumesApis)]),
        dependsOn: nonEmpty([...new Set(dependsOn)]),
      },
    );
  };

  /** An API serving a contract; only a data product's belong to a System (an operational system has none). */
  const apiEntity = (
    contract: Contract,
    api: { name: string; title: string; description?: string; owner: string; system?: string },
  ) => {
    const { annotations, tags = [] } = classificationMetadata([contract]);
    return entity(
      'API',
      {
        name: api.name,
        title: api.title,
        description: api.description || contract.description,
        annotations,
        tags: [...new Set([contract.kind, ...tags])],
      },
      {
        type: 'odcs',
        lifecycle: lifecycleOf([contract]),
        owner: api.owner,
        system: api.system,
        definition: servedOdcsYaml(mesh, contract),
      },
    );
  };

  const portApiEntity = (product: DataProduct, port: Port, contract: Contract) =>
    apiEntity(contract, {
      name: names.api(product.id, port.id),
      title: `${product.name}: ${port.name}`,
      description: port.description,
      owner: owner(product),
      system: `system:${names.product(product.id)}`,
    });

  const eventApiEntity = (system: OperationalSystem, topic: Topic, contract: Contract) =>
    apiEntity(contract, {
      name: names.eventApi(system.id, topic.id),
      title: `${system.name}: ${topic.name}`,
      owner: owner(system),
    });

  const classificationLevels = classificationLevelsOf(mesh.policies);
  /** The strictest classification of the contracts' fields as an annotation and tags (a word no tag can spell gets none). */
  const classificationMetadata = (served: readonly Contract[]) => {
    const strictest = strictestClassifications(
      served.flatMap((contract) => classifiedFields(contract).map(({ classification }) => classification)),
      classificationLevels,
    );
    if (strictest.length === 0) return {};
    const tags = [...new Set(strictest.map((classification) => fileSlug(classification, MAX_TAG_LENGTH)))];
    return {
      annotations: { [CLASSIFICATION_ANNOTATION]: strictest.join(', ') },
      tags: nonEmpty(tags.filter(Boolean)),
    };
  };

  const serviceEntity = (system: OperationalSystem) => {
    const events = outboxEventContracts(system, contracts);
    return entity(
      'Component',
      {
        name: names.service(system.id),
        title: system.name,
        description: system.description,
        ...classificationMetadata(events.map(({ contract }) => contract)),
      },
      {
        type: 'service',
        lifecycle: 'production',
        owner: owner(system),
        providesApis: nonEmpty(events.map(({ topic }) => eventApiRef(system, topic))),
      },
    );
  };

  const described = [
    ...scoped.domains.map(domainEntity),
    ...scoped.products.map(systemEntity),
    ...scoped.products.map(pipelineEntity),
    ...scoped.products.flatMap((product) =>
      contractedPorts(product).map(({ port, contract }) => portApiEntity(product, port, contract)),
    ),
    ...scoped.systems.map(serviceEntity),
    ...scoped.systems.flatMap((system) =>
      outboxEventContracts(system, contracts).map(({ topic, contract }) => eventApiEntity(system, topic, contract)),
    ),
  ];
  const inScope = new Set([...scoped.domains, ...scoped.products, ...scoped.systems].map((element) => element.id));
  const named = new Set(described.map((each) => each.spec.owner));
  const groups = names.groups().filter(({ name }) => named.has(`group:${name}`));
  const isHere = ({ name }: { name: string }) => inScope.has(homes.get(`group:${name}`) ?? '');
  return {
    entities: [
      ...groups
        .filter(isHere)
        .map(({ name, title }) => entity('Group', { name, title }, { type: 'team', children: [] })),
      ...described,
    ],
    groupsElsewhere: groups.filter((group) => !isHere(group)).map(({ name }) => `group:${name}`),
  };
}

function entity(kind: string, metadata: Record<string, unknown>, spec: Record<string, unknown>): CatalogEntity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind,
    metadata: compact({ ...metadata, description: metadata.description || undefined }),
    spec: compact(spec),
  };
}

/** The contracts the catalog embeds as API definitions: those of the output ports and outbox events in scope. */
function apiContracts(mesh: Mesh, scoped: ScopedElements): Contract[] {
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const ids = new Set([
    ...scoped.products.flatMap((product) => product.outputPorts.map((port) => port.contractId)),
    ...scoped.systems.flatMap((system) => outboxEventContracts(system, contracts).map(({ contract }) => contract.id)),
  ]);
  return mesh.contracts.filter((contract) => ids.has(contract.id));
}

function lifecycleOf(contracts: readonly Contract[]): string {
  const statuses = contracts.map(lifecycleStatus);
  if (statuses.length === 0) return 'experimental';
  if (statuses.every((status) => status === 'active')) return 'production';
  if (statuses.every((status) => status === 'deprecated' || status === 'retired')) return 'deprecated';
  return 'experimental';
}
