import { contractOf, parseMeshFile } from '../../shared/contracts/contract-text';
import { withUnplacedNodesPlaced } from '../../shared/editing/unplaced-nodes';
import type {
  Contract,
  ContractModel,
  ContractProperty,
  DataProduct,
  Domain,
  Link,
  Mesh,
  OperationalSystem,
  Port,
  Scenario,
  Topic,
} from '../../shared/model';
import { emptyMesh, newDataProduct } from '../../shared/model';

export function aPort(id: string, direction: Port['direction'], extra: Partial<Port> = {}): Port {
  return {
    id,
    name: id,
    direction,
    protocol: direction === 'discovery' ? 'catalog' : 'table',
    description: '',
    ...extra,
  };
}

export function aProduct(id: string, domainId: string, extra: Partial<DataProduct> = {}): DataProduct {
  return newDataProduct({ id, domainId, name: id, ...extra });
}

/** An optional field, not unique nor in the key, unless `extra` says otherwise. */
export function aField(
  name: string,
  logicalType: ContractProperty['logicalType'],
  extra: Partial<ContractProperty> = {},
): ContractProperty {
  return { name, logicalType, required: false, unique: false, primaryKey: false, ...extra };
}

export function aContract(id: string, extra: Partial<ContractModel> = {}): Contract {
  return contractOf({
    id,
    name: id,
    apiVersion: 'v3.1.0',
    isKindDeclared: true,
    version: '1.0.0',
    status: 'draft',
    kind: 'entity',
    keepHistory: false,
    schema: [
      {
        name: id,
        properties: [{ name: 'id', logicalType: 'string', required: true, unique: true, primaryKey: true }],
      },
    ],
    sla: [],
    ...extra,
  });
}

export function aSystem(id: string, domainId: string, extra: Partial<OperationalSystem> = {}): OperationalSystem {
  return {
    id,
    domainId,
    name: id,
    description: '',
    service: { name: id },
    database: {
      engine: 'postgres',
      name: id,
      tables: [
        {
          name: 'items',
          cdc: true,
          primaryKey: ['id'],
          columns: [
            { name: 'id', type: 'integer', nullable: false },
            { name: 'label', type: 'text', nullable: true },
          ],
        },
      ],
    },
    messaging: {
      broker: 'kafka',
      topics: [
        {
          id: 'items-cdc',
          name: `${id}.items`,
          partitions: 1,
          tombstones: true,
          source: { kind: 'cdc', table: 'items' },
        },
      ],
    },
    publishes: [],
    ...extra,
  };
}

/** A topic on which a system publishes the event `event` through its outbox. */
export function anOutboxTopic(id: string, name: string, event: string): Topic {
  return { id, name, partitions: 1, tombstones: false, source: { kind: 'outbox', event } };
}

/** A fluent builder: `aMesh().withDomain('d').withProduct('p', 'd').build()`. */
/** A scenario that only truncates a system's table, at tick 3. */
export function aTruncatingScenario(systemId: string, table = 'items'): Scenario {
  return {
    id: 'purge',
    name: 'Purge',
    description: '',
    seed: 1,
    startTime: '2026-01-01T00:00:00Z',
    tickMillis: 1000,
    data: [],
    rates: [],
    steps: [{ tick: 3, systemId, table, op: 'truncate' }],
  };
}

export function aMesh(id = 'test-mesh') {
  const mesh: Mesh = emptyMesh(id, 'Test mesh');
  const builder = {
    withDomain(domainId: string, extra: Partial<Domain> = {}) {
      mesh.domains.push({ id: domainId, name: domainId, description: '', owner: '', color: '#336699', ...extra });
      return builder;
    },
    withProduct(productId: string, domainId: string, extra: Partial<DataProduct> = {}) {
      mesh.products.push(aProduct(productId, domainId, extra));
      return builder;
    },
    withSystem(systemId: string, domainId: string, extra: Partial<OperationalSystem> = {}) {
      mesh.systems.push(aSystem(systemId, domainId, extra));
      return builder;
    },
    withContract(contractId: string, extra: Partial<ContractModel> = {}) {
      mesh.contracts.push(aContract(contractId, extra));
      return builder;
    },
    withLink(linkId: string, from: Link['from'], to: Link['to']) {
      mesh.links.push({ id: linkId, from, to });
      return builder;
    },
    withNote(noteId: string, text: string) {
      mesh.notes = [...(mesh.notes ?? []), { id: noteId, text }];
      return builder;
    },
    build(): Mesh {
      return structuredClone(mesh);
    },
  };
  return builder;
}

/**
 * The design with every element given a position, on the grids opening places unplaced elements
 * on: a design opened without any position is first laid out by data flow (ELK, seconds on a busy
 * machine, the open's notice waiting for it), which only tests of that layout need.
 */
export function placedOnAGrid(mesh: Mesh): Mesh {
  return withUnplacedNodesPlaced(mesh).mesh;
}

/** A `.mesh.json` text with its elements placed as `placedOnAGrid` places them, the rest of the file as written. */
export function fileWithPlacedNodes(text: string): string {
  const parsed = parseMeshFile(text);
  if (!parsed.ok)
    throw new Error(`not a design: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  const file = JSON.parse(text);
  return JSON.stringify(
    { ...file, layout: { ...file.layout, nodes: placedOnAGrid(parsed.value).layout.nodes } },
    null,
    2,
  );
}
