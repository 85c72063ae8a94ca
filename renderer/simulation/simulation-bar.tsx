import { useShallow } from 'zustand/react/shallow';
import { greyedOutUnless } from '../app/greyed-out-button';
import { CommandButton } from '../commands/command-button';
import { useDocumentStore } from '../store/document-store';
import { whyNothingToRun } from './nothing-to-run';
import { PauseAtField } from './pause-at-field';
import { PresentButton } from './present-button';
import { runAnnouncement } from './run-announcement';
import { RunProgress } from './run-progress';
import { SeedField } from './seed-field';
import { SimulatedClock } from './simulated-clock';
import { simulation } from './simulation-controller';
import { MAX_SPEED, MIN_SPEED, setSimulation, useSimulationStore } from './simulation-store';

/**
 * The run's controls: run, pause, step, reset, speed, seed, scenario, and the simulated clock. Its
 * buttons grey out as they are pressed (while the run starts or goes back) and stay focusable then.
 */
export function SimulationBar() {
  const { mode, status, speed, scenarioId, failure } = useSimulationStore(
    useShallow((state) => ({
      mode: state.mode,
      status: state.status,
      speed: state.speed,
      scenarioId: state.scenarioId,
      failure: state.failure,
    })),
  );
  const announcement = useSimulationStore((state) => runAnnouncement(state.status, state.metrics?.tick));
  const scenarios = useDocumentStore((state) => state.mesh?.scenarios);
  const nothingToRun = useDocumentStore((state) => whyNothingToRun(state.mesh));
  if (mode !== 'simulate') return null;
  const isRunning = status === 'running';
  const isBusy = status === 'starting' || status === 'rewinding';
  const cannotRun = isBusy || nothingToRun !== undefined;
  const chosen = scenarios?.find((scenario) => scenario.id === scenarioId) ?? scenarios?.[0];
  return (
    <div className="simulation-bar" role="toolbar" aria-label="Simulation">
      <div className="simulation-bar__group">
        {isRunning ? (
          <button type="button" className="primary" onClick={simulation.pause} title="Pause the run">
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            {...greyedOutUnless(!cannotRun, () => void simulation.run())}
            title={nothingToRun ?? 'Run'}
          >
            ▶ Run
          </button>
        )}
        <button
          type="button"
          {...greyedOutUnless(!cannotRun, () => void simulation.step())}
          title={nothingToRun ?? 'Run one tick'}
        >
          Step
        </button>
        <CommandButton command="simulation.step-back" label="Step back" staysFocusable>
          ↶
        </CommandButton>
        <button
          type="button"
          {...greyedOutUnless(!cannotRun, () => void simulation.reset())}
          title={nothingToRun ?? 'Back to tick 0 with the scenario as it is now'}
        >
          Reset
        </button>
      </div>
      <label className="simulation-bar__speed" title="Speed">
        <span className="simulation-bar__word">Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={MIN_SPEED}
          max={MAX_SPEED + 1}
          value={speed === 'max' ? MAX_SPEED + 1 : speed}
          aria-valuetext={speed === 'max' ? 'as fast as possible' : `${speed} ticks per second`}
          onChange={(event) => {
            const value = Number(event.target.value);
            setSimulation({ speed: value > MAX_SPEED ? 'max' : value });
          }}
        />
        <output data-testid="speed">{speed === 'max' ? 'max' : `${speed}/s`}</output>
      </label>
      <PauseAtField />
      <SeedField chosen={chosen} />
      <label title="Scenario: applies on reset">
        <span className="simulation-bar__word">Scenario</span>
        <select
          aria-label="Scenario"
          title={chosen?.name}
          value={chosen?.id ?? ''}
          onChange={(event) => simulation.chooseScenario(event.target.value)}
        >
          {scenarios?.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </label>
      <SimulatedClock className="simulation-bar__clock" testId="simulated-clock" tickTestId="tick" />
      <span className={`simulation-bar__status simulation-bar__status--${status}`}>{STATUS_LABELS[status]}</span>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      <RunProgress />
      <PresentButton />
      {failure && (
        <div className="simulation-bar__failure" role="alert">
          <span>{failure}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setSimulation({ failure: null })}>
            ×
          </button>
        </div>
      )}
      <RefusedEditPrompt />
    </div>
  );
}

export const STATUS_LABELS = {
  idle: 'not started',
  starting: 'starting…',
  rewinding: 'going back…',
  running: 'running',
  paused: 'paused',
  stopped: 'stopped',
};

/** An edit tried in Simulate mode: offer to go back to Design. */
function RefusedEditPrompt() {
  const refused = useDocumentStore((state) => state.refusedEdits);
  const seen = useSimulationStore((state) => state.seenRefusedEdits);
  if (refused === seen) return null;
  return (
    <div className="simulation-bar__prompt" role="status">
      The design is read-only while simulating.
      <button type="button" className="primary" onClick={() => simulation.leave()}>
        Back to Design
      </button>
      <button type="button" onClick={() => setSimulation({ seenRefusedEdits: refused })}>
        Keep simulating
      </button>
    </div>
  );
}
