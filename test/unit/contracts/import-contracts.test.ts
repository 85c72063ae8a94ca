import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePortFor } from '../../../shared/contracts/free-port-choice';
import { importContractSource } from '../../../shared/contracts/import/contract-source-import';
import {
  attachContracts,
  type ContractFileReport,
  importContractFiles,
  isContractServed,
  MAX_CONTRACT_FILE_LENGTH,
  serveContract,
  servePastedFrom,
  servingPlaces,
} from '../../../shared/contracts/import-contracts';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { formatLocatedProblem } from '../../../shared/contracts/yaml-source';
import { domainColorAt } from '../../../shared/model/domain';
import { slugify } from '../../../shared/model/ids';
import { checkIntegrity } from '../../../shared/model/integrity';
import type { Mesh } from '../../../shared/model/mesh';
import type { Port } from '../../../shared/model/port';
import {
  aContract,
  aDomain,
  aKey,
  aMesh,
  anEventContract,
  anObject,
  anOdcsText,
  anOutputPort,
  aProduct,
} from './builders';

/** The mesh with its first product's output ports replaced. */
function withPortsOf(mesh: Mesh, outputPorts: Port[]): Mesh {
  return {
    ...mesh,
    products: mesh.products.map((product, index) => (index === 0 ? { ...product, outputPorts } : product)),
  };
}

const BATCH = join(import.meta.dirname, '../../fixtures/odcs/batch');

function summary(reports: readonly ContractFileReport[]): string[] {
  return reports.map((report) =>
    report.ok
      ? `${report.file}: ok, ${report.contract.id}`
      : `${report.file}: ${report.errors.map(formatLocatedProblem).join('; ')}`,
  );
}

describe('importing a batch of contract files', () => {
  it('imports the valid files and reports each bad one with located errors', () => {
    const files = readdirSync(BATCH).map((name) => ({ name, text: readFileSync(join(BATCH, name), 'utf8') }));
    expect(summary(importContractFiles(files))).toEqual([
      "broken-yaml.odcs.yaml: 6:6 'properties' is not aligned with the keys above it (column 5 expected)",
      'schema-invalid.odcs.yaml: 10:22 schema[0].properties[0].logicalType: unknown logicalType "money"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
      'shipment.odcs.yaml: ok, shipment',
    ]);
  });

  it('refuses a file too large to be a contract without parsing it', () => {
    const [report] = importContractFiles([{ name: 'huge.yaml', text: 'x'.repeat(MAX_CONTRACT_FILE_LENGTH + 1) }]);
    expect(report).toMatchObject({ ok: false, errors: [{ message: 'file is larger than 4 MB', line: 1 }] });
  });

  it.each(['orders.odcs.yaml', 'orders.sql', 'orders.avsc', 'orders.proto', 'orders.schema.json'])(
    'says an empty %s is empty, whichever way it is imported',
    (name) => {
      const empty = { message: 'the file is empty: there is no contract in it', line: 1 };
      expect(importContractFiles([{ name, text: '' }])).toMatchObject([{ ok: false, errors: [empty] }]);
      expect(importContractSource(name, ' \n')).toMatchObject({ ok: false, errors: [empty] });
    },
  );
});

