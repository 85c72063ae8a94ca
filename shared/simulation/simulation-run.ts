import type { Mesh } from '../model/mesh';
import type { Fault, Scenario } from '../model/scenario';
import { createDataProductRuntime, type DataProductRuntime, type StepFailure } from './data-product-runtime';
import { createErrorLog, type ErrorLog, type ReportedError } from './error-log';
import { changesCapture, createFaultSchedule } from './fault-schedule';
import { type RuntimeLimits, readTime, type UnreadCause, unreadCause } from './input-consumer';
import { createInputGapLog } from './input-gaps';
import { createLogRegistry, type LogRegistry } from './log-registry';
import { createMetricsSnapshot } from './metrics-snapshot';
import { createOperationalDatabase, type OperationalDatabase } from './operational-database';
import { registerPatternMatch } from './pattern-match';
import type { PipelinePlan } from './pipeline-plan';
import { withHint } from './postgres-habit-hints';
import { registerSeededRandom } from './seeded-sql-functions';
import { simulatedClock } from './simulated-clock';
import { registerSimulatedNow } from './simulated-now';
import type { ResentRecords, SimulationMetrics, TickMetrics } from './simulation-metrics';
import { createSqlCallerScope, type SqlCaller, type SqlCallerScope } from './sql-caller';
import type { OpenSqlWorkspace, SqlConnection } from './sql-workspace';
import { tablesWithoutData } from './tables-without-data';
import { OverBudget, type RowBatch, type RunWork } from './work-budget';
import { createWorkload } from './workload';

export interface RunSettings extends RuntimeLimits {
  recentMessages: number;
  runWork: RunWork;
}

/** One run of a scenario, from tick 0: its databases, their state, and the tick loop. */
export interface SimulationRun {
  readonly tick: number;
  /** The current tick's time, ISO 8601. */
  readonly time: string;
  advance(): void;
  /** The counters of the current tick, cheap to take. */
  tickMetrics(): TickMetrics;
  metrics(): SimulationMetrics;
  connectionOf(nodeId: string): SqlConnection | undefined;
  /** Why the product never read the record at `position` of the log behind this input port, now gone from it (see `unreadCause`). */
  unreadCause(productId: string, portId: string, position: number): UnreadCause | undefined;
  /** When the product read the record at `position` through this input port (see `readTime`); undefined while it has not. */
  readTime(productId: string, portId: string, position: number): number | undefined;
  /** Starts a transaction of the system's service at the current tick's time, for a statement run as the service. */
  beginServiceTransaction(systemId: string): void;
  /** Runs a user's SQL as `caller`, so the engine's functions are hidden from it. */
  runAs<T>(caller: SqlCaller, work: () => T): T;
  countSourceChanges(changes: number): void;
  /** Adds a fault to this run (the fault deck); it fires at its tick. */
  inject(fault: Fault): void;
  close(): void;
}

export function startRun(
  mesh: Mesh,
  scenario: Scenario,
  scenarioPath: string,
  plan: PipelinePlan,
  openWorkspace: OpenSqlWorkspace,
  settings: RunSettings,
  errors: ErrorLog,
): SimulationRun {
  const workspace = openWorkspace();
  try {
    return buildRun(mesh, scenario, scenarioPath, plan, workspace.connect, settings, errors, () => workspace.close());
  } catch (error) {
    workspace.close();
    throw error;
  }
}

