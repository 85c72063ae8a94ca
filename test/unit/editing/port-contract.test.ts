import { describe, expect, it } from 'vitest';
import { checkContractYaml, editYamlText } from '../../../shared/contracts';
import { withNewPortContract } from '../../../shared/editing/port-contract';
import type { Mesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { shopWithItemAddedEvents } from './editing-fixtures';

/** A shop whose `items` CDC topic feeds Orders, which feeds Revenue; neither product's output has a contract. */
function unContracted() {
  return aMesh()
    .withDomain('sales')
    .withSystem('shop', 'sales')
    .withProduct('orders', 'sales', {
      name: 'Orders',
      owner: 'sales-team',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { name: 'dataset' })],
    })
    .withProduct('revenue', 'sales', {
      name: 'Revenue',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { name: 'Daily revenue' })],
    })
    .withProduct('lonely', 'sales', { name: 'Lonely', outputPorts: [aPort('out', 'output', { name: 'Top 10 SKUs' })] })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .build();
}

describe('a new contract for an output port', () => {
  it('is given an id after its kind when its product and port names keep nothing an id can', () => {
    const mesh = aMesh()
      .withDomain('farms')
      .withProduct('farms-product', 'farms', {
        name: 'محصول القمح',
        outputPorts: [aPort('out', 'output', { name: 'بيانات' })],
      })
      .build();
    expect(withNewPortContract(mesh, 'farms-product', 'out')?.id).toBe('contract');
  });

  it('describes the table whose CDC feeds the product, as a valid ODCS draft the port now refers to', () => {
    const created = withNewPortContract(unContracted(), 'orders', 'out');

    expect(created?.id).toBe('orders-dataset');
    const contract = created?.mesh.contracts.find((candidate) => candidate.id === created.id);
    expect(contract).toMatchObject({
      name: 'Orders dataset',
      apiVersion: 'v3.1.0',
      version: '1.0.0',
      status: 'draft',
      kind: 'entity',
      owner: 'sales-team',
      schema: [
        {
          name: 'items',
          properties: [
            {
              name: 'id',
              logicalType: 'integer',
              required: true,
              unique: true,
              primaryKey: true,
              primaryKeyPosition: 1,
            },
            { name: 'label', logicalType: 'string', required: false, unique: false, primaryKey: false },
          ],
        },
      ],
    });
    expect(checkContractYaml(contract?.odcs ?? '').filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(created?.mesh.products[0]?.outputPorts[0]?.contractId).toBe('orders-dataset');
    const findings = validateMesh(created?.mesh ?? unContracted());
    expect(findings.filter((finding) => finding.ruleId === 'output-contracts').map((finding) => finding.path)).toEqual([
      'products[1].outputPorts[0]',
      'products[2].outputPorts[0]',
    ]);
  });

  it('describes an outbox event without a contract as the relay publishes it: its event id, its time, then the row', () => {
    const mesh: Mesh = aMesh()
      .withDomain('sales')
      .withSystem('shop', 'sales', shopWithItemAddedEvents())
      .withProduct('feed', 'sales', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
      .withLink('events-to-feed', { nodeId: 'shop', portId: 'item-added' }, { nodeId: 'feed', portId: 'in' })
      .build();

    const contract = withNewPortContract(mesh, 'feed', 'out')?.mesh.contracts.at(-1);

    expect(contract?.kind).toBe('event');
    expect(contract?.schema).toEqual([
      {
        name: 'item_added',
        properties: [
          {
            name: 'event_id',
            logicalType: 'string',
            required: true,
            unique: true,
            primaryKey: true,
            primaryKeyPosition: 1,
            description: expect.any(String),
          },
          {
            name: 'occurred_at',
            logicalType: 'timestamp',
            required: true,
            unique: false,
            primaryKey: false,
            description: expect.any(String),
          },
          { name: 'id', logicalType: 'integer', required: true, unique: false, primaryKey: false },
          { name: 'label', logicalType: 'string', required: false, unique: false, primaryKey: false },
        ],
      },
    ]);
    expect(checkContractYaml(contract?.odcs ?? '').filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('takes the first schema object of the contract feeding the product, kind and all', () => {
    const withOrders = withNewPortContract(unContracted(), 'orders', 'out')?.mesh ?? unContracted();
    const created = withNewPortContract(withOrders, 'revenue', 'out');
    const contract = created?.mesh.contracts.at(-1);
    expect(contract).toMatchObject({ id: 'revenue-daily-revenue', name: 'Revenue Daily revenue', kind: 'entity' });
    expect(contract?.schema).toEqual(withOrders.contracts[0]?.schema);
  });

  it("names the object after the product's last transformation, whose result the port publishes", () => {
    const mesh = unContracted();
    mesh.products[1]?.transformations.push(
      { name: 'clean', sql: 'SELECT * FROM items' },
      { name: 'daily_revenue', sql: 'SELECT 1 AS day' },
    );
    expect(withNewPortContract(mesh, 'revenue', 'out')?.mesh.contracts.at(-1)?.schema[0]?.name).toBe('daily_revenue');
  });

  it('gives a product fed by nothing an object named after the port, and never replaces a contract', () => {
    const lonely = withNewPortContract(unContracted(), 'lonely', 'out');
    expect(lonely?.mesh.contracts.at(-1)?.schema[0]?.name).toBe('top_10_skus');

    const again = withNewPortContract(lonely?.mesh ?? unContracted(), 'lonely', 'out');
    expect(again).toBeUndefined();
    expect(withNewPortContract(unContracted(), 'lonely', 'missing')).toBeUndefined();
  });

  it.each([
    ['fed by nothing', (mesh: Mesh) => mesh],
    [
      'whose last transformation says no columns',
      (mesh: Mesh) => {
        mesh.products[2]?.transformations.push({ name: 'top_skus', sql: 'SELECT 1 AS sku' });
        return mesh;
      },
    ],
  ])('drafts a keyed contract that adds no error for a product %s', (_, shaped) => {
    const mesh = shaped(unContracted());
    const errorsOf = (findings: ReturnType<typeof validateMesh>) =>
      findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    const drafted = withNewPortContract(mesh, 'lonely', 'out')?.mesh ?? mesh;

    const before = new Set(errorsOf(validateMesh(mesh)));
    expect(errorsOf(validateMesh(drafted)).filter((message) => !before.has(message))).toEqual([]);
    expect(drafted.contracts.at(-1)?.schema[0]?.properties).toEqual([
      expect.objectContaining({
        name: 'id',
        required: true,
        unique: true,
        primaryKey: true,
        description: expect.any(String),
      }),
    ]);
  });

  it('gives the drafted object fields in block style, as the form adds them', () => {
    const odcs = withNewPortContract(unContracted(), 'lonely', 'out')?.mesh.contracts.at(-1)?.odcs ?? '';
    const withFields = editYamlText(odcs, [
      { op: 'insert', path: ['schema', 0, 'properties', 0], value: { name: 'order_id', logicalType: 'string' } },
      { op: 'insert', path: ['schema', 0, 'properties', 1], value: { name: 'total', logicalType: 'number' } },
    ]);
    expect(withFields).toContain(
      '    properties:\n      - name: order_id\n        logicalType: string\n      - name: total\n        logicalType: number\n',
    );
  });

  it("names the product's domain, the product and its owner as the contract's domain, dataProduct and team", () => {
    const created = withNewPortContract(unContracted(), 'orders', 'out');
    const contract = created?.mesh.contracts.find((candidate) => candidate.id === created.id);
    expect(contract?.odcs).toContain('domain: sales\ndataProduct: orders\n');
    expect(contract?.odcs).toContain('team:\n  name: sales-team\n');
    const unowned = withNewPortContract(unContracted(), 'revenue', 'out');
    expect(unowned?.mesh.contracts.find((candidate) => candidate.id === unowned.id)?.odcs).not.toContain('team:');
  });

  it('picks an id no other contract has', () => {
    const taken = withNewPortContract(unContracted(), 'orders', 'out')?.mesh.contracts ?? [];
    const mesh = { ...unContracted(), contracts: taken };
    expect(withNewPortContract(mesh, 'orders', 'out')?.id).toBe('orders-dataset-2');
  });
});
