import { type LogProgress, logTableSql } from './broker-log';
import { type Dataset, historyTableName } from './dataset';
import { datasetTableSql } from './dataset-table';
import type { IncrementalPlan } from './incremental-plan';
import { type ConsumerProgress, createInputConsumer, type RuntimeLimits } from './input-consumer';
import { isNamedForKey } from './key-column-names';
import { changeCaptureSql, prepareClearPending, preparePublish } from './output-port';
import type { ProductPlan } from './product-plan';
import { createQuarantineSummary } from './quarantine-summary';
import { sameName } from './query-shape';
import { quotedList } from './recompute-summary';
import type { PortMetrics, TransformationMetrics } from './simulation-metrics';
import type { SqlCallerScope } from './sql-caller';
import { quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection } from './sql-workspace';
import { createStepInputChanges, type RowFilter } from './step-input-changes';
import { QUARANTINE_TABLE } from './table-claims';
import { prepareStep } from './transformation-step';
import type { RunWork } from './work-budget';

export interface StepFailure {
  path: string;
  step: string;
  message: string;
  /** How SQLite writes what the step wrote PostgreSQL's way, when that is what SQLite refused. */
  hint?: string;
}

/**
 * A data product at run time, in its own connection: each tick it consumes its inputs into the
 * raw zone, cleans them into events and entities, runs its transformations and publishes its
 * output ports, all in one transaction.
 */
export interface DataProductRuntime {
  readonly plan: ProductPlan;
  readonly connection: SqlConnection;
  readonly consumers: readonly ConsumerProgress[];
  /** How each transformation recomputes, by step name. */
  transformationMetrics(): Record<string, TransformationMetrics>;
  /** What each output port published and quarantined, by port id. */
  portMetrics(): Record<string, PortMetrics>;
  /** Tables users see (not the engine's own `_` tables). */
  readonly tables: readonly string[];
  /** Steps whose SQL failed to compile: skipped, and reported as failing, every tick. */
  readonly brokenSteps: readonly StepFailure[];
  runTick(tick: number, millis: number): StepFailure[];
}