describe('attaching imported contracts to a mesh', () => {
  const mesh = aMesh({
    domains: [aDomain('orders-domain', 'Orders')],
    products: [aProduct('orders', 'orders-domain', { name: 'Orders', outputPorts: [anOutputPort('orders-out')] })],
  });

  it('serves a contract from a new output port of the product it names, ignoring case, when every port has a contract', () => {
    const contract = anEventContract({ dataProduct: 'ORDERS' });
    const result = attachContracts(withPortsOf(mesh, [anOutputPort('orders-out', 'order')]), [contract]);
    expect(result.attachments).toEqual([
      {
        contractId: 'order-placed',
        replacedExisting: false,
        productId: 'orders',
        portId: 'orderplaced-out',
        message: 'contract order-placed added; served by Orders at new port OrderPlaced',
      },
    ]);
    expect(result.mesh.contracts).toEqual([contract]);
    expect(result.mesh.products[0]?.outputPorts[1]).toEqual({
      id: 'orderplaced-out',
      name: 'OrderPlaced',
      direction: 'output',
      protocol: 'kafka-topic',
      description: '',
      contractId: 'order-placed',
    });
  });

  it('fills the product’s only output port without a contract rather than adding a second port beside it', () => {
    const result = attachContracts(mesh, [anEventContract({ dataProduct: 'Orders' })]);
    expect(result.attachments[0]).toMatchObject({
      portId: 'orders-out',
      freePort: { name: 'orders-out', why: 'its only output port without a contract' },
      message:
        'contract order-placed added; served by Orders at port orders-out, its only output port without a contract',
    });
    expect(result.mesh.products[0]?.outputPorts).toEqual([anOutputPort('orders-out', 'order-placed')]);
    expect(checkIntegrity(result.mesh)).toEqual([]);
  });

  it('serves it from a new port instead when asked, the port without a contract left as it was', () => {
    const result = attachContracts(mesh, [anEventContract({ dataProduct: 'Orders' })], {
      newPortFor: new Set(['order-placed']),
    });
    expect(result.attachments[0]).toMatchObject({
      portId: 'orderplaced-out',
      freePort: { name: 'orders-out', why: 'its only output port without a contract' },
      message: 'contract order-placed added; served by Orders at new port OrderPlaced',
    });
    expect(result.mesh.products[0]?.outputPorts.map((port) => [port.id, port.contractId])).toEqual([
      ['orders-out', undefined],
      ['orderplaced-out', 'order-placed'],
    ]);
  });

  it('creates the named domain and product when they are missing, with ids that collide with none', () => {
    const crowded = aMesh({ ...mesh, products: [...mesh.products, aProduct('seller', 'orders-domain')] });
    const contract = aContract({ id: 'payments', name: 'Payments', domain: 'Seller', dataProduct: 'orders-domain' });
    const result = attachContracts(crowded, [contract]);
    expect(result.attachments[0]).toMatchObject({
      createdDomainId: 'seller-2',
      createdProductId: 'seller-2-orders-domain',
      message:
        'contract payments added; served by new product orders-domain in new domain Seller (no owner: the contract names no team) at port Payments',
    });
    expect(result.mesh.domains.map((domain) => domain.id)).toEqual(['orders-domain', 'seller-2']);
    expect(result.mesh.products[2]).toMatchObject({
      domainId: 'seller-2',
      name: 'orders-domain',
      outputPorts: [{ contractId: 'payments' }],
    });
    expect(checkIntegrity(result.mesh)).toEqual([]);
  });

  it('gives a domain and a product it creates ids after their kind when their names keep nothing an id can', () => {
    const contract = aContract({ id: 'harvest', name: 'Harvest', domain: 'مزارع', dataProduct: 'محصول القمح' });
    expect(attachContracts(mesh, [contract]).attachments[0]).toMatchObject({
      createdDomainId: 'domain',
      createdProductId: 'domain-product',
    });
  });

  it('gives a domain it creates the team the contract names, as it gives the product', () => {
    const contract = aContract({ id: 'payments', owner: 'team-payments', domain: 'Seller', dataProduct: 'Payouts' });
    const result = attachContracts(mesh, [contract]);
    expect(result.mesh.domains[1]).toMatchObject({ name: 'Seller', owner: 'team-payments' });
    expect(result.mesh.products[1]).toMatchObject({ name: 'Payouts', owner: 'team-payments' });
  });

  it('gives a domain it creates the colour the canvas gives a domain added at its place', () => {
    const result = attachContracts(mesh, [aContract({ id: 'payments', domain: 'Seller', dataProduct: 'Payouts' })]);
    expect(result.mesh.domains[1]?.color).toBe(domainColorAt(1));
  });

  it('says it leaves a domain it creates without an owner when the contract names no team', () => {
    const result = attachContracts(mesh, [aContract({ id: 'payments', domain: 'Seller', dataProduct: 'Payouts' })]);
    expect(result.mesh.domains[1]?.owner).toBe('');
    expect(result.attachments[0]?.message).toBe(
      'contract payments added; served by new product Payouts in new domain Seller (no owner: the contract names no team) at port Orders',
    );
  });

  it("gives what it creates the owner member of a team written as a list (ODCS v3.0.x's form), which names no team", () => {
    const parsed = parseOdcsYaml(
      anOdcsText(
        'domain: Seller\ndataProduct: Payouts\nteam:\n  - username: ana\n    role: analyst\n  - username: fin-lead\n    role: owner\n',
      ),
    );
    if (!parsed.ok) throw new Error(parsed.errors.map(formatLocatedProblem).join('\n'));
    const result = attachContracts(mesh, [parsed.value]);
    expect(result.mesh.products[1]).toMatchObject({ name: 'Payouts', owner: 'fin-lead' });
    expect(result.mesh.domains[1]).toMatchObject({ name: 'Seller', owner: 'fin-lead' });
    expect(result.attachments[0]?.message).toBe(
      'contract orders added; served by new product Payouts in new domain Seller at port orders',
    );
  });

  it('says so when a team written as a list has no member with the role owner', () => {
    const parsed = parseOdcsYaml(anOdcsText('domain: Seller\ndataProduct: Payouts\nteam:\n  - username: ana\n'));
    if (!parsed.ok) throw new Error(parsed.errors.map(formatLocatedProblem).join('\n'));
    expect(attachContracts(mesh, [parsed.value]).attachments[0]?.message).toContain(
      "(no owner: the contract's team lists no member with role: owner)",
    );
  });

  it('names a product it creates after its domain and its name, as the canvas does, also when both have one name', () => {
    const contract = aContract({ id: 'device', domain: 'devices', dataProduct: 'devices' });
    expect(attachContracts(aMesh({ domains: [], products: [] }), [contract]).attachments[0]).toMatchObject({
      createdDomainId: 'devices',
      createdProductId: 'devices-devices',
    });
  });

  it('puts a product without a domain into an Imported domain', () => {
    const result = attachContracts(mesh, [aContract({ id: 'refunds', dataProduct: 'Refunds' })]);
    expect(result.mesh.domains[1]).toMatchObject({ id: 'imported', name: 'Imported' });
    expect(result.mesh.products[1]).toMatchObject({ id: 'imported-refunds', domainId: 'imported' });
    expect(checkIntegrity(result.mesh)).toEqual([]);
  });

  it('creates a product in the existing domain it names', () => {
    const result = attachContracts(mesh, [aContract({ id: 'returns', domain: 'orders', dataProduct: 'Returns' })]);
    expect(result.attachments[0]?.createdDomainId).toBeUndefined();
    expect(result.mesh.products[1]).toMatchObject({ id: 'orders-domain-returns', domainId: 'orders-domain' });
  });

  it('replaces a contract with the same id and keeps the port that serves it', () => {
    const served = aMesh({
      ...mesh,
      contracts: [aContract({ id: 'order', version: '1.0.0' })],
      products: [aProduct('orders', 'orders-domain', { outputPorts: [anOutputPort('orders-out', 'order')] })],
    });
    const newer = aContract({ id: 'order', version: '1.1.0', dataProduct: 'orders' });
    const result = attachContracts(served, [newer]);
    expect(result.mesh.contracts).toEqual([newer]);
    expect(result.mesh.products[0]?.outputPorts).toHaveLength(1);
    expect(result.attachments[0]?.message).toBe('contract order replaced; already served by orders at port orders-out');
  });

  it('adds a contract that names no product without attaching it', () => {
    const result = attachContracts(mesh, [aContract({ id: 'loose' })]);
    expect(result.mesh.contracts.map((contract) => contract.id)).toEqual(['loose']);
    expect(result.mesh.products).toBe(mesh.products);
    expect(result.attachments[0]?.message).toBe('contract loose added; it names no dataProduct to attach to');
  });

  it('leaves the mesh it was given untouched', () => {
    const before = structuredClone(mesh);
    attachContracts(mesh, [anEventContract({ dataProduct: 'orders' }), aContract({ id: 'x', dataProduct: 'new' })]);
    expect(mesh).toEqual(before);
  });
});

