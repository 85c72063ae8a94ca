import type { Mesh } from '../model/mesh';
import type { Result } from '../model/problem';
import type { Fault, Scenario } from '../model/scenario';
import type { StepStart } from './data-product-runtime';
import { createErrorLog, type ErrorLog } from './error-log';
import { planPipeline } from './pipeline-plan';
import { type QueryResult, runReadOnlyQuery } from './read-only-query';
import { checkScenario } from './scenario-check';
import type { SimulationMetrics } from './simulation-metrics';
import { type SimulationRun, startRun } from './simulation-run';
import type { OpenSqlWorkspace } from './sql-workspace';

export interface SimulationOptions {
  /** The SQLite to run on: `sqlJsWorkspace(await initSqlJs())`, or a native driver for comparison. */
  sqlite: OpenSqlWorkspace;
  /** Records one consumer reads per tick (default: all); what it leaves shows as lag. */
  maxPollRecords?: number;
  /** Records each topic, output-port log and raw zone keeps (default 20,000), like retention. */
  retainedRecords?: number;
  /** Messages per log in each metrics snapshot (default 5). */
  recentMessages?: number;
  /** Rows a query returns at most (default 1,000). */
  maxQueryRows?: number;
  /** Told before each transformation runs (the worker reports it, so a hung step can be named). */
  onStepStart?: (step: StepStart) => void;
}

export interface Simulation {
  readonly tick: number;
  /** Runs `ticks` more ticks (default 1) and returns the snapshot after the last. */
  step(ticks?: number): SimulationMetrics;
  /** Runs until the given tick, or until `condition` holds after a tick (at most `maxTicks` more ticks). */
  runUntil(until: number | ((metrics: SimulationMetrics) => boolean), maxTicks?: number): SimulationMetrics;
  metrics(): SimulationMetrics;
  /** A read-only query against a system's or product's database. */
  query(nodeId: string, sql: string): Result<QueryResult>;
  /** One statement run as the system's microservice would; CDC picks it up at the next tick. */
  execute(systemId: string, sql: string): Result<{ changes: number }>;
  /** Adds a fault to this run (it is not saved in the scenario); it fires at its tick, after the current one. */
  inject(fault: Fault): Result<void>;
  /** Back to tick 0, without injected faults, with the databases of the previous run closed and their memory freed. */
  reset(): SimulationMetrics;
  /** Closes every database; the simulation cannot be used afterwards. */
  dispose(): void;
}

const DEFAULT_MAX_TICKS = 100_000;

/**
 * Creates a simulation of `scenario` over `mesh` and runs tick 0 (initial rows as snapshot
 * records, then the tick-0 steps). A scenario that names missing systems, tables or columns is
 * refused; problems in the mesh are reported in the metrics and the rest still runs.
 */
export function createSimulation(mesh: Mesh, scenario: Scenario, options: SimulationOptions): Result<Simulation> {
  const index = mesh.scenarios.findIndex((candidate) => candidate.id === scenario.id);
  const scenarioPath = index === -1 ? 'scenario' : `scenarios[${index}]`;
  const problems = checkScenario(mesh, scenario, scenarioPath);
  if (problems.length > 0) return { ok: false, errors: problems };

  const plan = planPipeline(mesh);
  const settings = {
    // SQLite reads LIMIT -1 as no limit.
    maxPollRecords: options.maxPollRecords ?? -1,
    retainedRecords: options.retainedRecords ?? 20_000,
    recentMessages: options.recentMessages ?? 5,
    onStepStart: options.onStepStart,
  };
  const maxQueryRows = options.maxQueryRows ?? 1000;
  let errors: ErrorLog = createErrorLog();
  const start = () => startRun(mesh, scenario, scenarioPath, plan, options.sqlite, settings, errors);
  let run: SimulationRun | undefined = start();

  const current = (): SimulationRun => {
    if (!run) throw new Error('the simulation was disposed');
    return run;
  };
  const connectionOf = (nodeId: string) => current().connectionOf(nodeId);
  const unknownNode = (nodeId: string): Result<never> => ({
    ok: false,
    errors: [{ path: 'nodeId', message: `no system or product '${nodeId}'` }],
  });

  const simulation: Simulation = {
    get tick() {
      return current().tick;
    },
    step(ticks = 1) {
      for (let count = 0; count < ticks; count++) current().advance();
      return current().metrics();
    },
    runUntil(until, maxTicks = DEFAULT_MAX_TICKS) {
      const active = current();
      if (typeof until === 'number') return simulation.step(Math.max(0, until - active.tick));
      for (let count = 0; count < maxTicks; count++) {
        active.advance();
        const metrics = active.metrics();
        if (until(metrics)) return metrics;
      }
      return active.metrics();
    },
    metrics: () => current().metrics(),
    query(nodeId, sql) {
      const connection = connectionOf(nodeId);
      return connection ? runReadOnlyQuery(connection, sql, maxQueryRows) : unknownNode(nodeId);
    },
    execute(systemId, sql) {
      const connection = mesh.systems.some((system) => system.id === systemId) ? connectionOf(systemId) : undefined;
      if (!connection) return unknownNode(systemId);
      try {
        const statement = connection.prepare(sql);
        try {
          const changes = statement.run();
          current().countSourceChanges(changes);
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
          errors: [{ path: 'fault.tick', message: `must come after the current tick ${current().tick}` }],
        };
      }
      const problems = checkScenario(mesh, { ...scenario, data: [], rates: [], steps: [], faults: [fault] }, 'run');
      if (problems.length > 0) {
        return {
          ok: false,
          errors: problems.map((problem) => ({ ...problem, path: problem.path.replace('run.faults[0]', 'fault') })),
        };
      }
      current().inject(fault);
      return { ok: true, value: undefined };
    },
    reset() {
      current().close();
      run = undefined;
      errors = createErrorLog();
      run = start();
      return run.metrics();
    },
    dispose() {
      run?.close();
      run = undefined;
    },
  };
  return { ok: true, value: simulation };
}
