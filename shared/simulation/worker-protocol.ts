import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import type { Fault, Scenario } from '../model/scenario';
import type { LogMessage } from './broker-log';
import type { ChangeTrace, TraceStart } from './change-trace';
import type { StepFailure } from './data-product-runtime';
import type { ExampleViolations } from './example-recheck';
import type { LogRecord, MessageFilter } from './log-reader';
import type { QueryResult } from './read-only-query';
import type { SimulationOptions } from './simulation';
import type { SimulationMetrics, TickMetrics } from './simulation-metrics';
import type { Work } from './work-budget';

/** The simulation's settings a worker accepts; the worker chooses the SQLite itself. */
export type WorkerSimulationOptions = Omit<SimulationOptions, 'sqlite'>;

/** What the app asks the simulation worker. `id` pairs each request with its response. */
export type SimulationRequest =
  | { id: number; type: 'create'; mesh: Mesh; scenario: Scenario; options?: WorkerSimulationOptions }
  | { id: number; type: 'step'; ticks: number }
  | { id: number; type: 'run-until'; tick: number }
  | { id: number; type: 'metrics' }
  | { id: number; type: 'query'; nodeId: string; sql: string }
  | { id: number; type: 'execute'; systemId: string; sql: string }
  /**
   * `atNextTick`: the engine fires the fault at its own next tick, whatever tick the request named
   * (the screen may not yet show a step the worker has finished).
   */
  | { id: number; type: 'inject'; fault: Fault; atNextTick?: boolean }
  | { id: number; type: 'messages'; log: string; filter: MessageFilter }
  | { id: number; type: 'trace'; start: TraceStart }
  | { id: number; type: 'examples'; limit: number }
  /** Example records of an earlier run, checked by the contracts of `mesh`: needs no run. */
  | { id: number; type: 'recheck-examples'; mesh: Mesh; examples: Record<string, LogMessage[]> }
  /** What SQLite refuses of the mesh's transformations when a run prepares them (see stepRefusals): needs no run. */
  | { id: number; type: 'step-refusals'; mesh: Mesh }
  | { id: number; type: 'reset' }
  /** Back to an earlier tick, rebuilt and run again: answered as a step, with the counters of every tick from 0. */
  | { id: number; type: 'rewind'; tick: number }
  | { id: number; type: 'dispose' };

export type SimulationResponse =
  | { id: number; type: 'metrics'; metrics: SimulationMetrics }
  /** After a step: the counters of each tick it ran, for the run's history, and the snapshot after the last. */
  | { id: number; type: 'stepped'; ticks: TickMetrics[]; metrics: SimulationMetrics }
  /** A query's rows, and the tick (and simulated time) the storage was at when it ran. */
  | { id: number; type: 'query-result'; result: QueryResult; tick: number; time: string }
  | { id: number; type: 'executed'; changes: number }
  /** The fault as it will fire, at the tick the engine chose. */
  | { id: number; type: 'injected'; fault: Fault }
  | { id: number; type: 'messages'; messages: LogRecord[] }
  | { id: number; type: 'trace'; trace: ChangeTrace }
  | { id: number; type: 'examples'; examples: Record<string, LogMessage[]> }
  | { id: number; type: 'rechecked-examples'; violations: ExampleViolations }
  | { id: number; type: 'step-refusals'; refusals: StepFailure[] }
  | { id: number; type: 'disposed' }
  | { id: number; type: 'failed'; errors: Problem[] };

/** Sent by the worker as each unit of work starts, unasked: a worker stuck in one can no longer say so. */
export interface ProgressReport {
  type: 'progress';
  work: Work;
}

export type WorkerMessage = SimulationResponse | ProgressReport;

/** A request before the client numbers it. */
export type SimulationCommand = SimulationRequest extends infer Request
  ? Request extends SimulationRequest
    ? Omit<Request, 'id'>
    : never
  : never;
