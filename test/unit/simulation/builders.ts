import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { expect } from 'vitest';
import { contractOf, parseMeshFile } from '../../../shared/contracts/contract-text';
import type { Contract, ContractModel, ContractProperty, DatasetKind } from '../../../shared/model/contract';
import { type DataProduct, newDataProduct, type ProductKind } from '../../../shared/model/data-product';
import type { LogicalType } from '../../../shared/model/logical-type';
import { emptyMesh, type Mesh } from '../../../shared/model/mesh';
import type {
  OperationalSystem,
  PublishedEvent,
  ReplicaIdentity,
  SystemTable,
} from '../../../shared/model/operational-system';
import type { Port } from '../../../shared/model/port';
import type { Fault, Scenario, ScriptStep, ValueGenerator } from '../../../shared/model/scenario';
import type { ColumnType } from '../../../shared/model/table';
import {
  createSimulation,
  INTERACTIVE_BROKER_ROOM_BYTES,
  type OpenSqlWorkspace,
  type Simulation,
  type SimulationOptions,
  sqlJsWorkspace,
} from '../../../shared/simulation';
import { DEBEZIUM_VERSION } from '../../../shared/simulation/broker-log';

let sqlJs: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * sql.js for a test, with the app's broker room: tests move workshop-sized data, and making the
 * default room touches 32 MiB of fresh memory, a third of a second on our machines.
 */
export async function testWorkspace(): Promise<OpenSqlWorkspace> {
  return sqlJsWorkspace(await loadSqlJs(), INTERACTIVE_BROKER_ROOM_BYTES);
}

/** Creates and starts a simulation on sql.js, failing the test if the scenario is refused. */
export async function simulate(
  mesh: Mesh,
  scenario: Scenario,
  options: Omit<SimulationOptions, 'sqlite'> = {},
): Promise<Simulation> {
  const created = createSimulation(mesh, scenario, { ...options, sqlite: await testWorkspace() });
  if (!created.ok) throw new Error(`scenario refused: ${JSON.stringify(created.errors)}`);
  return created.value;
}

/** Rows of a read-only query as objects, failing the test if the query fails. */
export function rowsOf(simulation: Simulation, nodeId: string, sql: string): Record<string, unknown>[] {
  const result = simulation.query(nodeId, sql);
  if (!result.ok) throw new Error(`query failed: ${JSON.stringify(result.errors)}`);
  const { columns, rows } = result.value;
  return rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
}

