import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import type { Scenario } from '../model/scenario';
import type { QueryResult } from './read-only-query';
import type { SimulationOptions } from './simulation';
import type { SimulationMetrics } from './simulation-metrics';

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
  | { id: number; type: 'reset' }
  | { id: number; type: 'dispose' };

export type SimulationResponse =
  | { id: number; type: 'metrics'; metrics: SimulationMetrics }
  | { id: number; type: 'query-result'; result: QueryResult }
  | { id: number; type: 'executed'; changes: number }
  | { id: number; type: 'disposed' }
  | { id: number; type: 'failed'; errors: Problem[] };

/** A request before the client numbers it. */
export type SimulationCommand = SimulationRequest extends infer Request
  ? Request extends SimulationRequest
    ? Omit<Request, 'id'>
    : never
  : never;
