import type { Mesh } from '../model/mesh';
import type { Result } from '../model/problem';
import type { Fault, Scenario } from '../model/scenario';
import { faultWithTopic, scenarioWithTopics } from '../model/topic-references';
import { createErrorLog, type ErrorLog } from './error-log';
import type { UnreadCause } from './input-consumer';
import { withMissingTableHint } from './missing-table-hint';
import { planPipeline } from './pipeline-plan';
import { type QueryResult, runReadOnlyQuery } from './read-only-query';
import { withRenamedFieldHint } from './renamed-field-hint';
import { checkScenario } from './scenario-check';
import { serviceStatementRefusal } from './service-statement';
import { clockEndMessage, simulatedClock } from './simulated-clock';
import { withSimulatedNow } from './simulated-now';
import type { SimulationMetrics, StoppedRun, TickMetrics } from './simulation-metrics';
import { type SimulationRun, startRun } from './simulation-run';
import type { OpenSqlWorkspace } from './sql-workspace';
import { tableGuide } from './table-guide';
import { OverBudget, type WorkWatch, workRunner } from './work-budget';

export interface SimulationOptions {
  /** The SQLite to run on: `sqlJsWorkspace(await initSqlJs())`, or a native driver for comparison. */
  sqlite: OpenSqlWorkspace;
  /** Records one consumer reads per tick (default: all); what it leaves shows as lag. */
  maxPollRecords?: number;
  /** Records each topic, output-port log and raw zone keeps, like retention: overrides the scenario's `retention`. */
  retainedRecords?: number;
  /** Messages per log in each metrics snapshot (default 5). */
  recentMessages?: number;
  /** Rows a query returns at most (default 1,000). */
  maxQueryRows?: number;
  /**
   * Milliseconds one unit of work (a batch of a table's initial rows or of its snapshot, a
   * service's tick, a product's reading, a transformation, a product's publishing) may take; one that takes longer stops the run, naming it. It is timed
   * when it finishes: a statement that never finishes can only be stopped by a host that runs the
   * simulation on another thread (the CLI's worker, the app's Web Worker), told of each unit by
   * the `WorkWatch`.
   */
  budgetMillis?: number;
  /**
   * `incremental` (the default): a transformation whose SQL allows it recomputes only the units of
   * its result a tick touched; `full`: every transformation recomputes everything, every tick.
   */
  recompute?: 'incremental' | 'full';
}

export interface Simulation {
  readonly tick: number;
  /** The current tick's time, ISO 8601. */
  readonly time: string;
  /** The tick that happens at `millis` (epoch milliseconds, a record's timestamp). */
  tickAt(millis: number): number;
  /** Runs `ticks` more ticks (default 1), telling `onTick` the counters of each, and returns the snapshot after the last. */
  step(ticks?: number, onTick?: (metrics: TickMetrics) => void): SimulationMetrics;
  /** Runs until the given tick, or until `condition` holds after a tick (at most `maxTicks` more ticks). */
  runUntil(until: number | ((metrics: SimulationMetrics) => boolean), maxTicks?: number): SimulationMetrics;
  metrics(): SimulationMetrics;
  /** A read-only query against a system's or product's database. */
  query(nodeId: string, sql: string): Result<QueryResult>;
  /** Why the product never read the record at `position` of the log behind this input port, now gone from it: retention or compaction removed it first. */
  unreadCause(productId: string, portId: string, position: number): UnreadCause | undefined;
  /** When the product read the record at `position` through this input port: its tick's time, epoch milliseconds; undefined while it has not. */
  readTime(productId: string, portId: string, position: number): number | undefined;
  /** The faults fired so far, the scenario's and those injected, each with its tick's time. */
  firedFaults(): TimedFault[];
  /** One INSERT, UPDATE or DELETE of the system's own tables, run as its microservice would; CDC picks it up at the next tick. */
  execute(systemId: string, sql: string): Result<{ changes: number }>;
  /** Adds a fault to this run (it is not saved in the scenario); it fires at its tick, after the current one. */
  inject(fault: Fault): Result<void>;
  /** Back to tick 0, without injected faults, with the databases of the previous run closed and their memory freed. */
  reset(): SimulationMetrics;
  /**
   * Back to `tick` (before the current one), exactly as a run to it: rebuilt from tick 0 with the
   * faults injected so far and the statements executed up to that tick, then run again, telling
   * `onTick` the counters of every tick from 0. A statement executed after `tick` is forgotten.
   */
  rewind(tick: number, onTick?: (metrics: TickMetrics) => void): SimulationMetrics;
  /** Closes every database; the simulation cannot be used afterwards. */
  dispose(): void;
}