export function createDataProductRuntime(
  connection: SqlConnection,
  plan: ProductPlan,
  progressOf: (table: string) => LogProgress,
  limits: RuntimeLimits,
  callers: SqlCallerScope,
  runWork: RunWork,
): DataProductRuntime {
  const { id: nodeId } = plan.product;
  const inputs = plan.inputs;
  const datasets = uniqueDatasets([...inputs, ...plan.transformations].flatMap((holder) => holder.dataset ?? []));
  const published = uniqueDatasets(plan.outputs.map((output) => output.dataset));
  connection.exec(
    [
      `CREATE TABLE node.${QUARANTINE_TABLE} (id INTEGER PRIMARY KEY, tick INTEGER NOT NULL, port TEXT NOT NULL, rule TEXT NOT NULL, property TEXT, message TEXT NOT NULL, record TEXT NOT NULL)`,
      ...inputs.map((input) => logTableSql(`node.${quoteIdentifier(input.rawTable)}`, input.source.log.format, false)),
      ...datasets.flatMap(datasetTableSql),
      ...published.flatMap(changeCaptureSql),
      ...joinIndexesSql(datasets),
    ].join(';\n'),
  );

  const consumers = inputs.map((input) =>
    createInputConsumer(connection, input, progressOf(input.source.log.table), limits),
  );

  const brokenSteps: StepFailure[] = [];
  const changes = createStepInputChanges(connection);
  // A step reads incrementally what is final when it runs: clean tables and earlier steps' results.
  const readable = new Map<string, readonly string[]>(
    inputs.flatMap(({ dataset }) => (dataset ? [[dataset.name, dataset.columns.map((column) => column.name)]] : [])),
  );
  const steps = plan.transformations.flatMap((step) => {
    const name = step.transformation.name;
    const quarantinePort = plan.outputs.find((output) => output.dataset.name === name)?.port.id;
    const work = { tick: 0, nodeId, path: step.path, kind: 'prepare', step: name } as const;
    // SQL names tables in any case: `ORDERS` is the table `orders`, watched once under its own name.
    const readableAs = (table: string): [string, readonly string[]] | undefined =>
      [...readable].find(([name]) => name.toLowerCase() === table.toLowerCase());
    const watched = (table: string): [string, readonly string[]] => readableAs(table) ?? [table, []];
    const stepInputs = {
      columnsOf: (table: string) => readableAs(table)?.[1],
      changesOf: (table: string) => changes.changesOf(...watched(table)),
      netChangesOf: (table: string, read: readonly string[], filter?: RowFilter) =>
        changes.netChangesOf(...watched(table), read, filter),
      changedRowidsOf: (table: string) => changes.changedRowidsOf(...watched(table)),
      isIncremental: limits.isIncremental,
    };
    const prepared = runWork(work, () =>
      callers.runAs('transformation', () => prepareStep(connection, step, quarantinePort, stepInputs)),
    );
    if (!prepared.ok) {
      const { message, hint } = prepared;
      brokenSteps.push({ path: step.path, step: name, message, ...(hint !== undefined && { hint }) });
      return [];
    }
    readable.set(name, tableColumnsOf(connection, name));
    const mode = prepared.mode;
    const reason = mode.incremental ? fullTicksReason(mode.plan) : mode.reason;
    const readAside = mode.incremental ? mode.plan.subqueryTables : undefined;
    const inMainQuery = mode.incremental ? mainQueryTables(mode.plan) : [];
    const readAsideInMainQuery = readAside?.filter((table) => inMainQuery.some((other) => sameName(other, table)));
    const metrics: TransformationMetrics = {
      mode: mode.incremental ? 'incremental' : 'full',
      ...(reason !== undefined && { reason }),
      ...(readAside && { readAside }),
      ...(readAsideInMainQuery && readAsideInMainQuery.length > 0 && { readAsideInMainQuery }),
      runs: { incremental: 0, full: 0, unchanged: 0 },
    };
    return [{ step, run: prepared.run, metrics }];
  });
  changes.startWatching();

  const publishers = plan.outputs.map((output) => ({
    portId: output.port.id,
    counters: { published: 0 },
    publish: preparePublish(connection, output, progressOf(output.log.log.table)),
  }));
  const quarantine = createQuarantineSummary(connection);
  const clearPending = published.map((dataset) => prepareClearPending(connection, dataset));

  const tables = [
    ...inputs.map((input) => input.rawTable),
    ...datasets.flatMap((dataset) =>
      dataset.keepsHistory ? [dataset.name, historyTableName(dataset)] : [dataset.name],
    ),
    ...steps.filter(({ step }) => !step.dataset).map(({ step }) => step.transformation.name),
    QUARANTINE_TABLE,
  ];

  return {
    plan,
    connection,
    consumers: consumers.map((consumer) => consumer.progress),
    transformationMetrics() {
      return Object.fromEntries(
        steps.map(({ step, metrics }) => [
          step.transformation.name,
          {
            ...metrics,
            runs: { ...metrics.runs },
            ...(metrics.fullRunReasons && { fullRunReasons: { ...metrics.fullRunReasons } }),
          },
        ]),
      );
    },
    portMetrics() {
      return Object.fromEntries(
        publishers.map(({ portId, counters }) => {
          const violations = quarantine.of(portId);
          const quarantined = violations.reduce((sum, violation) => sum + violation.count, 0);
          return [portId, { published: counters.published, quarantined, violations }];
        }),
      );
    },
    tables,
    brokenSteps,
    runTick(tick, millis) {
      const failures: StepFailure[] = [];
      connection.exec('BEGIN');
      try {
        runWork({ tick, nodeId, path: plan.path, kind: 'consume' }, () => {
          for (const consumer of consumers) consumer.poll(millis);
        });
        for (const { step, run, metrics } of steps) {
          const name = step.transformation.name;
          const work = { tick, nodeId, path: step.path, kind: 'transformation', step: name } as const;
          const outcome = runWork(work, () => callers.runAs('transformation', () => run(tick, millis)));
          if (outcome.ok) {
            metrics.runs[outcome.run] += 1;
            metrics.lastRun = outcome.run;
            if (outcome.fullReason !== undefined) countFullRun(metrics, outcome.fullReason);
          } else failures.push({ path: step.path, step: name, message: outcome.message });
        }
        changes.clear();
        runWork({ tick, nodeId, path: plan.path, kind: 'publish' }, () => {
          for (const { counters, publish } of publishers) counters.published += publish(tick, millis).published;
          for (const clear of clearPending) clear.run();
          quarantine.update();
        });
        connection.exec('COMMIT');
      } catch (error) {
        connection.exec('ROLLBACK');
        throw error;
      }
      return failures;
    },
  };
}

