import { problemTicks } from './problem-ticks';
import { useSimulationStore } from './simulation-store';

const NONE: never[] = [];

/** What went wrong during the run (failed transformations, refused steps), once per place. */
export function RunErrors() {
  const errors = useSimulationStore((state) => state.metrics?.errors ?? NONE);
  if (errors.length === 0) return null;
  return (
    <section aria-label="Run problems" className="run-errors">
      <h3 className="simulation-panel__title">Problems during the run</h3>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}\n${error.message}`}>
            <code>{error.path}</code> {error.message} <span className="run-errors__ticks">({problemTicks(error)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
