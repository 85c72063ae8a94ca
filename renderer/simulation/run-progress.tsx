import { useShallow } from 'zustand/react/shallow';
import { useSimulationStore } from './simulation-store';

/** How far the worker is while it replays the run to an earlier tick (Step back). */
export function RunProgress() {
  const { status, work, tick } = useSimulationStore(
    useShallow((state) => ({ status: state.status, work: state.workInProgress, tick: state.metrics?.tick })),
  );
  if (status !== 'rewinding' || !work || tick === undefined) return null;
  return (
    <span className="simulation-bar__progress" role="status" data-testid="run-progress">
      replaying tick {work.tick} of {tick - 1}
    </span>
  );
}