function buildRun(
  mesh: Mesh,
  scenario: Scenario,
  scenarioPath: string,
  plan: PipelinePlan,
  connect: () => SqlConnection,
  settings: RunSettings,
  errors: ErrorLog,
  close: () => void,
): SimulationRun {
  const clock = simulatedClock(scenario.startTime, scenario.tickMillis);
  let currentTick = 0;
  let sourceChanges = 0;
  const schedule = createFaultSchedule(scenario.faults ?? []);
  const resent: ResentRecords[] = [];

  const callers = createSqlCallerScope();
  const logs = createLogRegistry(connect(), plan.logs, callers);
  const connectNode = nodeConnector(connect, logs, callers, scenario.seed, () => clock.isoAt(currentTick));
  const connector = {
    delayMillis: scenario.connector?.delayMillis ?? 0,
    transactionMetadata: scenario.connector?.transactionMetadata ?? false,
  };
  const systems = plan.systems.map((systemPlan) =>
    createOperationalDatabase(connectNode(systemPlan.system.id), systemPlan, logs.progressOf, connector),
  );
  const systemsById = new Map(systems.map((system) => [system.plan.system.id, system]));
  const warnings = createErrorLog();
  const workload = createWorkload(
    mesh,
    scenario,
    scenarioPath,
    systemsById,
    (failure) => errors.record(failure, currentTick),
    (noChange) => warnings.record(noChange, currentTick),
  );
  const products = productRuntimes(plan, connectNode, logs, callers, settings);
  const gaps = createInputGapLog(products);
  const snapshot = createMetricsSnapshot(
    systems,
    products,
    logs,
    { errors, warnings, gaps, resent },
    settings.recentMessages,
  );
  const runState = () => ({ tick: currentTick, time: clock.isoAt(currentTick), sourceChanges });

  const conditionProblems = systems.flatMap((system) => system.problems);
  for (const problem of [...plan.problems, ...conditionProblems, ...tablesWithoutData(mesh, scenario, plan.problems)]) {
    errors.record({ ...problem, nodeId: nodeIdAt(mesh, problem.path) }, 0);
  }

  /** The service's work of one tick and the connector's poll, committed together; a failure is reported. */
  const inTransaction = (system: OperationalDatabase, work: () => void) => {
    system.connection.exec('BEGIN');
    try {
      work();
      system.connection.exec('COMMIT');
    } catch (error) {
      system.connection.exec('ROLLBACK');
      errors.record(
        { path: system.plan.path, nodeId: system.plan.system.id, message: (error as Error).message },
        currentTick,
      );
    }
  };

  /** Tick 0 begins with the initial rows, loaded before CDC starts so they arrive as snapshot records. */
  const startCapture = () => {
    const asWork = (kind: 'initial-rows' | 'snapshot', system: OperationalDatabase, rows: RowBatch, work: () => void) =>
      settings.runWork({ tick: 0, nodeId: system.plan.system.id, path: system.plan.path, kind, rows }, work);
    for (const system of systems) {
      system.connection.exec('BEGIN');
      system.beginTransaction(clock.millisAt(0));
    }
    workload.loadInitialRows(clock.isoAt(0), (system, rows, load) => asWork('initial-rows', system, rows, load));
    for (const system of systems) {
      system.startCapture((rows, snapshot) => asWork('snapshot', system, rows, snapshot));
      system.connection.exec('COMMIT');
    }
  };

  const runTick = (tick: number) => {
    currentTick = tick;
    const millis = clock.millisAt(tick);
    for (const system of systems) {
      const systemId = system.plan.system.id;
      const work = { tick, nodeId: systemId, path: system.plan.path, kind: 'service' } as const;
      settings.runWork(work, () =>
        inTransaction(system, () => {
          system.beginTransaction(millis);
          const faults = schedule.topicFaultsAt(tick, systemId);
          for (const fault of faults) if (changesCapture(fault)) system.applyFault(fault, millis);
          sourceChanges += workload.applyTick(systemId, tick, clock.isoAt(tick));
          system.publishChanges(millis);
          // Sent again by this tick's poll, after what it published: appended at the tick, never after it.
          for (const fault of faults) {
            if (changesCapture(fault)) continue;
            const sent = system.applyFault(fault, millis);
            if (fault.kind === 'redeliver' || fault.kind === 'out-of-order') {
              resent.push({ tick, systemId, topicId: fault.topicId, kind: fault.kind, sent });
            }
          }
        }),
      );
    }
    for (const product of products) {
      if (schedule.isOffline(product.plan.product.id, tick)) {
        for (const consumer of product.consumers) consumer.consumedLastTick = 0;
        continue;
      }
      try {
        // A step whose SQL does not compile is skipped: it fails again every tick the product runs.
        for (const failure of [...product.brokenSteps, ...product.runTick(tick, millis)]) {
          errors.record(stepError(product, failure), tick);
        }
      } catch (error) {
        if (error instanceof OverBudget) throw error;
        errors.record(
          { path: product.plan.path, nodeId: product.plan.product.id, message: (error as Error).message },
          tick,
        );
      }
    }
    logs.enforceRetention(settings.retainedRecords);
    gaps.note(tick);
  };

  const consumerOf = (productId: string, portId: string) =>
    products
      .find((product) => product.plan.product.id === productId)
      ?.consumers.find((candidate) => candidate.input.port.id === portId);

  startCapture();
  runTick(0);

  return {
    get tick() {
      return currentTick;
    },
    get time() {
      return clock.isoAt(currentTick);
    },
    advance() {
      runTick(currentTick + 1);
    },
    connectionOf(nodeId) {
      return (
        systemsById.get(nodeId)?.connection ??
        products.find((product) => product.plan.product.id === nodeId)?.connection
      );
    },
    unreadCause(productId, portId, position) {
      const consumer = consumerOf(productId, portId);
      return consumer && unreadCause(consumer, position);
    },
    readTime(productId, portId, position) {
      const consumer = consumerOf(productId, portId);
      return consumer && readTime(consumer, position);
    },
    beginServiceTransaction(systemId) {
      systemsById.get(systemId)?.beginTransaction(clock.millisAt(currentTick));
    },
    runAs: (caller, work) => callers.runAs(caller, work),
    countSourceChanges(changes) {
      sourceChanges += changes;
    },
    inject: (fault) => schedule.add(fault),
    tickMetrics: () => snapshot.tick(runState()),
    metrics: () => snapshot.full(runState()),
    close,
  };
}

