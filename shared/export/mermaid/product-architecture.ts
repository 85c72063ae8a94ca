import type { DataProduct, Port } from '../../model';
import { contractLabel, firstLine, listed } from './diagram-labels';
import { type Flowchart, type FlowNode, flowNode, flowSubgraph } from './flowchart';
import { linkEndName, type MeshGraph } from './mesh-graph';

/** Ids are fixed: a product architecture is one product, so nothing can clash. */
const PART = { inputs: 'part_inputs', core: 'part_core', outputs: 'part_outputs' } as const;

/**
 * The design note's data product architecture: inputs (the input ports and what feeds them),
 * the core (storage, transformations, tests, observability, CI/CD pipeline, documentation, with
 * the product's values) and outputs (output ports with their contract and version, and the
 * discovery port), drawn with the note's shapes: `in-out` ports, `db` storage, `doc` documentation.
 */
export function productArchitecture(graph: MeshGraph, product: DataProduct): Flowchart {
  const inputs = product.inputPorts.map((port, index) =>
    flowNode(`input_${index + 1}`, `${port.name} · ${inputSources(graph, product, port)}`, 'in-out'),
  );
  const outputs = product.outputPorts.map((port, index) =>
    flowNode(`output_${index + 1}`, `${port.name} · ${contractOf(graph, port)}`, 'in-out'),
  );
  const discovery = product.discoveryPort;
  return {
    title: `Data product architecture: ${product.name}`,
    direction: 'LR',
    items: [
      flowSubgraph(PART.inputs, 'Inputs', inputs.length > 0 ? inputs : [placeholder('input_none', 'no input ports')]),
      flowSubgraph(PART.core, `Core: ${product.name} (${product.kind})`, coreParts(product)),
      flowSubgraph(PART.outputs, 'Outputs', [
        ...(outputs.length > 0 ? outputs : [placeholder('output_none', 'no output ports')]),
        flowNode('discovery', `${discovery.name} · discovery port (${discovery.protocol})`, 'in-out'),
      ]),
    ],
    edges: [
      { from: PART.inputs, to: PART.core },
      { from: PART.core, to: PART.outputs },
    ],
  };
}

function coreParts(product: DataProduct): FlowNode[] {
  const { storage, transformations, tests, observability, pipeline } = product;
  const tables = storage.tables.map((table) => table.name);
  return [
    flowNode('core_storage', `Storage: ${storage.engine}${tables.length > 0 ? ` · ${listed(tables)}` : ''}`, 'db'),
    flowNode('core_transformations', `Transformations: ${listed(transformations.map((step) => step.name))}`),
    flowNode('core_tests', `Tests: ${listed(tests.map((test) => `${test.name} (${test.severity})`))}`),
    flowNode(
      'core_observability',
      `Observability: ${listed(observability.slos.map((slo) => `${slo.kind} ${slo.target} ${slo.unit}`))}`,
    ),
    flowNode('core_pipeline', `CI/CD pipeline: ${pipeline.stages.map((stage) => stage.name).join(' → ') || 'none'}`),
    flowNode('core_documentation', `Documentation: ${firstLine(product.documentation) || 'none'}`, 'doc'),
  ];
}

function inputSources(graph: MeshGraph, product: DataProduct, port: Port): string {
  const sources = graph
    .linksInto(product.id)
    .filter((resolved) => resolved.to.port.id === port.id)
    .map((resolved) => linkEndName(resolved.from));
  return sources.length > 0 ? `from ${listed(sources)}` : 'not linked';
}

function contractOf(graph: MeshGraph, port: Port): string {
  const contract = graph.contract(port.contractId);
  return contract ? `${contractLabel(contract)} (${contract.kind})` : contractLabel(contract);
}

function placeholder(id: string, label: string): FlowNode {
  return flowNode(id, label, 'rounded');
}
