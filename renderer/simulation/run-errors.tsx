import { useMemo } from 'react';
import { type Mesh, namedProblem, type Problem } from '../../shared/model';
import { quarantineProblems } from '../../shared/simulation/quarantine-problems';
import type { PortMetrics, SimulationError } from '../../shared/simulation/simulation-metrics';
import { problemTicks } from './problem-ticks';
import { useSimulationStore } from './simulation-store';

const NONE: never[] = [];
const NO_PORTS: Record<string, PortMetrics> = {};

/**
 * What went wrong during the run, once per place: inputs whose tables miss what their producers
 * have (records lost to retention), failed transformations and refused steps, then what each
 * output port quarantined (what the canvas's badges show and makes the CLI's run fail).
 */
export function RunErrors() {
  const gaps = useSimulationStore((state) => state.metrics?.inputGaps ?? NONE);
  const errors = useSimulationStore((state) => state.metrics?.errors ?? NONE);
  const ports = useSimulationStore((state) => state.metrics?.ports ?? NO_PORTS);
  const runMesh = useSimulationStore((state) => state.runMesh);
  const quarantines = useMemo(() => (runMesh ? quarantineProblems(runMesh, ports) : NONE), [runMesh, ports]);
  if (gaps.length + errors.length + quarantines.length === 0 || !runMesh) return null;
  return <RunErrorList errors={[...gaps, ...errors]} quarantines={quarantines} runMesh={runMesh} />;
}

/**
 * Each problem at the elements it is about, by name; the path into the run's design in its tooltip.
 * A quarantine's message says its count and first tick itself.
 */
export function RunErrorList({
  errors,
  quarantines = NONE,
  runMesh,
}: {
  errors: readonly SimulationError[];
  quarantines?: readonly Problem[];
  runMesh: Mesh;
}) {
  const items = [
    ...errors.map((error) => ({ problem: error, ticks: ` (${problemTicks(error)})` })),
    ...quarantines.map((problem) => ({ problem, ticks: '' })),
  ];
  return (
    <section aria-label="Run problems" className="run-errors">
      <h3 className="simulation-panel__title">Problems during the run</h3>
      <ul>
        {items.map(({ problem, ticks }) => (
          <li key={`${problem.path}\n${problem.message}`}>
            <span className="run-errors__place" title={problem.path}>
              {namedProblem(runMesh, problem).path}
            </span>
            : {problem.message}
            {ticks && <span className="run-errors__ticks">{ticks}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
