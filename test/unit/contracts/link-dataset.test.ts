import { describe, expect, it } from 'vitest';
import { linkDataset } from '../../../shared/contracts/link-dataset';
import { withNewPortContract } from '../../../shared/editing/port-contract';
import { resolveEndpoint } from '../../../shared/model/endpoints';
import type { Mesh } from '../../../shared/model/mesh';
import { planPipeline } from '../../../shared/simulation';
import { contractColumns, contractKey } from '../../../shared/simulation/dataset';
import { quoteLiteral } from '../../../shared/simulation/sql-text';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { aMesh, aProduct, aSystem, ecommerceSample, rowsOf, simulate } from '../simulation/builders';

interface CleanTable {
  input: string;
  name: string;
  kind: string;
  key: string[];
  columns: Record<string, unknown>[];
}

/** Each input's clean table as the engine creates it: its columns read from SQLite, its kind and key from the plan. */
async function cleanTablesOfTheEngine(mesh: Mesh): Promise<CleanTable[]> {
  const simulation = await simulate(mesh, starterScenario(mesh));
  return planPipeline(mesh).products.flatMap(({ product, inputs }) =>
    inputs.flatMap(({ port, dataset }) =>
      dataset
        ? [
            {
              input: `${product.id}/${port.id}`,
              name: dataset.name,
              kind: dataset.kind,
              key: dataset.key,
              columns: rowsOf(
                simulation,
                product.id,
                `SELECT name, type FROM pragma_table_info(${quoteLiteral(dataset.name)})`,
              ),
            },
          ]
        : [],
    ),
  );
}

/** Each input's clean table as `linkDataset` describes what its first link carries. */
function cleanTablesOfTheRule(mesh: Mesh): CleanTable[] {
  const contractById = (id: string) => mesh.contracts.find((contract) => contract.id === id);
  return mesh.products.flatMap((product) =>
    product.inputPorts.flatMap((port) => {
      const link = mesh.links.find(
        (candidate) => candidate.to.nodeId === product.id && candidate.to.portId === port.id,
      );
      const source = link && resolveEndpoint(mesh, link.from);
      const dataset = source && linkDataset(source, contractById);
      if (!dataset) return [];
      const { schema, kind } = dataset;
      return [
        {
          input: `${product.id}/${port.id}`,
          name: schema.name,
          kind,
          key: contractKey(kind, schema.properties),
          columns: contractColumns(schema.properties).map(({ name, type }) => ({ name, type })),
        },
      ];
    }),
  );
}

const byInput = (tables: CleanTable[]) => [...tables].sort((a, b) => a.input.localeCompare(b.input));

describe('what a link carries', () => {
  it("is each clean table the engine creates for the sample's inputs: name, kind, columns with their types, key", async () => {
    const mesh = ecommerceSample();
    const engine = await cleanTablesOfTheEngine(mesh);
    expect(engine).toHaveLength(8);
    expect(byInput(cleanTablesOfTheRule(mesh))).toEqual(byInput(engine));
  });

  it('is, for an outbox event without a contract, the events table the engine names after the event', async () => {
    const mesh = ecommerceSample();
    const orderPlaced = mesh.systems
      .flatMap((system) => system.publishes)
      .find((event) => event.name === 'OrderPlaced');
    delete orderPlaced?.contractId;
    const engine = await cleanTablesOfTheEngine(mesh);
    expect(engine.find((table) => table.input === 'orders/order-placed-in')).toMatchObject({
      name: 'order_placed',
      kind: 'event',
      key: ['event_id'],
    });
    expect(byInput(cleanTablesOfTheRule(mesh))).toEqual(byInput(engine));
  });

  it('is, for a NUMERIC column of a CDC table, the NUMERIC column the engine declares for it', async () => {
    const mesh = ecommerceSample();
    const orders = mesh.systems.flatMap((system) => system.database.tables).find((table) => table.name === 'orders');
    const total = orders?.columns.find((column) => column.name === 'total');
    if (total) total.type = 'numeric';
    const engine = await cleanTablesOfTheEngine(mesh);
    expect(engine.find((table) => table.input === 'orders/orders-cdc-in')?.columns).toContainEqual({
      name: 'total',
      type: 'NUMERIC',
    });
    expect(byInput(cleanTablesOfTheRule(mesh))).toEqual(byInput(engine));
  });

  it('keeps a NUMERIC column NUMERIC from the source table through a drafted contract to the next product', async () => {
    const unContracted = aMesh()
      .with(
        aSystem('ledger')
          .withTable('payments', { payment_id: 'integer', amount: 'numeric' })
          .withCdcTopic('payments-cdc', 'payments'),
        aProduct('payments').withInput('in').withOutput('out'),
        aProduct('finance', 'aggregate').withInput('in'),
      )
      .withLink('ledger/payments-cdc', 'payments/in')
      .withLink('payments/out', 'finance/in')
      .build();
    const drafted = withNewPortContract(unContracted, 'payments', 'out');
    if (!drafted) throw new Error('no contract drafted');
    const contract = drafted.mesh.contracts.find((candidate) => candidate.id === drafted.id);
    expect(contract?.schema[0]?.properties.find((property) => property.name === 'amount')).toMatchObject({
      logicalType: 'number',
      physicalType: 'numeric',
    });
    expect(contract?.odcs).toContain('physicalType: numeric');

    const simulation = await simulate(drafted.mesh, starterScenario(drafted.mesh));
    const declared = (nodeId: string) =>
      rowsOf(simulation, nodeId, "SELECT type FROM pragma_table_info('payments') WHERE name = 'amount'");
    expect(declared('ledger')).toEqual([{ type: 'NUMERIC' }]);
    expect(declared('payments')).toEqual([{ type: 'NUMERIC' }]);
    expect(declared('finance')).toEqual([{ type: 'NUMERIC' }]);
  });

  it('carries a numeric column’s precision and scale into the drafted contract, as the SQL import writes numeric(10,2)', () => {
    const mesh = aMesh()
      .with(
        aSystem('ledger')
          .withTable('payments', { payment_id: 'integer', amount: 'numeric', units: 'numeric' })
          .withCdcTopic('payments-cdc', 'payments'),
        aProduct('payments').withInput('in').withOutput('out'),
      )
      .withLink('ledger/payments-cdc', 'payments/in')
      .build();
    const columns = mesh.systems[0]?.database.tables[0]?.columns ?? [];
    Object.assign(columns[1] ?? {}, { precision: 10, scale: 2 });
    Object.assign(columns[2] ?? {}, { precision: 12 });
    const drafted = withNewPortContract(mesh, 'payments', 'out');
    const contract = drafted?.mesh.contracts.find((candidate) => candidate.id === drafted.id);
    const physicalTypeOf = (name: string) =>
      contract?.schema[0]?.properties.find((property) => property.name === name)?.physicalType;
    expect([physicalTypeOf('amount'), physicalTypeOf('units')]).toEqual(['numeric(10,2)', 'numeric(12,0)']);
    expect(contract?.odcs).toContain('physicalType: numeric(10,2)');
  });
});
