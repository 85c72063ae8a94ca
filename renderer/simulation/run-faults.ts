import { useMemo } from 'react';
import type { Fault, Scenario } from '../../shared/model';
import { offlineBackAt } from '../../shared/simulation/fault-count';
import { faultsFiredSoFar } from '../../shared/simulation/fault-deck';
import { resendsOfRun } from '../../shared/simulation/fault-resends';
import { simulatedClock } from '../../shared/simulation/simulated-clock';
import type { TimedFault } from '../../shared/simulation/simulation';
import type { ResentRecords } from '../../shared/simulation/simulation-metrics';
import { liveMetrics, type SimulationState, useSimulationStore } from './simulation-store';

const NO_FAULTS: readonly Fault[] = [];
const NO_RESENDS: readonly ResentRecords[] = [];

/** The faults the running scenario schedules (a stable empty list when none, for the store's selector). */
export function scheduledFaults(state: SimulationState): readonly Fault[] {
  return runningScenario(state)?.faults ?? NO_FAULTS;
}

export function runningScenario(state: SimulationState): Scenario | undefined {
  return state.runMesh?.scenarios.find((scenario) => scenario.id === state.scenarioId);
}

/** The faults fired so far in this run, the scenario's and the deck's, each with its tick's time, as the engine's trace times them. */
export function useTimedFaults(): readonly TimedFault[] {
  const scenario = useSimulationStore(runningScenario);
  const fromDeck = useSimulationStore((state) => state.firedFaults);
  const tick = useSimulationStore((state) => state.metrics?.tick ?? -1);
  return useMemo(() => {
    if (!scenario) return [];
    const clock = simulatedClock(scenario.startTime, scenario.tickMillis);
    return faultsFiredSoFar(scenario.faults ?? NO_FAULTS, fromDeck, tick).map(({ fault }) => ({
      fault,
      millis: clock.millisAt(fault.tick),
    }));
  }, [scenario, fromDeck, tick]);
}

/** The tick a product a consumer-offline fault took offline is back at, while it is offline in the run shown. */
export function useOfflineBackAt(productId: string): number | undefined {
  const scheduled = useSimulationStore(scheduledFaults);
  const fromDeck = useSimulationStore((state) => state.firedFaults);
  const tick = useSimulationStore((state) => liveMetrics(state)?.tick);
  return tick === undefined ? undefined : offlineBackAt([...scheduled, ...fromDeck], productId, tick);
}

/** What each redelivery and out-of-order burst of the run sent again, by fault, once its tick has run. */
export function useRunResends(): ReadonlyMap<Fault, ResentRecords> {
  const runMesh = useSimulationStore((state) => state.runMesh);
  const scheduled = useSimulationStore(scheduledFaults);
  const fromDeck = useSimulationStore((state) => state.firedFaults);
  const resent = useSimulationStore((state) => state.metrics?.resent ?? NO_RESENDS);
  return useMemo(
    () => (runMesh ? resendsOfRun(runMesh, [...scheduled, ...fromDeck], resent) : new Map()),
    [runMesh, scheduled, fromDeck, resent],
  );
}
