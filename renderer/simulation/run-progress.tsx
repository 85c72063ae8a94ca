import { useShallow } from 'zustand/react/shallow';
import { runProgressText } from './run-progress-text';
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
  return (
    <span className="simulation-bar__progress" role="status" data-testid="run-progress">
      {runProgressText(status, work, tick)}
    </span>
  );
}
