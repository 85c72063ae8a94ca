import { useId } from 'react';
import type { Scenario } from '../../shared/model';
import { decimalInteger } from '../../shared/model/decimal-integer';
import { FieldProblem } from './field-problem';
import { seedFieldProblem, setSimulation, useSimulationStore } from './simulation-store';

/**
 * The run bar's seed for the next runs, kept as typed (a `-` alone on the way to a negative seed):
 * a text input, as a number input reads what it cannot take yet as nothing. It takes the seeds
 * `simulate --seed` takes; any other text it refuses with the command's words, and no run starts.
 */
export function SeedField({ chosen }: { chosen: Scenario | undefined }) {
  const seedText = useSimulationStore((state) => state.seedText);
  const problem = useSimulationStore(seedFieldProblem);
  const problemId = useId();
  const scenarioSeed = chosen === undefined ? '' : String(chosen.seed);
  const typedSeed = seedText === null || problem !== null ? undefined : decimalInteger(seedText);
  /** The scenario's own seed follows the scenario, as it is in the design. */
  const follow = (text: string) => setSimulation({ seedText: text === scenarioSeed ? null : text });
  return (
    <>
      <label title="Applies on reset">
        Seed
        <input
          type="text"
          inputMode="numeric"
          className="simulation-bar__number"
          value={seedText ?? scenarioSeed}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(event) => follow(event.target.value)}
          onBlur={() => typedSeed !== undefined && follow(String(typedSeed))}
        />
      </label>
      {chosen && typedSeed !== undefined && typedSeed !== chosen.seed && (
        <button
          type="button"
          className="link-button simulation-bar__seed-override"
          title={`The run bar's seed replaces the scenario's (${chosen.seed}) from the next reset: click to use the scenario's`}
          onClick={() => setSimulation({ seedText: null })}
        >
          not the scenario's {chosen.seed}
        </button>
      )}
      <FieldProblem id={problemId} problem={problem} />
    </>
  );
}
