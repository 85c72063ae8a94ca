import type { DataProductRuntime } from './data-product-runtime';
import type { ErrorLog } from './error-log';
import { lostRecords } from './input-consumer';
import type { InputGapLog } from './input-gaps';
import type { LogRegistry } from './log-registry';
import type { OperationalDatabase } from './operational-database';
import type { ResentRecords, SimulationMetrics, TickMetrics } from './simulation-metrics';
import { quoteIdentifier } from './sql-text';
import type { SqlConnection, SqlStatement } from './sql-workspace';

export interface RunState {
  tick: number;
  time: string;
  sourceChanges: number;
}

export interface MetricsSnapshot {
  /** The counters of the tick, taken after every tick. */
  tick(state: RunState): TickMetrics;
  /** Everything, rows per table too: counting rows reads every table, so it happens only when asked. */
  full(state: RunState): SimulationMetrics;
}

/** Takes snapshots of a run. */
export function createMetricsSnapshot(
  systems: readonly OperationalDatabase[],
  products: readonly DataProductRuntime[],
  logs: LogRegistry,
  /** What the run noted as it went: its errors and warnings, its inputs' gaps, the records its faults sent again. */
  noted: { errors: ErrorLog; warnings: ErrorLog; gaps: InputGapLog; resent: readonly ResentRecords[] },
  recentMessages: number,
): MetricsSnapshot {
  const counters = new Map<string, SqlStatement>();
  const countRows = (connection: SqlConnection, nodeId: string, table: string) => {
    const id = `${nodeId}/${table}`;
    let counter = counters.get(id);
    if (!counter) {
      counter = connection.prepare(`SELECT count(*) FROM node.${quoteIdentifier(table)}`);
      counters.set(id, counter);
    }
    return Number(counter.all()[0]?.[0] ?? 0);
  };
  const rowsPerTable = (connection: SqlConnection, nodeId: string, tables: readonly string[]) =>
    Object.fromEntries(tables.map((table) => [table, countRows(connection, nodeId, table)]));

  const tick = (state: RunState): TickMetrics => {
    const metrics: TickMetrics = { ...state, links: {}, consumers: {}, ports: {} };
    for (const product of products) {
      const { id } = product.plan.product;
      for (const consumer of product.consumers) {
        const { linkId, port } = consumer.input;
        metrics.links[linkId] = { records: consumer.consumedTotal, recordsLastTick: consumer.consumedLastTick };
        const partitions = consumer.source.nextOffsets.map((end, partition) => {
          const offset = consumer.partitionOffsets[partition] as number;
          const lost = lostRecords(consumer, partition);
          const compacted = consumer.compactedPerPartition[partition] as number;
          return { partition, offset, end, lag: end - offset, lost, compacted };
        });
        metrics.consumers[`${id}/${port.id}`] = {
          linkId,
          offset: consumer.offset,
          end: consumer.source.end,
          lag: consumer.source.end - consumer.offset,
          lost: partitions.reduce((sum, partition) => sum + partition.lost, 0),
          compacted: partitions.reduce((sum, partition) => sum + partition.compacted, 0),
          staleKeys: consumer.staleKeys.size,
          skipped: consumer.skipped,
          partitions,
        };
      }
      for (const [portId, port] of Object.entries(product.portMetrics())) metrics.ports[`${id}/${portId}`] = port;
    }
    return metrics;
  };

  const full = (state: RunState): SimulationMetrics => {
    const metrics: SimulationMetrics = {
      ...tick(state),
      connectors: {},
      transformations: {},
      logs: logs.metrics(recentMessages),
      tables: {},
      errors: noted.errors.list(),
      inputGaps: noted.gaps.list(),
      resent: [...noted.resent],
      warnings: noted.warnings.list(),
    };
    for (const system of systems) {
      const { id } = system.plan.system;
      metrics.connectors[id] = { snapshot: system.snapshot() };
      metrics.tables[id] = rowsPerTable(
        system.connection,
        id,
        system.plan.tables.map((table) => table.name),
      );
    }
    for (const product of products) {
      const { id } = product.plan.product;
      for (const [step, transformation] of Object.entries(product.transformationMetrics())) {
        metrics.transformations[`${id}/${step}`] = transformation;
      }
      metrics.tables[id] = rowsPerTable(product.connection, id, product.tables);
    }
    return metrics;
  };

  return { tick, full };
}
