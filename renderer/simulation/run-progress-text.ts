import { rowProgress, type Work, workSubject } from '../../shared/simulation/work-budget';
import type { RunStatus } from './simulation-store';

/** What the run bar says the worker is doing: the rows it loads, the tick it replays to step back to `tick - 1`, or the unit of a slow step. */
export function runProgressText(status: RunStatus, work: Work, tick: number): string {
  return (
    rowProgress(work) ??
    (status === 'rewinding' ? `replaying tick ${work.tick} of ${tick - 1}` : `tick ${work.tick}: ${workSubject(work)}`)
  );
}
