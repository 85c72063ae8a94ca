import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Mesh } from '../../shared/model';
import type { SimulationClient } from '../../shared/simulation';
import { stepRefusalInputs } from '../../shared/simulation/step-refusals';
import { whenInputPauses } from '../app/when-input-pauses';
import { simulationWorkerClient } from '../simulation/simulation-worker';
import { useDocumentStore } from '../store/document-store';

/** Long enough for a burst of typing in a step's SQL to settle; the preparing itself is off the main thread. */
const STEP_REFUSALS_PAUSE_MILLIS = 300;

const NO_INPUTS: readonly unknown[] = [];

/** Its own worker: the check never waits behind a run's ticks, and never restarts the worker a run is in. */
let client: SimulationClient | null = null;

/**
 * Asks a worker what SQLite refuses of the open design's transformations, as a run would prepare
 * them (ILIKE, DISTINCT ON, date_trunc), once input pauses after a change of its steps, ports,
 * contracts, links or systems (a move on the canvas changes none), for the Problems tab; an answer
 * for steps changed since is dropped (see tellPreparedSteps).
 */
export function useStepRefusalsInBackground(): void {
  const inputs = useDocumentStore(useShallow((state) => (state.mesh ? stepRefusalInputs(state.mesh) : NO_INPUTS)));
  useEffect(() => {
    if (inputs === NO_INPUTS) return;
    return whenInputPauses(() => {
      const { mesh } = useDocumentStore.getState();
      if (mesh) void askStepRefusals(mesh);
    }, STEP_REFUSALS_PAUSE_MILLIS);
  }, [inputs]);
}

async function askStepRefusals(mesh: Mesh): Promise<void> {
  client ??= simulationWorkerClient();
  // No budget: preparing a statement runs none of it, so it cannot loop.
  const response = await client.send({ type: 'step-refusals', mesh });
  if (response.type !== 'step-refusals') return;
  useDocumentStore.getState().tellPreparedSteps({ inputs: stepRefusalInputs(mesh), refusals: response.refusals });
}
