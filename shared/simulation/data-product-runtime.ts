import { brokerTable, type LogProgress, logTableSql, prepareTrim } from './broker-log';
import { type Dataset, historyTableName } from './dataset';
import { applyView, datasetTableSql } from './dataset-table';
import { changeCaptureSql, prepareClearPending, preparePublish } from './output-port';
import { type InputPlan, type ProductPlan, QUARANTINE_TABLE } from './product-plan';
import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection, SqlStatement } from './sql-workspace';
import { prepareStep } from './transformation-step';

export interface StepFailure {
  path: string;
  step: string;
  message: string;
}

/** A consumer's position on the log behind one input port. */
export interface ConsumerProgress {
  readonly input: InputPlan;
  readonly source: LogProgress;
  offset: number;
  consumedLastTick: number;
  consumedTotal: number;
}

export interface PortCounters {
  published: number;
  quarantined: number;
}

/** A transformation about to run: user SQL, the one part of a tick that may never end. */
export interface StepStart {
  tick: number;
  nodeId: string;
  step: string;
  path: string;
}

export interface RuntimeLimits {
  /** Told before each transformation runs, so a watchdog outside can name the step that hangs. */
  onStepStart?: (step: StepStart) => void;
  /** Records one consumer reads per tick; the rest waits, and shows as lag. */
  maxPollRecords: number;
  /** Records a log or raw zone keeps; older ones are trimmed, like a topic's retention. */
  retainedRecords: number;
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
  /** By output port id. */
  readonly ports: ReadonlyMap<string, PortCounters>;
  /** Tables users see (not the engine's own `_` tables). */
  readonly tables: readonly string[];
  /** Steps whose SQL failed to compile: reported once, skipped every tick. */
  readonly brokenSteps: readonly StepFailure[];
  runTick(tick: number, millis: number): StepFailure[];
}

export function createDataProductRuntime(
  connection: SqlConnection,
  plan: ProductPlan,
  progressOf: (table: string) => LogProgress,
  limits: RuntimeLimits,
): DataProductRuntime {
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

  const consumers = inputs.map((input) => ({
    progress: {
      input,
      source: progressOf(input.source.log.table),
      offset: 0,
      consumedLastTick: 0,
      consumedTotal: 0,
    } satisfies ConsumerProgress,
    consume: connection.prepare(
      `INSERT INTO node.${quoteIdentifier(input.rawTable)} SELECT * FROM ${brokerTable(input.source.log)} WHERE _position > ? ORDER BY _position LIMIT ?`,
    ),
    clean: input.dataset && prepareClean(connection, input, input.dataset),
    trimRaw: prepareTrim(connection, `node.${quoteIdentifier(input.rawTable)}`),
  }));

  const brokenSteps: StepFailure[] = [];
  const steps = plan.transformations.flatMap((step) => {
    const quarantinePort = plan.outputs.find((output) => output.dataset.name === step.transformation.name)?.port.id;
    const prepared = prepareStep(connection, step, quarantinePort);
    if (prepared.ok) return [{ step, run: prepared.run }];
    brokenSteps.push({ path: step.path, step: step.transformation.name, message: prepared.message });
    return [];
  });

  const ports = new Map<string, PortCounters>();
  const publishers = plan.outputs.map((output) => {
    const counters = { published: 0, quarantined: 0 };
    ports.set(output.port.id, counters);
    const progress = progressOf(output.log.log.table);
    return { counters, publish: preparePublish(connection, output, progress) };
  });
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
    ports,
    tables,
    brokenSteps,
    runTick(tick, millis) {
      const failures: StepFailure[] = [];
      connection.exec('BEGIN');
      try {
        for (const { progress, consume, clean, trimRaw } of consumers) {
          const before = progress.offset;
          const consumed = consume.run([before, limits.maxPollRecords]);
          // Records retention trimmed before this consumer read them are gone: it resumes after them.
          progress.offset = Math.max(before, progress.source.trimmedTo) + consumed;
          progress.consumedLastTick = consumed;
          progress.consumedTotal += consumed;
          if (consumed > 0) clean?.run([before]);
          if (consumed > 0 && progress.offset > limits.retainedRecords) {
            trimRaw.run([progress.offset - limits.retainedRecords]);
          }
        }
        for (const { step, run } of steps) {
          limits.onStepStart?.({ tick, nodeId: plan.product.id, step: step.transformation.name, path: step.path });
          const message = run(tick, millis);
          if (message !== undefined) failures.push({ path: step.path, step: step.transformation.name, message });
        }
        for (const { counters, publish } of publishers) {
          const outcome = publish(tick, millis);
          counters.published += outcome.published;
          counters.quarantined += outcome.quarantined;
        }
        for (const clear of clearPending) clear.run();
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
 * A column named like another table's single-column key is read as a foreign key and indexed, as
 * a DBA would: transformations that join on it then probe an index instead of building one per run.
 */
function joinIndexesSql(datasets: readonly Dataset[]): string[] {
  const keys = new Set(datasets.flatMap((dataset) => (dataset.key.length === 1 ? dataset.key : [])));
  return datasets.flatMap((dataset) =>
    dataset.columns
      .filter((column) => keys.has(column.name) && dataset.key[0] !== column.name)
      .map(
        (column) =>
          `CREATE INDEX node.${quoteIdentifier(`${dataset.name}_${column.name}`)} ON ${quoteIdentifier(dataset.name)} (${quoteIdentifier(column.name)})`,
      ),
  );
}

function uniqueDatasets(datasets: readonly Dataset[]): Dataset[] {
  return [...new Map(datasets.map((dataset) => [dataset.name, dataset])).values()];
}

/** The clean step of one input: raw records of this tick into its entity or event table. */
function prepareClean(connection: SqlConnection, input: InputPlan, dataset: Dataset): SqlStatement {
  const raw = `node.${quoteIdentifier(input.rawTable)}`;
  const names = dataset.columns.map((column) => column.name);
  const format = input.source.log.format;
  if (dataset.kind === 'event') {
    return connection.prepare(
      `INSERT OR IGNORE INTO node.${quoteIdentifier(dataset.name)} (${columnList(names)}) SELECT ${columnList(names)} FROM ${raw} WHERE _position > ? ORDER BY _position`,
    );
  }
  if (format.kind === 'cdc') {
    const image = names.map((name) =>
      dataset.key.includes(name)
        ? `CASE WHEN _op = 'd' THEN ${quoteIdentifier(`before_${name}`)} ELSE ${quoteIdentifier(`after_${name}`)} END`
        : quoteIdentifier(`after_${name}`),
    );
    return connection.prepare(
      `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(names)}) SELECT _op, _timestamp, ${image.join(', ')} FROM ${raw} WHERE _position > ? AND _op IS NOT NULL ORDER BY _position`,
    );
  }
  return connection.prepare(
    `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(names)}) SELECT CASE _op WHEN 'delete' THEN 'd' ELSE 'u' END, _timestamp, ${columnList(names)} FROM ${raw} WHERE _position > ? ORDER BY _position`,
  );
}