/** A fault and the time of the tick it fires at. */
export interface TimedFault {
  fault: Fault;
  millis: number;
}

const DEFAULT_MAX_TICKS = 100_000;
const DEFAULT_RETAINED_RECORDS = 20_000;

/**
 * Creates a simulation of `scenario` over `mesh` and runs tick 0 (initial rows as snapshot
 * records, then the tick-0 steps). A scenario that names missing systems, tables or columns is
 * refused; problems in the mesh are reported in the metrics and the rest still runs.
 */
export function createSimulation(
  mesh: Mesh,
  given: Scenario,
  options: SimulationOptions,
  watch: WorkWatch = {},
): Result<Simulation> {
  const index = mesh.scenarios.findIndex((candidate) => candidate.id === given.id);
  const scenarioPath = index === -1 ? 'scenario' : `scenarios[${index}]`;
  const problems = checkScenario(mesh, given, scenarioPath);
  if (problems.length > 0) return { ok: false, errors: problems };
  const scenario = scenarioWithTopics(mesh, given);

  const plan = planPipeline(mesh, scenario.connector);
  const settings = {
    // SQLite reads LIMIT -1 as no limit.
    maxPollRecords: options.maxPollRecords ?? -1,
    retainedRecords: options.retainedRecords ?? scenario.retention?.records ?? DEFAULT_RETAINED_RECORDS,
    recentMessages: options.recentMessages ?? 5,
    runWork: workRunner(options.budgetMillis, watch),
    isIncremental: options.recompute !== 'full',
  };
  const maxQueryRows = options.maxQueryRows ?? 1000;
  let errors: ErrorLog = createErrorLog();
  const start = () => startRun(mesh, scenario, scenarioPath, plan, options.sqlite, settings, errors);
  let stopped: StoppedRun | undefined;
  const clock = simulatedClock(scenario.startTime, scenario.tickMillis);
  const { lastTick } = clock;
  let run: SimulationRun | undefined;
  /** What the run was given besides its scenario, replayed by `rewind`. */
  let injectedFaults: Fault[] = [];
  let executed: { tick: number; systemId: string; sql: string }[] = [];
  /** The names columns were renamed to at the source, by the scenario's faults and the deck's. */
  const renamedFields = () =>
    [...(scenario.faults ?? []), ...injectedFaults].flatMap((fault) =>
      fault.kind === 'rename-column' ? [fault.renamedTo] : [],
    );
  try {
    run = start();
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return { ok: false, errors: [{ path: error.work.path, message: error.message }] };
  }

  const current = (): SimulationRun => {
    if (!run) throw new Error('the simulation was disposed');
    return run;
  };
  const connectionOf = (nodeId: string) => current().connectionOf(nodeId);
  const metrics = (): SimulationMetrics => ({ ...current().metrics(), ...(stopped && { stopped }) });
  const stop = (why: StoppedRun) => {
    stopped = why;
    errors.record({ path: why.path, nodeId: why.nodeId, step: why.step, message: why.message }, why.tick);
  };
  /** One more tick, unless the run stopped; a unit of work over budget, or the clock's end, stops it. */
  const advance = (active: SimulationRun): boolean => {
    if (stopped) return false;
    const tick = active.tick + 1;
    if (tick > lastTick) {
      stop({ tick, nodeId: '', path: `${scenarioPath}.tickMillis`, message: clockEndMessage(scenario, tick) });
      return false;
    }
    try {
      active.advance();
      return true;
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      stop({ ...error.work, message: error.message });
      return false;
    }
  };
  const unknownNode = (nodeId: string): Result<never> => ({
    ok: false,
    errors: [{ path: 'nodeId', message: `no system or product '${nodeId}'` }],
  });

  const simulation: Simulation = {
    get tick() {
      return current().tick;
    },
    get time() {
      return current().time;
    },
    tickAt: (millis) => clock.tickAt(millis),
    step(ticks = 1, onTick) {
      const active = current();
      for (let count = 0; count < ticks && advance(active); count++) onTick?.(active.tickMetrics());
      return metrics();
    },
    runUntil(until, maxTicks = DEFAULT_MAX_TICKS) {
      const active = current();
      if (typeof until === 'number') return simulation.step(Math.max(0, until - active.tick));
      for (let count = 0; count < maxTicks && advance(active); count++) {
        const snapshot = metrics();
        if (until(snapshot)) return snapshot;
      }
      return metrics();
    },
    metrics,
    query(nodeId, sql) {
      const connection = connectionOf(nodeId);
      if (!connection) return unknownNode(nodeId);
      const result = current().runAs('user-query', () => runReadOnlyQuery(connection, sql, maxQueryRows));
      if (result.ok) return result;
      const tables = { brokerLogs: plan.logs, nodeTables: tableGuide(plan, nodeId).map((entry) => entry.table) };
      return {
        ok: false,
        errors: result.errors.map((error) => ({
          ...error,
          message: withRenamedFieldHint(withMissingTableHint(error.message, tables, sql), sql, renamedFields()),
        })),
      };
    },
    unreadCause: (productId, portId, position) => current().unreadCause(productId, portId, position),
    readTime: (productId, portId, position) => current().readTime(productId, portId, position),
    firedFaults: () =>
      [...(scenario.faults ?? []), ...injectedFaults]
        .filter((fault) => fault.tick <= current().tick)
        .map((fault) => ({ fault, millis: clock.millisAt(fault.tick) })),
    execute(systemId, sql) {
      const system = mesh.systems.find((candidate) => candidate.id === systemId);
      const connection = system ? connectionOf(systemId) : undefined;
      if (!system || !connection) return unknownNode(systemId);
      const refusal = serviceStatementRefusal(
        sql,
        system.database.tables.map((table) => table.name),
      );
      if (refusal) return { ok: false, errors: [{ path: 'sql', message: refusal }] };
      try {
        const statement = connection.prepare(withSimulatedNow(sql));
        try {
          current().beginServiceTransaction(systemId);
          const changes = current().runAs('service', () => statement.run());
          current().countSourceChanges(changes);
          executed.push({ tick: current().tick, systemId, sql });
          return { ok: true, value: { changes } };
        } finally {
          statement.release();
        }
      } catch (error) {
        return { ok: false, errors: [{ path: 'sql', message: (error as Error).message }] };
      }
    },
    inject(fault) {
      if (fault.tick <= current().tick) {
        return {
          ok: false,
          errors: [
            {
              path: 'fault.tick',
              message: `the run is already at tick ${current().tick}; a fault fires at a later tick`,
            },
          ],
        };
      }
      const problems = checkScenario(mesh, { ...scenario, data: [], rates: [], steps: [], faults: [fault] }, 'run');
      if (problems.length > 0) {
        return {
          ok: false,
          errors: problems.map((problem) => ({ ...problem, path: problem.path.replace('run.faults[0]', 'fault') })),
        };
      }
      const injected = faultWithTopic(mesh, fault);
      current().inject(injected);
      injectedFaults.push(injected);
      return { ok: true, value: undefined };
    },
    reset() {
      current().close();
      run = undefined;
      stopped = undefined;
      errors = createErrorLog();
      injectedFaults = [];
      executed = [];
      run = start();
      return metrics();
    },
    rewind(tick, onTick) {
      const faults = injectedFaults;
      const statements = executed.filter((statement) => statement.tick <= tick);
      simulation.reset();
      for (const fault of faults) current().inject(fault);
      injectedFaults = faults;
      onTick?.(current().tickMetrics());
      for (const statement of statements) {
        simulation.step(statement.tick - current().tick, onTick);
        simulation.execute(statement.systemId, statement.sql);
      }
      return simulation.step(tick - current().tick, onTick);
    },
    dispose() {
      run?.close();
      run = undefined;
    },
  };
  return { ok: true, value: simulation };
}
