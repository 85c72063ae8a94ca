import { useShallow } from 'zustand/react/shallow';
import { rowProgress, workSubject } from '../../shared/simulation/work-budget';
import { useSimulationStore } from './simulation-store';

/**
 * What the worker is doing while a request takes long: the rows of a large table it loads or
 * snapshots, the tick it replays to step back, or the unit of a slow step.
 */
export function RunProgress() {
  const { status, work, tick } = useSimulationStore(
    useShallow((state) => ({ status: state.status, work: state.workInProgress, tick: state.metrics?.tick ?? 0 })),
  );
  if (!work) return null;
  const text =
    rowProgress(work) ??
    (status === 'rewinding' ? `replaying tick ${work.tick} of ${tick - 1}` : `tick ${work.tick}: ${workSubject(work)}`);
  return (
    <span className="simulation-bar__progress" role="status" data-testid="run-progress">
      {text}
    </span>
  );
}
