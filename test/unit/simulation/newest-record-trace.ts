import type { Mesh } from '../../../shared/model/mesh';
import { type ChangeTrace, traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import type { Simulation } from '../../../shared/simulation/simulation';

/** The trace of the newest record on a log (`service/changes`), as the run reads it now. */
export function traceOfNewestRecord(mesh: Mesh, simulation: Simulation, logTable: string): ChangeTrace {
  const plan = planPipeline(mesh);
  const log = plan.logs.find((candidate) => candidate.table === logTable);
  const newest = log && readMessages(simulation.query, log, { limit: 1 });
  const position = newest?.ok ? newest.value[0]?.position : undefined;
  if (!log || position === undefined) throw new Error(`no record on ${logTable}`);
  const traced = traceChange(plan, simulation, { kind: 'record', log: log.table, position });
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value;
}
