import { readFileSync } from 'node:fs';
import { contractOf } from '../../../shared/contracts/contract-text';
import type { Contract, ContractModel, ContractProperty, SchemaObject } from '../../../shared/model/contract';
import { type DataProduct, newDataProduct } from '../../../shared/model/data-product';
import type { Domain } from '../../../shared/model/domain';
import type { Link } from '../../../shared/model/link';
import type { LogicalType } from '../../../shared/model/logical-type';
import { emptyMesh, type Mesh } from '../../../shared/model/mesh';
import type { OperationalSystem } from '../../../shared/model/operational-system';
import type { ExpectedField, Port } from '../../../shared/model/port';

/** A valid ODCS document of five header lines, then `body`: its first line is line 6. */
export function anOdcsText(body = ''): string {
  return `apiVersion: v3.1.0\nkind: DataContract\nid: orders\nversion: 1.0.0\nstatus: active\n${body}`;
}

export function aProperty(
  name: string,
  logicalType: LogicalType = 'string',
  attributes: Partial<ContractProperty> = {},
): ContractProperty {
  return { name, logicalType, required: false, unique: false, primaryKey: false, ...attributes };
}

/** A property without a logicalType, which ODCS allows: it may hold any value. */
export function anUntypedProperty(name: string, attributes: Partial<ContractProperty> = {}): ContractProperty {
  const { logicalType: _any, ...property } = aProperty(name, 'string', attributes);
  return property;
}

export function aKey(name: string, logicalType: LogicalType = 'integer'): ContractProperty {
  return aProperty(name, logicalType, { required: true, unique: true, primaryKey: true });
}

export function anObject(name: string, properties: ContractProperty[], attributes: Partial<SchemaObject> = {}) {
  return { name, properties, ...attributes } satisfies SchemaObject;
}

/** The model of an entity `orders` keyed by `order_id`, unless told otherwise. */
export function aContractModel(attributes: Partial<ContractModel> = {}): ContractModel {
  return {
    id: 'orders',
    name: 'Orders',
    apiVersion: 'v3.1.0',
    version: '1.0.0',
    status: 'active',
    kind: 'entity',
    isKindDeclared: true,
    keepHistory: false,
    schema: [anObject('orders', [aKey('order_id'), aProperty('status')])],
    sla: [],
    ...attributes,
  };
}

/** An entity `orders` keyed by `order_id`, unless told otherwise, as the document holds it: text and model. */
export function aContract(attributes: Partial<ContractModel> = {}): Contract {
  return contractOf(aContractModel(attributes));
}

/** An event `order-placed` with an event id and an event time. */
export function anEventContract(attributes: Partial<ContractModel> = {}): Contract {
  return aContract({
    id: 'order-placed',
    name: 'OrderPlaced',
    kind: 'event',
    schema: [
      anObject('order_placed', [
        aProperty('event_id', 'string', { required: true, unique: true }),
        aProperty('occurred_at', 'timestamp', { required: true }),
        aProperty('customer_id', 'integer', { required: true }),
        aProperty('total', 'number', { required: true }),
      ]),
    ],
    ...attributes,
  });
}

/** Replaces the properties of the contract's first schema object. */
export function withProperties(contract: ContractModel, properties: ContractProperty[]): Contract {
  const [first, ...others] = contract.schema;
  const { odcs: _text, ...model } = contract as Partial<Contract>;
  return contractOf({
    ...(model as ContractModel),
    schema: [{ ...(first ?? anObject('data', [])), properties }, ...others],
  });
}

export function aDomain(id: string, name = id): Domain {
  return { id, name, description: '', owner: '', color: '#2f6fde' };
}

export function anOutputPort(id: string, contractId?: string): Port {
  return { id, name: id, direction: 'output', protocol: 'table', description: '', contractId };
}

export function anInputPort(id: string, expects?: ExpectedField[], contractId?: string): Port {
  return { id, name: id, direction: 'input', protocol: 'table', description: '', expects, contractId };
}

export function aProduct(
  id: string,
  domainId: string,
  ports: { inputPorts?: Port[]; outputPorts?: Port[]; name?: string } = {},
): DataProduct {
  return newDataProduct({
    id,
    domainId,
    name: ports.name ?? id,
    inputPorts: ports.inputPorts ?? [],
    outputPorts: ports.outputPorts ?? [],
  });
}

/** An orders service with a CDC topic on `orders` and an outbox topic for `OrderPlaced`. */
export function anOrdersService(domainId: string, orderPlacedContractId?: string): OperationalSystem {
  return {
    id: 'orders-service',
    domainId,
    name: 'orders-service',
    description: '',
    service: { name: 'orders-service' },
    database: {
      engine: 'postgres',
      name: 'orders',
      tables: [
        {
          name: 'orders',
          columns: [{ name: 'order_id', type: 'integer', nullable: false }],
          primaryKey: ['order_id'],
          cdc: true,
        },
      ],
    },
    messaging: {
      broker: 'kafka',
      topics: [
        {
          id: 'orders-cdc',
          name: 'orders.cdc',
          partitions: 1,
          tombstones: false,
          source: { kind: 'cdc', table: 'orders' },
        },
        {
          id: 'order-placed-events',
          name: 'orders.order-placed',
          partitions: 1,
          tombstones: false,
          source: { kind: 'outbox', event: 'OrderPlaced' },
        },
      ],
    },
    publishes: [{ name: 'OrderPlaced', table: 'orders', on: ['insert'], contractId: orderPlacedContractId }],
  };
}

export function aLink(id: string, from: [string, string], to: [string, string]): Link {
  return { id, from: { nodeId: from[0], portId: from[1] }, to: { nodeId: to[0], portId: to[1] } };
}

export function aMesh(parts: Partial<Pick<Mesh, 'domains' | 'products' | 'systems' | 'contracts' | 'links'>>): Mesh {
  return { ...emptyMesh('shop', 'Shop'), ...parts };
}

/**
 * The e-commerce sample's file text, its shipments product given more output ports without a
 * contract: by default one, `dataset`.
 */
export function ecommerceWithFreePortText(freePorts = [{ id: 'parcels-out', name: 'dataset' }]): string {
  const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
  const design = JSON.parse(sample);
  const shipments = design.products.find((product: { id: string }) => product.id === 'shipments');
  for (const { id, name } of freePorts) {
    shipments.outputPorts.push({ id, name, description: '', direction: 'output', protocol: 'table' });
  }
  return JSON.stringify(design);
}
