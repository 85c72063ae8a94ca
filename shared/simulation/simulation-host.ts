import type { Problem } from '../model/problem';
import type { LogMessage } from './broker-log';
import { traceChange } from './change-trace';
import { engineFailure } from './engine-failure';
import { recheckExamples } from './example-recheck';
import { EXAMPLE_SCAN_RECORDS, exampleRecords } from './example-records';
import { readMessages } from './log-reader';
import { type PipelinePlan, planPipeline } from './pipeline-plan';
import { createSimulation, type Simulation } from './simulation';
import type { SimulationMetrics, TickMetrics } from './simulation-metrics';
import type { OpenSqlWorkspace } from './sql-workspace';
import { stepRefusals } from './step-refusals';
import type { WorkWatch } from './work-budget';
import type { SimulationRequest, SimulationResponse } from './worker-protocol';

/**
 * What runs inside the simulation worker, kept out of the worker file so Node tests can drive it:
 * it holds at most one simulation and answers each request with exactly one response. The watch
 * hears of each unit of work as it starts: a worker posts that to its parent at once (see
 * `ProgressReport`), which can then name the unit when it has to terminate a worker stuck in it.
 */
export function createSimulationHost(loadSqlite: () => Promise<OpenSqlWorkspace>, watch: WorkWatch = {}) {
  let sqlite: Promise<OpenSqlWorkspace> | undefined;
  let simulation: Simulation | undefined;
  /** The pipeline of the simulated mesh, for reading its logs by name. */
  let plan: PipelinePlan | undefined;

  const failed = (id: number, errors: Problem[]): SimulationResponse => ({ id, type: 'failed', errors });
  const active = (id: number, run: (current: Simulation) => SimulationResponse): SimulationResponse =>
    simulation ? run(simulation) : failed(id, [{ path: 'simulation', message: 'no simulation: send create first' }]);

  async function answer(request: SimulationRequest): Promise<SimulationResponse> {
    const { id } = request;
    switch (request.type) {
      case 'create': {
        sqlite ??= loadSqlite();
        const openWorkspace = await sqlite;
        simulation?.dispose();
        simulation = undefined;
        const created = createSimulation(
          request.mesh,
          request.scenario,
          { ...request.options, sqlite: openWorkspace },
          watch,
        );
        if (!created.ok) return failed(id, created.errors);
        simulation = created.value;
        plan = planPipeline(request.mesh, request.scenario.connector);
        return { id, type: 'metrics', metrics: simulation.metrics() };
      }
      case 'step':
        return active(id, (current) => stepped(id, (onTick) => current.step(request.ticks, onTick)));
      case 'rewind':
        return active(id, (current) => stepped(id, (onTick) => current.rewind(request.tick, onTick)));
      case 'run-until':
        return active(id, (current) => ({ id, type: 'metrics', metrics: current.runUntil(request.tick) }));
      case 'metrics':
        return active(id, (current) => ({ id, type: 'metrics', metrics: current.metrics() }));
      case 'reset':
        return active(id, (current) => ({ id, type: 'metrics', metrics: current.reset() }));
      case 'query':
        return active(id, (current) => {
          const result = current.query(request.nodeId, request.sql);
          return result.ok
            ? { id, type: 'query-result', result: result.value, tick: current.tick, time: current.time }
            : failed(id, result.errors);
        });
      case 'execute':
        return active(id, (current) => {
          const result = current.execute(request.systemId, request.sql);
          return result.ok ? { id, type: 'executed', changes: result.value.changes } : failed(id, result.errors);
        });
      case 'inject':
        return active(id, (current) => {
          const fault = request.atNextTick ? { ...request.fault, tick: current.tick + 1 } : request.fault;
          const result = current.inject(fault);
          return result.ok ? { id, type: 'injected', fault } : failed(id, result.errors);
        });
      case 'messages':
        return active(id, (current) => {
          const log = plan?.logs.find((candidate) => candidate.table === request.log);
          if (!log) return failed(id, [{ path: 'log', message: `no topic or port log '${request.log}'` }]);
          const read = readMessages(current.query, log, request.filter);
          return read.ok ? { id, type: 'messages', messages: read.value } : failed(id, read.errors);
        });
      case 'trace':
        return active(id, (current) => {
          const traced = traceChange(plan as PipelinePlan, current, request.start);
          return traced.ok ? { id, type: 'trace', trace: traced.value } : failed(id, traced.errors);
        });
      case 'examples':
        return active(id, (current) => {
          const examples: Record<string, LogMessage[]> = {};
          for (const product of plan?.products ?? []) {
            for (const output of product.outputs) {
              const read = readMessages(current.query, output.log.log, { limit: EXAMPLE_SCAN_RECORDS });
              if (read.ok)
                examples[output.log.log.table] = exampleRecords(read.value, output.dataset.kind, request.limit);
            }
          }
          return { id, type: 'examples', examples };
        });
      case 'recheck-examples': {
        sqlite ??= loadSqlite();
        const workspace = (await sqlite)();
        try {
          return {
            id,
            type: 'rechecked-examples',
            violations: recheckExamples(workspace.connect(), request.mesh, request.examples),
          };
        } finally {
          workspace.close();
        }
      }
      case 'step-refusals': {
        sqlite ??= loadSqlite();
        return { id, type: 'step-refusals', refusals: stepRefusals(request.mesh, await sqlite) };
      }
      case 'dispose':
        simulation?.dispose();
        simulation = undefined;
        return { id, type: 'disposed' };
    }
  }

  // Requests run one after another, in arrival order: a step sent right after create waits for it.
  let previous: Promise<unknown> = Promise.resolve();

  return {
    /** Never rejects: an engine bug becomes a `failed` response instead of a silent worker. */
    handle(request: SimulationRequest): Promise<SimulationResponse> {
      const response = previous.then(() =>
        answer(request).catch((error: unknown) => failed(request.id, [engineFailure(error)])),
      );
      previous = response;
      return response;
    },
  };
}

export type SimulationHost = ReturnType<typeof createSimulationHost>;

/** A `stepped` answer: the snapshot `run` ends at, and the counters of each tick it ran. */
function stepped(id: number, run: (onTick: (metrics: TickMetrics) => void) => SimulationMetrics): SimulationResponse {
  const ticks: TickMetrics[] = [];
  const metrics = run((tick) => ticks.push(tick));
  return { id, type: 'stepped', ticks, metrics };
}
