import { type Mesh, namedProblem } from '../../shared/model';
import type { SimulationError } from '../../shared/simulation/simulation-metrics';
import { problemTicks } from './problem-ticks';
import { useSimulationStore } from './simulation-store';

const NONE: never[] = [];

/**
 * What went wrong during the run, once per place: inputs whose tables miss what their producers
 * have (records lost to retention), then failed transformations and refused steps.
 */
export function RunErrors() {
  const gaps = useSimulationStore((state) => state.metrics?.inputGaps ?? NONE);
  const errors = useSimulationStore((state) => state.metrics?.errors ?? NONE);
  const runMesh = useSimulationStore((state) => state.runMesh);
  if (gaps.length + errors.length === 0 || !runMesh) return null;
  return <RunErrorList errors={[...gaps, ...errors]} runMesh={runMesh} />;
}

/** Each problem at the elements it is about, by name; the path into the run's design in its tooltip. */
export function RunErrorList({ errors, runMesh }: { errors: readonly SimulationError[]; runMesh: Mesh }) {
  return (
    <section aria-label="Run problems" className="run-errors">
      <h3 className="simulation-panel__title">Problems during the run</h3>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}\n${error.message}`}>
            <span className="run-errors__place" title={error.path}>
              {namedProblem(runMesh, error).path}
            </span>
            : {error.message} <span className="run-errors__ticks">({problemTicks(error)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
