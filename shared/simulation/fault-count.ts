import type { Fault, FaultKind } from '../model';
import { wholeNumberProblem } from '../model/decimal-integer';

/** The most ticks offline or records resent a fault card fires: more would outlast any workshop's run. */
export const MOST_FAULT_COUNT = 1000;

/** Why the Ticks (of a consumer going offline) or Records typed on a fault card are refused, or null. */
export function faultCountProblem(kind: FaultKind, text: string): string | null {
  const name = kind === 'consumer-offline' ? 'Ticks' : 'Records';
  return wholeNumberProblem(name, text, kind === 'out-of-order' ? 2 : 1, MOST_FAULT_COUNT);
}

type OfflineFault = Extract<Fault, { kind: 'consumer-offline' }>;

/** How long a consumer gone offline stays away: it consumes again at the tick after its last offline one. */
export function offlineOutcome(fault: OfflineFault): string {
  return `offline for ${fault.ticks === 1 ? '1 tick' : `${fault.ticks} ticks`}, back at tick ${backAtTick(fault)}.`;
}

/** The tick a product offline at `tick` consumes again, by the fault that took it offline; undefined while it is online. */
export function offlineBackAt(faults: readonly Fault[], productId: string, tick: number): number | undefined {
  const backAt = faults
    .filter((fault): fault is OfflineFault => fault.kind === 'consumer-offline' && fault.productId === productId)
    .filter((fault) => fault.tick <= tick && tick < backAtTick(fault))
    .map(backAtTick);
  return backAt.length > 0 ? Math.max(...backAt) : undefined;
}

function backAtTick(fault: OfflineFault): number {
  return fault.tick + fault.ticks;
}