/** Opens a node's connection, able to call what SQL run there may: the logs' functions, the seeded `random()`, the simulated now, pattern matching. */
export function nodeConnector(
  connect: () => SqlConnection,
  logs: LogRegistry,
  callers: SqlCallerScope,
  seed: number,
  isoNow: () => string,
): (nodeId: string) => SqlConnection {
  return (nodeId) => {
    const connection = connect();
    logs.equip(connection);
    registerSeededRandom(connection, seed, nodeId, callers);
    registerSimulatedNow(connection, isoNow);
    registerPatternMatch(connection);
    return connection;
  };
}

/** Each product's tables and prepared steps, in its own connection; a step SQLite refuses is among its `brokenSteps`. */
export function productRuntimes(
  plan: PipelinePlan,
  connectNode: (nodeId: string) => SqlConnection,
  logs: LogRegistry,
  callers: SqlCallerScope,
  settings: RuntimeLimits & { runWork: RunWork },
): DataProductRuntime[] {
  return plan.products.map((productPlan) =>
    createDataProductRuntime(
      connectNode(productPlan.product.id),
      productPlan,
      logs.progressOf,
      settings,
      callers,
      settings.runWork,
    ),
  );
}

function stepError(product: DataProductRuntime, failure: StepFailure): ReportedError {
  return {
    ...failure,
    nodeId: product.plan.product.id,
    message: `transformation '${failure.step}' failed: ${withHint(failure)}`,
  };
}

/** The product or system a located problem belongs to, read from its path. */
function nodeIdAt(mesh: Mesh, path: string): string {
  const match = /^(products|systems)\[(\d+)\]/.exec(path);
  if (!match) return '';
  const nodes = match[1] === 'products' ? mesh.products : mesh.systems;
  return nodes[Number(match[2])]?.id ?? '';
}
