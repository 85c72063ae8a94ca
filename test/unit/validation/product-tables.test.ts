import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractOf, parseMeshFile } from '../../../shared/contracts/contract-text';
import { withProductUpdated } from '../../../shared/editing/products';
import { meshGraph } from '../../../shared/lineage/mesh-graph';
import type { Mesh } from '../../../shared/model';
import type { Scenario } from '../../../shared/model/scenario';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { claimTables } from '../../../shared/simulation/table-claims';
import { tableSourcesOf } from '../../../shared/validation/product-table-sources';
import { productTablesRule } from '../../../shared/validation/rules/product-tables';
import { aGovernedMesh } from './governed-mesh';

const SAMPLES = new URL('../../../assets/samples/', import.meta.url);

function sample(name: string): Mesh {
  const parsed = parseMeshFile(readFileSync(new URL(name, SAMPLES), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not open`);
  return parsed.value;
}

const check = (mesh: Mesh) => productTablesRule.check({ mesh, graph: meshGraph(mesh) });

/** The governed mesh where Customers has steps of these names; `customers` is also the table its input fills. */
function aMeshWithSteps(...names: string[]): Mesh {
  const mesh = aGovernedMesh();
  const customers = mesh.products.find((product) => product.id === 'customers') as Mesh['products'][number];
  customers.transformations = names.map((name) => ({ name, sql: 'SELECT * FROM customers' }));
  return mesh;
}

/** The governed mesh where Customers names a step like the table its input fills. */
const aMeshWithAClash = () => aMeshWithSteps('customers');

describe('product-tables', () => {
  it('keeps the findings of a product an edit of another product left alone', () => {
    const before = aMeshWithAClash();
    // A product's first findings are made again once, to be remembered with its index.
    check(before);
    const [clash] = check(before);
    const after = withProductUpdated(before, 'revenue', { description: 'Counts per country' });
    expect(check(after)).toEqual([clash]);
    expect(check(after)[0]).toBe(clash);
  });

  /** Per product, the engine's input tables and refusals, and those the rule reads from the product and what feeds it. */
  function engineAndLineage(mesh: Mesh) {
    const graph = meshGraph(mesh);
    return planPipeline(mesh).products.map((plan) => {
      const sources = tableSourcesOf(graph, plan.product, plan.path);
      return {
        engine: {
          product: plan.product.id,
          inputs: plan.inputs.map((input) => [input.port.id, input.rawTable, input.source.dataset.name]),
          refusals: plan.tableRefusals,
        },
        lineage: {
          product: plan.product.id,
          inputs: sources.inputs.map((input) => [input.port.id, input.rawTable, input.dataset.name]),
          refusals: claimTables(sources).refusals,
        },
      };
    });
  }

  it.each(readdirSync(SAMPLES).filter((name) => name.endsWith('.mesh.json')))(
    "names a product's input tables from what feeds it as the engine does, in the sample %s",
    (name) => {
      const compared = engineAndLineage(sample(name));
      expect(compared.map(({ lineage }) => lineage)).toEqual(compared.map(({ engine }) => engine));
    },
  );

  it('finds nothing in a design sketch without a scenario, whose published tables nothing makes yet', () => {
    expect(check(sample('seed-logical-view.mesh.json'))).toEqual([]);
  });

  it('reports a published table nothing makes once the design has a scenario to simulate', () => {
    const mesh = sample('seed-logical-view.mesh.json');
    mesh.scenarios.push({
      ...(sample('ecommerce.mesh.json').scenarios[0] as Scenario),
      data: [],
      rates: [],
      steps: [],
    });
    const findings = check(mesh);
    expect(findings).toHaveLength(5);
    expect(findings[0]?.message).toMatch(
      /^Output port 'dataset' of 'Data product 1a' publishes table 'product_1a' .* but nothing in the product makes it/,
    );
  });

  /** The governed mesh, a sketch without a scenario, where the Customers contract names its object `customer_list`. */
  function aSketchPublishingATableNothingMakes(): Mesh {
    const mesh = aGovernedMesh();
    const { odcs: _, ...customers } = mesh.contracts[0] as Mesh['contracts'][number];
    const [object] = customers.schema;
    mesh.contracts[0] = contractOf({
      ...customers,
      schema: [{ ...(object as (typeof customers.schema)[number]), name: 'customer_list' }],
    });
    return mesh;
  }

  it("warns in a sketch, at the contract's schema object, of a table a product publishing a system's stream as it comes does not make", () => {
    const mesh = aSketchPublishingATableNothingMakes();
    expect(mesh.scenarios).toEqual([]);
    expect(check(mesh)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'contracts[0].schema[0]',
        element: { kind: 'contract', contractId: 'customers' },
        related: [{ kind: 'port', productId: 'customers', portId: 'out' }],
        message:
          "Output port 'customers' of 'Customers' publishes table 'customer_list' (the schema object of contract 'Customers'), but nothing in the product makes it: no transformation has that name and no input brings it.",
        fixHint:
          "Name the schema object after the table its input brings ('customers'), which the port then publishes as it comes; or add a transformation named 'customer_list' that makes it.",
      }),
    ]);
  });

  it('leaves to a run a sketched product that reads only other products and has no SQL yet', () => {
    const mesh = aSketchPublishingATableNothingMakes();
    const customers = mesh.products.find((product) => product.id === 'customers') as Mesh['products'][number];
    customers.transformations = [{ name: 'customer_list', sql: 'SELECT * FROM customers' }];
    const revenue = mesh.products.find((product) => product.id === 'revenue') as Mesh['products'][number];
    revenue.transformations = [];
    expect(check(mesh)).toEqual([]);
  });

  it('refuses the tables the engine refuses, a clash included', () => {
    const compared = engineAndLineage(aMeshWithAClash());
    expect(compared.flatMap(({ engine }) => engine.refusals)).toHaveLength(1);
    expect(compared.map(({ lineage }) => lineage)).toEqual(compared.map(({ engine }) => engine));
  });

  it('reports a step named like its input’s table in other capitals: SQLite takes them for one table', () => {
    const mesh = aMeshWithSteps('CUSTOMERS');
    const findings = check(mesh);
    expect(findings.map((finding) => finding.path)).toEqual([
      `products[${mesh.products.findIndex((product) => product.id === 'customers')}].transformations[0]`,
    ]);
    expect(findings[0]?.message).toMatch(
      / would make table 'CUSTOMERS', but .* already has that name \(as 'customers', one name to SQLite, which ignores the case of letters A to Z\): /,
    );
    const compared = engineAndLineage(mesh);
    expect(compared.map(({ lineage }) => lineage)).toEqual(compared.map(({ engine }) => engine));
  });

  // Hand-checked in sql.js: after CREATE TABLE "café", "CAFé" already exists and "CAFÉ" does not.
  it.each([
    ['CAFé', 1],
    ['CAFÉ', 0],
  ])('folds only ASCII letters, as SQLite does: steps café and %s make %i finding(s)', (other, clashes) => {
    expect(check(aMeshWithSteps('café', other))).toHaveLength(clashes);
  });
});