describe('which output port without a contract serves a contract imported for its product', () => {
  const readings = aContract({
    id: 'cold-room-readings',
    name: 'Cold room readings',
    schema: [anObject('room_readings', [aKey('reading_id')])],
  });
  const productWith = (ports: Port[]) => aProduct('cold', 'd', { name: 'Cold Room Readings', outputPorts: ports });

  it('takes the only one, whatever its name', () => {
    expect(freePortFor(productWith([anOutputPort('served', 'x'), anOutputPort('dataset')]), readings)).toEqual({
      port: anOutputPort('dataset'),
      why: 'its only output port without a contract',
    });
  });

  it.each([
    ['a schema object', 'room-readings', 'room_readings'],
    ['the contract, by its name', 'Cold room readings', 'Cold room readings'],
    ['the contract, by its id', 'cold-room-readings', 'Cold room readings'],
  ])('among several, takes the one named like %s', (_what, portName, namedLike) => {
    const port = { ...anOutputPort('p2'), name: portName };
    expect(freePortFor(productWith([anOutputPort('dataset'), port]), readings)).toEqual({
      port,
      why: `the one of its 2 output ports without a contract named like ${namedLike}`,
    });
  });

  it('among several named like nothing of it, takes the first and says so', () => {
    expect(freePortFor(productWith([anOutputPort('a'), anOutputPort('b')]), readings)).toEqual({
      port: anOutputPort('a'),
      why: 'the first of its 2 output ports without a contract (none is named like the contract or its schema objects)',
    });
  });

  it('takes none when every output port has a contract', () => {
    expect(freePortFor(productWith([anOutputPort('a', 'x')]), readings)).toBeUndefined();
  });
});

