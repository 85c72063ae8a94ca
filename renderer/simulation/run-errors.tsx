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
 * output port quarantined (what the canvas's badges show and makes the CLI's run fail); then
 * the warnings, steps that changed no row, which the run went on past.
 */
export function RunErrors() {
  const gaps = useSimulationStore((state) => state.metrics?.inputGaps ?? NONE);
  const errors = useSimulationStore((state) => state.metrics?.errors ?? NONE);
  const warnings = useSimulationStore((state) => state.metrics?.warnings ?? NONE);
  const ports = useSimulationStore((state) => state.metrics?.ports ?? NO_PORTS);
  const runMesh = useSimulationStore((state) => state.runMesh);
  const quarantines = useMemo(() => (runMesh ? quarantineProblems(runMesh, ports) : NONE), [runMesh, ports]);
  if (!runMesh) return null;
  return (
    <>
      {gaps.length + errors.length + quarantines.length > 0 && (
        <RunErrorList errors={[...gaps, ...errors]} quarantines={quarantines} runMesh={runMesh} />
      )}
      {warnings.length > 0 && <RunErrorList errors={warnings} runMesh={runMesh} isWarnings />}
    </>
  );
}

/**
 * Each problem at the elements it is about, by name; the path into the run's design in its tooltip.
 * A quarantine's message says its count and first tick itself.
 */
export function RunErrorList({
  errors,
  quarantines = NONE,
  runMesh,
  isWarnings = false,
}: {
  errors: readonly SimulationError[];
  quarantines?: readonly Problem[];
  runMesh: Mesh;
  isWarnings?: boolean;
}) {
  const items = [
    ...errors.map((error) => ({ problem: error, ticks: ` (${problemTicks(error)})` })),
    ...quarantines.map((problem) => ({ problem, ticks: '' })),
  ];
  return (
    <section
      aria-label={isWarnings ? 'Run warnings' : 'Run problems'}
      className={isWarnings ? 'run-errors run-errors--warnings' : 'run-errors'}
    >
      <h3 className="simulation-panel__title">{isWarnings ? 'Warnings during the run' : 'Problems during the run'}</h3>
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