export function ecommerceSample(): Mesh {
  const parsed = parseMeshFile(
    readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The e-commerce sample with its scenario copied under each id (named as its id). */
export function ecommerceWithScenarios(...ids: string[]): Mesh {
  const sample = ecommerceSample();
  const [workshop] = sample.scenarios;
  if (!workshop) throw new Error('the sample has a scenario');
  return { ...sample, scenarios: ids.map((id) => ({ ...workshop, id, name: id })) };
}

/** `mesh` with the SQL of some of its transformations replaced, by step name. */
export function withTransformationSql(mesh: Mesh, sqlByStep: Record<string, string>): Mesh {
  const steps = mesh.products.flatMap((product) => product.transformations);
  for (const [name, sql] of Object.entries(sqlByStep)) {
    const step = steps.find((each) => each.name === name);
    if (!step) throw new Error(`the mesh has no step ${name}`);
    step.sql = sql;
  }
  return mesh;
}

export const START = '2026-01-05T09:00:00.000Z';
export const START_MILLIS = Date.parse(START);
export const TICK_MILLIS = 60_000;

/** When tick `n` happens: `START_MILLIS + n × TICK_MILLIS`. */
export const tickMillis = (tick: number) => START_MILLIS + tick * TICK_MILLIS;

/** A Debezium timestamp in the three units its envelope and source block write it (2.6 and later). */
/** PostgreSQL's `source.sequence`: `["<last commit LSN>","<LSN>"]`, `null` before the first commit (connector-positions.test.ts checks its values). */
export const POSTGRES_SEQUENCE = expect.stringMatching(/^\[(null|"\d+"),"\d+"\]$/);

export const debeziumTimes = (millis: number) => ({ ts_ms: millis, ts_us: millis * 1000, ts_ns: millis * 1_000_000 });

/** The start of the shop's source blocks, common to every connector; each engine's fields follow. */
export const shopSourceStart = (connector: string, millis: number, snapshot: string, sequence: unknown) => ({
  version: DEBEZIUM_VERSION,
  connector,
  name: 'shop',
  ...debeziumTimes(millis),
  snapshot,
  db: 'shop-db',
  sequence,
});

/** The fields every Debezium connector's source block starts with, in its order; each engine's follow. */
export const DEBEZIUM_SOURCE_FIELDS = [
  'version',
  'connector',
  'name',
  'ts_ms',
  'snapshot',
  'db',
  'sequence',
  'ts_us',
  'ts_ns',
];

type Columns = Record<string, ColumnType>;

export class SystemBuilder {
  private readonly system: OperationalSystem;

  constructor(id: string) {
    this.system = {
      id,
      domainId: 'domain',
      name: id,
      description: '',
      service: { name: id },
      database: { engine: 'postgres', name: `${id}-db`, tables: [] },
      messaging: { broker: 'kafka', topics: [] },
      publishes: [],
    };
  }

  /**
   * A table with CDC on; the first column is the primary key unless `primaryKey` says otherwise.
   * Its replica identity is FULL unless `replicaIdentity` says otherwise (`'not set'`: PostgreSQL's
   * DEFAULT, as a design without it reads): most tests look at whole before images.
   */
  withTable(
    name: string,
    columns: Columns,
    primaryKey = [Object.keys(columns)[0] as string],
    { replicaIdentity = 'full' }: { replicaIdentity?: ReplicaIdentity | 'not set' } = {},
  ): this {
    const table: SystemTable = {
      name,
      cdc: true,
      ...(replicaIdentity !== 'not set' && { replicaIdentity }),
      primaryKey,
      columns: Object.entries(columns).map(([column, type]) => ({
        name: column,
        type,
        nullable: !primaryKey.includes(column),
      })),
    };
    this.system.database.tables.push(table);
    return this;
  }

  /** The database engine (`postgres` unless set), whose connector writes the system's change events. */
  onEngine(engine: string): this {
    this.system.database.engine = engine;
    return this;
  }

  withCdcTopic(id: string, table: string, options: { partitions?: number; tombstones?: boolean } = {}): this {
    this.system.messaging.topics.push({
      id,
      name: `${this.system.id}.public.${table}`,
      partitions: options.partitions ?? 1,
      tombstones: options.tombstones ?? false,
      source: { kind: 'cdc', table },
    });
    return this;
  }

  /** An event the service publishes on `on` changes of `table`, through an outbox topic `topicId`. */
  withOutboxEvent(
    topicId: string,
    event: Omit<PublishedEvent, 'on'> & { on?: PublishedEvent['on'] },
    options: { partitions?: number } = {},
  ): this {
    this.system.publishes.push({ on: ['insert'], ...event });
    this.system.messaging.topics.push({
      id: topicId,
      name: `${this.system.id}.events.${event.name}`,
      partitions: options.partitions ?? 1,
      tombstones: false,
      source: { kind: 'outbox', event: event.name },
    });
    return this;
  }

  build(): OperationalSystem {
    return this.system;
  }
}

export class ProductBuilder {
  private readonly product: DataProduct;

  constructor(id: string, kind: ProductKind) {
    this.product = newDataProduct({
      id,
      domainId: 'domain',
      name: id,
      owner: 'team',
      kind,
      discoveryPort: port('discovery', 'discovery'),
    });
  }

  withInput(portId: string): this {
    this.product.inputPorts.push(port(portId, 'input'));
    return this;
  }

  /** An output port, governed by `contractId` when given. */
  withOutput(portId: string, contractId?: string): this {
    this.product.outputPorts.push({ ...port(portId, 'output'), ...(contractId !== undefined && { contractId }) });
    return this;
  }

  withTransformation(name: string, sql: string): this {
    this.product.transformations.push({ name, sql });
    return this;
  }

  build(): DataProduct {
    return this.product;
  }
}

function port(id: string, direction: Port['direction']): Port {
  return { id, name: id, direction, protocol: direction === 'output' ? 'kafka-topic' : 'table', description: '' };
}

type PropertyOptions = Partial<
  Pick<ContractProperty, 'required' | 'unique' | 'primaryKey' | 'enum' | 'classification' | 'examples' | 'physicalType'>
> & {
  logicalTypeOptions?: Record<string, string | number>;
  /** ODCS fields the model keeps as extensions: nested `properties`, array `items`, a 3.2 `map`. */
  nested?: Record<string, unknown>;
};

export class ContractBuilder {
  private readonly contract: ContractModel;

  constructor(id: string, kind: DatasetKind, schemaObjectName: string) {
    this.contract = {
      id,
      name: id,
      apiVersion: 'v3.1.0',
      version: '1.0.0',
      status: 'active',
      kind,
      isKindDeclared: true,
      keepHistory: false,
      schema: [{ name: schemaObjectName, properties: [] }],
      sla: [],
    };
  }

  withKey(name: string, logicalType: LogicalType): this {
    const position = this.properties().filter((property) => property.primaryKey).length + 1;
    return this.withProperty(name, logicalType, { primaryKey: true, required: true, unique: true }, position);
  }

  /** A property; one whose `logicalType` is undefined has no type, and takes any value. */
  withProperty(
    name: string,
    logicalType: LogicalType | undefined,
    options: PropertyOptions = {},
    primaryKeyPosition?: number,
  ): this {
    this.properties().push({
      name,
      ...(logicalType && { logicalType }),
      required: options.required ?? false,
      unique: options.unique ?? false,
      primaryKey: options.primaryKey ?? false,
      ...(primaryKeyPosition !== undefined ? { primaryKeyPosition } : {}),
      ...(options.enum ? { enum: options.enum } : {}),
      ...(options.classification ? { classification: options.classification } : {}),
      ...(options.examples ? { examples: options.examples } : {}),
      ...(options.physicalType ? { physicalType: options.physicalType } : {}),
      ...(options.logicalTypeOptions || options.nested
        ? {
            extensions: {
              ...options.nested,
              ...(options.logicalTypeOptions && { logicalTypeOptions: options.logicalTypeOptions }),
            },
          }
        : {}),
    });
    return this;
  }

  /** The ODCS version the contract's text is written in (`v3.2.0` for `map` properties). */
  inApiVersion(apiVersion: string): this {
    this.contract.apiVersion = apiVersion;
    return this;
  }

  /** History kept, its columns named with `columnPrefix` when given (`dbt_valid_from`…). */
  keepingHistory(columnPrefix?: string): this {
    this.contract.keepHistory = true;
    if (columnPrefix !== undefined) this.contract.historyColumnPrefix = columnPrefix;
    return this;
  }

  build(): Contract {
    return contractOf(this.contract);
  }

  private properties(): ContractProperty[] {
    return (this.contract.schema[0] as { properties: ContractProperty[] }).properties;
  }
}

export class MeshBuilder {
  private readonly mesh: Mesh = {
    ...emptyMesh('test-mesh', 'Test mesh'),
    domains: [{ id: 'domain', name: 'Domain', description: '', owner: 'team', color: '#3366cc' }],
  };

  with(...parts: (SystemBuilder | ProductBuilder | ContractBuilder)[]): this {
    for (const part of parts) {
      if (part instanceof SystemBuilder) this.mesh.systems.push(part.build());
      else if (part instanceof ProductBuilder) this.mesh.products.push(part.build());
      else this.mesh.contracts.push(part.build());
    }
    return this;
  }

  /** A link from `node/port` (a topic or an output port) to `node/port` (an input port). */
  withLink(from: string, to: string): this {
    const [fromNode, fromPort] = from.split('/') as [string, string];
    const [toNode, toPort] = to.split('/') as [string, string];
    this.mesh.links.push({
      id: `${fromNode}-${fromPort}-to-${toNode}-${toPort}`,
      from: { nodeId: fromNode, portId: fromPort },
      to: { nodeId: toNode, portId: toPort },
    });
    return this;
  }

  build(): Mesh {
    return this.mesh;
  }
}

export class ScenarioBuilder {
  private readonly scenario: Scenario = {
    id: 'test',
    name: 'Test',
    description: '',
    seed: 7,
    startTime: START,
    tickMillis: TICK_MILLIS,
    data: [],
    rates: [],
    steps: [],
  };

  withData(
    systemId: string,
    table: string,
    initialRows: number,
    generators: Record<string, ValueGenerator> = {},
  ): this {
    this.scenario.data.push({ systemId, table, initialRows, generators });
    return this;
  }

  withRate(
    systemId: string,
    table: string,
    perTick: { inserts?: number; updates?: number; deletes?: number; updateColumns?: string[] },
  ): this {
    this.scenario.rates.push({
      systemId,
      table,
      insertsPerTick: perTick.inserts ?? 0,
      updatesPerTick: perTick.updates ?? 0,
      deletesPerTick: perTick.deletes ?? 0,
      updateColumns: perTick.updateColumns ?? [],
    });
    return this;
  }

  at(
    tick: number,
    systemId: string,
    table: string,
    op: ScriptStep['op'],
    details: Pick<ScriptStep, 'values' | 'where'>,
  ): this {
    this.scenario.steps.push({ tick, systemId, table, op, ...details });
    return this;
  }

  withFault(fault: Fault): this {
    this.scenario.faults = [...(this.scenario.faults ?? []), fault];
    return this;
  }

  withSeed(seed: number): this {
    this.scenario.seed = seed;
    return this;
  }

  build(): Scenario {
    return this.scenario;
  }
}

export const aMesh = () => new MeshBuilder();
export const aSystem = (id: string) => new SystemBuilder(id);
export const aProduct = (id: string, kind: ProductKind = 'source-aligned') => new ProductBuilder(id, kind);
export const aContract = (id: string, kind: DatasetKind, schemaObjectName: string) =>
  new ContractBuilder(id, kind, schemaObjectName);
export const aScenario = () => new ScenarioBuilder();

/**
 * The smallest source-aligned pipeline: a shop service with an `items` table whose CDC topic
 * feeds the `catalog` product, which publishes `items` under the `item` contract. The topic is
 * compacted unless the table is `keyless` (no primary key): then it keeps the delete policy, and
 * retention removes whatever is older than it keeps.
 */
export function aShopMesh(
  options: {
    tombstones?: boolean;
    keepHistory?: boolean;
    partitions?: number;
    keyless?: boolean;
    replicaIdentity?: ReplicaIdentity | 'not set';
  } = {},
) {
  const item = aContract('item', 'entity', 'items')
    .withKey('id', 'integer')
    .withProperty('name', 'string', { required: true })
    .withProperty('price', 'number', { required: true })
    .withProperty('status', 'string', { enum: ['new', 'listed', 'sold'] });
  if (options.keepHistory) item.keepingHistory();
  return aMesh()
    .with(
      aSystem('shop')
        .withTable(
          'items',
          { id: 'integer', name: 'text', price: 'real', status: 'text' },
          options.keyless ? [] : ['id'],
          { replicaIdentity: options.replicaIdentity },
        )
        .withCdcTopic('items-cdc', 'items', { tombstones: options.tombstones, partitions: options.partitions }),
      aProduct('catalog').withInput('items-in').withOutput('items-out', 'item'),
      item,
    )
    .withLink('shop/items-cdc', 'catalog/items-in');
}

/** A store whose service writes tables `a` and `b`, both captured, `a` snapshotted first. */
export function aTwoTableStoreMesh(topicName = (table: string) => `store.public.${table}`): Mesh {
  const store = aSystem('store')
    .withTable('a', { id: 'integer', label: 'text' })
    .withTable('b', { id: 'integer', label: 'text' })
    .withCdcTopic('a-cdc', 'a')
    .withCdcTopic('b-cdc', 'b')
    .build();
  for (const topic of store.messaging.topics) {
    topic.name = topicName(topic.source.kind === 'cdc' ? topic.source.table : '');
  }
  return { ...aMesh().build(), systems: [store] };
}

/**
 * The shop with a `report` product that reads its items and publishes `sql` as the entity `table`
 * through `report-out`, under the contract `report` whose properties `withProperties` adds.
 */
export function aShopReportMesh(
  table: string,
  sql: string,
  withProperties: (contract: ContractBuilder) => ContractBuilder,
): Mesh {
  return aShopMesh()
    .with(
      aProduct('report', 'consumer-aligned')
        .withInput('items-in')
        .withTransformation(table, sql)
        .withOutput('report-out', 'report'),
      withProperties(aContract('report', 'entity', table)),
    )
    .withLink('catalog/items-out', 'report/items-in')
    .build();
}

/**
 * For the keyless shop: no initial rows, two inserts a tick, `productId` offline for ticks 1 to 4, each topic
 * keeping its last 3 records, so that what it missed is gone when it is back.
 */
export function offlinePastRetention(productId: string): Scenario {
  return {
    ...aScenario()
      .withData('shop', 'items', 0, PREDICTABLE_ITEMS)
      .withRate('shop', 'items', { inserts: 2 })
      .withFault({ kind: 'consumer-offline', tick: 1, productId, ticks: 4 })
      .build(),
    retention: { records: 3 },
  };
}

/** Generators that make the shop's initial rows easy to predict: ids from 1, one fixed value each. */
export const PREDICTABLE_ITEMS: Record<string, ValueGenerator> = {
  id: { kind: 'sequence', start: 1 },
  name: { kind: 'oneOf', values: ['lamp'] },
  price: { kind: 'oneOf', values: [9.5] },
  status: { kind: 'oneOf', values: ['new'] },
};

/** The shop's items topic, from `tick` on, calling `status` by the name `item_status` (a `rename-column` fault). */
/** A key past 2^53, which a double would round (to 1772488919123456768, printed …456800). */
export const BIG_CUSTOMER_ID = 1772488919123456700n;

/**
 * The sample's insert of a customer keyed BIG_CUSTOMER_ID at `tick`, written as text, as a design
 * file cannot hold the number exactly: the INTEGER column takes its digits.
 */
export const aBigKeyCustomerInsert = (tick: number, values: Record<string, string> = {}): ScriptStep => ({
  tick,
  systemId: 'customers-service',
  table: 'customers',
  op: 'insert',
  values: {
    customer_id: String(BIG_CUSTOMER_ID),
    full_name: 'Ada Big',
    email: 'ada@example.com',
    city: 'Gent',
    country: 'BE',
    updated_at: '2026-01-05T09:00:00Z',
    ...values,
  },
});

export const statusRenamedAt = (tick: number): Fault => ({
  kind: 'rename-column',
  tick,
  systemId: 'shop',
  topicId: 'items-cdc',
  column: 'status',
  renamedTo: 'item_status',
});