describe('which output port without a contract serves it, by names as a user reads them', () => {
  const riderSettlement = aContract({
    id: 'rider-settlement',
    name: 'RiderSettlement',
    schema: [anObject('settlements', [aKey('settlement_id')]), anObject('settlement_lines', [aKey('line_id')])],
  });
  const courierPay = aContract({ id: 'courier-pay', name: 'CourierPay', schema: [anObject('settlements', [])] });
  const aNamedPort = (name: string) => ({ ...anOutputPort(slugify(name)), name });
  const storeRevenue = (...names: string[]) =>
    aProduct('store-revenue', 'd', { name: 'Store revenue', outputPorts: names.map(aNamedPort) });

  it('takes the port named in the plural of the contract, not the first', () => {
    expect(freePortFor(storeRevenue('Daily revenue', 'Rider settlements'), riderSettlement)).toEqual({
      port: aNamedPort('Rider settlements'),
      why: 'the one of its 2 output ports without a contract named like RiderSettlement',
    });
  });

  it.each([
    ['in another case and with other separators', 'RIDER_SETTLEMENT', riderSettlement, 'RiderSettlement'],
    [
      'in camel case for a kebab-case id',
      'riderSettlements',
      aContract({ id: 'rider-settlement' }),
      'rider-settlement',
    ],
    ['in the plural -ies of a -y', 'Deliveries', aContract({ id: 'delivery', name: 'Delivery' }), 'Delivery'],
    ['in the singular of a plural -es', 'Box', aContract({ id: 'boxes', name: 'Boxes' }), 'Boxes'],
    ['like a schema object, in the singular', 'Settlement', courierPay, 'settlements'],
  ])('takes the port named like it %s', (_how, portName, contract, namedLike) => {
    expect(freePortFor(storeRevenue('Daily revenue', portName), contract)).toEqual({
      port: aNamedPort(portName),
      why: `the one of its 2 output ports without a contract named like ${namedLike}`,
    });
  });

  it('takes a port whose name holds a schema object’s name, and says it matched only in part', () => {
    expect(freePortFor(storeRevenue('Daily revenue', 'Rider settlements'), courierPay)).toEqual({
      port: aNamedPort('Rider settlements'),
      why: 'the one of its 2 output ports without a contract named partly like settlements',
    });
  });

  it('prefers the port named like the contract, then like a schema object, to one named like it in part', () => {
    const ports = ['Settlement lines', 'Settlements', 'Rider settlements'];
    expect(freePortFor(storeRevenue(...ports), riderSettlement)?.port).toEqual(aNamedPort('Rider settlements'));
    expect(freePortFor(storeRevenue(...ports), courierPay)?.port).toEqual(aNamedPort('Settlements'));
  });

  it('takes the first of ports matching alike and names the others', () => {
    expect(freePortFor(storeRevenue('Daily revenue', 'Rider settlements', 'Driver settlements'), courierPay)).toEqual({
      port: aNamedPort('Rider settlements'),
      why: 'the first of its 3 output ports without a contract named partly like settlements, as Driver settlements is (named partly like settlements)',
    });
  });

  it('takes the first when no port is named like it, as before', () => {
    expect(freePortFor(storeRevenue('Daily revenue', 'Refunds'), riderSettlement)).toEqual({
      port: aNamedPort('Daily revenue'),
      why: 'the first of its 2 output ports without a contract (none is named like the contract or its schema objects)',
    });
  });
});