/**
 * A column named for another table's single-column key (`customer_id`, `animal_id` for a key `id`:
 * `isNamedForKey`) is read as a foreign key and indexed, as a DBA would: transformations that join
 * on it then probe an index instead of building one per run.
 */
function joinIndexesSql(datasets: readonly Dataset[]): string[] {
  const keyed = datasets.flatMap((dataset) => {
    const [soleKey, ...rest] = dataset.key;
    return soleKey !== undefined && rest.length === 0 ? [{ name: dataset.name, soleKey }] : [];
  });
  return datasets.flatMap((dataset) =>
    dataset.columns
      .filter(
        (column) =>
          dataset.key[0] !== column.name &&
          keyed.some((other) => other.name !== dataset.name && isNamedForKey(column.name, other.name, other.soleKey)),
      )
      .map(
        (column) =>
          `CREATE INDEX node.${quoteIdentifier(`${dataset.name}_${column.name}`)} ON ${quoteIdentifier(dataset.name)} (${quoteIdentifier(column.name)})`,
      ),
  );
}

function uniqueDatasets(datasets: readonly Dataset[]): Dataset[] {
  return [...new Map(datasets.map((dataset) => [dataset.name, dataset])).values()];
}

/** Counts one more run in full for `reason` (see `StepOutcome.fullReason`). */
function countFullRun(metrics: TransformationMetrics, reason: string): void {
  metrics.fullRunReasons ??= {};
  metrics.fullRunReasons[reason] = (metrics.fullRunReasons[reason] ?? 0) + 1;
}

/**
 * Why an incremental step still recomputes in full on some ticks, if it does, and which ticks it
 * recomputes by what they touched then: those changing only tables no subquery or CTE reads (its
 * anchor at least, which a subquery never reads in an incremental plan).
 */
function fullTicksReason(plan: IncrementalPlan): string | undefined {
  const { subqueryTables } = plan;
  if (!subqueryTables) return undefined;
  const readAside = (table: string) => subqueryTables.some((other) => sameName(other, table));
  const touchedOnly = mainQueryTables(plan).filter(
    (table, index, tables) => !readAside(table) && tables.findIndex((other) => sameName(other, table)) === index,
  );
  return `in full on a tick that changes ${quotedList(subqueryTables)}, which a subquery or CTE reads; only a tick that changes ${quotedList(touchedOnly)} and none of those recomputes what it touched`;
}

/** The tables an incremental step's main query reads: its anchor's, then those it joins. */
function mainQueryTables(plan: IncrementalPlan): string[] {
  return [plan.anchor.table, ...plan.joined.map((joined) => joined.table)];
}

function tableColumnsOf(connection: SqlConnection, table: string): string[] {
  const columns = connection.prepare(`SELECT name FROM pragma_table_info(${quoteLiteral(table)}, 'node')`);
  try {
    return columns.all().map(([name]) => String(name));
  } finally {
    columns.release();
  }
}
