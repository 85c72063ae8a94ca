import type { TraceStage } from '../../shared/simulation/change-trace';

/**
 * Where each stage of a trace is, as its list names it: its node, and where that node has several
 * stages of one kind (a product's transformations, output ports or inputs), which one.
 */
export function traceStagePlaces(stages: readonly TraceStage[]): string[] {
  const kindAt = (stage: TraceStage) => `${stage.kind} ${stage.nodeId}`;
  const counts = new Map<string, number>();
  for (const stage of stages) counts.set(kindAt(stage), (counts.get(kindAt(stage)) ?? 0) + 1);
  return stages.map((stage) =>
    (counts.get(kindAt(stage)) ?? 0) > 1
      ? `${stage.nodeId} · ${stage.portId ?? stage.source.replace(`${stage.nodeId}/`, '')}`
      : stage.nodeId,
  );
}
