import type { Mesh } from '../model/mesh';
import { historyTableName } from './dataset';
import { type PipelinePlan, planPipeline } from './pipeline-plan';
import { QUARANTINE_TABLE } from './table-claims';
import type { TableColumn } from './table-column';
import { type TableGuideEntry, tableGuide } from './table-guide';

/** Where a product keeps a table, as the canvas counts rows and the inspector groups its tabs. */
export type Zone = 'raw' | 'events' | 'entities' | 'history' | 'transformations' | 'quarantine';

export interface CatalogTable {
  name: string;
  zone: Zone;
}

/** An output port's log, by `<productId>/<portId>`. */
export interface CatalogPort {
  portId: string;
  name: string;
  log: string;
  contractId: string;
  /** The key of the records it publishes, which tells its quarantined records apart. */
  key: string[];
}

export interface ProductCatalog {
  tables: CatalogTable[];
  ports: CatalogPort[];
}

/** A log a link carries, and what to call it. */
export interface CatalogLog {
  log: string;
  name: string;
  linkIds: string[];
  /** Whether a trace can start at one of its records: not at a connector's transaction event, which is no change. */
  isTraceable: boolean;
  /** Whether it is compacted: past retention, of what a consumer has not read each key keeps its latest record (`BrokerLog.isCompacted`). */
  isCompacted: boolean;
  /** A CDC topic's date and timestamp columns, which its connector writes as numbers (`readTemporalValue` reads them back). */
  temporalColumns: TableColumn[];
  /** A CDC topic's key columns where its before images hold only them (PostgreSQL's REPLICA IDENTITY DEFAULT): a delete's before holds no other value, an update's is null. */
  oldKeyOnlyBefore?: string[];
}

/** A table a user can query, where it sits (a product's zone, or a service's own table) and why it has its name. */
export interface GuidedTable extends TableGuideEntry {
  zone: Zone | 'service';
}

export interface RunCatalog {
  products: Record<string, ProductCatalog>;
  /** By product or system id: its tables as the SQL console lists them. */
  guides: Record<string, GuidedTable[]>;
  /** By `<nodeId>/<portId>` of a topic or output port. */
  logs: Record<string, CatalogLog>;
  /** The log each link carries, by link id. */
  logOfLink: Record<string, string>;
}

/** What a run of the mesh holds, named for the views: tables by zone, logs by link. */
export function runCatalog(mesh: Mesh, plan: PipelinePlan = planPipeline(mesh)): RunCatalog {
  const catalog: RunCatalog = { products: {}, guides: {}, logs: {}, logOfLink: {} };
  const transactionLogs = new Set(plan.systems.map((system) => system.transactionLog?.table));
  for (const log of plan.logs) {
    catalog.logs[log.table] = {
      log: log.table,
      name: log.name,
      linkIds: [],
      isTraceable: !transactionLogs.has(log.table),
      isCompacted: log.isCompacted,
      temporalColumns: log.format.kind === 'cdc' ? log.format.columns.filter((column) => column.temporal) : [],
      ...(log.format.kind === 'cdc' && log.format.beforeImage === 'old-key' && { oldKeyOnlyBefore: log.format.key }),
    };
  }
  for (const product of plan.products) {
    const tables: CatalogTable[] = [];
    const add = (name: string, zone: Zone) => {
      if (!tables.some((table) => table.name === name)) tables.push({ name, zone });
    };
    for (const input of product.inputs) {
      add(input.rawTable, 'raw');
      catalog.logOfLink[input.linkId] = input.source.log.table;
      catalog.logs[input.source.log.table]?.linkIds.push(input.linkId);
    }
    for (const input of product.inputs) {
      if (input.dataset) add(input.dataset.name, input.dataset.kind === 'event' ? 'events' : 'entities');
    }
    for (const output of product.outputs) {
      if (output.dataset.keepsHistory) add(historyTableName(output.dataset), 'history');
    }
    for (const step of product.transformations) add(step.transformation.name, 'transformations');
    add(QUARANTINE_TABLE, 'quarantine');
    catalog.products[product.product.id] = {
      tables,
      ports: product.outputs.map((output) => ({
        portId: output.port.id,
        name: output.port.name,
        log: output.log.log.table,
        contractId: output.governing.contract.id,
        key: output.dataset.key,
      })),
    };
    catalog.guides[product.product.id] = tableGuide(plan, product.product.id).map((entry) => ({
      ...entry,
      zone: tables.find((table) => table.name === entry.table)?.zone ?? 'transformations',
    }));
  }
  for (const { system } of plan.systems) {
    catalog.guides[system.id] = tableGuide(plan, system.id).map((entry) => ({ ...entry, zone: 'service' }));
  }
  return catalog;
}

/** Rows per zone of a product, from a snapshot's rows per table. */
export function rowsPerZone(
  product: ProductCatalog,
  rows: Record<string, number> | undefined,
): Partial<Record<Zone, number>> {
  const totals: Partial<Record<Zone, number>> = {};
  for (const table of product.tables) totals[table.zone] = (totals[table.zone] ?? 0) + (rows?.[table.name] ?? 0);
  return totals;
}
