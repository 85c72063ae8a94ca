import type { Fault, Mesh } from '../model';
import { faultWithTopic } from '../model/topic-references';
import type { ResentRecords } from './simulation-metrics';

/**
 * What each redelivery and out-of-order burst of a run sent again, once its tick has run, by fault.
 * The engine fires a tick's faults in the run's order (the scenario's, then the deck's as fired), so
 * where two of one kind hit one topic at one tick (a deck card fired at a scenario fault's tick, a key
 * pressed twice), the nth of them in `runFaults` sent the nth such records.
 */
export function resendsOfRun(
  mesh: Mesh,
  runFaults: readonly Fault[],
  resent: readonly ResentRecords[],
): Map<Fault, ResentRecords> {
  const unclaimed = [...resent];
  const resends = new Map<Fault, ResentRecords>();
  for (const fault of runFaults) {
    if (fault.kind !== 'redeliver' && fault.kind !== 'out-of-order') continue;
    // A scenario's fault may name its topic as the canvas shows it; the engine's records name it by id.
    const { topicId } = faultWithTopic(mesh, fault);
    const index = unclaimed.findIndex(
      (candidate) =>
        candidate.tick === fault.tick &&
        candidate.kind === fault.kind &&
        candidate.systemId === fault.systemId &&
        candidate.topicId === topicId,
    );
    const resending = unclaimed[index];
    if (!resending) continue;
    resends.set(fault, resending);
    unclaimed.splice(index, 1);
  }
  return resends;
}
