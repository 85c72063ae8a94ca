import { quoted } from './isolated-names';
import type { Mesh } from './mesh';
import { type Fault, isTopicFault } from './scenario';
import { faultTargetName } from './topic-references';

/** A scenario's fault, which has no name, called by its kind and what it is aimed at, as a step is: `redeliver fault at tick 10 on topic 'orders-cdc'`. */
export function scenarioFaultName(mesh: Mesh, fault: Fault): string {
  const target = isTopicFault(fault) ? 'topic' : 'product';
  return `${fault.kind} fault at tick ${fault.tick} on ${target} ${quoted(faultTargetName(mesh, fault))}`;
}
