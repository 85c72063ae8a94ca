import { type Mesh, resolveEndpoint } from '../../shared/model';
import type { TraceStage } from '../../shared/simulation/trace-stage';

/**
 * Where each stage of a trace is, as its list names it: its node by name, and where that node has
 * several stages of one kind (a product's transformations, output ports or inputs), which one.
 * Ids stand in only for what the design does not have (any longer).
 */
export function traceStagePlaces(mesh: Mesh | null, stages: readonly TraceStage[]): string[] {
  const kindAt = (stage: TraceStage) => `${stage.kind} ${stage.nodeId}`;
  const counts = new Map<string, number>();
  for (const stage of stages) counts.set(kindAt(stage), (counts.get(kindAt(stage)) ?? 0) + 1);
  const nodeName = (nodeId: string) =>
    (mesh?.products.find((product) => product.id === nodeId) ?? mesh?.systems.find((system) => system.id === nodeId))
      ?.name ?? nodeId;
  const partName = (stage: TraceStage) => {
    const part = stage.portId && mesh && resolveEndpoint(mesh, { nodeId: stage.nodeId, portId: stage.portId });
    if (part) return part.kind === 'port' ? part.port.name : part.topic.name;
    return stage.portId ?? stage.source.replace(`${stage.nodeId}/`, '');
  };
  const hasSeveral = (stage: TraceStage) => (counts.get(kindAt(stage)) ?? 0) > 1 || partsOfKind(mesh, stage) > 1;
  return stages.map((stage) =>
    hasSeveral(stage) ? `${nodeName(stage.nodeId)} · ${partName(stage)}` : nodeName(stage.nodeId),
  );
}

/** How many parts of the stage's kind its node has in the design: a product's output ports, inputs or transformations. */
function partsOfKind(mesh: Mesh | null, stage: TraceStage): number {
  const product = mesh?.products.find((candidate) => candidate.id === stage.nodeId);
  if (!product) return 0;
  if (stage.kind === 'output-port') return product.outputPorts.length;
  if (stage.kind === 'raw') return product.inputPorts.length;
  if (stage.kind === 'transformation') return product.transformations.length;
  return 0;
}
