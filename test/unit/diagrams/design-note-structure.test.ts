import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DiagramRequest, mermaidDiagram } from '../../../shared/export/mermaid';
import { caseMesh } from './export-cases';
import { type ParsedFlowchart, parseFlowchart } from './real-mermaid';

const noteDiagram = (name: string) =>
  parseFlowchart(readFileSync(join(import.meta.dirname, 'design-note', `${name}.mmd`), 'utf8'));

async function exported(sample: string, request: DiagramRequest): Promise<ParsedFlowchart> {
  const diagram = mermaidDiagram(caseMesh(sample), request);
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return parseFlowchart(diagram.value);
}

/** Nodes grouped by subgraph, and edges, with the nodes renamed by `rename`. */
function shape(chart: ParsedFlowchart, rename: (id: string) => string = (id) => id) {
  return {
    groups: chart.subgraphs.map((subgraph) => subgraph.nodes.map(rename).sort()).sort(),
    edges: chart.edges.map((edge) => `${rename(edge.from)} -> ${rename(edge.to)}`).sort(),
  };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Whether some one-to-one renaming of the note's nodes gives exactly the exported groups and edges. */
function isIsomorphic(note: ParsedFlowchart, exportedChart: ParsedFlowchart): boolean {
  const noteNodes = note.vertices.map((vertex) => vertex.id);
  const exportedNodes = exportedChart.vertices.map((vertex) => vertex.id);
  if (noteNodes.length !== exportedNodes.length) return false;
  const target = JSON.stringify(shape(exportedChart));
  return permutations(exportedNodes).some((order) => {
    const rename = (id: string) => order[noteNodes.indexOf(id)] as string;
    return JSON.stringify(shape(note, rename)) === target;
  });
}

/** The part of a diagram each node plays, from the note's labels or from the export's ids. */
type Roles = (vertex: { id: string; label: string }) => string;

const noteRoles: Roles = (vertex) => vertex.label.toLowerCase();

function roleStructure(chart: ParsedFlowchart, roleOf: Roles) {
  const byId = new Map(chart.vertices.map((vertex) => [vertex.id, vertex]));
  const role = (id: string) => {
    const subgraph = chart.subgraphs.find((candidate) => candidate.id === id);
    return subgraph ? roleOf({ id, label: subgraph.title }) : roleOf(byId.get(id) ?? { id, label: id });
  };
  const groupOf = (id: string) => chart.subgraphs.find((subgraph) => subgraph.nodes.includes(id));
  const nodes = chart.vertices.map((vertex) => {
    const group = groupOf(vertex.id);
    return `${group ? `${role(group.id)} / ` : ''}${role(vertex.id)} (${vertex.type})`;
  });
  const edges = chart.edges.map(
    (edge) => `${role(edge.from)} -> ${role(edge.to)}${edge.label ? ` [${edge.label}]` : ''}`,
  );
  return { nodes: [...new Set(nodes)].sort(), edges: [...new Set(edges)].sort() };
}

describe("the exports have the structure of the design note's diagrams", () => {
  it('logical view: the seed sample gives the same domains, products and links as the note', async () => {
    const note = await noteDiagram('logical-view');
    const seed = await exported('seed-logical-view', { kind: 'logical-view', subject: { kind: 'mesh' } });
    expect(seed.subgraphs.map((subgraph) => subgraph.nodes.length)).toEqual([2, 3]);
    expect(isIsomorphic(note, seed)).toBe(true);
  });

  it('logical view: the comparison fails when a link is missing', async () => {
    const note = await noteDiagram('logical-view');
    const seed = await exported('seed-logical-view', { kind: 'logical-view', subject: { kind: 'mesh' } });
    expect(isIsomorphic(note, { ...seed, edges: seed.edges.slice(1) })).toBe(false);
  });

  const ARCHITECTURE_ROLES: Record<string, string> = {
    part_inputs: 'inputs',
    part_core: 'core',
    part_outputs: 'outputs',
    core_storage: 'storage',
    core_documentation: 'documentation',
    core_pipeline: 'ci/cd pipelines',
    core_observability: 'observability',
    core_tests: 'tests',
    core_transformations: 'transformations',
    discovery: 'discovery port',
  };
  const architectureRoles: Roles = ({ id }) =>
    ARCHITECTURE_ROLES[id] ?? (id.startsWith('input_') ? 'input port' : id.startsWith('output_') ? 'output port' : id);

  it.each(['orders', 'customers', 'shipments', 'customer-360', 'sales-dashboard'])(
    'data product architecture: e-commerce %s has the note’s inputs, core and outputs, shapes and flow',
    async (productId) => {
      const note = roleStructure(await noteDiagram('data-product-architecture'), noteRoles);
      const chart = await exported('ecommerce', {
        kind: 'product-architecture',
        subject: { kind: 'product', id: productId },
      });
      expect(roleStructure(chart, architectureRoles)).toEqual(note);
    },
  );

  const retrievalRoles: Roles = ({ id }) => {
    const prefix = id.split('_')[0] as string;
    const roles: Record<string, string> = { service: 'microservice', port: 'output ports', consumer: 'consumer' };
    return roles[prefix] ?? prefix;
  };

  it('data retrieval flow: e-commerce orders-service has the note’s path, then the consumers', async () => {
    const note = roleStructure(await noteDiagram('data-retrieval-flow'), noteRoles);
    const chart = await exported('ecommerce', {
      kind: 'data-retrieval-flow',
      subject: { kind: 'system', id: 'orders-service' },
    });
    const flow = roleStructure(chart, retrievalRoles);
    // The export names the topics on messaging → raw; the note leaves that edge unlabelled.
    const edges = flow.edges.map((edge) => edge.replace(/^(messaging -> raw) \[.*\]$/, '$1'));
    // The note draws no frames; the export frames the system and each product it feeds.
    const nodes = flow.nodes.map((node) => node.replace(/^(system|product) \/ /, ''));
    expect({
      nodes: [...new Set(nodes)].filter((node) => !node.startsWith('consumer')).sort(),
      edges: edges.filter((edge) => !edge.includes('-> consumer')),
    }).toEqual(note);
  });
});
