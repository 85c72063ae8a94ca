import type { Fault, TopicFault } from '../model/scenario';
import { isTopicFault } from '../model/scenario';

/** The faults of one run: the scenario's own, and those the fault deck injects while it runs. */
export interface FaultSchedule {
  add(fault: Fault): void;
  /** The topic faults that fire on a system at a tick, in the order they were given. */
  topicFaultsAt(tick: number, systemId: string): TopicFault[];
  /** Whether a `consumer-offline` fault keeps the product from consuming at this tick. */
  isOffline(productId: string, tick: number): boolean;
}

export function createFaultSchedule(scenarioFaults: readonly Fault[]): FaultSchedule {
  const faults = [...scenarioFaults];
  return {
    add: (fault) => faults.push(fault),
    topicFaultsAt: (tick, systemId) =>
      faults.filter(isTopicFault).filter((fault) => fault.tick === tick && fault.systemId === systemId),
    isOffline: (productId, tick) =>
      faults.some(
        (fault) =>
          fault.kind === 'consumer-offline' &&
          fault.productId === productId &&
          tick >= fault.tick &&
          tick < fault.tick + fault.ticks,
      ),
  };
}

/** Faults that change what the source captures; they happen before the tick's writes. */
export function changesCapture(fault: TopicFault): boolean {
  return fault.kind === 'null-field' || fault.kind === 'rename-column';
}