describe('serving a contract that no port serves', () => {
  it('adds an output port for it to the product chosen, so it shows on the canvas', () => {
    const loose = aContract({ id: 'loose', name: 'Loose' });
    const mesh = aMesh({
      domains: [aDomain('d')],
      products: [aProduct('p', 'd', { outputPorts: [anOutputPort('p-out')] })],
      contracts: [loose],
    });
    expect(isContractServed(mesh, 'loose')).toBe(false);
    const served = serveContract(mesh, 'loose', { productId: 'p' });
    expect(served.products[0]?.outputPorts.map((port) => [port.id, port.contractId])).toEqual([
      ['p-out', undefined],
      ['loose-out', 'loose'],
    ]);
    expect(isContractServed(served, 'loose')).toBe(true);
    expect(checkIntegrity(served)).toEqual([]);
  });

  it('serves from a new port of the product only the contracts that no port serves yet', () => {
    const mesh = aMesh({
      domains: [aDomain('d')],
      products: [aProduct('p', 'd', { outputPorts: [anOutputPort('served', 'order')] })],
      contracts: [aContract({ id: 'loose', name: 'Loose' }), aContract({ id: 'order', name: 'Order' })],
    });
    const attachments = ['loose', 'order'].map((contractId) => ({ contractId, replacedExisting: false, message: '' }));
    const served = servePastedFrom(mesh, attachments, 'p').mesh;
    expect(served.products[0]?.outputPorts.map((port) => [port.id, port.contractId])).toEqual([
      ['served', 'order'],
      ['loose-out', 'loose'],
    ]);
  });

  it('offers each product by the name the canvas gives it, its output ports without a contract before a new port', () => {
    const mesh = aMesh({
      domains: [aDomain('cold', 'Cold Chain'), aDomain('dry', 'Dry Goods')],
      products: [
        aProduct('cold-orders', 'cold', {
          name: 'Meal Orders',
          outputPorts: [anOutputPort('dataset'), anOutputPort('served', 'order')],
        }),
        aProduct('dry-orders', 'dry', { name: 'Meal Orders' }),
      ],
      contracts: [aContract({ id: 'loose', name: 'Loose' }), aContract({ id: 'order', name: 'Order' })],
    });
    expect(servingPlaces(mesh)).toEqual([
      { productId: 'cold-orders', portId: 'dataset', label: 'Meal Orders (Cold Chain) · dataset' },
      { productId: 'cold-orders', label: 'Meal Orders (Cold Chain) · new output port' },
      { productId: 'dry-orders', label: 'Meal Orders (Dry Goods) · new output port' },
    ]);
    const served = serveContract(mesh, 'loose', { productId: 'cold-orders', portId: 'dataset' });
    expect(served.products[0]?.outputPorts.map((port) => [port.id, port.contractId])).toEqual([
      ['dataset', 'loose'],
      ['served', 'order'],
    ]);
  });
});
