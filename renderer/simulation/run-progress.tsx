import { useShallow } from 'zustand/react/shallow';
import { runProgressText } from './run-progress-text';
import { useSimulationStore } from './simulation-store';

/**
 * What the worker is doing while a request takes long, or that a Step waits for the console's query: the rows of a large table it loads or
 * snapshots, the tick it replays to step back, or the unit of a slow step.
 */
export function RunProgress() {
  const { status, work, tick, isWaitingForQuery } = useSimulationStore(
    useShallow((state) => ({
      status: state.status,
      work: state.workInProgress,
      tick: state.metrics?.tick ?? 0,
      isWaitingForQuery: state.isWaitingForQuery,
    })),
  );
  if (isWaitingForQuery) {
    return (
      <span className="simulation-bar__progress" role="status" data-testid="run-progress">
        waiting for the query to finish
      </span>
    );
  }
  if (!work) return null;
  return (
    <span className="simulation-bar__progress" role="status" data-testid="run-progress">
      {runProgressText(status, work, tick)}
    </span>
  );
}
